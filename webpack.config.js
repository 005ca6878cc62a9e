/* Task pane (taskpane.html) and ribbon commands (commands.html) for the Excel add-in.
 * `npm run build`: production bundles in dist/, manifest URLs rewritten to ADDIN_BASE_URL.
 * `OFFICE_JS=local npm run build` (after `npm install --no-save @microsoft/office-js`), or
 * `OFFICE_JS=/dir/with/office.js npm run build` (files downloaded from the CDN): office.js is served
 * from dist/office-js/ instead of Microsoft's CDN, for intranets that cannot reach it. Microsoft
 * allows this for internal deployment only (AppSource add-ins must use the CDN).
 * `npm run dev-server`: https://localhost:3000 with office-addin-dev-certs (webpack's own
 * self-signed certificate when those cannot be made). */
const path = require('path');

const DEV_URL = 'https://localhost:3000';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PLACEHOLDER_URL = 'https://duty-review.example.com';

/** The production base URL of the add-in's files, without a trailing slash. */
function baseUrl() {
  return (process.env.ADDIN_BASE_URL || PLACEHOLDER_URL).replace(/\/+$/, '');
}

/**
 * The manifest for `base`: every URL under it, and each <AppDomain> only its origin (scheme, host
 * and port; the schema and Office want no path there).
 */
function manifestFor(content, base) {
  const text = base === DEV_URL ? content : content.split(DEV_URL).join(base);
  const origin = new URL(base).origin;
  return text.replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`);
}

/** Where office.js comes from: the CDN, or a local copy to serve from dist/office-js/. */
function officeJsSource(setting) {
  if (!setting) return null;
  if (setting === 'local') {
    try {
      return path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
    } catch {
      throw new Error(
        'OFFICE_JS=local needs the @microsoft/office-js package: npm install --no-save @microsoft/office-js',
      );
    }
  }
  const dir = path.resolve(setting);
  if (!require('fs').existsSync(path.join(dir, 'office.js'))) throw new Error(`OFFICE_JS: no office.js in ${dir}`);
  return dir;
}

async function httpsServer() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options };
  } catch (e) {
    console.warn(`office-addin-dev-certs unavailable (${e.message}); using a self-signed certificate.`);
    return 'https';
  }
}

module.exports = async (env = {}, argv = {}) => {
  // required here, so that tests can load this file for manifestFor without the plugins
  const webpack = require('webpack');
  const HtmlWebpackPlugin = require('html-webpack-plugin');
  const CopyWebpackPlugin = require('copy-webpack-plugin');
  const dev = argv.mode === 'development';
  const serving = !!process.env.WEBPACK_SERVE;
  const base = dev ? DEV_URL : baseUrl();
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'dist');
  const localOfficeJs = officeJsSource(process.env.OFFICE_JS);
  const officeJs = localOfficeJs ? 'office-js/office.js' : OFFICE_CDN;

  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'eval-cheap-module-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/taskpane/commands.ts',
    },
    output: {
      path: outDir,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules for tree shaking; ES2020 for the WebView2 / Safari task-pane browsers.
              compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ __OFFICE_JS_URL__: JSON.stringify(officeJs) }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        officeJs,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/taskpane/commands.html',
        chunks: ['commands'],
        officeJs,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => manifestFor(content.toString(), base),
          },
          ...(localOfficeJs ? [{ from: localOfficeJs, to: 'office-js' }] : []),
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          port: 3000,
          server: await httpsServer(),
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};

module.exports.manifestFor = manifestFor;
module.exports.OFFICE_CDN = OFFICE_CDN;
