/** Expanding FILE_OR_DIR arguments into the workbooks to read, and the files passed over. */
import { existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { safeName } from '../core/bounded';
import { UsageError } from './rules';
import { CLI_TEXT as T } from './text';

export interface Inputs {
  files: string[];
  /** files named on the command line or found in a directory that are not workbooks, with why */
  skipped: { file: string; reason: string }[];
  /** arguments that do not exist */
  missing: string[];
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;
/**
 * Other spreadsheets are read (.xls, .et and .ods converted with LibreOffice when it is
 * installed) or reported as unreadable with advice (.xlsb), not skipped silently.
 */
const OLD_WORKBOOK = /\.(xls|xlsb|et|ods)$/i;

/** Why a path could not be looked at, in Chinese. */
function statReason(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return T.linkLoop;
  if (code === 'EACCES' || code === 'EPERM') return T.folderDenied;
  if (code === 'ENOENT') {
    try {
      if (lstatSync(path).isSymbolicLink()) return T.danglingLink;
    } catch {
      // gone altogether
    }
  }
  return T.unreadableEntry;
}
const LOCK_FILE = /^~\$/;

export function expandInputs(args: readonly string[]): Inputs {
  const out: Inputs = { files: [], skipped: [], missing: [] };
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      out.files.push(f);
    }
  };
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      const why = statReason(arg, e);
      if (why === T.unreadableEntry) out.missing.push(arg);
      else out.skipped.push({ file: arg, reason: why });
      continue;
    }
    if (!st.isDirectory()) {
      add(arg);
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(arg).sort((a, b) => a.localeCompare(b, 'zh-CN'));
    } catch (e) {
      // one folder that cannot be listed is said, and the other arguments go on
      out.skipped.push({ file: arg, reason: statReason(arg, e) });
      continue;
    }
    for (const name of names) {
      const path = join(arg, name);
      let file: boolean;
      try {
        file = statSync(path).isFile();
      } catch (e) {
        out.skipped.push({ file: path, reason: statReason(path, e) });
        continue;
      }
      if (!file) continue;
      if (LOCK_FILE.test(name)) out.skipped.push({ file: path, reason: 'Excel 的临时锁定文件，已跳过' });
      else if (WORKBOOK.test(name) || OLD_WORKBOOK.test(name)) add(path);
      else out.skipped.push({ file: path, reason: `不是 .xlsx 工作簿（${extname(name) || '无扩展名'}），已跳过` });
    }
  }
  return out;
}

/** `returned/文登区.xlsx` → `文登区`; names already used get `-2`, `-3`… */
export function outputNames(files: readonly string[], suffix: string): string[] {
  const used = new Map<string, number>();
  return files.map((f) => {
    const stem = safeName(basename(f).replace(/\.[^.]+$/, ''), '填报表');
    const n = (used.get(stem) ?? 0) + 1;
    used.set(stem, n);
    return `${n === 1 ? stem : `${stem}-${n}`}${suffix}`;
  });
}

/**
 * Before any work: the output folder is not a file, and each file to write (--json, --ledger) is
 * not a folder and has a folder to go in, made as --out is when it is missing. Otherwise a usage
 * error that says which and why.
 */
export function checkOutputs(outDir: string, files: readonly (string | undefined)[] = []): void {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new UsageError(T.outNotDir(outDir));
  for (const f of files) {
    if (!f || f === '-') continue;
    if (existsSync(f) && statSync(f).isDirectory()) throw new UsageError(T.fileIsDir(f));
    try {
      mkdirSync(dirname(resolve(f)), { recursive: true });
    } catch {
      throw new UsageError(T.fileNoDir(f));
    }
  }
}
