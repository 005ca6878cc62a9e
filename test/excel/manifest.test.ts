/** The add-in manifest, checked offline: well-formed, a real GUID, every resid defined, every icon present. */
import { readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = join(__dirname, '..', '..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['Control', 'bt:Image', 'bt:Url', 'bt:String', 'Override', 'bt:Override'].includes(name),
});
type Node = Record<string, unknown>;
const doc = parser.parse(xml) as { OfficeApp: Node };
const app = doc.OfficeApp;

const at = (node: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((n, key) => (n && typeof n === 'object' ? (n as Node)[key] : undefined), node);

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test('the manifest is well-formed XML for a task-pane add-in in Excel', () => {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(app['@_xsi:type']).toBe('TaskPaneApp');
  expect(at(app, 'Hosts', 'Host', '@_Name')).toBe('Workbook');
  expect(at(app, 'DefaultLocale')).toBe('zh-CN');
});

test('its Id is a GUID', () => {
  expect(String(app.Id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
});

test('name and description are Chinese, with an en-US override', () => {
  expect(at(app, 'DisplayName', '@_DefaultValue')).toBe('履职评价填报校验');
  expect(at(app, 'DisplayName', 'Override')).toEqual([{ '@_Locale': 'en-US', '@_Value': 'Duty Review Checker' }]);
  expect(String(at(app, 'Description', '@_DefaultValue'))).toMatch(/[\u4e00-\u9fff]/);
  expect((at(app, 'Description', 'Override') as Node[])[0]!['@_Locale']).toBe('en-US');
});

test('every resid referenced is defined, and every defined one is used', () => {
  const referenced = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!));
  const defined = [...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]!);
  expect(new Set(defined).size).toBe(defined.length);
  for (const id of referenced) expect(defined).toContain(id);
  for (const id of defined) expect(referenced).toContain(id);
  for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
});

test('the Home tab has a group with 校验 (ShowTaskpane) and 生成反馈 (ExecuteFunction)', () => {
  const host = at(app, 'VersionOverrides', 'Hosts', 'Host') as Node;
  expect(host['@_xsi:type']).toBe('Workbook');
  expect(at(host, 'DesktopFormFactor', 'FunctionFile', '@_resid')).toBe('Commands.Url');
  const tab = at(host, 'DesktopFormFactor', 'ExtensionPoint', 'OfficeTab') as Node;
  expect(tab['@_id']).toBe('TabHome');
  const controls = at(tab, 'Group', 'Control') as Node[];
  expect(controls.map((c) => at(c, 'Action', '@_xsi:type'))).toEqual(['ShowTaskpane', 'ExecuteFunction']);
  expect(at(controls[1], 'Action', 'FunctionName')).toBe('generateFeedback');
  const strings = (at(app, 'VersionOverrides', 'Resources', 'bt:ShortStrings', 'bt:String') as Node[]).map((s) => [
    s['@_id'],
    s['@_DefaultValue'],
  ]);
  expect(strings).toEqual(
    expect.arrayContaining([
      ['Validate.Label', '校验'],
      ['Feedback.Label', '生成反馈'],
    ]),
  );
});

test('every URL is https://localhost:3000 and every icon file exists at its declared size', () => {
  const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) expect(url.startsWith('https://localhost:3000/')).toBe(true);
  const icons = urls.filter((u) => u.endsWith('.png'));
  expect(icons.length).toBeGreaterThanOrEqual(8);
  for (const url of icons) {
    const file = join(ROOT, url.replace('https://localhost:3000/', ''));
    expect(existsSync(file)).toBe(true);
    const size = Number(/-(\d+)\.png$/.exec(url)![1]);
    expect(pngSize(file)).toEqual({ width: size, height: size });
  }
  const images = at(app, 'VersionOverrides', 'Resources', 'bt:Images', 'bt:Image') as Node[];
  for (const img of images) {
    const size = /(\d+)x\1/.exec(String(img['@_id']))![1];
    expect(String(img['@_DefaultValue'])).toContain(`-${size}.png`);
  }
  for (const page of ['taskpane.html', 'commands.html'])
    expect(existsSync(join(ROOT, 'src', 'taskpane', page))).toBe(true);
});

describe('a build for another address (ADDIN_BASE_URL)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { manifestFor } = require('../../webpack.config.js') as { manifestFor: (xml: string, base: string) => string };

  test('every URL moves under the base, and each AppDomain is only its origin, without a path', () => {
    const built = manifestFor(xml, 'https://intranet.example.gov.cn:8443/duty-review');
    expect([...built.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual([
      'https://intranet.example.gov.cn:8443',
    ]);
    expect(built).toContain('DefaultValue="https://intranet.example.gov.cn:8443/duty-review/taskpane.html"');
    expect(built).not.toContain('https://localhost:3000');
    expect(XMLValidator.validate(built)).toBe(true);
  });

  test('the development manifest is left as it is', () => {
    expect(manifestFor(xml, 'https://localhost:3000')).toBe(xml);
  });
});
