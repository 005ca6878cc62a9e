/** `duty-review feedback`: draft feedback per district, and city-wide for several workbooks. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { printable, safeName } from '../core/bounded';
import { cityDraft } from '../core/feedback/city';
import { districtDraft } from '../core/feedback/district';
import { draftToText } from '../core/feedback/text';
import type { Draft } from '../core/types';
import { draftToDocx } from '../feedback/docx';
import { figureBlocks, withFigures } from '../core/charts/figures';
import { nodeRasteriser } from '../feedback/rasterNode';
import type { Io } from './check';
import { displayWidth, modifiedTime, statusLine } from './check';
import { classifyBatch, type BatchItem } from '../core/batch';
import { LEDGER_TEXT, type LedgerRow } from '../core/ledger';
import { batchDrafts, reviewBatch } from '../core/review';
import { readReview } from './ledger';
import { checkOutputs, expandInputs } from './inputs';
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

export async function runFeedback(args: string[], opts: FeedbackOptions, unsafeIo: Io): Promise<number> {
  // lines carry workbook text (地区名称, messages quoting cells): none may act on the terminal
  const io = safeIo(unsafeIo);
  const rulesets = await loadRulesets(opts.ruleset, opts.rules);
  const formats = parseFormats(opts.format);
  const inputs = expandInputs(args);
  for (const m of inputs.missing) io.err(T.missing(m));
  if (inputs.files.length === 0) throw new UsageError(T.noInput);
  for (const s of inputs.skipped) io.err(`  – ${s.file}：${s.reason}`);

  checkOutputs(opts.out);
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
      const bytes = f === 'docx' ? await draftToDocx(draft) : `${printable(draftToText(draft))}\n`;
      writeFileSync(join(outDir, `${name}.${f}`), bytes);
      written++;
    }
  };

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
  }
  previous?.reportUnused(io);
  // the batch: one workbook per district, of the city, year and ruleset of most; the others get no draft
  const statuses = classifyBatch(checked);
  const included = checked.filter((_, k) => statuses[k]!.included);
  const stems = included.map((c) => c.report.district.name || basename(c.file).replace(/\.[^.]+$/, ''));
  checked.forEach((c, k) => {
    const s = statuses[k]!;
    if (!s.included) io.out(T.leftOut(c.file, s.detail));
  });
  // the reviewer's decisions, when a ledger is given: accepted explanations are no longer problems;
  // then the batch's comparisons: a district's letter says what the city report says about it
  let rows: LedgerRow[] | null = null;
  if (opts.review) {
    const review = await readReview(opts.review);
    for (const p of review.problems) io.err(`  ! ${p}`);
    rows = review.rows;
  }
  const reviewed = reviewBatch(included, rows);
  for (const row of reviewed.unmatched) io.err(`  ! ${LEDGER_TEXT.unmatched(row)}`);
  const drafts = batchDrafts({ districtDraft, cityDraft }, reviewed, {
    now: io.now(),
    ...(opts.city ? { cityName: opts.city } : {}),
  });
  for (const [k, letter] of drafts.letters.entries()) await write(`${stems[k]}反馈意见（初稿）`, letter);
  if (drafts.city) {
    // the batch's charts as an annex of figures (pictures in the .docx, numbers in the .txt)
    const raster = formats.includes('docx') ? await nodeRasteriser() : undefined;
    const figures = reviewed.ruleset ? await figureBlocks(reviewed.reports, reviewed.ruleset, raster) : [];
    await write('全市汇总反馈意见（初稿）', withFigures(drafts.city, figures));
  }
  if (written) io.out(T.feedbackWritten(written, opts.out));
  return failed ? 1 : 0;
}
