/**
 * Everything the reviewer sends or keeps, in one .zip: every included district's letter and the
 * city draft (.docx, following the review ledger), every annotated copy (.xlsx) and the ledger.
 * Workbooks not counted for the city (superseded, another city, year or ruleset) have their
 * copies in a folder of their own with a note of why; they get no letter and no ledger row. A
 * file that cannot be made is named in a note and on the page; the others are still packed.
 *
 *   全市汇总反馈意见（初稿）.docx   审核台账.xlsx
 *   反馈意见/{地区}反馈意见（初稿）.docx
 *   标注副本/{文件}.checked.xlsx
 *   标注副本/未纳入全市汇总/{文件}.checked.xlsx + 说明.txt
 */
import { figureBlocks, withFigures, type Rasterise } from '../../core/charts/figures';
import { CHART_MSG } from '../../core/charts/messages';
import { batchDrafts, reviewBatch } from '../../core/review';
import type { Draft } from '../../core/types';
import type { Strings } from '../../i18n';
import { describeError } from '../errors';
import { CITY_DRAFT_FILE, LEDGER_FILE, ZIP_PLACES, checkedName, districtDraftName, uniqueNames } from './names';
import type { CheckedEntry, Engines, NamedBytes } from './types';
import { loadLedgerEngine, type ReviewedBatch } from './useLedger';

export interface ZipAllInput {
  /** the entries counted for the city, in the page's order */
  included: readonly CheckedEntry[];
  /** the others, each with why it is left out */
  setAside: readonly { entry: CheckedEntry; why: string }[];
  review: ReviewedBatch;
  now?: Date;
  /** SVG → PNG for the city draft's figures; without it each figure shows its numbers as a table */
  rasterise?: Rasterise;
}

export interface ZipAllResult {
  bytes: Uint8Array;
  /** the files that could not be made, each a sentence */
  failures: string[];
}

/** A lazily loaded part, or a sentence saying it would not load. */
async function part<T>(load: () => Promise<T>, strings: Strings): Promise<T> {
  try {
    return await load();
  } catch {
    throw new Error(strings.file.moduleFailed);
  }
}

function reasonOf(e: unknown, strings: Strings): string {
  return e instanceof Error && e.message === strings.file.moduleFailed ? e.message : describeError(e, strings);
}

export async function zipAll(engines: Engines, strings: Strings, input: ZipAllInput): Promise<ZipAllResult> {
  const { included, setAside, review } = input;
  const files: NamedBytes[] = [];
  const failures: string[] = [];
  const t = strings.ledger;
  const text = (s: string) => new TextEncoder().encode(`\ufeff${s.replace(/\n/g, '\r\n')}\r\n`);
  const attempt = async (name: string, make: () => Promise<Uint8Array>) => {
    try {
      files.push({ name, bytes: await make() });
    } catch (e) {
      failures.push(t.zipFailed(name, reasonOf(e, strings)));
    }
  };

  // the drafts, as `feedback --review` writes them
  const letterNames = uniqueNames(
    included.map((e) => `${ZIP_PLACES.letters}/${districtDraftName(e.outcome.report.district.name, e.file)}`),
  );
  let drafts: { letters: Draft[]; city: Draft | null } | null = null;
  let toDocx: ((d: Draft) => Promise<Uint8Array>) | null = null;
  let draftFailure: unknown = null;
  try {
    const [drafter, docx] = await Promise.all([part(engines.drafts, strings), part(engines.docx, strings)]);
    toDocx = docx;
    const workbooks = included.map((e) => ({
      report: review.reports.get(e.id) ?? e.outcome.report,
      ruleset: e.outcome.ruleset,
    }));
    const reviewed = reviewBatch(workbooks, null);
    drafts = batchDrafts(drafter, reviewed, input.now ? { now: input.now } : {});
    // the city draft's annex of charts, as `feedback` adds it (without it, the draft is still packed)
    if (drafts.city && reviewed.ruleset) {
      try {
        drafts.city = withFigures(drafts.city, await figureBlocks(reviewed.reports, reviewed.ruleset, input.rasterise));
      } catch (e) {
        failures.push(t.zipFailed(`${CITY_DRAFT_FILE}（${CHART_MSG.figuresAnnexTitle}）`, reasonOf(e, strings)));
      }
    }
  } catch (e) {
    draftFailure = e;
  }
  const draftNames = [...letterNames, ...(included.length > 1 ? [CITY_DRAFT_FILE] : [])];
  for (const [k, name] of draftNames.entries()) {
    await attempt(name, async () => {
      if (!drafts || !toDocx) throw draftFailure;
      const draft = k < letterNames.length ? drafts.letters[k] : drafts.city;
      if (!draft) throw new Error(strings.file.moduleFailed);
      return toDocx(draft);
    });
  }

  // the annotated copies: those counted, then those left out with a note of why
  const copyNames = uniqueNames([...included, ...setAside.map((s) => s.entry)].map((e) => checkedName(e.file)));
  for (const [k, e] of included.entries())
    await attempt(`${ZIP_PLACES.copies}/${copyNames[k]}`, () => e.outcome.annotated());
  if (setAside.length) {
    const folder = `${ZIP_PLACES.copies}/${ZIP_PLACES.setAside}`;
    for (const [k, s] of setAside.entries())
      await attempt(`${folder}/${copyNames[included.length + k]}`, () => s.entry.outcome.annotated());
    const lines = setAside.map((s) => t.setAsideNote(s.entry.file, s.why));
    files.push({ name: `${folder}/${ZIP_PLACES.setAsideNote}`, bytes: text([t.setAsideTitle, ...lines].join('\n')) });
  }

  // the ledger, with the decisions made on the page
  await attempt(LEDGER_FILE, async () => (await part(() => loadLedgerEngine(engines), strings)).build(review.rows));

  if (failures.length) files.push({ name: ZIP_PLACES.failed, bytes: text([t.failedTitle, ...failures].join('\n')) });
  const pack = await part(engines.zip, strings);
  return { bytes: await pack(files), failures };
}
