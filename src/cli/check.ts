/** `duty-review check`: validate, write annotated copies, print one line per workbook. */
import { statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { classifyBatch, type BatchItem } from '../core/batch';
import { ledgerRows } from '../core/ledger';
import { cityFindings } from '../core/city';
import type { Report } from '../core/types';
import { readyLine } from '../core/summary';
import { reportJson, workbookJson } from './jsonReport';
import { checkOutputs, expandInputs, outputNames } from './inputs';
import { Progress } from './progress';
import type { Ruleset } from '../core/ruleset/model';
import { loadRulesets, UsageError } from './rules';
import type { CheckedResult } from './workbooks';
import type { CheckJob } from './pool/checkJob';
import { checkedInOrder } from './pool/inOrder';
import { CLI_TEXT as T } from './text';
import { safeIo } from './safe';

export interface CheckOptions {
  out: string;
  json?: string;
  rules?: string;
  ruleset?: string[];
  /** write the review ledger (审核台账) of the batch here */
  ledger?: string;
  /** last year's review ledger: only its confirmed problems must be in 问题整改 */
  previousReview?: string;
  quiet?: boolean;
  /** last year's workbooks (files or folders) */
  previous?: string[];
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  writeJson: (text: string) => void;
  now: () => Date;
}

/** Columns a string takes in a terminal: CJK characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** A workbook's line; one checked with a ruleset other than the command's says which. */
export function statusLine(c: CheckedResult, width: number, commandRulesets: readonly Ruleset[] = []): string {
  const name = pad(c.file, width);
  if (c.status === 'unreadable') return `  ✗ ${name}  ${T.unreadable}：${c.reason}`;
  if (c.status === 'not-template') return `  ✗ ${name}  ${c.reason}`;
  const r = c.report;
  const who = `${r.district.name || T.noName}${r.district.code ? ` ${r.district.code}` : ''}`;
  const counts = `${T.error} ${r.counts.error} · ${T.warning} ${r.counts.warning} · ${T.notice} ${r.counts.notice}`;
  const own = commandRulesets.length && !commandRulesets.includes(c.ruleset) ? T.ownRuleset(c.ruleset.version) : '';
  return `  ${r.readyToReturn ? '✓' : '✗'} ${name}  ${who}${own}  ${counts}  ${readyLine(r).replace(/^[✓✗] /, '')}`;
}

/** A file's modification time, to order two returns of one district on the same 填报日期. */
export function modifiedTime(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The ruleset most of the checked workbooks were checked with, and those workbooks: the city's batch. */
export function majority(checked: readonly { report: Report; ruleset: Ruleset }[]): {
  ruleset: Ruleset | null;
  reports: Report[];
} {
  const n = new Map<string, number>();
  for (const c of checked) n.set(c.ruleset.version, (n.get(c.ruleset.version) ?? 0) + 1);
  const version = [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = checked.filter((c) => c.ruleset.version === version);
  return { ruleset: mine[0]?.ruleset ?? null, reports: mine.map((c) => c.report) };
}

export async function runCheck(args: string[], opts: CheckOptions, unsafeIo: Io): Promise<number> {
  // lines carry workbook text (地区名称, messages quoting cells): none may act on the terminal
  const io = safeIo(unsafeIo);
  const rulesets = await loadRulesets(opts.ruleset, opts.rules);
  const inputs = expandInputs(args);
  for (const m of inputs.missing) io.err(T.missing(m));
  if (inputs.files.length === 0) throw new UsageError(T.noInput);
  const say = opts.quiet ? () => undefined : io.out;
  for (const s of inputs.skipped) if (!opts.quiet) io.err(`  – ${s.file}：${s.reason}`);

  checkOutputs(opts.out, [opts.json, opts.ledger]);
  const outDir = resolve(opts.out);
  const names = outputNames(
    inputs.files.map((f) => f.replace(/\.checked(\.xlsx)$/i, '$1')),
    '.checked.xlsx',
  );
  const inputPaths = new Set(inputs.files.map((f) => resolve(f)));
  const progress = new Progress(inputs.files.length);
  const width = Math.min(40, Math.max(...inputs.files.map(displayWidth), 8));
  const entries: Record<string, unknown>[] = [];
  const checked: (BatchItem & { ruleset: Ruleset; entry: number })[] = [];
  let failed = inputs.missing.length > 0;
  let written = 0;
  // the ledger's workbooks need ExcelJS: loaded only when a ledger is read or written
  const ledgerFiles = opts.previousReview || opts.ledger ? await import('./ledger') : null;
  const lastReview = opts.previousReview ? (await ledgerFiles!.readReview(opts.previousReview)).rows : null;
  // reading workbooks here (ExcelJS) is loaded only when this thread reads them
  const previous = opts.previous?.length
    ? await (
        await import('./previous')
      ).PreviousYears.load(opts.previous, rulesets, io.now(), { ...io, out: say }, {}, lastReview)
    : null;
  say(T.checking(inputs.files.length, rulesets.map((r) => r.version).join('、')));

  const jobs: CheckJob[] = inputs.files.map((file, i) => {
    let target = join(outDir, names[i]!);
    if (inputPaths.has(resolve(target))) target = target.replace(/\.xlsx$/, '-2.xlsx');
    return { file, target, outDir, now: io.now().getTime() };
  });
  let i = 0;
  for await (const { checked: c, output, problems } of checkedInOrder(
    jobs,
    rulesets,
    previous ? (x) => previous.apply(x) : undefined,
  )) {
    const job = jobs[i]!;
    progress.update(i++, job.file);
    if (c.status === 'checked') checked.push({ ...c, entry: entries.length, modified: modifiedTime(job.file) });
    if (output) written++;
    for (const line of problems) io.err(line);
    if (problems.length || c.status !== 'checked' || c.report.counts.error > 0) failed = true;
    progress.clear();
    if (c.status === 'checked') say(statusLine(c, width, rulesets));
    else io.err(statusLine(c, width));
    if (c.notice) say(c.notice);
    entries.push(workbookJson(c, output));
  }
  progress.clear();
  previous?.reportUnused(io, say);

  // the batch: one workbook per district, of the city, year and ruleset of most
  const statuses = classifyBatch(checked);
  checked.forEach((c, k) => (entries[c.entry]!.batch = statuses[k]));
  checked.forEach((c, k) => {
    const s = statuses[k]!;
    if (!s.included) say(T.leftOut(c.file, s.detail));
  });
  const batch = majority(checked.filter((_, k) => statuses[k]!.included));
  const ruleset = batch.ruleset ?? rulesets[0]!;
  const city = checked.length > 1 && batch.ruleset ? cityFindings(batch.reports, batch.ruleset) : null;
  if (city?.length) {
    say(T.cityHeading);
    for (const f of city) say(`  • ${f.message}`);
  }
  if (written) {
    say(T.written(written, opts.out));
    say(T.legend);
  }
  if (opts.ledger) {
    const rows = ledgerRows(batch.reports);
    await ledgerFiles!.writeLedger(opts.ledger, rows);
    say(T.ledgerWritten(opts.ledger, rows.length));
  }
  if (opts.json) {
    const text = `${JSON.stringify(reportJson(ruleset, entries, city), null, 2)}\n`;
    if (opts.json === '-') io.writeJson(text);
    else writeFileSync(opts.json, text);
  }
  return failed ? 1 : 0;
}
