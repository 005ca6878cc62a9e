/**
 * 下载下一年度填报表: next year's workbook of each district, as `duty-review next-year` writes it
 * (hosts/file/nextYear, in the years chunk), all in one .zip. Of the ruleset chosen, else the one
 * each was checked with; with the review's decisions, only the confirmed problems are carried.
 */
import { useCallback, useRef, useState } from 'react';
import type { Ruleset } from '../../core/ruleset/model';
import type { Finding } from '../../core/types';
import type { Strings } from '../../i18n';
import { describeError } from '../errors';
import { MIME, saveBytes, type Saver } from './download';
import { uniqueNames } from './names';
import type { FileLike } from './readFiles';
import type { CheckedEntry, Engines, NamedBytes } from './types';
import { loadYearsEngine, sourceOf } from './years';

export const NEXT_YEAR_ZIP = '下一年度填报表.zip';

/** Whether the review confirmed a district's warning as a problem (the review ledger's 确认问题). */
export type Confirmed = (code: string, finding: Finding) => boolean;

export interface NextYearState {
  busy: boolean;
  error: string | null;
  done: string | null;
  /** districts whose workbook could not be made, one line each */
  failed: string[];
}

const IDLE: NextYearState = { busy: false, error: null, done: null, failed: [] };

export function useNextYear(
  engines: Engines,
  strings: Strings,
  save: Saver = saveBytes,
  /** the files given, read again for this year's 问题整改 rows */
  fileOf?: (name: string) => FileLike | undefined,
) {
  const [state, setState] = useState<NextYearState>(IDLE);
  const running = useRef(false);

  const download = useCallback(
    async (entries: readonly CheckedEntry[], next: Ruleset | null, confirmed?: Confirmed) => {
      if (running.current || !entries.length) return;
      running.current = true;
      setState({ ...IDLE, busy: true });
      try {
        const [years, pack] = await Promise.all([loadYearsEngine(engines), engines.zip()]).catch(() => {
          throw new Error(strings.file.moduleFailed);
        });
        const made: NamedBytes[] = [];
        const failed: string[] = [];
        for (const e of entries) {
          const { report, ruleset } = e.outcome;
          const code = report.district.code;
          try {
            const source = fileOf ? await sourceOf(e, fileOf(e.file)) : null;
            made.push(
              await years.nextYear(report, ruleset, next ?? ruleset, confirmed && ((f) => confirmed(code, f)), source),
            );
          } catch (err) {
            failed.push(strings.years.nextFailed(e.file, describeError(err, strings)));
          }
        }
        if (!made.length) throw new Error(failed.join('；'));
        const names = uniqueNames(made.map((m) => m.name));
        const bytes = await pack(made.map((m, i) => ({ name: names[i]!, bytes: m.bytes })));
        save(bytes, NEXT_YEAR_ZIP, MIME.zip);
        setState({ busy: false, error: null, done: strings.file.saved(NEXT_YEAR_ZIP), failed });
      } catch (err) {
        setState({ ...IDLE, error: describeError(err, strings) });
      } finally {
        running.current = false;
      }
    },
    [engines, strings, save, fileOf],
  );

  return { state, download };
}
