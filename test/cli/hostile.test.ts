/**
 * Issue 14, items 1–3: hostile and odd inputs, generated here (the big ones in memory, never in
 * the repository). Each is refused with a Chinese reason or checked; none stops the others; the
 * JSON is always written; nothing from a workbook acts on the terminal; no cell exceeds 32,767.
 */
import { chmodSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { safeLine } from '../../src/cli/safe';
import { FileHost } from '../../src/hosts/file/fileHost';
import { LIMITS } from '../../src/hosts/file/load';
import { district, xlsxOf } from '../fixtures/workbooks';
import { run, tempDir } from './helpers';

interface JsonReport {
  workbooks: { file: string; status: string; reason?: string }[];
}

async function edited(bytes: Uint8Array, edit: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The path in the zip of the sheet named `name`. */
async function sheetPath(zip: JSZip, name: string): Promise<string> {
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  return `xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, '')}`;
}

/** Adds rows `xml` at the end of the sheet's sheetData. */
const addRows = (name: string, xml: string) => async (zip: JSZip) => {
  const path = await sheetPath(zip, name);
  const text = await zip.file(path)!.async('string');
  zip.file(path, text.replace('</sheetData>', `${xml}</sheetData>`));
};

const statusOf = (r: { json: string }) =>
  Object.fromEntries(
    (JSON.parse(r.json) as JsonReport).workbooks.map((w) => [w.file.split(/[\\/]/).pop(), w.reason ?? w.status]),
  );

const ENGLISH = /\b(?:the|is|of|not|cannot|invalid|error|undefined|protected)\b/i;

describe('hostile workbooks in one run', () => {
  const t = tempDir();
  afterAll(() => t.done());
  let good: Uint8Array;
  beforeAll(async () => {
    good = await xlsxOf(district());
  });

  it('refuses each with a Chinese reason, checks the others and always writes the JSON', async () => {
    const dir = t.path('in');
    mkdirSync(dir);
    writeFileSync(`${dir}/good.xlsx`, good);
    writeFileSync(
      `${dir}/row400m.xlsx`,
      await edited(good, addRows('学校明细', '<row r="400000000"><c r="A400000000"><v>1</v></c></row>')),
    );
    // ~0.1 MB compressed, 300,000 empty rows: more rows than any 填报表
    writeFileSync(`${dir}/bomb.xlsx`, await edited(good, addRows('学校明细', '<row/>'.repeat(300_000))));
    writeFileSync(
      `${dir}/badcolumn.xlsx`,
      await edited(good, addRows('学校明细', '<row r="900"><c r="ZZZZ900"><v>1</v></c></row>')),
    );
    writeFileSync(
      `${dir}/xxe.xlsx`,
      await edited(good, async (zip) => {
        const wb = await zip.file('xl/workbook.xml')!.async('string');
        const dtd = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
        zip.file('xl/workbook.xml', wb.replace(/^(<\?xml[^>]*\?>)?/, `$1${dtd}`));
      }),
    );
    writeFileSync(
      `${dir}/history.xlsx`,
      await edited(good, async (zip) => {
        const wb = await zip.file('xl/workbook.xml')!.async('string');
        zip.file('xl/workbook.xml', wb.replace('name="学校明细"', 'name="History"'));
      }),
    );
    writeFileSync(
      `${dir}/badname.xlsx`,
      await edited(good, async (zip) => {
        const wb = await zip.file('xl/workbook.xml')!.async('string');
        zip.file('xl/workbook.xml', wb.replace('name="学校明细"', 'name="学校[明细]"'));
      }),
    );
    const xlsb = new JSZip();
    xlsb.file('[Content_Types].xml', '<Types/>');
    xlsb.file('xl/workbook.bin', new Uint8Array(16));
    writeFileSync(`${dir}/binary.xlsb`, await xlsb.generateAsync({ type: 'uint8array' }));
    symlinkSync(`${dir}/nowhere.xlsx`, `${dir}/dangling.xlsx`);
    symlinkSync(`${dir}/loop-b.xlsx`, `${dir}/loop-a.xlsx`);
    symlinkSync(`${dir}/loop-a.xlsx`, `${dir}/loop-b.xlsx`);

    const r = await run(['check', dir, '--out', t.path('out'), '--json', '-']);
    expect(r.code).toBe(1);
    const s = statusOf(r);
    expect(s['good.xlsx']).toBe('checked');
    expect(s['row400m.xlsx']).toContain('超出 Excel 的最大行数');
    expect(s['bomb.xlsx']).toMatch(/^工作簿异常：各工作表合计超过 200000 行/);
    expect(s['badcolumn.xlsx']).toContain('ZZZZ900');
    expect(s['xxe.xlsx']).toContain('DOCTYPE');
    expect(s['history.xlsx']).toContain('“History”是 Excel 的保留名称');
    expect(s['badname.xlsx']).toContain('另存为');
    expect(s['binary.xlsb']).toContain('.xlsb');
    for (const reason of Object.values(s)) expect(reason).not.toMatch(ENGLISH);
    expect(r.err).toContain('dangling.xlsx：符号链接指向的文件不存在');
    expect(r.err).toContain('loop-a.xlsx：符号链接形成循环');
  });

  it('says "解压后超过" for a part beyond the limit', async () => {
    const saved = LIMITS.partBytes;
    LIMITS.partBytes = 2 * 1024 * 1024;
    try {
      const big = await edited(
        good,
        async (zip) => void zip.file('xl/media/padding.bin', new Uint8Array(3 * 1024 * 1024)),
      );
      const file = t.path('padded.xlsx');
      writeFileSync(file, big);
      const r = await run(['check', file, '--out', t.path('out2'), '--json', '-']);
      expect(statusOf(r)['padded.xlsx']).toMatch(/^工作簿异常：解压后超过 2 MB（xl\/media\/padding.bin）/);
    } finally {
      LIMITS.partBytes = saved;
    }
  });

  it('reads a row numbered 1,000,000 without a million rows in memory', async () => {
    const bytes = await edited(
      good,
      addRows('学校明细', '<row r="1000000"><c r="B1000000" t="inlineStr"><is><t>x</t></is></c></row>'),
    );
    const snap = await (await FileHost.open(bytes)).readSnapshot();
    const sheet = snap.sheets.find((s) => s.name === '学校明细')!;
    expect(sheet.rows.length).toBe(1_000_000);
    expect(Object.keys(sheet.rows).length).toBeLessThan(100);
  });

  it('goes past a folder it cannot read', async () => {
    if (process.getuid?.() === 0) return; // root reads every folder
    const locked = t.path('locked');
    mkdirSync(locked);
    writeFileSync(t.path('one.xlsx'), good);
    chmodSync(locked, 0);
    try {
      const r = await run(['check', locked, t.path('one.xlsx'), '--out', t.path('out3'), '--json', '-']);
      expect(statusOf(r)['one.xlsx']).toBe('checked');
      expect(r.err).toContain('没有读取该文件夹的权限');
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it('checks a workbook whose marking record was damaged by hand', async () => {
    const bytes = await xlsxOf(district(), (wb) => {
      const ws = wb.addWorksheet('_履职评价校验记录', { state: 'veryHidden' });
      ws.getCell('A1').value = '记录';
      ws.getCell('A2').value = JSON.stringify({ sheet: '基本信息', cell: 'ZZZZ1', fill: null, note: null });
      ws.getCell('A3').value = '{not json';
      ws.getCell('A4').value = JSON.stringify({ sheet: '基本信息', cell: 'B2', fill: '{bad', note: null });
    });
    const file = t.path('record.xlsx');
    writeFileSync(file, bytes);
    const r = await run(['check', file, '--out', t.path('out4'), '--json', '-']);
    expect(statusOf(r)['record.xlsx']).toBe('checked');
  });
});

describe('other formats', () => {
  const t = tempDir();
  const path = process.env.PATH;
  afterAll(() => t.done());
  afterEach(() => (process.env.PATH = path));

  it('says what an .ods and an .et are and that LibreOffice is not installed', async () => {
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    ods.file('content.xml', '<office:document-content/>');
    writeFileSync(t.path('a.ods'), await ods.generateAsync({ type: 'uint8array' }));
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(t.path('b.et'), ole);
    process.env.PATH = t.path('empty');
    const r = await run(['check', t.path('a.ods'), t.path('b.et'), '--out', t.path('out'), '--json', '-']);
    const s = statusOf(r);
    expect(s['a.ods']).toMatch(/OpenDocument.*另存为.*未安装 LibreOffice/);
    expect(s['b.et']).toMatch(/WPS 表格文件（\.et）.*未安装 LibreOffice/);
  });

  it('converts an .xls through soffice into a temporary folder and says so', async () => {
    const bin = t.path('bin');
    mkdirSync(bin);
    writeFileSync(t.path('good.xlsx'), await xlsxOf(district()));
    // a stand-in for LibreOffice: writes the converted workbook into --outdir
    writeFileSync(
      `${bin}/soffice`,
      `#!/bin/sh\nwhile [ "$1" != "--outdir" ]; do shift; done\nmkdir -p "$2"\ncp "${t.path('good.xlsx')}" "$2/c.xlsx"\n`,
    );
    chmodSync(`${bin}/soffice`, 0o755);
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(t.path('old.xls'), ole);
    // an .xls saved under an .xlsx name is known by what it is
    writeFileSync(t.path('renamed.xlsx'), ole);
    process.env.PATH = bin;
    const r = await run(['check', t.path('old.xls'), t.path('renamed.xlsx'), '--out', t.path('out'), '--json', '-']);
    expect(statusOf(r)['old.xls']).toBe('checked');
    expect(statusOf(r)['renamed.xlsx']).toBe('checked');
    expect(r.err + r.out).toContain('已由 LibreOffice 转换为 .xlsx 后校验，原文件未改动');
    expect(readFileSync(t.path('old.xls'))).toEqual(ole);
    expect(readFileSync(t.path('renamed.xlsx'))).toEqual(ole);
  });
});

describe('safe output', () => {
  const t = tempDir();
  afterAll(() => t.done());

  it('turns escape sequences, carriage returns and line breaks into visible marks', () => {
    const forged = '东城区\u001b[2K\r  ✓ 伪造.xlsx  可以报送\u001b]0;title\u0007\n下一行\u202e';
    const line = safeLine(forged);
    // eslint-disable-next-line no-control-regex -- control characters are what is matched
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(line).toContain('东城区');
  });

  it('a text of a million characters in 300 rows: every message quotes it short, the run stays small', async () => {
    const huge = `${'某'.repeat(500_000)}${'校'.repeat(500_000)}`;
    const file = t.path('huge.xlsx');
    writeFileSync(
      file,
      await xlsxOf(
        district((d) => {
          d.schools = Array.from({ length: 300 }, (_, i) => ({ ...d.schools[i % d.schools.length]!, name: huge }));
        }),
      ),
    );
    const r = await run(['check', file, '--out', t.path('huge-out'), '--json', t.path('r.json')]);
    expect(r.code).toBe(1);
    const json = readFileSync(t.path('r.json'), 'utf8');
    expect(json.length).toBeLessThan(2_000_000);
    const report = JSON.parse(json) as { workbooks: { findings: { rule: string; message: string }[] }[] };
    const findings = report.workbooks[0]!.findings;
    const duplicates = findings.filter((f) => f.rule.endsWith('.duplicate'));
    expect(duplicates.length).toBeGreaterThan(100);
    for (const f of findings) expect(f.message.length).toBeLessThanOrEqual(1000);
    // the start and the end of what is quoted, and what is said of it
    expect(duplicates[0]!.message).toMatch(/^学校名称“某+……校+”与第 3 行重复$/);
  }, 120_000);

  it('drafts of a 地区名称 with control characters or of 300 characters: safe file names and text', async () => {
    const dir = t.path('in');
    mkdirSync(dir);
    writeFileSync(`${dir}/a.xlsx`, await xlsxOf(district((d) => void (d.info.name = '东城区\u001b[31m\r伪造\u0007'))));
    writeFileSync(
      `${dir}/b.xlsx`,
      await xlsxOf(
        district((d) => {
          d.info.name = '西'.repeat(300);
          d.info.code = '379903';
        }),
      ),
    );
    const r = await run(['feedback', dir, '--out', t.path('fb')]);
    expect(r.err).not.toMatch(/ENAMETOOLONG|意外错误/);
    const files = readdirSync(t.path('fb'));
    expect(files).toHaveLength(6);
    for (const name of files) {
      // eslint-disable-next-line no-control-regex -- control characters are what is matched
      expect(name).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
      if (name.endsWith('.txt')) {
        // eslint-disable-next-line no-control-regex -- control characters are what is matched
        expect(readFileSync(t.path(`fb/${name}`), 'utf8')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      }
    }
    expect(files).toContain('全市汇总反馈意见（初稿）.docx');
  }, 120_000);

  it('prints no control character from 地区名称, and writes no cell over 32,767 characters', async () => {
    const file = t.path('escape.xlsx');
    writeFileSync(
      file,
      await xlsxOf(
        district((d) => {
          d.info.name = '东城区\u001b[2K\r  ✓ 可以报送\u001b[0m';
        }),
        (wb) => {
          const ws = wb.getWorksheet('基本信息')!;
          ws.getCell('C2').value = 'X'.repeat(32767);
        },
      ),
    );
    const long = t.path('long.xlsx');
    writeFileSync(long, await xlsxOf(district((d) => void (d.info.name = '东'.repeat(32767)))));
    const r = await run(['check', file, long, '--out', t.path('out')]);
    // eslint-disable-next-line no-control-regex -- control characters are what is matched
    expect(r.out + r.err).not.toMatch(/[\u001b\r]/);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(t.path('out/long.checked.xlsx'));
    for (const ws of copy.worksheets)
      ws.eachRow((row) =>
        row.eachCell((c) => {
          expect(String(c.value ?? '').length).toBeLessThanOrEqual(32767);
          const note = c.note as unknown;
          if (note) expect(JSON.stringify(note).length).toBeLessThan(40000);
        }),
      );
  });
});
