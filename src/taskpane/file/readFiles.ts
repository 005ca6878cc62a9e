/**
 * Reading the files the user gave, one by one, each into an Outcome; a bad file never stops the
 * others. No workbook's bytes are kept once it is checked: its annotated copy is made by reading
 * the file again (in the Web Worker where there is one, file/worker).
 */
import type { Ruleset } from '../../core/ruleset/model';
import type { Strings } from '../../i18n';
import { UserError } from '../errors';
import { skipReason } from './names';
import type { CheckedOutcome, Engines, Outcome, WorkbookEngine } from './types';
import { FileGone, WorkerCrash, WorkerHang } from './worker/client';

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

/**
 * The engine that checks a batch: the one given (tests), else where the browser has Web Workers
 * the file mode's engine with its checking in a worker (the page's thread stays free), else the
 * engine on the page's thread.
 */
export async function loadBatchEngine(engines: Engines): Promise<WorkbookEngine> {
  if (engines.batchWorkbook) {
    try {
      return await engines.batchWorkbook();
    } catch {
      throw new ModuleLoadError();
    }
  }
  if (typeof Worker !== 'function') return loadWorkbookEngine(engines);
  try {
    const { workbookWorker } = await import(/* webpackChunkName: "workbook-client" */ './worker/spawn');
    return workbookWorker(() => loadWorkbookEngine(engines));
  } catch {
    return loadWorkbookEngine(engines);
  }
}

/** Why a file was not checked, when the worker checking it failed. */
function workerReason(e: unknown, strings: Strings): string | null {
  const t = strings.file;
  if (e instanceof WorkerCrash) return t.workerCrashed;
  if (e instanceof WorkerHang) return t.workerHung;
  if (e instanceof FileGone) return t.readFailed;
  return null;
}

/** The annotated copy, its failures said in the UI language. */
function told(make: () => Promise<Uint8Array>, strings: Strings): () => Promise<Uint8Array> {
  return async () => {
    try {
      return await make();
    } catch (e) {
      if (e instanceof FileGone) throw new UserError(strings.file.readAgainFailed);
      const reason = workerReason(e, strings);
      throw reason ? new UserError(reason) : e;
    }
  };
}

/** The file read and checked again with its copy annotated, on the page's thread (no worker). */
async function annotatedAgain(file: FileLike, e: WorkbookEngine, opts: ReadOptions): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new FileGone();
  }
  const again = await e.check(bytes, opts.rulesets, opts.now(), { annotate: true });
  if (again.status !== 'checked') throw new FileGone();
  return again.annotated();
}

export async function readOne(
  file: FileLike,
  engine: () => Promise<WorkbookEngine>,
  opts: ReadOptions,
): Promise<Outcome> {
  const t = opts.strings.file;
  const skip = skipReason(file.name);
  if (skip) return { status: 'skipped', reason: skip.kind === 'lock' ? t.skippedLock : t.skippedType(skip.ext) };
  const e = await engine();
  const checkOpts = { annotate: opts.annotate };
  if (e.checkFile) {
    let outcome: Outcome;
    try {
      outcome = await e.checkFile(file, opts.rulesets, opts.now(), checkOpts);
    } catch (err) {
      const reason = workerReason(err, opts.strings);
      if (reason) return { status: 'unreadable', reason };
      throw err;
    }
    return outcome.status === 'checked' ? { ...outcome, annotated: told(outcome.annotated, opts.strings) } : outcome;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { status: 'unreadable', reason: t.readFailed };
  }
  const outcome = await e.check(bytes, opts.rulesets, opts.now(), checkOpts);
  if (outcome.status !== 'checked' || !opts.annotate) return outcome;
  // the workbook is dropped: only what the page shows is kept, the copy is made again when asked for
  const kept: CheckedOutcome = {
    status: 'checked',
    report: outcome.report,
    ruleset: outcome.ruleset,
    marks: outcome.marks,
    annotated: told(() => annotatedAgain(file, e, opts), opts.strings),
  };
  return kept;
}

/** Lets the page paint between two files (needed only when they are checked on the page's thread). */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** One line for a file that could not be checked, as the command prints it. */
export function badLine(outcome: Exclude<Outcome, { status: 'checked' }>, strings: Strings): string {
  const t = strings.file;
  return outcome.status === 'unreadable' ? `${t.unreadable}${t.colon}${outcome.reason}` : outcome.reason;
}
