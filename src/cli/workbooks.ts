/** Reading the given workbooks one by one and validating them: shared by `check` and `feedback`. */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Ruleset } from '../core/ruleset/model';
import { checkBytes, type CheckedBytes } from '../hosts/file/check';
import { LIMITS, REASONS } from '../hosts/file/package/limits';
import { installCodec } from '../hosts/file/package/codec';
import { NODE_ZLIB_CODEC } from '../hosts/file/package/nodeCodec';
import { CLI_TEXT as T } from './text';

// packages read and written by the command (its thread and each worker thread, which both load
// this module) are inflated and deflated by node:zlib, not by the page's fflate
installCodec(NODE_ZLIB_CODEC);

export type Checked = CheckedBytes & {
  file: string;
  /** said after the file's line, e.g. that it was converted */ notice?: string;
};

/** What is said about a checked file once its workbook is closed (or checked in a worker thread). */
export type CheckedResult = Checked extends infer C ? (C extends { host: unknown } ? Omit<C, 'host'> : C) : never;

const CONVERT_TIMEOUT_MS = 120_000;

/** `soffice` (LibreOffice) on PATH, or null. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        if (statSync(path).isFile()) return path;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** The file converted to .xlsx by LibreOffice in a temporary folder (the input is never modified). */
async function convert(soffice: string, file: string): Promise<Uint8Array | null> {
  const dir = mkdtempSync(join(tmpdir(), 'duty-review-convert-'));
  try {
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const args = [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx',
      '--outdir',
      join(dir, 'out'),
      resolve(file),
    ];
    await new Promise<void>((done) => {
      execFile(soffice, args, { timeout: CONVERT_TIMEOUT_MS, windowsHide: true }, () => done());
    });
    const out = (() => {
      try {
        return readdirSync(join(dir, 'out')).find((n) => /\.xlsx$/i.test(n));
      } catch {
        return undefined;
      }
    })();
    return out ? readFileSync(join(dir, 'out', out)) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限';
  if (code === 'EISDIR') return '这是一个文件夹';
  if (code === 'ENOENT') return '文件不存在（可能是指向不存在文件的快捷方式或符号链接）';
  if (code === 'ELOOP') return '符号链接形成循环，无法读取';
  return '无法读取该文件';
}

/** What the format is, said for a file of that extension that cannot be read as it is. */
function formatReason(file: string, reason: string): string {
  const ext = extname(file).toLowerCase();
  if (ext === '.et' && (reason === REASONS.xls || reason === REASONS.notZip)) return REASONS.et;
  if (ext === '.ods' && (reason === REASONS.notWorkbook || reason === REASONS.corrupt)) return REASONS.ods;
  return reason;
}

async function checkOne(file: string, rulesets: readonly Ruleset[], now: Date): Promise<Checked> {
  let bytes: Uint8Array;
  try {
    const size = statSync(file).size;
    if (size > LIMITS.fileBytes) return { file, status: 'unreadable', reason: REASONS.tooLarge(size) };
    bytes = readFileSync(file);
  } catch (e) {
    return { file, status: 'unreadable', reason: readReason(e) };
  }
  const first = await checkBytes(bytes, rulesets, now);
  if (first.status !== 'unreadable') return { file, ...first };
  const reason = formatReason(file, first.reason);
  const foreign = reason === REASONS.xls || reason === REASONS.et || reason === REASONS.ods;
  // by what the file is, not by its name: an .xls saved as “.xlsx” is converted as well
  if (!foreign) return { file, status: 'unreadable', reason };
  const soffice = findSoffice();
  if (!soffice) return { file, status: 'unreadable', reason: `${reason}${T.noSoffice}` };
  const converted = await convert(soffice, file);
  if (!converted) return { file, status: 'unreadable', reason: `${reason}${T.convertFailed}` };
  const checked = await checkBytes(converted, rulesets, now);
  // what LibreOffice makes of a damaged file is an empty workbook: the format's advice says more
  if (checked.status !== 'checked') return { file, status: 'unreadable', reason: `${reason}${T.convertedNotTemplate}` };
  return { file, ...checked, notice: T.converted(file) };
}

/** Checks one file; whatever goes wrong is said in Chinese for this file and the others go on. */
export async function checkFile(file: string, rulesets: readonly Ruleset[], now: Date): Promise<Checked> {
  try {
    return await checkOne(file, rulesets, now);
  } catch {
    return { file, status: 'unreadable', reason: REASONS.unknown };
  }
}
