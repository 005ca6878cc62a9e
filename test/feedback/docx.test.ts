import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { cityDraft } from '../../src/core/feedback/city';
import { districtDraft } from '../../src/core/feedback/district';
import { figureBlocks, withFigures } from '../../src/core/charts';
import { draftToText } from '../../src/core/feedback/text';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import type { Draft, DraftBlock } from '../../src/core/types';
import { titleLines, draftToDocx, tablesOffGrid, withoutUnusedHeadings } from '../../src/feedback/docx';
import { preschool, report } from './helpers';

const reports = [
  report({
    name: '文登区',
    code: '371003',
    rows: { JF02: { F: 127440, I: '受财政收入下降影响' }, JF16: { F: 2600 }, AQ06: { F: 28 } },
  }),
  report({ name: '环翠区', code: '371002', rows: { AQ06: { F: 29 }, ...preschool(10000, 7000, 2000) } }),
  report({ name: '乳山市', code: '371083', rows: { JF16: { F: 2500 }, ...preschool(10000, 5200, 3000) } }),
];
const city = cityDraft(reports, DEFAULT_RULESET, { cityName: '威海市' });

interface Run {
  text: string;
  eastAsia?: string;
  size?: number;
}
interface Para {
  text: string;
  runs: Run[];
  xml: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function attr(xml: string, tag: string, name: string): string | undefined {
  const m = new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m?.[1];
}

function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const runs = [...m[1]!.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)].map((r) => {
      const body = r[1]!;
      const text = [...body.matchAll(/<w:t\b[^>]*>([\s\S]*?)<\/w:t>/g)].map((t) => decode(t[1]!)).join('');
      const sz = attr(body, 'w:sz', 'w:val');
      return { text, eastAsia: attr(body, 'w:rFonts', 'w:eastAsia'), size: sz ? Number(sz) : undefined };
    });
    return { text: runs.map((r) => r.text).join(''), runs: runs.filter((r) => r.text), xml: m[0] };
  });
}

async function open(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = (p: string) => zip.file(p)!.async('string');
  const doc = await read('word/document.xml');
  const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  return {
    zip,
    read,
    doc,
    tables,
    body: paragraphs(doc.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')),
  };
}

const nonTable = (d: Draft) =>
  d.blocks.filter((b): b is Exclude<DraftBlock, { style: 'table' }> => b.style !== 'table');

describe('draftToDocx', () => {
  it('writes every paragraph of the draft, in order', async () => {
    const bytes = await draftToDocx(city);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const { body } = await open(bytes);
    expect(body.map((p) => p.text)).toEqual(nonTable(city).map((b) => b.text));
  });

  it('lays out an A4 page with the GB/T 9704 margins', async () => {
    const { doc } = await open(await draftToDocx(city));
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(doc, 'w:pgSz', 'w:h')).toBe('16838');
    // 37, 35, 28 and 26 mm in twips
    expect(attr(doc, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(doc, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(doc, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(doc, 'w:pgMar', 'w:right')).toBe('1474');
  });

  it('sets 22 lines of 28 characters: a 28.95-pt line grid, and characters 0.25 pt closer', async () => {
    const { doc, read } = await open(await draftToDocx(city));
    expect(attr(doc, 'w:docGrid', 'w:type')).toBe('lines');
    expect(attr(doc, 'w:docGrid', 'w:linePitch')).toBe('579');
    // 22 lines in the 225-mm text height: 297 − 37 − 35 = 225 mm = 12756 twips
    expect(Math.floor((16838 - 2098 - 1984) / 579)).toBe(22);
    const styles = await read('word/styles.xml');
    const spacing = Number(attr(styles.slice(styles.indexOf('<w:docDefaults')), 'w:spacing', 'w:val'));
    expect(spacing).toBe(-5);
    // 156 mm (8845 twips) hold 28 characters of 3号 (320 twips) set 5 twips closer, not 29
    const width = 11906 - 1587 - 1474;
    expect(Math.floor(width / (320 + spacing))).toBe(28);
    expect(Math.floor(width / 320)).toBe(27);
  });

  it('keeps the last paragraph with the 落款 and the 落款 with its date, but not the date with the annex', async () => {
    const { body } = await open(await draftToDocx(city));
    const at = body.findIndex((p) => p.text === '市人民政府教育督导委员会办公室');
    const keeps = (i: number) => body[i]!.xml.includes('<w:keepNext/>');
    expect(body[at - 1]!.text).toMatch(/^附件：/);
    expect([keeps(at - 1), keeps(at), keeps(at + 1)]).toEqual([true, true, false]);
    expect(body[at + 2]!.text).toBe('附件');
  });

  it('keeps the closing and every line of a numbered 附件说明 with the 落款, the further names indented under the first', async () => {
    const numbered = withFigures(city, await figureBlocks(reports, DEFAULT_RULESET));
    const { body } = await open(await draftToDocx(numbered));
    const first = body.findIndex((p) => p.text.startsWith('附件：1.'));
    const keeps = (i: number) => body[i]!.xml.includes('<w:keepNext/>');
    // the closing requirement, 附件：1.…, 2.…, the 落款
    expect([keeps(first - 1), keeps(first), keeps(first + 1), keeps(first + 2)]).toEqual([true, true, true, true]);
    // "2." starts where "1." does: the body's two-character indent and the three of "附件：", as an indent
    expect(body[first + 1]!.text).toBe('2.全市比较图表');
    expect(attr(body[first + 1]!.xml, 'w:ind', 'w:left')).toBe(String(640 + (3 * 640) / 2));
    expect(body[first + 1]!.xml).not.toContain('w:firstLine');
    // GB/T 9704: the note one blank line below the text, the 署名 one below the note, the date right under it
    const before = (i: number) => attr(body[i]!.xml, 'w:spacing', 'w:before');
    expect([before(first - 1), before(first), before(first + 1), before(first + 2), before(first + 3)]).toEqual([
      '0',
      '579',
      '0',
      '579',
      '0',
    ]);
  });

  it('leaves out the unused blue Title and Heading styles', async () => {
    const { read } = await open(await draftToDocx(city));
    const styles = await read('word/styles.xml');
    expect(styles).not.toMatch(/w:styleId="(Title|Heading\d)"/);
    expect(styles).not.toContain('2E74B5');
    expect(styles).toContain('w:styleId="Normal"');
    const used = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:p>';
    const both =
      '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:styleId="Heading2"></w:style>';
    expect(withoutUnusedHeadings(both, used)).toBe(
      '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>',
    );
  });

  it('takes the table cells off the line grid, so that 小四 lines keep their own spacing', async () => {
    const { tables } = await open(await draftToDocx(city));
    const cells = [...tables.join('').matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells.length).toBeGreaterThan(5);
    for (const c of cells) expect(c).toContain('<w:pPr><w:snapToGrid w:val="0"/><w:spacing');
    expect(tablesOffGrid('<w:tc><w:p><w:pPr><w:pStyle w:val="A"/><w:jc w:val="left"/></w:pPr></w:p></w:tc>')).toBe(
      '<w:tc><w:p><w:pPr><w:pStyle w:val="A"/><w:snapToGrid w:val="0"/><w:jc w:val="left"/></w:pPr></w:p></w:tc>',
    );
  });

  it('sets the fonts and sizes of the title, headings and body', async () => {
    const { body } = await open(await draftToDocx(city));
    const blocks = nonTable(city);
    body.forEach((p, i) => {
      const style = blocks[i]!.style;
      const fonts = p.runs.map((r) => r.eastAsia);
      const sizes = new Set(p.runs.map((r) => r.size));
      if (style === 'title') {
        // a long title comes in two lines, each a run of 小标宋
        expect(new Set(fonts)).toEqual(new Set(['方正小标宋简体']));
        expect(sizes).toEqual(new Set([44]));
        expect(attr(p.xml, 'w:jc', 'w:val')).toBe('center');
        return;
      }
      expect(sizes).toEqual(new Set([32]));
      expect(attr(p.xml, 'w:spacing', 'w:lineRule')).toBe('exact');
      expect(Number(attr(p.xml, 'w:spacing', 'w:line'))).toBeGreaterThanOrEqual(560);
      expect(Number(attr(p.xml, 'w:spacing', 'w:line'))).toBeLessThanOrEqual(580);
      if (style === 'h1' || style === 'annex') {
        expect(fonts).toEqual(['黑体']);
      } else if (style === 'h2') {
        // the heading up to its first 。 in 楷体, the rest (when there is one) in 仿宋
        expect(fonts).toEqual(p.runs.length > 1 ? ['楷体_GB2312', '仿宋_GB2312'] : ['楷体_GB2312']);
        expect(p.runs[0]!.text).toMatch(/^（[一二三四五六七八九十]+）[^。]+。$/);
      } else if (style === 'signature' || style === 'salutation') {
        // 主送 flush left, 落款 and 成文日期 to the right: no first-line indent
        expect(fonts).toEqual(['仿宋_GB2312']);
        expect(attr(p.xml, 'w:jc', 'w:val')).toBe(style === 'signature' ? 'right' : 'both');
      } else {
        expect(fonts).toEqual(['仿宋_GB2312']);
        expect(attr(p.xml, 'w:ind', 'w:firstLine')).toBe('640');
      }
    });
    expect(body.filter((_, i) => blocks[i]!.style === 'h2')).not.toHaveLength(0);
  });

  it('writes the annex as a bordered table with a repeated header row', async () => {
    const { tables } = await open(await draftToDocx(city));
    expect(tables).toHaveLength(1);
    const t = city.blocks.find((b): b is Extract<DraftBlock, { style: 'table' }> => b.style === 'table')!;
    const rows = [...tables[0]!.matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) =>
        paragraphs(c[1]!)
          .map((p) => p.text)
          .join(''),
      ),
    );
    expect(rows).toEqual([t.header, ...t.rows]);
    expect(tables[0]).toContain('<w:tblHeader/>');
    expect(attr(tables[0]!, 'w:top', 'w:val')).toBe('single');
  });

  it('numbers pages at the bottom, outside edge, as — 1 —', async () => {
    const { read, zip } = await open(await draftToDocx(city));
    const footers = Object.keys(zip.files).filter((p) => /^word\/footer\d+\.xml$/.test(p));
    expect(footers).toHaveLength(2);
    const xml = await Promise.all(footers.map(read));
    for (const f of xml) {
      expect(f).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(paragraphs(f)[0]!.text).toBe('—  —');
    }
    expect(xml.map((f) => attr(f, 'w:jc', 'w:val')).sort()).toEqual(['left', 'right']);
    expect(await read('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('gives each Chinese font its common name as a fallback in the font table', async () => {
    const { read } = await open(await draftToDocx(city));
    const table = await read('word/fontTable.xml');
    expect(table).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(table).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    expect(table).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
  });

  it('starts the annex of a district draft on a new page', async () => {
    const d = districtDraft(report({ name: '高区', code: '371071', rows: { XS01: { F: '70' } } }), DEFAULT_RULESET);
    const { body } = await open(await draftToDocx(d));
    const annex = body.find((p) => p.text === '附件')!;
    expect(annex.xml).toContain('<w:pageBreakBefore/>');
    expect(annex.xml).not.toContain('w:firstLine');
    expect(body.filter((p) => p.xml.includes('<w:pageBreakBefore/>'))).toHaveLength(1);
  });

  it('uses no Node API, so that it runs in the browser', () => {
    const src = readFileSync(join(__dirname, '../../src/feedback/docx.ts'), 'utf8');
    expect(src).not.toMatch(/from '(node:|fs|path|buffer)/);
    expect(src).not.toMatch(/\bBuffer\b/);
  });
});

describe('draftToText', () => {
  it('writes one paragraph a line and a table as tab-separated lines', () => {
    const lines = draftToText(city).split('\n');
    const expected = city.blocks.flatMap((b) =>
      b.style === 'table' ? [b.header, ...b.rows].map((r) => r.join('\t')) : [b.text],
    );
    expect(lines).toEqual(expected);
    expect(lines[0]).toBe(city.title);
  });

  it('keeps a paragraph on one line', () => {
    const d: Draft = {
      title: 't',
      blocks: [
        { style: 'body', text: '第一行\n第二行' },
        { style: 'table', header: ['a', 'b'], rows: [['x\ty', 'z']] },
      ],
    };
    expect(draftToText(d)).toBe('t\n第一行 第二行\na\tb\nx y\tz');
  });
});

describe('titleLines', () => {
  it('breaks a long title before its last 的, and leaves a short one whole', () => {
    expect(titleLines('关于西城区2025年度履行教育职责评价的反馈意见（初稿）')).toEqual([
      '关于西城区2025年度履行教育职责评价',
      '的反馈意见（初稿）',
    ]);
    expect(titleLines('关于滨海市各县（市、区）2025年度履行教育职责评价情况的报告（初稿）')).toEqual([
      '关于滨海市各县（市、区）2025年度',
      '履行教育职责评价情况的报告（初稿）',
    ]);
    expect(titleLines('关于东城区的反馈意见')).toEqual(['关于东城区的反馈意见']);
  });
});

describe('explanations as Word comments', () => {
  it('puts each district’s 情况说明 as a comment on the paragraph that names its problem', async () => {
    const r = report({ name: '文登区', code: '371003', rows: { JF02: { F: 127440, I: '受财政收入下降影响' } } });
    const d = districtDraft(r, DEFAULT_RULESET);
    const { read, doc } = await open(await draftToDocx(d));
    const comments = await read('word/comments.xml');
    expect(comments).toContain('文登区说明：受财政收入下降影响');
    expect(comments).toContain('w:author="文登区"');
    expect(doc).toContain('<w:commentRangeStart w:id="0"/>');
    expect(doc).toContain('<w:commentReference w:id="0"/>');
  });
});
