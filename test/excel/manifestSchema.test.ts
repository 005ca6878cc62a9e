/**
 * The manifest against Microsoft's own XSDs, offline, with xmllint — the check Office's side-loading
 * and the admin center run. The XSDs are Microsoft's ([MS-OWEMXML] Appendix A) and are not ours to
 * redistribute, so they are not in the repository: put them in a folder and point
 * MANIFEST_XSD_DIR at it (see README, "Validating the manifest"). Without them, only the order of
 * the top-level elements is checked here (the XSD's sequence, the most common validation failure).
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestFor } = require('../../webpack.config.js') as { manifestFor: (xml: string, base: string) => string };

/** OfficeApp's children in the order of the XSD's sequence (OfficeAppManifestV1_1, TaskPaneApp). */
const OFFICE_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];

function topLevelElements(doc: string): string[] {
  const body = doc.slice(doc.indexOf('<OfficeApp'), doc.lastIndexOf('</OfficeApp>'));
  const names: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z:]+)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClosing] = m;
    if (close) depth--;
    else {
      if (depth === 1) names.push(name!);
      if (!selfClosing) depth++;
    }
  }
  return names;
}

test('OfficeApp lists its elements in the order the schema requires', () => {
  const names = topLevelElements(xml);
  expect(names).toContain('VersionOverrides');
  const positions = names.map((n) => OFFICE_APP_ORDER.indexOf(n));
  expect(positions).not.toContain(-1);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});

const XSD_DIR = process.env.MANIFEST_XSD_DIR;
const MAIN_XSD = XSD_DIR ? join(XSD_DIR, 'OfficeAppManifestV1_1.xsd') : '';
const haveXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const withSchemas = XSD_DIR && existsSync(MAIN_XSD) && haveXmllint ? describe : describe.skip;

withSchemas("Microsoft's XSDs (MANIFEST_XSD_DIR)", () => {
  function validate(doc: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const file = join(dir, 'manifest.xml');
    writeFileSync(file, doc);
    try {
      return execFileSync('xmllint', ['--noout', '--schema', MAIN_XSD, file], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const err = e as { stderr?: string };
      throw new Error(`xmllint refused the manifest:\n${err.stderr ?? String(e)}`);
    }
  }

  test('the development manifest validates', () => {
    expect(() => validate(xml)).not.toThrow();
  });

  test('a manifest built for an intranet address with a path validates', () => {
    expect(() => validate(manifestFor(xml, 'https://intranet.example.gov.cn:8443/duty-review'))).not.toThrow();
  });

  test('the schemas do refuse a broken manifest (the check is real)', () => {
    expect(() => validate(xml.replace('<Version>0.1.0.0</Version>', '<Version>one</Version>'))).toThrow(/Version/);
  });
});
