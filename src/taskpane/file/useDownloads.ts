/**
 * Making the files the user downloads: an annotated copy, a district's draft, the city-wide
 * draft, every annotated copy in one .zip, a blank template. One at a time; every failure ends
 * as a sentence.
 */
import { useCallback, useRef, useState } from 'react';
import type { Ruleset } from '../../core/ruleset/model';
import type { Report } from '../../core/types';
import type { Strings } from '../../i18n';
import { UserError, describeError } from '../errors';
import { MIME, saveBytes, type Saver } from './download';
import { CITY_DRAFT_FILE, ZIP_FILE, checkedName, districtDraftName, safeName, uniqueNames } from './names';
import type { CheckedEntry, Engines } from './types';

export type DownloadTask = 'annotated' | 'districtDraft' | 'cityDraft' | 'zip' | 'template';

export interface DownloadState {
  busy: DownloadTask | null;
  error: string | null;
  done: string | null;
}

const IDLE: DownloadState = { busy: null, error: null, done: null };

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
    async (task: DownloadTask, make: () => Promise<{ bytes: Uint8Array; name: string; type: string }>) => {
      if (running.current) return;
      running.current = true;
      setState({ busy: task, error: null, done: null });
      try {
        const { bytes, name, type } = await make();
        save(bytes, name, type);
        setState({ busy: null, error: null, done: strings.file.saved(name) });
      } catch (e) {
        setState({ busy: null, error: describeError(e, strings), done: null });
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

  const districtDraft = useCallback(
    (entry: CheckedEntry) =>
      run('districtDraft', async () => {
        const [drafts, toDocx] = await Promise.all([loaded(engines.drafts, strings), loaded(engines.docx, strings)]);
        const { report, ruleset } = entry.outcome;
        return {
          bytes: await toDocx(drafts.districtDraft(report, ruleset)),
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
        const [drafts, toDocx] = await Promise.all([loaded(engines.drafts, strings), loaded(engines.docx, strings)]);
        return { bytes: await toDocx(drafts.cityDraft(reports, ruleset)), name: CITY_DRAFT_FILE, type: MIME.docx };
      }),
    [run, engines, strings],
  );

  const zip = useCallback(
    (entries: readonly CheckedEntry[]) =>
      run('zip', async () => {
        const pack = await loaded(engines.zip, strings);
        const names = uniqueNames(entries.map((e) => checkedName(e.file)));
        const files = [];
        for (const [i, e] of entries.entries()) files.push({ name: names[i]!, bytes: await e.outcome.annotated() });
        return { bytes: await pack(files), name: ZIP_FILE, type: MIME.zip };
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

  return { state, annotated, districtDraft, cityDraft, zip, template, dismiss };
}
