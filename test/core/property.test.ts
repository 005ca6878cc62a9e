/**
 * Property tests: whatever a workbook holds, validate never throws and its report is well formed.
 * Snapshots are built in memory (the blank template and the compliant district, read once) and
 * copies are filled with random values of every kind, random extra rows and random sheets.
 */
import fc from 'fast-check';
import { SHEETS, sheetOrder } from '../fixtures/ruleset2025';
import { parseA1 } from '../../src/core/address';
import { DEFAULT_RULESET, makeRuleset } from '../fixtures/ruleset2025';
import { normalizeLabel } from '../../src/core/parse';
import {
  LEVELS,
  type Report,
  type SheetSnapshot,
  type SnapshotCell,
  type WorkbookSnapshot,
} from '../../src/core/types';
import { validate } from '../../src/core/validate';
import { workbookSnapshot } from '../../src/hosts/file/snapshot';
import { buildTemplate } from '../../src/hosts/file/template';
import { ALL_RULE_IDS } from '../fixtures/engine';
import { TODAY, district, workbookOf } from '../fixtures/workbooks';

const BASES: Record<'blank' | 'compliant', WorkbookSnapshot> = {
  blank: workbookSnapshot(buildTemplate()),
  compliant: workbookSnapshot(workbookOf(district())),
};
const COMPLIANT = BASES.compliant;
const KNOWN_RULES = new Set(ALL_RULE_IDS);
const TEMPLATE_NAMES = SHEETS.map((s) => s.name);

// ---------------------------------------------------------------- arbitraries

const EXCEL_ERRORS = ['#DIV/0!', '#REF!', '#VALUE!', '#N/A', '#NAME?', '#NUM!', '#NULL!'];

/** Texts people and pasted sheets put into cells, and words the validator looks for. */
const TRICKY_TEXTS = [
  '１２３４',
  '1，234.5',
  '1,234.5',
  '85.3%',
  '８５．３％',
  '约1200',
  '1200万元',
  '12人',
  '—',
  '-',
  '/',
  '   ',
  '\u3000',
  '是',
  ' 否 ',
  'TRUE',
  '📈📉',
  '👨‍👩‍👧',
  '=SUM(A1:A3)',
  '=1/0',
  "'0631",
  '2026-02-30',
  '2026年3月15日',
  '#DIV/0!',
  'JF01',
  ' jf02 ',
  'YW04',
  'XQ05',
  '指标编号',
  '本年值',
  '上年值',
  '情况说明',
  '学校名称',
  '问题描述',
  '整改状态',
  '已完成',
  '推进中',
  '九年一贯制',
  '模板版本',
  '评价年度',
  '2025.1',
  '\u0000',
  'a'.repeat(2000),
];

const numbers = fc.oneof(
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0, -0, 1, 100, 200.5, 0.853, 1e308, -1e308, 5e-324, NaN, Infinity, -Infinity, 2025, 46096, 371002),
);

const texts = fc.oneof(fc.string(), fc.fullUnicodeString({ maxLength: 12 }), fc.constantFrom(...TRICKY_TEXTS));

const formats = fc.option(
  fc.constantFrom('0.0%', '0%', '0.00', '0', 'yyyy-mm-dd', '@', '#,##0.00', '"%"0.0', 'General'),
  {
    nil: undefined,
  },
);

const cells: fc.Arbitrary<SnapshotCell | null | undefined> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.record({ v: numbers, fmt: formats }, { requiredKeys: ['v'] }),
  fc.record({ v: texts, fmt: formats }, { requiredKeys: ['v'] }),
  fc.record({ v: fc.boolean() }),
  fc.record({ v: fc.constant(null), err: fc.constantFrom(...EXCEL_ERRORS), formula: fc.boolean() }),
  fc.record({ v: fc.oneof(numbers, texts), formula: fc.constant(true) }),
  fc.constant({ v: null }),
);

interface Mutation {
  sheet: number;
  row: number;
  col: number;
  cell: SnapshotCell | null | undefined;
}

const mutations = fc.array(
  fc.record({
    sheet: fc.nat({ max: 11 }),
    row: fc.integer({ min: 1, max: 40 }),
    col: fc.integer({ min: 1, max: 12 }),
    cell: cells,
  }),
  { maxLength: 60 },
);

const extraRows = fc.array(fc.record({ sheet: fc.nat({ max: 11 }), row: fc.array(cells, { maxLength: 14 }) }), {
  maxLength: 5,
});

const sheetNames = fc.oneof(
  fc.constantFrom(...TEMPLATE_NAMES, ' 经费投入 ', '校验结果', 'Sheet1', '学生名单'),
  fc.string({ minLength: 1, maxLength: 31 }),
);

const extraSheets = fc.array(
  fc.record({ name: sheetNames, rows: fc.array(fc.array(cells, { maxLength: 10 }), { maxLength: 12 }) }),
  { maxLength: 3 },
);

const workbooks = fc.record({
  base: fc.constantFrom('blank' as const, 'compliant' as const),
  mutations,
  extraRows,
  extraSheets,
  dropSheets: fc.array(fc.nat({ max: 11 }), { maxLength: 8 }),
});

type Workbook = typeof workbooks extends fc.Arbitrary<infer T> ? T : never;

function build(w: Workbook): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = structuredClone(BASES[w.base]);
  for (const m of w.mutations as Mutation[]) {
    const sheet = snapshot.sheets[m.sheet]!;
    const row = (sheet.rows[m.row - 1] ??= []);
    row[m.col - 1] = m.cell;
  }
  for (const { sheet, row } of w.extraRows) snapshot.sheets[sheet]!.rows.push(row);
  for (const s of w.extraSheets) snapshot.sheets.push({ name: s.name, rows: s.rows });
  const drop = new Set(w.dropSheets);
  snapshot.sheets = snapshot.sheets.filter((_, i) => !drop.has(i));
  if (snapshot.sheets.length === 0) snapshot.sheets.push({ name: 'Sheet1', rows: [] });
  return snapshot;
}

// ---------------------------------------------------------------- the properties

/** Whether some cell of the workbook holds `text`. */
function quoted(snapshot: WorkbookSnapshot, text: string): boolean {
  return snapshot.sheets.some((sh) => sh.rows.some((row) => row.some((c) => String(c?.v ?? '').includes(text))));
}

function checkWellFormed(report: Report, snapshot: WorkbookSnapshot): void {
  const names = new Set([
    ...snapshot.sheets.map((s) => s.name),
    ...snapshot.sheets.map((s) => s.name.trim()),
    ...TEMPLATE_NAMES,
  ]);
  for (const f of report.findings) {
    expect(LEVELS).toContain(f.level);
    expect(KNOWN_RULES.has(f.rule)).toBe(true);
    expect(typeof f.sheet).toBe('string');
    expect(names.has(f.sheet)).toBe(true);
    expect(f.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
    expect(typeof f.message).toBe('string');
    expect(f.message.trim().length).toBeGreaterThan(0);
    // no unfilled placeholder and no missing figure, unless quoted from a cell
    for (const m of f.message.match(/\{[\w.]+\}|undefined/g) ?? []) expect(quoted(snapshot, m)).toBe(true);
    expect(typeof f.values).toBe('object');
    expect(typeof f.explained === 'boolean').toBe(f.level === 'warning');
  }
  // a finding about an indicator points at a row holding that indicator's id
  const sheetsByName = new Map<string, SheetSnapshot>();
  for (const x of snapshot.sheets) if (!sheetsByName.has(x.name.trim())) sheetsByName.set(x.name.trim(), x);
  for (const f of report.findings) {
    if (!f.indicator || f.indicator === 'ZG' || f.indicator === 'SCH' || f.cell === 'A1') continue;
    const row = sheetsByName.get(f.sheet)?.rows[parseA1(f.cell)!.row - 1] ?? [];
    expect(row.some((c) => normalizeLabel(c?.v).toUpperCase() === f.indicator)).toBe(true);
  }
  // no finding is reported twice
  const keys = report.findings.map((f) => `${f.rule}|${f.sheet}|${f.cell}|${f.message}`);
  expect(new Set(keys).size).toBe(keys.length);
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of report.findings) counts[f.level]++;
  expect(report.counts).toEqual(counts);
  const explained = report.findings.every((f) => f.level !== 'warning' || f.explained === true);
  expect(report.readyToReturn).toBe(counts.error === 0 && explained);
  if (report.status === 'not-template') {
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.rule).toBe('TPL.notTemplate');
  }
  // sorted by sheet (template order), then row, then column
  const order = report.findings.map((f) => {
    const a = parseA1(f.cell)!;
    return [sheetOrder(f.sheet), a.row, a.col];
  });
  for (let i = 1; i < order.length; i++) {
    const [p, q] = [order[i - 1]!, order[i]!];
    expect(p[0]! < q[0]! || (p[0] === q[0] && (p[1]! < q[1]! || (p[1] === q[1] && p[2]! <= q[2]!)))).toBe(true);
  }
}

describe('validate on random workbooks', () => {
  it('never throws and always returns a well-formed report', () => {
    fc.assert(
      fc.property(workbooks, (w) => {
        const snapshot = build(w);
        const report = validate(snapshot, DEFAULT_RULESET, { now: TODAY });
        checkWellFormed(report, snapshot);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic and does not change its input', () => {
    fc.assert(
      fc.property(workbooks, (w) => {
        const snapshot = build(w);
        const copy = structuredClone(snapshot);
        const a = validate(snapshot, DEFAULT_RULESET, { now: TODAY });
        const b = validate(snapshot, DEFAULT_RULESET, { now: TODAY });
        expect(b).toEqual(a);
        expect(snapshot).toEqual(copy);
      }),
      { numRuns: 40 },
    );
  });

  it('holds under random parameter overrides too', () => {
    const overrides = fc.record(
      {
        'outlier.factor': fc.double({ min: 1.01, max: 100, noNaN: true }),
        'consistency.pctTolerance': fc.double({ min: 0, max: 5, noNaN: true }),
        'JF02.minGrowth': fc.double({ min: 0, max: 50, noNaN: true }),
        'YW06.primaryMax': fc.integer({ min: 0, max: 5000 }),
        'AQ08.maxStudents': fc.integer({ min: 0, max: 2000 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(workbooks, overrides, (w, o) => {
        const snapshot = build(w);
        checkWellFormed(validate(snapshot, makeRuleset(o), { now: TODAY }), snapshot);
      }),
      { numRuns: 60 },
    );
  });
});

describe('validate on random indicator values', () => {
  it('reports each unreadable or out-of-range figure at its own cell', () => {
    const sheetIndex = COMPLIANT.sheets.findIndex((s) => s.name === '经费投入');
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 18 }), fc.constantFrom(5, 6), cells, (row, col, cell) => {
        const snapshot = structuredClone(COMPLIANT);
        const r = (snapshot.sheets[sheetIndex]!.rows[row - 1] ??= []);
        const hasLast = r[4]?.v !== '—';
        r[col - 1] = cell;
        const report = validate(snapshot, DEFAULT_RULESET, { now: TODAY });
        checkWellFormed(report, snapshot);
        const at = `${col === 5 ? 'E' : 'F'}${row}`;
        for (const f of report.findings.filter((x) => ['G1', 'G2', 'G2.text', 'G3'].includes(x.rule))) {
          expect([f.sheet, f.cell]).toEqual(['经费投入', at]);
        }
        if (col === 5 && !hasLast) expect(report.findings.filter((f) => f.cell === at)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rows are found by id, wherever they are', () => {
  const INDICATOR_SHEETS = SHEETS.filter((s) => s.kind === 'indicators').map((s) => s.name);

  /** Random figures in the input columns (E, F, H, I) of random indicator rows. */
  const inputs = fc.array(
    fc.record({
      sheet: fc.constantFrom(...INDICATOR_SHEETS),
      row: fc.integer({ min: 3, max: 18 }),
      col: fc.constantFrom(5, 6, 8, 9),
      cell: fc.oneof(
        cells,
        fc.record({ v: fc.integer({ min: -5, max: 200_000 }) }),
        fc.record({ v: fc.constantFrom('是', '否', '', '情况说明') }),
      ),
    }),
    { maxLength: 30 },
  );
  const layout = fc.record({
    order: fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
    notes: fc.array(fc.nat({ max: 20 }), { maxLength: 4 }),
  });

  /** What a finding says, without where its row is. */
  const gist = (r: Report) =>
    r.findings
      .map((f) => `${f.rule}|${f.indicator}|${f.sheet}|${f.cell.replace(/\d+$/, '')}|${f.message}|${f.explained}`)
      .sort();

  it('reordering indicator rows and inserting note rows changes no finding but its row', () => {
    fc.assert(
      fc.property(inputs, layout, (changes, { order, notes }) => {
        const before = structuredClone(COMPLIANT);
        for (const c of changes) {
          const sheet = before.sheets.find((s) => s.name === c.sheet)!;
          if (c.row <= sheet.rows.length) sheet.rows[c.row - 1]![c.col - 1] = c.cell;
        }
        const after = structuredClone(before);
        for (const sheet of after.sheets.filter((s) => INDICATOR_SHEETS.includes(s.name))) {
          const data = sheet.rows.slice(2).map((row, i) => ({ row, key: order[i] ?? 0, i }));
          data.sort((a, b) => a.key - b.key || a.i - b.i);
          const rows = data.map((d) => d.row);
          for (const at of notes)
            rows.splice(Math.min(at, rows.length), 0, [{ v: '注：以下为补充说明' }, null, { v: '备注' }]);
          sheet.rows = [...sheet.rows.slice(0, 2), ...rows];
        }
        expect(gist(validate(after, DEFAULT_RULESET, { now: TODAY }))).toEqual(
          gist(validate(before, DEFAULT_RULESET, { now: TODAY })),
        );
      }),
      { numRuns: 150 },
    );
  });
});
