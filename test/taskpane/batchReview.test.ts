/**
 * The batch's review computed in slices (file/useBatchReview, issue 14, item 6) is the review of
 * the whole batch at once: the reports as the reviewer decided, the ledger's rows in their order,
 * the comparisons, the city panel's findings, each district's first places and the decision
 * counts — on a batch of real checked workbooks larger than one slice, listed out of code order,
 * with decisions across several slices and a district returned twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cityFindings, cityLeads } from '../../src/core/city';
import { decisionCounts, findingKey, type Decided } from '../../src/core/review';
import { bundledRuleset } from '../../src/core/ruleset';
import type { Report } from '../../src/core/types';
import { Slices } from '../../src/taskpane/file/slices';
import type { CheckedEntry } from '../../src/taskpane/file/types';
import { reviewAtOnce, reviewInSlices } from '../../src/taskpane/file/useBatchReview';
import { reviewedBatch } from './reviewedBatch';
import { workbookEngine } from '../../src/taskpane/file/workbookEngine';
import { TODAY } from '../fixtures/workbooks';

jest.setTimeout(120_000);

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const NAMES = ['东城区', '西城区', '北海区', '南山县', '滨海经济开发区', '青石市'];

/** Counts the times the work gave the page its turn. */
class Counted extends Slices {
  yields = 0;
  constructor() {
    // every step ends a slice
    super(0);
  }
  override async step(): Promise<void> {
    this.yields++;
    await super.step();
  }
}

let batch: CheckedEntry[];

beforeAll(async () => {
  const reports: Report[] = [];
  for (const name of NAMES) {
    const bytes = new Uint8Array(readFileSync(join(EXAMPLES, `${name}.xlsx`)));
    const outcome = await workbookEngine.check(bytes, [bundledRuleset()], TODAY, { annotate: false });
    if (outcome.status !== 'checked') throw new Error(name);
    reports.push(outcome.report);
  }
  // 80 districts (more than three slices' worth), listed from the highest code down
  batch = Array.from({ length: 80 }, (_, i) => {
    const report: Report = structuredClone(reports[i % reports.length]!);
    const code = String(379000 + 80 - i);
    report.district = { ...report.district, code, name: `${report.district.name}${i + 1}` };
    return {
      id: i + 1,
      file: `${code}.xlsx`,
      outcome: {
        status: 'checked',
        report,
        ruleset: bundledRuleset(),
        marks: null,
        annotated: async () => new Uint8Array(),
      },
    };
  });
  // the last district has the code of the first (a district given twice, in different slices)
  const last = batch[batch.length - 1]!.outcome.report;
  last.district = { ...last.district, code: batch[0]!.outcome.report.district.code };
});

/** Decisions on warnings of districts all over the batch: accepted, sent back with a note, confirmed with a note. */
function decisionsOn(entries: readonly CheckedEntry[]): Map<string, Decided> {
  const decisions = new Map<string, Decided>();
  const kinds: Decided[] = [
    { decision: '采纳说明', note: '' },
    { decision: '退回补充', note: '请补充说明' },
    { decision: '确认问题', note: '已核实' },
  ];
  entries.forEach((e, i) => {
    if (i % 7) return;
    const { report } = e.outcome;
    const warnings = report.findings.filter((f) => f.level === 'warning');
    warnings.slice(0, 2).forEach((f, k) => decisions.set(findingKey(report.district.code, f), kinds[(i + k) % 3]!));
  });
  return decisions;
}

test('in slices, the review is the whole batch’s at once, and the page gets its turn between slices', async () => {
  const decisions = decisionsOn(batch);
  expect(decisions.size).toBeGreaterThan(10);
  const ruleset = bundledRuleset();
  const slices = new Counted();
  const sliced = await reviewInSlices(batch, decisions, ruleset, slices);
  const whole = reviewedBatch(batch, decisions);
  expect(sliced).not.toBeNull();
  const got = sliced!;
  expect([...got.reports]).toEqual([...whole.reports]);
  expect(got.cityReports).toEqual(whole.cityReports);
  expect(got.ruleset).toBe(whole.ruleset);
  expect(got.comparisons).toEqual(whole.comparisons);
  expect(got.rows).toEqual(whole.rows);
  // the decisions changed something: a warning accepted is gone, one sent back carries its note
  expect(got.rows.some((r) => r.decision === '退回补充' && r.note === '请补充说明')).toBe(true);
  expect(got.cityReports.flatMap((r) => r.findings).some((f) => f.reviewNote === '请补充说明')).toBe(true);
  // what the city panel and the letters showed, computed before in the page's render
  expect(got.city).toEqual(cityFindings(whole.cityReports, ruleset));
  expect(got.city.length).toBeGreaterThan(0);
  expect(got.leads()).toEqual(cityLeads(whole.cityReports, ruleset));
  expect(got.counts).toEqual(
    decisionCounts(
      batch.map((e) => e.outcome.report),
      decisions,
    ),
  );
  // 80 workbooks are four slices of rows, then the comparisons, then the city's
  expect(slices.yields).toBeGreaterThanOrEqual(5);
  // a small batch's review, done at once, is the same
  const atOnce = reviewAtOnce(batch, decisions, ruleset);
  expect({ ...atOnce, leads: atOnce.leads() }).toEqual({ ...got, leads: got.leads() });
});

test('without a city ruleset (one district, or files still coming), no city findings or first places', async () => {
  const decisions = decisionsOn(batch);
  const got = (await reviewInSlices(batch.slice(0, 30), decisions, null))!;
  const whole = reviewedBatch(batch.slice(0, 30), decisions);
  expect(got.rows).toEqual(whole.rows);
  expect(got.comparisons).toEqual(whole.comparisons);
  expect([got.city, got.leads()]).toEqual([[], []]);
});

test('a city ruleset other than the batch’s own object gets its own comparison', async () => {
  const other = { ...bundledRuleset() } as ReturnType<typeof bundledRuleset>;
  Object.setPrototypeOf(other, Object.getPrototypeOf(bundledRuleset()));
  const got = (await reviewInSlices(batch, new Map(), other))!;
  expect(got.city).toEqual(cityFindings(got.cityReports, other));
});

test('work the page no longer wants stops at the next slice', async () => {
  let wanted = true;
  const slices = new Counted();
  const pending = reviewInSlices(batch, new Map(), bundledRuleset(), slices, () => wanted);
  wanted = false;
  expect(await pending).toBeNull();
  expect(slices.yields).toBe(1);
});
