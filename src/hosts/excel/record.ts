/**
 * What the product added to the workbook, kept in the document's settings
 * (Office.context.document.settings): the one store that exists in every Excel that runs
 * add-ins, travels inside the file, is invisible to the user and cannot be copied away with a
 * sheet. (Excel's own `workbook.settings` needs ExcelApi 1.4, custom XML parts 1.5, and a hidden
 * sheet can be unhidden, deleted or copied.) Conditional formats and comments also carry their own
 * mark (a tag formula, a prefix), so clearing still works if the record is lost; static fills
 * cannot, which is why their original colours are recorded here.
 */
import type { XSettings } from './api';

export const RECORD_KEY = 'dutyReview.marks';

export interface MarkRecord {
  v: 1;
  /** sheet → cells holding the product's conditional format */
  cf: Record<string, string[]>;
  /** sheet → cell → the fill colour it had before the product filled it ('' = no fill) */
  fills: Record<string, Record<string, string>>;
  /** sheet → cells holding the product's comment */
  comments: Record<string, string[]>;
  /** sheet → cells holding the product's note */
  notes: Record<string, string[]>;
}

export function emptyRecord(): MarkRecord {
  return { v: 1, cf: {}, fills: {}, comments: {}, notes: {} };
}

function isRecord(x: unknown): x is MarkRecord {
  if (!x || typeof x !== 'object') return false;
  const r = x as Partial<MarkRecord>;
  return r.v === 1 && [r.cf, r.fills, r.comments, r.notes].every((p) => !!p && typeof p === 'object');
}

export function loadRecord(settings: XSettings): MarkRecord {
  try {
    const raw = settings.get(RECORD_KEY);
    const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
    return isRecord(parsed) ? parsed : emptyRecord();
  } catch {
    return emptyRecord();
  }
}

/** Stores the record (or removes it when empty) and persists the settings; false when saving failed. */
export function saveRecord(settings: XSettings, record: MarkRecord): Promise<boolean> {
  const empty = [record.cf, record.fills, record.comments, record.notes].every((p) => Object.keys(p).length === 0);
  if (empty) settings.remove(RECORD_KEY);
  else settings.set(RECORD_KEY, JSON.stringify(record));
  return new Promise((resolve) => {
    try {
      settings.saveAsync((result) => resolve(!isFailed(result.status)));
    } catch {
      resolve(false);
    }
  });
}

/** Office.AsyncResultStatus.Failed is "failed" at run time (the typings declare a numeric enum). */
function isFailed(status: unknown): boolean {
  return String(status).toLowerCase() === 'failed' || status === 1;
}

export function addTo(map: Record<string, string[]>, sheet: string, cell: string): void {
  (map[sheet] ??= []).push(cell);
}
