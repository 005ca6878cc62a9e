/**
 * Making the files the user downloads: an annotated copy, a district's draft, the city-wide
 * draft, the review ledger, everything in one .zip, a blank template. One at a time; every
 * failure ends as a sentence.
 */
import { useCallback, useRef, useState } from 'react';
import type { CityFinding, CityLead } from '../../core/city';
import type { LedgerRow } from '../../core/ledger';
import type { Ruleset } from '../../core/ruleset/model';
import type { Report } from '../../core/types';
import type { Strings } from '../../i18n';
import { UserError, describeError } from '../errors';
import { MIME, saveBytes, type Saver } from './download';
import { CITY_DRAFT_FILE, LEDGER_FILE, ZIP_FILE, checkedName, districtDraftName, safeName } from './names';
import type { CheckedEntry, Engines } from './types';
import { loadLedgerEngine } from './useLedger';
import type { ZipAllInput } from './zipAll';

export type DownloadTask = 'annotated' | 'districtDraft' | 'cityDraft' | 'zip' | 'template' | 'ledger';

export interface DownloadState {
  busy: DownloadTask | null;
  error: string | null;
  done: string | null;
  /** what was made only in part (a file of the .zip that could not be made) */
  warnings?: string[];
}

const IDLE: DownloadState = { busy: null, error: null, done: null, warnings: [] };

interface Made {
  bytes: Uint8Array;
  name: string;
  type: string;
  warnings?: string[];
}

/** A chunk that would not load: said as such, not as a technical error. */
async function loaded<T>(load: () => Promise<T>, strings: Strings): Promise<T> {
  try {
    return await load();
  } catch {
    throw new UserError(strings.file.moduleFailed);
  }
}

export function useDownloads(engines: Engines, strings: Strings, save: Saver = saveBytes) {
  const [state, setState] = useState<DownloadState>(IDLE);
  const running = useRef(false);

  const run = useCallback(
    async (task: DownloadTask, make: () => Promise<Made>) => {
      if (running.current) return;
      running.current = true;
      setState({ ...IDLE, busy: task });
      try {
        const { bytes, name, type, warnings = [] } = await make();
        save(bytes, name, type);
        setState({ busy: null, error: null, done: strings.file.saved(name), warnings });
      } catch (e) {
        setState({ ...IDLE, error: describeError(e, strings) });
      } finally {
        running.current = false;
      }
    },
    [save, strings],
  );

  const annotated = useCallback(
    (entry: CheckedEntry) =>
      run('annotated', async () => ({
        bytes: await entry.outcome.annotated(),
        name: checkedName(entry.file),
        type: MIME.xlsx,
      })),
    [run],
  );

  /**
   * A district's letter: of its report as the reviewer decided (`report`, by default as checked),
   * saying what the batch's comparisons (`city`) say of it.
   */
  const districtDraft = useCallback(
    (entry: CheckedEntry, opts: { report?: Report; city?: readonly CityFinding[]; leads?: readonly CityLead[] } = {}) =>
      run('districtDraft', async () => {
        const [drafts, toDocx] = await Promise.all([loaded(engines.drafts, strings), loaded(engines.docx, strings)]);
        const { ruleset } = entry.outcome;
        const report = opts.report ?? entry.outcome.report;
        return {
          bytes: await toDocx(
            drafts.districtDraft(report, ruleset, { city: opts.city ?? [], leads: opts.leads ?? [] }),
          ),
          name: districtDraftName(report.district.name, entry.file),
          type: MIME.docx,
        };
      }),
    [run, engines, strings],
  );

  /** The city-wide draft of reports all checked with `ruleset`. */
  const cityDraft = useCallback(
    (reports: readonly Report[], ruleset: Ruleset) =>
      run('cityDraft', async () => {
        const [drafts, toDocx, figures] = await Promise.all([
          loaded(engines.drafts, strings),
          loaded(engines.docx, strings),
          loaded(() => import(/* webpackChunkName: "charts" */ './cityFigures'), strings),
        ]);
        const draft = await figures.withCityFigures(drafts.cityDraft(reports, ruleset), reports, ruleset);
        return { bytes: await toDocx(draft), name: CITY_DRAFT_FILE, type: MIME.docx };
      }),
    [run, engines, strings],
  );

  /** The review ledger with the decisions made so far. */
  const ledger = useCallback(
    (rows: readonly LedgerRow[]) =>
      run('ledger', async () => {
        const engine = await loaded(() => loadLedgerEngine(engines), strings);
        return { bytes: await engine.build(rows), name: LEDGER_FILE, type: MIME.xlsx };
      }),
    [run, engines, strings],
  );

  /** Everything in one .zip (file/zipAll): the drafts, the copies, the ledger. */
  const zip = useCallback(
    (input: ZipAllInput) =>
      run('zip', async () => {
        // chunks of their own: packing, and the city draft's figures drawn as the page draws them
        const [{ zipAll }, { canvasRasterise }] = await Promise.all([
          loaded(() => import(/* webpackChunkName: "zipAll" */ './zipAll'), strings),
          loaded(() => import(/* webpackChunkName: "charts" */ './cityFigures'), strings),
        ]);
        const { bytes, failures } = await zipAll(engines, strings, { rasterise: canvasRasterise, ...input });
        const warnings = failures.length ? [[strings.ledger.zipPartial(failures.length), ...failures].join('\n')] : [];
        return { bytes, name: ZIP_FILE, type: MIME.zip, warnings };
      }),
    [run, engines, strings],
  );

  /** The blank template of a ruleset, as districts fill it in (it carries the ruleset). */
  const template = useCallback(
    (ruleset: Ruleset) =>
      run('template', async () => {
        const engine = await loaded(engines.workbook, strings);
        return {
          bytes: await engine.template(ruleset),
          name: safeName(strings.rulesets.templateName(ruleset.meta.name, ruleset.version)),
          type: MIME.xlsx,
        };
      }),
    [run, engines, strings],
  );

  const dismiss = useCallback(() => setState(IDLE), []);

  return { state, annotated, districtDraft, cityDraft, ledger, zip, template, dismiss };
}
