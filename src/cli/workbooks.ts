/** Reading the given workbooks one by one and validating them: shared by `check` and `feedback`. */
import { readFileSync } from 'node:fs';
import type { Ruleset } from '../core/ruleset/model';
import { checkBytes, type CheckedBytes } from '../hosts/file/check';

export type Checked = CheckedBytes & { file: string };

export async function checkFile(file: string, rulesets: readonly Ruleset[], now: Date): Promise<Checked> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? '没有读取该文件的权限' : code === 'EISDIR' ? '这是一个文件夹' : '无法读取该文件';
    return { file, status: 'unreadable', reason };
  }
  return { file, ...(await checkBytes(bytes, rulesets, now)) };
}
