/**
 * Checking one workbook given as bytes: open it, validate it, and say in plain Chinese why not
 * when it cannot be. No file system, so the web page (file mode) uses it as it is; it says the
 * same in the command line (`src/cli/workbooks.ts` reads the file and calls this).
 */
import type { Ruleset } from '../../core/ruleset/model';
import type { Report } from '../../core/types';
import { checkWorkbookWith } from '../../core/validate';
import { FileHost } from './fileHost';
import { UnreadableError } from './package/limits';

export type CheckedBytes =
  | { status: 'checked'; report: Report; host: FileHost; ruleset: Ruleset }
  | { status: 'not-template'; report: Report; host: FileHost; reason: string }
  | { status: 'unreadable'; reason: string };

export const NOT_TEMPLATE = '不是标准填报表';

export function unreadableReason(e: unknown): string {
  return e instanceof UnreadableError ? e.reason : `无法读取该工作簿（${e instanceof Error ? e.message : String(e)}）`;
}

/** Opens and checks a workbook with the ruleset of its 模板版本 among `rulesets` (or the one it carries). */
export async function checkBytes(bytes: Uint8Array, rulesets: readonly Ruleset[], now: Date): Promise<CheckedBytes> {
  let host: FileHost;
  try {
    host = await FileHost.open(bytes);
  } catch (e) {
    return { status: 'unreadable', reason: unreadableReason(e) };
  }
  const { report, ruleset } = checkWorkbookWith(await host.readSnapshot(), rulesets, { now });
  if (report.status === 'not-template' || !ruleset) {
    return { status: 'not-template', report, host, reason: report.findings[0]?.message ?? NOT_TEMPLATE };
  }
  return { status: 'checked', report, host, ruleset };
}
