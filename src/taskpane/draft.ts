/** The feedback drafter, loaded only when the user asks for a draft. */
import type { Ruleset } from '../core/ruleset/model';
import type { Draft, Report } from '../core/types';

export type DraftMaker = (report: Report, ruleset: Ruleset) => Draft;

export function loadDraftMaker(): Promise<DraftMaker> {
  return import(/* webpackChunkName: "feedback" */ '../core/feedback/district').then((m) => m.districtDraft);
}
