/**
 * What the page and its workbook worker (check.worker.ts) say to each other. A compiled ruleset
 * does not cross to a worker: its document and parameter overrides do, and the worker compiles
 * them once; an outcome names its ruleset by position among those sent, or carries the document
 * of the ruleset the workbook brought with it.
 */
import { compileRuleset } from '../../../core/ruleset/compile';
import type { RulesetDoc } from '../../../core/ruleset/doc';
import type { Ruleset } from '../../../core/ruleset/model';
import type { Report } from '../../../core/types';
import type { MarkResult } from '../../../hosts/host';

export interface RulesetWire {
  doc: RulesetDoc;
  overrides: Readonly<Record<string, number>>;
}

export type RulesetRef = { index: number } | RulesetWire;

/** A workbook to check: a File (read in the worker) or bytes given over to it. */
export interface CheckRequest {
  id: number;
  source: Blob | ArrayBuffer;
  rulesets: RulesetWire[];
  now: number;
  annotate: boolean;
  /** send back the annotated copy's bytes (a download) instead of the findings */
  copy: boolean;
}

export type WireOutcome =
  | { status: 'checked'; report: Report; ruleset: RulesetRef; marks: MarkResult | null }
  | { status: 'not-template' | 'unreadable'; reason: string };

export type CheckReply =
  { id: number; ok: true; outcome: WireOutcome; copy?: Uint8Array } | { id: number; ok: false; error: string };

/** Posted once by a worker that has loaded its code and can take work. */
export const READY = 'duty-review-worker-ready';

export function toWire(r: Ruleset): RulesetWire {
  return { doc: r.doc, overrides: r.overrides };
}

/** Compiled rulesets by their document, kept between requests (the same few come every time). */
export class RulesetCache {
  private readonly byKey = new Map<string, Ruleset>();

  get(w: RulesetWire): Ruleset {
    const key = JSON.stringify(w);
    let r = this.byKey.get(key);
    if (!r) {
      const { ruleset, problems } = compileRuleset(w.doc, w.overrides);
      if (!ruleset) throw new Error(problems[0]?.message ?? 'ruleset');
      if (this.byKey.size > 16) this.byKey.clear();
      this.byKey.set(key, (r = ruleset));
    }
    return r;
  }
}
