/**
 * The work of the page's workbook worker: check one workbook with the engine of the file mode
 * (workbookEngine.ts), and answer with the findings or the annotated copy. The workbook is read
 * here and dropped when the answer is made; nothing of it stays in the worker.
 */
import { workbookEngine } from '../workbookEngine';
import { RulesetCache, toWire, type CheckReply, type CheckRequest, type RulesetRef } from './protocol';

const cache = new RulesetCache();

async function bytesOf(source: Blob | ArrayBuffer): Promise<Uint8Array> {
  return new Uint8Array(source instanceof ArrayBuffer ? source : await source.arrayBuffer());
}

/** The reply to a request, and the buffers to hand over with it. */
export async function handle(req: CheckRequest): Promise<{ reply: CheckReply; transfer: ArrayBuffer[] }> {
  try {
    const rulesets = req.rulesets.map((w) => cache.get(w));
    let bytes: Uint8Array;
    try {
      bytes = await bytesOf(req.source);
    } catch {
      return { reply: { id: req.id, ok: false, error: 'read' }, transfer: [] };
    }
    const outcome = await workbookEngine.check(bytes, rulesets, new Date(req.now), { annotate: req.annotate });
    if (outcome.status === 'skipped') throw new Error('skipped');
    if (outcome.status !== 'checked') return { reply: { id: req.id, ok: true, outcome }, transfer: [] };
    const index = rulesets.indexOf(outcome.ruleset);
    const ruleset: RulesetRef = index >= 0 ? { index } : { carried: toWire(outcome.ruleset) };
    const wire = { status: 'checked' as const, report: outcome.report, ruleset, marks: outcome.marks };
    if (!req.copy) return { reply: { id: req.id, ok: true, outcome: wire }, transfer: [] };
    const copy = await outcome.annotated();
    return { reply: { id: req.id, ok: true, outcome: wire, copy }, transfer: [copy.buffer as ArrayBuffer] };
  } catch (e) {
    return { reply: { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}
