/** Reading the files the user gave, one by one, each into an Outcome; a bad file never stops the others. */
import type { Ruleset } from '../../core/ruleset/model';
import type { Strings } from '../../i18n';
import { skipReason } from './names';
import type { Engines, Outcome, WorkbookEngine } from './types';

/** What a File offers that we use (tests pass plain objects). */
export interface FileLike {
  readonly name: string;
  /** the file's modification time (ms), when known: a tie of 填报日期 goes to the later file */
  readonly lastModified?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ReadOptions {
  /** in order of preference: the user's, then the bundled */
  rulesets: readonly Ruleset[];
  now: () => Date;
  /** mark the copy and write its 校验结果 sheet (file mode), or only validate (the city draft in Excel) */
  annotate: boolean;
  strings: Strings;
}

/** The ExcelJS chunk could not be fetched (the page's folder is unreachable). */
export class ModuleLoadError extends Error {
  constructor() {
    super('module');
    this.name = 'ModuleLoadError';
  }
}

export async function loadWorkbookEngine(engines: Engines): Promise<WorkbookEngine> {
  try {
    return await engines.workbook();
  } catch {
    throw new ModuleLoadError();
  }
}

export async function readOne(
  file: FileLike,
  engine: () => Promise<WorkbookEngine>,
  opts: ReadOptions,
): Promise<Outcome> {
  const t = opts.strings.file;
  const skip = skipReason(file.name);
  if (skip) return { status: 'skipped', reason: skip.kind === 'lock' ? t.skippedLock : t.skippedType(skip.ext) };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { status: 'unreadable', reason: t.readFailed };
  }
  return (await engine()).check(bytes, opts.rulesets, opts.now(), { annotate: opts.annotate });
}

/** Lets the page paint between two files. */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** One line for a file that could not be checked, as the command prints it. */
export function badLine(outcome: Exclude<Outcome, { status: 'checked' }>, strings: Strings): string {
  const t = strings.file;
  return outcome.status === 'unreadable' ? `${t.unreadable}${t.colon}${outcome.reason}` : outcome.reason;
}
