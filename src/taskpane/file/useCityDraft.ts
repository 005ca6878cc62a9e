/** The city-wide draft of the districts on the page, drafted (in its chunk) when asked for. */
import { useEffect, useState } from 'react';
import type { Ruleset } from '../../core/ruleset/model';
import type { Draft, Report } from '../../core/types';
import type { Engines } from './types';

export type DraftPreview = { state: 'idle' | 'loading' | 'failed'; draft: null } | { state: 'ready'; draft: Draft };

/** Drafts when `wanted` and there are reports (all of `ruleset`); drafts again when they change. */
export function useCityDraft(
  engines: Engines,
  reports: readonly Report[],
  ruleset: Ruleset | null,
  wanted: boolean,
): DraftPreview {
  const [preview, setPreview] = useState<DraftPreview>({ state: 'idle', draft: null });
  useEffect(() => {
    if (!wanted || !ruleset || !reports.length) {
      setPreview({ state: 'idle', draft: null });
      return;
    }
    let live = true;
    setPreview({ state: 'loading', draft: null });
    engines
      .drafts()
      .then((d) => live && setPreview({ state: 'ready', draft: d.cityDraft(reports, ruleset) }))
      .catch(() => live && setPreview({ state: 'failed', draft: null }));
    return () => {
      live = false;
    };
  }, [engines, reports, ruleset, wanted]);
  return preview;
}
