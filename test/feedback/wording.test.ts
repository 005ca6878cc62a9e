/** What every text of the bundled ruleset shares as official writing: ratios with the ratio sign. */
import { readFileSync } from 'fs';
import path from 'path';
import { report } from './helpers';

const file = path.join(__dirname, '../../src/rulesets/2025.1.json');
const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Every string of the ruleset document with where it is. */
function strings(v: unknown, at: string, out: [string, string][] = []): [string, string][] {
  if (typeof v === 'string') out.push([at, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${at}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, `${at}.${k}`, out);
  return out;
}

test('ratios are written with the ratio sign ∶ (U+2236), never an ASCII colon', () => {
  const texts = strings(doc, '');
  const ratios = texts.filter(([, s]) => /\d∶1|}∶1|"∶1/.test(s));
  // requirement, message, city sentence, strength, advice of AQ08, the school list rule, the city total
  expect(ratios.length).toBeGreaterThanOrEqual(8);
  expect(texts.filter(([, s]) => /[\d}"]:1(?!\d)/.test(s))).toEqual([]);
});

describe('the clinic staff ratio', () => {
  const message = (staff: number) =>
    report({ name: '甲区', code: '371001', rows: { AQ07: { F: 52000 }, AQ08: { F: staff } } }).findings.find(
      (f) => f.rule === 'AQ08.maxStudents',
    )?.message;

  it('says a ratio above the standard exceeds it, and a district without staff falls short of it', () => {
    expect(message(72)).toBe('中小学在校学生52000人，专职卫生专业技术人员72人，生员比为722.2∶1，超过600∶1的配备标准');
    expect(message(0)).toBe('中小学在校学生52000人，专职卫生专业技术人员0人，未达到600∶1的配备标准');
  });
});
