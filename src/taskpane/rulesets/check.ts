/**
 * Reading a ruleset file the user chose (an authoring workbook or the JSON form) and checking it:
 * every problem at once, each at its cell; the ruleset only when it has no error.
 */
import type { Strings } from '../../i18n';
import type { FileLike } from '../file/readFiles';
import type { WorkbookEngine } from '../file/types';
import { fileProblem } from './problems';
import type { RulesetCheck, RulesetEngine } from './types';

function unusable(message: string): RulesetCheck {
  return { ruleset: null, doc: null, problems: [fileProblem(message)] };
}

/** A check that never throws: should the checker itself fail, that is the one problem. */
export function safeCheck(check: () => RulesetCheck, strings: Strings): RulesetCheck {
  try {
    return check();
  } catch (e) {
    return unusable(strings.rulesets.checkFailed(e instanceof Error ? e.message : String(e)));
  }
}

export type RulesetFileKind = 'json' | 'workbook' | 'xls' | 'other';

export function rulesetFileKind(name: string): RulesetFileKind {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.(xlsx|xlsm)$/i.test(name)) return 'workbook';
  if (/\.xls$/i.test(name)) return 'xls';
  return 'other';
}

/** The ExcelJS chunk would not load: the file cannot be read here, which is said as such. */
export class EngineUnavailable extends Error {
  constructor() {
    super('module');
    this.name = 'EngineUnavailable';
  }
}

/**
 * Reads and checks a ruleset file. An authoring workbook needs the ExcelJS chunk (`workbook`);
 * when that cannot be loaded, EngineUnavailable is thrown, the one case that throws.
 */
export async function readRulesetFile(
  file: FileLike,
  workbook: () => Promise<WorkbookEngine>,
  engine: RulesetEngine,
  strings: Strings,
): Promise<RulesetCheck> {
  const t = strings.rulesets;
  const kind = rulesetFileKind(file.name);
  if (kind === 'xls') return unusable(t.oldXls);
  if (kind === 'other') return unusable(t.wrongType(/\.[^.]+$/.exec(file.name)?.[0] ?? ''));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return unusable(t.readFailed);
  }
  if (kind === 'json') {
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(bytes);
    } catch {
      return unusable(t.readFailed);
    }
    return safeCheck(() => engine.checkJson(text), strings);
  }
  let reader: WorkbookEngine;
  try {
    reader = await workbook();
  } catch {
    throw new EngineUnavailable();
  }
  let read: Parameters<RulesetEngine['checkRead']>[0];
  try {
    read = await reader.readRuleset(bytes);
  } catch (e) {
    return unusable(t.checkFailed(e instanceof Error ? e.message : String(e)));
  }
  return safeCheck(() => engine.checkRead(read), strings);
}
