/**
 * Entity decoding without a regular expression (xml.ts decodeXml) decodes as the regular
 * expression it replaced: the five entities (any case), decimal and hexadecimal references within
 * Unicode, anything else left as written.
 */
import { decodeXml } from '../../src/hosts/file/package/xml';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The earlier decoder, kept here as the reference. */
function reference(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

test('decodes as the regular expression did', () => {
  const cases = [
    '',
    'no reference',
    '{&quot;ruleset&quot;:{&quot;version&quot;:&quot;2025.1&quot;}}',
    'a &amp; b &lt;c&gt; &apos;d&apos;',
    '&AMP;&Quot;&LT;&#65;&#x41;&#X4e2d;&#x1F600;&#0;&#x110000;&#;&#x;&#12ab;&#xZZ;',
    '& amp; &amp &ampx; &foo; &;&&amp;&&',
    '&#00000000065;&#x0000041;',
    '比例 600&#8758;1 &amp;&amp; 完成',
  ];
  const alphabet = ['&', ';', '#', 'x', 'X', 'a', 'm', 'p', 'q', 'u', 'o', 't', 'l', 'g', '1', '6', 'F', ' ', '中'];
  let seed = 7;
  for (let n = 0; n < 3000; n++) {
    let s = '';
    const length = n % 24;
    for (let i = 0; i < length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      s += alphabet[seed % alphabet.length];
    }
    cases.push(s);
  }
  for (const s of cases) expect(decodeXml(s)).toBe(reference(s));
  expect(decodeXml('a &quot;b&quot;')).toBe('a "b"');
});
