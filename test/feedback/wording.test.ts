/** What every text of the bundled ruleset shares as official writing: ratios with the ratio sign. */
import { readFileSync } from 'fs';
import path from 'path';

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
