/** `duty-review feedback`: draft feedback per district, and city-wide for several workbooks. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { cityFindings } from '../core/city';
import { cityDraft } from '../core/feedback/city';
import { districtDraft } from '../core/feedback/district';
import { draftToText } from '../core/feedback/text';
import type { Draft } from '../core/types';
import { draftToDocx } from '../feedback/docx';
import type { Io } from './check';
import { displayWidth, majority, modifiedTime, statusLine } from './check';
import { classifyBatch, type BatchItem } from '../core/batch';
import { applyLedger, LEDGER_TEXT } from '../core/ledger';
import { readReview } from './ledger';
import { expandInputs } from './inputs';
import type { Ruleset } from '../core/ruleset/model';
import { loadRulesets, UsageError } from './rules';
import { CLI_TEXT as T } from './text';
import { checkFile } from './workbooks';
import { safeIo } from './safe';
import { PreviousYears } from './previous';

export interface FeedbackOptions {
  out: string;
  rules?: string;
  ruleset?: string[];
  /** a review ledger (审核台账) whose decisions the drafts follow */
  review?: string;
  /** last year's review ledger: only its confirmed problems must be in 问题整改 */
  previousReview?: string;
  format: string;
  city?: string;
  /** last year's workbooks (files or folders) */
  previous?: string[];
}

const FORMATS = ['docx', 'txt'] as const;
type Format = (typeof FORMATS)[number];

function parseFormats(s: string): Format[] {
  const list = s
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  for (const f of list) if (!FORMATS.includes(f as Format)) throw new UsageError(T.badFormat(f));
  return list as Format[];
}

/** Characters Windows and macOS do not allow in file names. */
function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|]/g, '_').trim() || '未命名地区';
}

export async function runFeedback(args: string[], opts: FeedbackOptions, unsafeIo: Io): Promise<number> {
  // lines carry workbook text (地区名称, messages quoting cells): none may act on the terminal
  const io = safeIo(unsafeIo);
  const rulesets = await loadRulesets(opts.ruleset, opts.rules);
  const formats = parseFormats(opts.format);
  const inputs = expandInputs(args);
  for (const m of inputs.missing) io.err(T.missing(m));
  if (inputs.files.length === 0) throw new UsageError(T.noInput);
  for (const s of inputs.skipped) io.err(`  – ${s.file}：${s.reason}`);

  const outDir = resolve(opts.out);
  mkdirSync(outDir, { recursive: true });
  const checked: (BatchItem & { ruleset: Ruleset })[] = [];
  let failed = inputs.missing.length > 0;
  let written = 0;
  const used = new Set<string>();
  const width = Math.min(40, Math.max(...inputs.files.map(displayWidth), 8));

  const write = async (stem: string, draft: Draft) => {
    let name = safeName(stem);
    for (let n = 2; used.has(name); n++) name = `${safeName(stem)}-${n}`;
    used.add(name);
    for (const f of formats) {
      const bytes = f === 'docx' ? await draftToDocx(draft) : `${draftToText(draft)}\n`;
      writeFileSync(join(outDir, `${name}.${f}`), bytes);
      written++;
    }
  };

  const stems: string[] = [];
  const lastReview = opts.previousReview ? (await readReview(opts.previousReview)).rows : null;
  const previous = await PreviousYears.load(opts.previous, rulesets, io.now(), io, {}, lastReview);
  for (const file of inputs.files) {
    const c = await checkFile(file, rulesets, io.now());
    if (c.notice) io.out(c.notice);
    if (c.status !== 'checked') {
      failed = true;
      io.err(statusLine(c, width));
      continue;
    }
    await previous?.apply(c);
    if (c.report.counts.error > 0) failed = true;
    io.out(statusLine(c, width));
    checked.push({ ...c, modified: modifiedTime(file) });
    stems.push(c.report.district.name || basename(file).replace(/\.[^.]+$/, ''));
  }
  previous?.reportUnused(io);
  // the batch: one workbook per district, of the city, year and ruleset of most; the others get no draft
  const statuses = classifyBatch(checked);
  const included = checked.filter((_, k) => statuses[k]!.included);
  checked.forEach((c, k) => {
    const s = statuses[k]!;
    if (!s.included) io.out(T.leftOut(c.file, s.detail));
  });
  // the reviewer's decisions, when a ledger is given: accepted explanations are no longer problems
  if (opts.review) {
    const { rows, problems } = await readReview(opts.review);
    for (const p of problems) io.err(`  ! ${p}`);
    const { reports, unmatched } = applyLedger(
      included.map((c) => c.report),
      rows,
    );
    included.forEach((c, k) => (c.report = reports[k]!));
    for (const row of unmatched) io.err(`  ! ${LEDGER_TEXT.unmatched(row)}`);
  }
  // the batch's comparisons first: a district's letter says what the city report says about it
  const batch = majority(included);
  const comparisons = included.length > 1 && batch.ruleset ? cityFindings(batch.reports, batch.ruleset) : [];
  const now = io.now();
  for (const [i, c] of checked.entries()) {
    if (!statuses[i]!.included) continue;
    const city = batch.reports.includes(c.report) ? comparisons : [];
    await write(`${stems[i]}反馈意见（初稿）`, districtDraft(c.report, c.ruleset, { now, city }));
  }
  if (included.length > 1 && batch.ruleset) {
    const draft = cityDraft(batch.reports, batch.ruleset, { now, ...(opts.city ? { cityName: opts.city } : {}) });
    await write('全市汇总反馈意见（初稿）', draft);
  }
  if (written) io.out(T.feedbackWritten(written, opts.out));
  return failed ? 1 : 0;
}
