/**
 * The generated template (src/hosts/file/template.ts), written to .xlsx and read back with
 * ExcelJS, against spec/TEMPLATE.md and the indicator tables of spec/INDICATORS.md.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { INDICATORS, RECTIFICATION_COLUMNS, SCHOOL_COLUMNS, indicator } from '../fixtures/ruleset2025';
import { makeRuleset, type Ruleset } from '../fixtures/ruleset2025';
import { validate } from '../../src/core/validate';
import { openWorkbook } from '../../src/hosts/file/load';
import { workbookSnapshot } from '../../src/hosts/file/snapshot';
import { LIST_ROWS, buildTemplate, protectTemplate, textWidth } from '../../src/hosts/file/template';
import { ruleIds, sheetOf } from '../fixtures/engine';
import {
  SPEC_INDICATORS,
  SPEC_INDICATOR_HEADER,
  SPEC_INFO_LABELS,
  SPEC_RECTIFICATION_HEADER,
  SPEC_SCHOOL_HEADER,
  SPEC_SHEETS,
  specUnit,
} from '../fixtures/spec';
import { TODAY } from '../fixtures/workbooks';

const INDICATOR_SHEETS = SPEC_SHEETS.slice(2, 10);

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return openWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
}

async function writtenTemplate(ruleset?: Ruleset): Promise<ExcelJS.Workbook> {
  return roundTrip(buildTemplate(ruleset));
}

const text = (c: ExcelJS.Cell) => (c.value === null || c.value === undefined ? '' : String(c.value));
const locked = (c: ExcelJS.Cell) => c.protection?.locked !== false;
const rowTexts = (ws: ExcelJS.Worksheet, r: number, n: number) =>
  Array.from({ length: n }, (_, i) => text(ws.getCell(r, i + 1)));

function rowOfId(ws: ExcelJS.Worksheet, id: string): number {
  for (let r = 3; r <= ws.rowCount; r++) if (text(ws.getCell(r, 1)) === id) return r;
  throw new Error(`${id} not found on ${ws.name}`);
}

let wb: ExcelJS.Workbook;
beforeAll(async () => {
  wb = await writtenTemplate();
});

describe('sheets', () => {
  it('has the twelve sheets, in order', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([...SPEC_SHEETS, '_履职评价规则集']);
    expect(wb.getWorksheet('_履职评价规则集')!.state).toBe('veryHidden');
  });

  it.each(INDICATOR_SHEETS.map((name, i) => [name, `表${i + 2} ${name}`]))(
    '%s: title %s in A1, merged across A1:I1',
    (name, title) => {
      const ws = sheetOf(wb, name);
      expect(text(ws.getCell('A1'))).toBe(title);
      for (const col of ['B', 'E', 'I']) {
        const c = ws.getCell(`${col}1`);
        expect(c.isMerged).toBe(true);
        expect(c.master.address).toBe('A1');
      }
      expect(ws.getCell('J1').isMerged).toBe(false);
    },
  );

  it.each([
    ['学校明细', '表10', 'J'],
    ['问题整改', '表11', 'G'],
    ['基本信息', '表1', 'C'],
  ])('%s: a title starting %s merged across A1:%s1', (name, prefix, last) => {
    const ws = sheetOf(wb, name);
    expect(text(ws.getCell('A1')).startsWith(prefix)).toBe(true);
    expect(ws.getCell(`${last}1`).master.address).toBe('A1');
  });

  it('填报说明 explains the three levels and names the template version', () => {
    const all = sheetOf(wb, '填报说明')
      .getSheetValues()
      .flat()
      .map((v) => String(v ?? ''))
      .join('\n');
    expect(all).toContain('2025.1');
    for (const word of ['错误', '未达标', '提示', '情况说明']) expect(all).toContain(word);
  });
});

describe('indicator sheets', () => {
  it.each(INDICATOR_SHEETS)('%s: the header of spec/TEMPLATE.md in row 2, frozen', (name) => {
    const ws = sheetOf(wb, name);
    expect(rowTexts(ws, 2, 9)).toEqual(SPEC_INDICATOR_HEADER);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it.each(INDICATOR_SHEETS)('%s: exactly its indicators, in the order of the spec', (name) => {
    const ws = sheetOf(wb, name);
    const ids: string[] = [];
    for (let r = 3; r <= ws.rowCount; r++) if (text(ws.getCell(r, 1))) ids.push(text(ws.getCell(r, 1)));
    expect(ids).toEqual(SPEC_INDICATORS.filter((s) => s.sheet === name).map((s) => s.id));
  });

  it.each(SPEC_INDICATORS.map((s) => [s.id, s] as const))(
    '%s: id, 二级指标, name, unit and 上年值 cell',
    (id, spec) => {
      const ws = sheetOf(wb, spec.sheet);
      const r = rowOfId(ws, id);
      expect(rowTexts(ws, r, 4)).toEqual([id, spec.group, spec.name, specUnit(spec)]);
      const last = ws.getCell(r, 5);
      if (spec.hasLast) {
        expect(last.value).toBeNull();
        expect(locked(last)).toBe(false);
      } else {
        expect(last.value).toBe('—');
        expect(locked(last)).toBe(true);
      }
    },
  );

  it.each(SPEC_INDICATORS.map((s) => [s.id, s] as const))('%s: the catalogue has the type of the spec', (id, spec) => {
    expect(indicator(id)).toMatchObject({ type: spec.type, hasLast: spec.hasLast, sheet: spec.sheet });
  });

  it.each(SPEC_INDICATORS.map((s) => [s.id, s] as const))('%s: locked labels, unlocked inputs', (id, spec) => {
    const ws = sheetOf(wb, spec.sheet);
    const r = rowOfId(ws, id);
    for (const col of [1, 2, 3, 4, 7]) expect(locked(ws.getCell(r, col))).toBe(true);
    for (const col of [6, 8, 9]) expect(locked(ws.getCell(r, col))).toBe(false);
    for (const col of [6, 8, 9]) expect(ws.getCell(r, col).value).toBeNull();
  });

  it.each(SPEC_INDICATORS.map((s) => [s.id, s] as const))(
    '%s: a yes/no dropdown exactly on yes/no 本年值',
    (id, spec) => {
      const ws = sheetOf(wb, spec.sheet);
      const v = ws.getCell(rowOfId(ws, id), 6).dataValidation;
      if (spec.type === 'yesno') {
        expect(v).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
      } else {
        expect(v?.type).not.toBe('list');
      }
    },
  );

  it.each(SPEC_INDICATORS.map((s) => [s.id, s] as const))('%s: 达标要求 written from the parameters', (id, spec) => {
    const ws = sheetOf(wb, spec.sheet);
    expect(text(ws.getCell(rowOfId(ws, id), 7))).toBe(indicator(id).requirement);
  });

  it.each([
    ['JF02', '10%'],
    ['JF08', '650'],
    ['JF11', '500'],
    ['JF16', '90%'],
    ['JS07', '80%'],
    ['JS10', '75%'],
    ['XQ01', '90'],
    ['YW01', '95'],
    ['GZ03', '40%'],
    ['XS02', '1个百分点'],
    ['AQ08', '600∶1'],
    ['GG02', '2次'],
  ])('%s: 达标要求 states %s', (id, says) => {
    const ws = sheetOf(wb, indicator(id).sheet);
    expect(text(ws.getCell(rowOfId(ws, id), 7))).toContain(says);
  });

  it('an indicator without a threshold reads 据实填报', () => {
    const ws = sheetOf(wb, '经费投入');
    expect(text(ws.getCell(rowOfId(ws, 'JF13'), 7))).toBe('据实填报');
  });

  it.each(INDICATOR_SHEETS)('%s: every column has a width, 指标名称 the widest', (name) => {
    const ws = sheetOf(wb, name);
    const widths = Array.from({ length: 9 }, (_, i) => ws.getColumn(i + 1).width ?? 0);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(8);
    expect(Math.max(...widths)).toBe(widths[2]);
    expect(widths[2]).toBeGreaterThanOrEqual(30);
    expect(widths[6]).toBeGreaterThanOrEqual(30);
  });

  it('money and count inputs carry a number format', () => {
    const ws = sheetOf(wb, '经费投入');
    expect(ws.getCell(rowOfId(ws, 'JF01'), 6).numFmt).toBe('0.00');
    const ws2 = sheetOf(wb, '教师队伍');
    expect(ws2.getCell(rowOfId(ws2, 'JS01'), 6).numFmt).toBe('0');
  });
});

describe('达标要求 and names follow the ruleset’s parameters', () => {
  let custom: ExcelJS.Workbook;
  beforeAll(async () => {
    custom = await writtenTemplate(
      makeRuleset({ 'JF02.minGrowth': 8, 'JF08.min': 720, 'YW06.primaryMax': 1800, 'AQ08.maxStudents': 500 }),
    );
  });
  const requirement = (id: string) => {
    const ws = sheetOf(custom, indicator(id).sheet);
    return text(ws.getCell(rowOfId(ws, id), 7));
  };

  it('JF02.minGrowth 8 → the text says 8%', () => {
    expect(requirement('JF02')).toContain('8%');
    expect(requirement('JF02')).not.toContain('10%');
  });

  it('JF08.min 720 → 720', () => {
    expect(requirement('JF08')).toContain('720');
    expect(requirement('JF08')).not.toContain('650');
  });

  it('AQ08.maxStudents 500 → 500:1', () => {
    expect(requirement('AQ08')).toContain('500∶1');
  });

  it('YW06.primaryMax 1800 → the indicator name says 1800人', () => {
    const ws = sheetOf(custom, '义务教育');
    expect(text(ws.getCell(rowOfId(ws, 'YW06'), 3))).toBe(
      '超规模学校数（小学、初中超过1800人，九年一贯制超过2500人）（所）',
    );
  });
});

describe('list sheets', () => {
  it.each([
    ['学校明细', SPEC_SCHOOL_HEADER],
    ['问题整改', SPEC_RECTIFICATION_HEADER],
  ])('%s: its header in row 2, frozen', (name, header) => {
    const ws = sheetOf(wb, name);
    expect(rowTexts(ws, 2, header.length)).toEqual(header);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it.each([
    ['学校明细', 'C', '小学,初中,九年一贯制'],
    ['学校明细', 'D', '公办,民办'],
    ['学校明细', 'I', '是,否'],
    ['问题整改', 'B', '省级评价,市级评价,专项督导,其他'],
    ['问题整改', 'E', '已完成,推进中,未启动'],
  ])('%s column %s: a dropdown of %s from row 3 to the last input row', (name, col, options) => {
    const ws = sheetOf(wb, name);
    for (const r of [3, 100, LIST_ROWS]) {
      expect(ws.getCell(`${col}${r}`).dataValidation).toMatchObject({ type: 'list', formulae: [`"${options}"`] });
    }
  });

  it.each([
    ['学校明细', SCHOOL_COLUMNS.length],
    ['问题整改', RECTIFICATION_COLUMNS.length],
  ])('%s: input cells unlocked, header locked, columns sized', (name, n) => {
    const ws = sheetOf(wb, name);
    const columns = name === '学校明细' ? SCHOOL_COLUMNS : RECTIFICATION_COLUMNS;
    for (let c = 1; c <= n; c++) {
      expect(locked(ws.getCell(2, c))).toBe(true);
      expect(locked(ws.getCell(3, c))).toBe(false);
      expect(locked(ws.getCell(LIST_ROWS, c))).toBe(false);
      // ExcelJS does not write a width equal to its default (9): it reads back as undefined
      expect(ws.getColumn(c).width ?? 9).toBeGreaterThanOrEqual(textWidth(columns[c - 1]!.header));
    }
  });

  it('问题整改 计划完成时间 is formatted as a date', () => {
    expect(sheetOf(wb, '问题整改').getCell('F3').numFmt).toBe('yyyy-mm-dd');
  });
});

/** Every cell of an sqref (addresses and A1 ranges separated by spaces), as `column:row`. */
function cellsOf(sqref: string): string[] {
  const out: string[] = [];
  const colNo = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  for (const part of sqref.split(/\s+/)) {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(part);
    if (!m) throw new Error(`not an address: ${part}`);
    const [, c1 = '', r1 = '', c2 = c1, r2 = r1] = m;
    for (let c = colNo(c1); c <= colNo(c2); c++) {
      for (let r = Number(r1); r <= Number(r2); r++) out.push(`${c}:${r}`);
    }
  }
  return out;
}

describe('data validations in the written sheet XML', () => {
  it('each cell of every sheet has at most one validation; a 清单 column one range from row 3 (exceljs#2820)', async () => {
    const zip = await JSZip.loadAsync(await protectThenWrite());
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets.length).toBeGreaterThan(10);
    const ranges: string[] = [];
    for (const name of sheets) {
      const xml = await zip.file(name)!.async('string');
      const sqrefs = [...xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)].map((m) => m[1] ?? '');
      ranges.push(...sqrefs);
      const seen = new Map<string, string>();
      for (const sqref of sqrefs) {
        for (const cell of cellsOf(sqref)) {
          expect(`${name} ${cell} in ${seen.get(cell) ?? ''}`).toBe(`${name} ${cell} in `);
          seen.set(cell, sqref);
        }
      }
    }
    for (const col of ['B', 'C', 'D', 'E', 'I']) {
      expect(ranges).not.toContain(`${col}10:${col}${LIST_ROWS}`);
    }
    expect(ranges).toEqual(expect.arrayContaining([`C3:C${LIST_ROWS}`, `E3:E${LIST_ROWS}`]));
  });

  it('in memory, before writing, a cell of a 清单 column still answers with its drop-down', () => {
    const ws = buildTemplate().getWorksheet('学校明细')!;
    for (const r of [3, 100, LIST_ROWS]) expect(ws.getCell(`C${r}`).dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell(`C${LIST_ROWS + 1}`).dataValidation).toBeUndefined();
    expect(ws.getCell('C2').dataValidation).toBeUndefined();
  });
});

async function protectThenWrite(): Promise<ArrayBuffer> {
  const t = buildTemplate();
  await protectTemplate(t);
  return (await t.xlsx.writeBuffer()) as ArrayBuffer;
}

describe('基本信息', () => {
  it('has every label in column A, locked, with unlocked value cells', () => {
    const ws = sheetOf(wb, '基本信息');
    expect(SPEC_INFO_LABELS.map((_, i) => text(ws.getCell(i + 2, 1)))).toEqual(SPEC_INFO_LABELS);
    SPEC_INFO_LABELS.forEach((label, i) => {
      expect(locked(ws.getCell(i + 2, 1))).toBe(true);
      expect(locked(ws.getCell(i + 2, 2))).toBe(label === '模板版本');
    });
  });

  it('模板版本 is 2025.1; code and phone are text cells, the date a date cell', () => {
    const ws = sheetOf(wb, '基本信息');
    expect(text(ws.getCell('B10'))).toBe('2025.1');
    expect(ws.getCell('B3').numFmt).toBe('@');
    expect(ws.getCell('B8').numFmt).toBe('@');
    expect(ws.getCell('B9').numFmt).toBe('yyyy-mm-dd');
  });
});

describe('protection', () => {
  it('protectTemplate protects every sheet but 填报说明', async () => {
    const built = buildTemplate();
    await protectTemplate(built);
    const back = await roundTrip(built);
    for (const ws of back.worksheets) {
      const protectedSheet = Boolean(
        (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
      );
      expect([ws.name, protectedSheet]).toEqual([ws.name, ws.name !== '填报说明' && ws.name !== '_履职评价规则集']);
    }
  });
});

describe('the blank template validated', () => {
  it('is checked, with errors only for the missing values and notices for the empty lists', async () => {
    const report = validate(workbookSnapshot(wb), makeRuleset(), { now: TODAY });
    expect(report.status).toBe('checked');
    expect(ruleIds(report)).toEqual(['G1', 'INFO.required', 'SCH.empty', 'ZG.empty']);
    const required = INDICATORS.length + INDICATORS.filter((d) => d.hasLast).length;
    expect(report.counts).toEqual({ error: required + SPEC_INFO_LABELS.length - 1, warning: 0, notice: 2 });
    expect(report.findings.filter((f) => f.rule === 'G1').map((f) => `${f.sheet}!${f.cell}`)).toHaveLength(required);
    expect(report.readyToReturn).toBe(false);
  });
});
