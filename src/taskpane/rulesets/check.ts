/**
 * Reading a ruleset file the user chose (an authoring workbook or the JSON form) and checking it:
 * every problem at once, each at its cell; the ruleset only when it has no error. Never throws.
 */
import { checkRuleset, parseRulesetJson } from '../../core/ruleset';
import type { RulesetDoc, RulesetProblem } from '../../core/ruleset/doc';
import type { Ruleset } from '../../core/ruleset/model';
import type { Strings } from '../../i18n';
import type { FileLike } from '../file/readFiles';
import type { WorkbookEngine } from '../file/types';

export interface RulesetCheck {
  /** the ruleset, when it can be used */
  ruleset: Ruleset | null;
  doc: RulesetDoc | null;
  problems: RulesetProblem[];
}

/** A problem that is about the whole file, not a cell. */
export function fileProblem(message: string): RulesetProblem {
  return { level: 'error', sheet: '', cell: '', message };
}

function unusable(message: string): RulesetCheck {
  return { ruleset: null, doc: null, problems: [fileProblem(message)] };
}

/** Checks a document read from a file (its reading problems first). */
export function checkRead(
  read: { doc: RulesetDoc | null; problems: readonly RulesetProblem[] },
  strings: Strings,
): RulesetCheck {
  if (!read.doc) return { ruleset: null, doc: null, problems: [...read.problems] };
  try {
    const checked = checkRuleset(read.doc);
    const problems = [...read.problems, ...checked.problems];
    const ruleset = problems.some((p) => p.level === 'error') ? null : checked.ruleset;
    return { ruleset, doc: read.doc, problems };
  } catch (e) {
    return unusable(strings.rulesets.checkFailed(e instanceof Error ? e.message : String(e)));
  }
}

/** The JSON form, as a file holds it or as this browser kept it. */
export function checkJson(text: string, strings: Strings): RulesetCheck {
  const { doc, problem } = parseRulesetJson(text);
  return checkRead({ doc, problems: problem ? [fileProblem(problem)] : [] }, strings);
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
 * Reads and checks a ruleset file. An authoring workbook needs the ExcelJS chunk (`engine`);
 * when that cannot be loaded, EngineUnavailable is thrown (the one case that throws).
 */
export async function readRulesetFile(
  file: FileLike,
  engine: () => Promise<WorkbookEngine>,
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
    return checkJson(text, strings);
  }
  let reader: WorkbookEngine;
  try {
    reader = await engine();
  } catch {
    throw new EngineUnavailable();
  }
  try {
    return checkRead(await reader.readRuleset(bytes), strings);
  } catch (e) {
    return unusable(strings.rulesets.checkFailed(e instanceof Error ? e.message : String(e)));
  }
}

/** `工作表!单元格` of a problem, or '' when it is about the whole file. */
export function problemPlace(p: RulesetProblem): string {
  if (!p.sheet) return p.cell;
  return p.cell ? `${p.sheet}!${p.cell}` : p.sheet;
}
