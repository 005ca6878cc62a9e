/**
 * `duty-review next-year`: for each district, next year's blank workbook with 基本信息, every
 * 上年值 and the 问题整改 sheet filled from this year's return (spec/CLI.md, "Across years").
 * Inputs are only read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isConfirmed, type LedgerRow } from '../core/ledger';
import type { Finding } from '../core/types';
import { nextYearFileName, nextYearPlan, readRectification } from '../core/years';
import { nextYearWorkbook } from '../hosts/file/nextYear';
import { displayWidth, statusLine, type Io } from './check';
import { checkOutputs, expandInputs } from './inputs';
import { loadRulesets, UsageError } from './rules';
import { CLI_TEXT as T } from './text';
import { checkFile } from './workbooks';

export interface NextYearOptions {
  out: string;
  ruleset?: string;
  rules?: string;
  /** a review ledger (审核台账): only the warnings it confirms (确认问题) are carried into 问题整改 */
  review?: string;
}

export async function runNextYear(args: string[], opts: NextYearOptions, io: Io): Promise<number> {
  const rulesets = await loadRulesets(opts.ruleset ? [opts.ruleset] : [], opts.rules);
  // with --ruleset, next year's workbooks are of that ruleset; else of the one each was checked with
  const next = opts.ruleset ? rulesets[0] : undefined;
  const inputs = expandInputs(args);
  for (const m of inputs.missing) io.err(T.missing(m));
  if (inputs.files.length === 0) throw new UsageError(T.noInput);
  for (const s of inputs.skipped) io.err(`  – ${s.file}：${s.reason}`);

  let review: readonly LedgerRow[] | null = null;
  if (opts.review) {
    const read = await (await import('./ledger')).readReview(opts.review);
    for (const p of read.problems) io.err(`  ! ${p}`);
    review = read.rows;
  }

  checkOutputs(opts.out);
  const outDir = resolve(opts.out);
  const inputPaths = new Set(inputs.files.map((f) => resolve(f)));
  const width = Math.min(40, Math.max(...inputs.files.map(displayWidth), 8));
  const used = new Set<string>();
  let failed = inputs.missing.length > 0;
  let written = 0;
  for (const file of inputs.files) {
    const c = await checkFile(file, rulesets, io.now());
    if (c.status !== 'checked') {
      failed = true;
      io.err(statusLine(c, width));
      continue;
    }
    if (c.report.counts.error > 0) failed = true;
    io.out(statusLine(c, width));
    const target = next ?? c.ruleset;
    const code = c.report.district.code;
    const confirmed = review ? (f: Finding) => isConfirmed(review, code, f) : undefined;
    // this year's 问题整改 rows not yet 已完成 are carried too
    const rectification = readRectification(await c.host.readSnapshot(), c.ruleset);
    const plan = nextYearPlan(c.report, c.ruleset, target, confirmed, rectification);
    const name = nextYearFileName(plan);
    let path = join(outDir, name);
    for (let n = 2; used.has(path) || inputPaths.has(path); n++)
      path = join(outDir, name.replace(/\.xlsx$/, `-${n}.xlsx`));
    used.add(path);
    try {
      mkdirSync(outDir, { recursive: true });
      const wb = await nextYearWorkbook(plan, target);
      writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
      written++;
      io.out(
        T.nextYearWritten(path, String(plan.info.year ?? ''), Object.keys(plan.last).length, plan.problems.length),
      );
    } catch (e) {
      failed = true;
      io.err(T.cannotWrite(path, (e as NodeJS.ErrnoException).code ?? String(e)));
    }
  }
  if (written) io.out(T.nextYearDone(written, opts.out));
  return failed ? 1 : 0;
}
