/**
 * What the page and its workbook worker (check.worker.ts) say to each other. A compiled ruleset
 * does not cross to a worker: its document and parameter overrides do, as one JSON text made once
 * per ruleset (a text is copied to the worker at once; the document as objects cost the page
 * ~3.6 ms to send with every file), and the worker compiles each text once; an outcome names its
 * ruleset by position among those sent, or carries the text of the ruleset the workbook brought
 * with it.
 */
import { compileRuleset } from '../../../core/ruleset/compile';
import type { RulesetDoc } from '../../../core/ruleset/doc';
import type { Ruleset } from '../../../core/ruleset/model';
import type { Report } from '../../../core/types';
import type { MarkResult } from '../../../hosts/host';

/** A ruleset's document and parameter overrides as JSON ({ doc, overrides }). */
export type RulesetWire = string;

export type RulesetRef = { index: number } | { carried: RulesetWire };

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

const wires = new WeakMap<Ruleset, RulesetWire>();

/** The ruleset as it crosses to the worker, made once for each ruleset. */
export function toWire(r: Ruleset): RulesetWire {
  let w = wires.get(r);
  if (w === undefined) wires.set(r, (w = JSON.stringify({ doc: r.doc, overrides: r.overrides })));
  return w;
}

/** Compiled rulesets by their text, kept between requests (the same few come every time). */
export class RulesetCache {
  private readonly byKey = new Map<RulesetWire, Ruleset>();

  get(w: RulesetWire): Ruleset {
    let r = this.byKey.get(w);
    if (!r) {
      const { doc, overrides } = JSON.parse(w) as { doc: RulesetDoc; overrides: Record<string, number> };
      const { ruleset, problems } = compileRuleset(doc, overrides);
      if (!ruleset) throw new Error(problems[0]?.message ?? 'ruleset');
      if (this.byKey.size > 16) this.byKey.clear();
      this.byKey.set(w, (r = ruleset));
      // the text of a ruleset compiled here is the one it came as
      wires.set(r, w);
    }
    return r;
  }
}
