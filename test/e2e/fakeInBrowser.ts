/** The fake Excel as a browser script: transpiled from test/excel/fakeExcel.ts, no bundler needed. */
import { readFileSync } from 'fs';
import { join } from 'path';
import ts from 'typescript';
import type { FakeOptions } from '../excel/fakeExcel';

const SOURCE = join(__dirname, '..', 'excel', 'fakeExcel.ts');

export function fakeExcelScript(opts: FakeOptions & { displayLanguage?: string }): string {
  const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    fileName: 'fakeExcel.ts',
  });
  return `(() => {
  const exports = {};
  const module = { exports };
  ${outputText}
  const fake = exports.createFakeExcel(${JSON.stringify(opts)});
  exports.installOfficeGlobals(window, fake, { displayLanguage: ${JSON.stringify(opts.displayLanguage ?? 'zh-CN')} });
  window.__fake = fake;
})();`;
}
