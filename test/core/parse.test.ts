/**
 * The one cell parser (spec/TEMPLATE.md, "Reading cell values") on a table of tricky inputs, and
 * the same inputs written to a real .xlsx and read back through the file host.
 */
import ExcelJS from 'exceljs';
import {
  cellText,
  isBlank,
  isPercentFormat,
  normalizeLabel,
  parseCode,
  parseDate,
  parseNumber,
  parsePhone,
  parseYear,
  parseYesNo,
  textNumber,
  type Parsed,
} from '../../src/core/parse';
import type { IndicatorType, SnapshotCell } from '../../src/core/types';
import { openWorkbook } from '../../src/hosts/file/load';
import { workbookSnapshot } from '../../src/hosts/file/snapshot';

const n = (v: number, fmt?: string): SnapshotCell => (fmt ? { v, fmt } : { v });
const t = (v: string): SnapshotCell => ({ v });
const err = (e: string, formula = false): SnapshotCell =>
  formula ? { v: null, err: e, formula } : { v: null, err: e };

const value = <T>(v: T, textStored?: string): Parsed<T> =>
  textStored === undefined ? { kind: 'value', value: v } : { kind: 'value', value: v, textStored };
const EMPTY = { kind: 'empty' } as const;
const notNumber = (text: string) => ({ kind: 'invalid', reason: { code: 'notNumber', text } }) as const;
const excelError = (error: string) => ({ kind: 'invalid', reason: { code: 'excelError', error } }) as const;

describe('parseNumber', () => {
  const cases: [string, SnapshotCell | null | undefined, IndicatorType, Parsed<number>][] = [
    // plain numbers
    ['a number', n(1234.5), 'money', value(1234.5)],
    ['zero', n(0), 'count', value(0)],
    ['a negative number (range is G3’s job)', n(-3), 'money', value(-3)],
    ['a formula’s numeric result', { v: 56000, formula: true }, 'money', value(56000)],
    ['a number with a thousands format', n(1234.5, '#,##0.00'), 'money', value(1234.5)],
    // percent number formats
    ['0.853 shown as 85.3% in a pct indicator', n(0.853, '0.0%'), 'pct', value(85.3)],
    ['0.853 shown as 85.30% in a pct200 indicator', n(0.853, '0.00%'), 'pct200', value(85.3)],
    ['1.25 shown as 125% in a pct200 indicator', n(1.25, '0%'), 'pct200', value(125)],
    ['0.1 + 0.2 shown as % reads without float noise', n(0.1 + 0.2, '0%'), 'pct', value(30)],
    ['0.853 with a % format in a money indicator stays 0.853', n(0.853, '0.0%'), 'money', value(0.853)],
    ['0.853 with a % format in a count indicator stays 0.853', n(0.853, '0.0%'), 'count', value(0.853)],
    ['85.3 without a % format in a pct indicator', n(85.3), 'pct', value(85.3)],
    ['0.853 formatted [Red]0.0%', n(0.853, '[Red]0.0%'), 'pct', value(85.3)],
    ['0.853 formatted 0.0%;-0.0%', n(0.853, '0.0%;-0.0%'), 'pct', value(85.3)],
    ['85.3 formatted 0.0"%" (a sign appended, not a percent format)', n(85.3, '0.0"%"'), 'pct', value(85.3)],
    ['85.3 formatted 0.0\\% (an escaped sign)', n(85.3, '0.0\\%'), 'pct', value(85.3)],
    // numbers stored as text
    ['text 1,234.5', t('1,234.5'), 'money', value(1234.5, '1,234.5')],
    ['text with a full-width comma 1，234.5', t('1，234.5'), 'money', value(1234.5, '1，234.5')],
    ['full-width digits １２３４', t('１２３４'), 'count', value(1234, '１２３４')],
    ['full-width digits and point １２３４．５', t('１２３４．５'), 'yuan', value(1234.5, '１２３４．５')],
    ['surrounding spaces', t('  1234  '), 'count', value(1234, '1234')],
    ['surrounding full-width spaces', t('\u30001234\u3000'), 'count', value(1234, '1234')],
    ['a plain text number', t('56000'), 'money', value(56000, '56000')],
    ['a text negative number', t('-5'), 'money', value(-5, '-5')],
    ['text 1,234,567', t('1,234,567'), 'yuan', value(1234567, '1,234,567')],
    // percent texts
    ['text 85.3% in a pct indicator', t('85.3%'), 'pct', value(85.3, '85.3%')],
    ['text 85.3 % (space) in a pct indicator', t('85.3 %'), 'pct', value(85.3, '85.3 %')],
    ['full-width ８５．３％ in a pct indicator', t('８５．３％'), 'pct', value(85.3, '８５．３％')],
    ['text 103.5% in a pct200 indicator', t('103.5%'), 'pct200', value(103.5, '103.5%')],
    ['text 85.3% in a money indicator', t('85.3%'), 'money', notNumber('85.3%')],
    ['text 85.3% in a count indicator', t('85.3%'), 'count', notNumber('85.3%')],
    // words and units
    ['约1200', t('约1200'), 'money', notNumber('约1200')],
    ['1200万元', t('1200万元'), 'money', notNumber('1200万元')],
    ['12人', t('12人'), 'count', notNumber('12人')],
    ['1200元 in a yuan indicator', t('1200元'), 'yuan', notNumber('1200元')],
    ['badly grouped 12,34', t('12,34'), 'money', notNumber('12,34')],
    ['two points 1.2.3', t('1.2.3'), 'money', notNumber('1.2.3')],
    ['a word', t('无'), 'count', notNumber('无')],
    ['a percent sign alone', t('%'), 'pct', notNumber('%')],
    ['TRUE', { v: true }, 'money', notNumber('TRUE')],
    ['FALSE', { v: false }, 'count', notNumber('FALSE')],
    ['NaN', n(NaN), 'money', notNumber('NaN')],
    ['Infinity', n(Infinity), 'money', notNumber('Infinity')],
    // Excel errors
    ['#DIV/0!', err('#DIV/0!'), 'money', excelError('#DIV/0!')],
    ['#REF!', err('#REF!'), 'count', excelError('#REF!')],
    ['#VALUE!', err('#VALUE!'), 'pct', excelError('#VALUE!')],
    ['#N/A', err('#N/A'), 'yuan', excelError('#N/A')],
    ['#NAME?', err('#NAME?'), 'pct200', excelError('#NAME?')],
    ['a formula whose result is #DIV/0!', err('#DIV/0!', true), 'pct', excelError('#DIV/0!')],
    // empty
    ['no cell', undefined, 'money', EMPTY],
    ['a null cell', null, 'money', EMPTY],
    ['a cell without value', { v: null }, 'money', EMPTY],
    ['an empty string', t(''), 'money', EMPTY],
    ['only spaces', t('   '), 'count', EMPTY],
    ['only full-width spaces', t('\u3000\u3000'), 'count', EMPTY],
    ['an em dash —', t('—'), 'money', EMPTY],
    ['a double em dash ——', t('——'), 'money', EMPTY],
    ['a hyphen -', t('-'), 'pct', EMPTY],
    ['an en dash –', t('–'), 'pct', EMPTY],
    ['a slash /', t('/'), 'count', EMPTY],
    ['a dash with spaces', t(' — '), 'count', EMPTY],
  ];
  it.each(cases)('%s', (_label, cell, type, expected) => {
    expect(parseNumber(cell, type)).toEqual(expected);
  });
});

describe('parseYesNo', () => {
  const notYesNo = (text: string) => ({ kind: 'invalid', reason: { code: 'notYesNo', text } }) as const;
  const cases: [string, SnapshotCell | null | undefined, Parsed<boolean>][] = [
    ['是', t('是'), value(true)],
    ['否', t('否'), value(false)],
    ['是 with spaces', t(' 是 '), value(true)],
    ['否 with full-width spaces', t('\u3000否\u3000'), value(false)],
    ['是 with a space inside', t('是 '), value(true)],
    ['Yes', t('Yes'), notYesNo('Yes')],
    ['是的', t('是的'), notYesNo('是的')],
    ['对', t('对'), notYesNo('对')],
    ['已落实', t('已落实'), notYesNo('已落实')],
    ['TRUE (a boolean)', { v: true }, notYesNo('TRUE')],
    ['the number 1', n(1), notYesNo('1')],
    ['#N/A', err('#N/A'), excelError('#N/A')],
    ['empty', null, EMPTY],
    ['a dash', t('—'), EMPTY],
  ];
  it.each(cases)('%s', (_label, cell, expected) => {
    expect(parseYesNo(cell)).toEqual(expected);
  });
});

describe('parseDate', () => {
  const date = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const serial = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
    return value({ iso, year: y, serial });
  };
  const notDate = (text: string) => ({ kind: 'invalid', reason: { code: 'notDate', text } }) as const;
  it('knows the Excel serial of 2026-03-15', () => {
    expect(parseDate(n(46096))).toEqual(date('2026-03-15'));
  });
  const cases: [string, SnapshotCell | null | undefined, Parsed<unknown>][] = [
    ['an Excel serial', n(46096, 'yyyy-mm-dd'), date('2026-03-15')],
    ['a serial with a time of day', n(46096.75), date('2026-03-15')],
    ['1 January 2025', n(45658), date('2025-01-01')],
    ['text 2026-03-15', t('2026-03-15'), date('2026-03-15')],
    ['text 2026/3/15', t('2026/3/15'), date('2026-03-15')],
    ['text 2026年3月15日', t('2026年3月15日'), date('2026-03-15')],
    ['text 2026年3月15 (no 日)', t('2026年3月15'), date('2026-03-15')],
    ['text 2026.3.15', t('2026.3.15'), date('2026-03-15')],
    ['full-width ２０２６－０３－１５', t('２０２６－０３－１５'), date('2026-03-15')],
    ['text with spaces 2026 年 3 月 15 日', t(' 2026 年 3 月 15 日 '), date('2026-03-15')],
    ['a leap day 2024-02-29', t('2024-02-29'), date('2024-02-29')],
    ['an invalid day 2026-02-30', t('2026-02-30'), notDate('2026-02-30')],
    ['no leap day in 2025', t('2025-02-29'), notDate('2025-02-29')],
    ['month 13', t('2026-13-01'), notDate('2026-13-01')],
    ['day first 15/3/2026', t('15/3/2026'), notDate('15/3/2026')],
    ['a word', t('三月中旬'), notDate('三月中旬')],
    ['the number 0', n(0), notDate('0')],
    ['a negative number', n(-5), notDate('-5')],
    ['TRUE', { v: true }, notDate('TRUE')],
    ['#VALUE!', err('#VALUE!'), excelError('#VALUE!')],
    ['empty', t(' '), EMPTY],
    ['a slash', t('/'), EMPTY],
  ];
  it.each(cases)('%s', (_label, cell, expected) => {
    expect(parseDate(cell)).toEqual(expected);
  });
});

describe('parseYear', () => {
  const notYear = (text: string) => ({ kind: 'invalid', reason: { code: 'notYear', text } }) as const;
  const cases: [string, SnapshotCell | null | undefined, Parsed<number>][] = [
    ['a number', n(2025), value(2025)],
    ['text', t('2025'), value(2025)],
    ['text with 年', t('2025年'), value(2025)],
    ['full-width digits', t('２０２５'), value(2025)],
    ['the lowest year 2015', n(2015), value(2015)],
    ['the highest year 2099', n(2099), value(2099)],
    ['2014 is too early', n(2014), notYear('2014')],
    ['2100 is too late', n(2100), notYear('2100')],
    ['a fraction', n(2025.5), notYear('2025.5')],
    ['two digits', t('25'), notYear('25')],
    ['a word', t('今年'), notYear('今年')],
    ['#REF!', err('#REF!'), excelError('#REF!')],
    ['empty', null, EMPTY],
  ];
  it.each(cases)('%s', (_label, cell, expected) => {
    expect(parseYear(cell)).toEqual(expected);
  });
});

describe('parseCode (行政区划代码: exactly 6 digits)', () => {
  const cases: [string, SnapshotCell | null | undefined, string | null][] = [
    ['a number cell 371002', n(371002), '371002'],
    ['text 371002', t('371002'), '371002'],
    ['text with spaces', t(' 371002 '), '371002'],
    ['full-width digits', t('３７１００２'), '371002'],
    ['five digits as a number (37100)', n(37100), null],
    ['five digits as text', t('37100'), null],
    ['seven digits', t('3710021'), null],
    ['a letter', t('37100A'), null],
    ['a fraction', n(371002.5), null],
    ['a negative number', n(-371002), null],
    ['an error value', err('#REF!'), null],
    ['empty', null, null],
  ];
  it.each(cases)('%s', (_label, cell, expected) => {
    expect(parseCode(cell)).toBe(expected);
  });
});

describe('parsePhone', () => {
  const cases: [string, SnapshotCell | null | undefined, string | null][] = [
    ['a mobile number', t('13812345678'), '13812345678'],
    ['a mobile number as a number cell', n(13812345678), '13812345678'],
    ['a mobile number with spaces', t('138 1234 5678'), '13812345678'],
    ['a landline 0631-5212345', t('0631-5212345'), '0631-5212345'],
    ['a landline (0631)5212345', t('(0631)5212345'), '0631-5212345'],
    ['a landline with full-width brackets', t('（0631）5212345'), '0631-5212345'],
    ['a landline 06315212345', t('06315212345'), '0631-5212345'],
    ['a three-digit area code 010-12345678', t('010-12345678'), '010-12345678'],
    ['no area code', t('5212345'), null],
    ['ten digits', t('1381234567'), null],
    ['twelve digits', t('138123456789'), null],
    ['eleven digits not starting with 1', t('23812345678'), null],
    ['a local number too short', t('0631-521234'), null],
    ['a landline typed as a number (leading 0 lost)', n(6315212345), null],
    ['words', t('王老师办公室'), null],
    ['an error value', err('#N/A'), null],
    ['empty', null, null],
  ];
  it.each(cases)('%s', (_label, cell, expected) => {
    expect(parsePhone(cell)).toBe(expected);
  });
});

describe('isPercentFormat', () => {
  it.each([
    ['0%', true],
    ['0.0%', true],
    ['0.00%;[Red]-0.00%', true],
    ['0.0"%"', false],
    ['0.0\\%', false],
    ['"增长"0.0%', true],
    ['0.00', false],
    ['@', false],
    [undefined, false],
  ] as [string | undefined, boolean][])('%p → %p', (fmt, expected) => {
    expect(isPercentFormat(fmt)).toBe(expected);
  });
});

describe('labels, blanks and texts', () => {
  it.each([
    ['指标编号', '指标编号'],
    [' 地 区 名 称 ', '地区名称'],
    ['\u3000ＪＦ０１\u3000', 'JF01'],
    [12, '12'],
    [null, ''],
  ])('normalizeLabel(%p) is %p', (input, expected) => {
    expect(normalizeLabel(input)).toBe(expected);
  });

  it.each([
    [null, true],
    [{ v: null }, true],
    [{ v: '  ' }, true],
    [{ v: '—' }, true],
    [{ v: 0 }, false],
    [{ v: false }, false],
    [{ v: null, err: '#N/A' }, false],
    [{ v: '备注' }, false],
  ] as [SnapshotCell | null, boolean][])('isBlank(%p) is %p', (cell, expected) => {
    expect(isBlank(cell)).toBe(expected);
  });

  it.each([
    [{ v: ' 滨海市 ' }, '滨海市'],
    [{ v: 12.5 }, '12.5'],
    [{ v: true }, 'TRUE'],
    [{ v: null, err: '#DIV/0!' }, '#DIV/0!'],
    [null, ''],
  ] as [SnapshotCell | null, string][])('cellText(%p) is %p', (cell, expected) => {
    expect(cellText(cell)).toBe(expected);
  });

  it.each([
    ['1,234.5', 1234.5],
    ['.5', 0.5],
    ['+12', 12],
    ['1 234', 1234],
    ['1e3', null],
    ['0x10', null],
    ['', null],
  ] as [string, number | null][])('textNumber(%p) is %p', (text, expected) => {
    expect(textNumber(text)).toBe(expected);
  });
});

describe('the same inputs written to a real .xlsx and read back', () => {
  type Input = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };
  const inputs: [string, Input, IndicatorType, Parsed<number | boolean>][] = [
    ['a number', 1234.5, 'money', value(1234.5)],
    ['a percent-formatted fraction in pct', { value: 0.853, numFmt: '0.0%' }, 'pct', value(85.3)],
    ['a percent-formatted fraction in money', { value: 0.853, numFmt: '0.0%' }, 'money', value(0.853)],
    ['a percent with a literal % sign format', { value: 85.3, numFmt: '0.0"%"' }, 'pct', value(85.3)],
    ['text 1,234.5', '1,234.5', 'money', value(1234.5, '1,234.5')],
    ['full-width text', '１２３４', 'count', value(1234, '１２３４')],
    ['text 85.3%', '85.3%', 'pct', value(85.3, '85.3%')],
    ['words', '约1200', 'money', notNumber('约1200')],
    ['a formula with a cached number', { formula: 'E3*2', result: 56000 }, 'money', value(56000)],
    ['a formula with #DIV/0!', { formula: 'B1/0', result: { error: '#DIV/0!' } }, 'pct', excelError('#DIV/0!')],
    ['a formula with #REF!', { formula: '#REF!+1', result: { error: '#REF!' } }, 'money', excelError('#REF!')],
    ['a formula with #VALUE!', { formula: 'A1+1', result: { error: '#VALUE!' } }, 'money', excelError('#VALUE!')],
    ['a formula with #N/A', { formula: 'NA()', result: { error: '#N/A' } }, 'count', excelError('#N/A')],
    ['a formula with #NAME?', { formula: 'FOO()', result: { error: '#NAME?' } }, 'count', excelError('#NAME?')],
    ['an error value', { error: '#N/A' }, 'money', excelError('#N/A')],
    ['a boolean', true, 'money', notNumber('TRUE')],
    ['rich text', { richText: [{ text: '12' }, { text: '34' }] }, 'count', value(1234, '1234')],
    ['an em dash', '—', 'money', EMPTY],
  ];

  let cells: (SnapshotCell | null | undefined)[] = [];
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('cells');
    inputs.forEach(([, input], i) => {
      const cell = ws.getCell(i + 1, 1);
      if (input !== null && typeof input === 'object' && 'numFmt' in input) {
        cell.value = input.value;
        cell.numFmt = input.numFmt;
      } else {
        cell.value = input;
      }
    });
    ws.getCell(inputs.length + 1, 1).value = '是';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const snapshot = workbookSnapshot(await openWorkbook(bytes));
    cells = snapshot.sheets[0]!.rows.map((row) => row[0]);
  });

  it.each(inputs)('%s', (_label, _input, type, expected) => {
    const i = inputs.findIndex(([label]) => label === _label);
    expect(parseNumber(cells[i], type)).toEqual(expected);
  });

  it('a formula cell is marked as a formula', () => {
    const i = inputs.findIndex(([label]) => label === 'a formula with #DIV/0!');
    expect(cells[i]).toEqual({ v: null, err: '#DIV/0!', formula: true });
  });

  it('是 reads as yes', () => {
    expect(parseYesNo(cells[inputs.length])).toEqual(value(true));
  });
});
