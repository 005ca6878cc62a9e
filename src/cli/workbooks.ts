/** Reading the given workbooks one by one and validating them: shared by `check` and `feedback`. */
import { readFileSync } from 'node:fs';
import { validate } from '../core/validate';
import type { Ruleset } from '../core/params';
import type { Report } from '../core/types';
import { FileHost } from '../hosts/file/fileHost';
import { UnreadableError } from '../hosts/file/load';

export type Checked =
  | { file: string; status: 'checked'; report: Report; host: FileHost }
  | { file: string; status: 'not-template'; report: Report; reason: string }
  | { file: string; status: 'unreadable'; reason: string };

export async function checkFile(file: string, ruleset: Ruleset, now: Date): Promise<Checked> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? '没有读取该文件的权限' : code === 'EISDIR' ? '这是一个文件夹' : '无法读取该文件';
    return { file, status: 'unreadable', reason };
  }
  let host: FileHost;
  try {
    host = await FileHost.open(bytes);
  } catch (e) {
    const reason =
      e instanceof UnreadableError ? e.reason : `无法读取该工作簿（${e instanceof Error ? e.message : String(e)}）`;
    return { file, status: 'unreadable', reason };
  }
  const report = validate(await host.readSnapshot(), ruleset, { now });
  if (report.status === 'not-template') {
    return { file, status: 'not-template', report, reason: report.findings[0]?.message ?? '不是标准填报表' };
  }
  return { file, status: 'checked', report, host };
}
