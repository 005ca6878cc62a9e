/**
 * The rulesets a command uses: those given with `--ruleset` (an authoring workbook or JSON), then
 * the bundled one, with the parameter overrides of `--rules` applied. A ruleset with problems is
 * never used: the command says every problem and stops.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { bundledRuleset, checkRuleset, parseRulesetJson, withOverrides, RulesetError } from '../core/ruleset';
import type { RulesetDoc, RulesetProblem } from '../core/ruleset/doc';
import type { Ruleset } from '../core/ruleset/model';
import { CLI_TEXT as T } from './text';

export class UsageError extends Error {}

/** A ruleset file that cannot be used; its problems, each at its cell. */
export class RulesetFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly RulesetProblem[],
  ) {
    super(T.rulesetUnusable(file));
  }
}

export function problemLine(p: RulesetProblem): string {
  const where = p.sheet ? `${p.sheet}!${p.cell}` : '';
  return `  ${p.level === 'error' ? '✗' : '!'} ${where ? `${where}  ` : ''}${p.message}`;
}

/** Reads a ruleset file as its document; problems when it cannot be read at all. */
export async function readRulesetFile(file: string): Promise<{ doc: RulesetDoc | null; problems: RulesetProblem[] }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { doc: null, problems: [{ level: 'error', sheet: '', cell: '', message: T.cannotReadRuleset(file) }] };
  }
  if (extname(file).toLowerCase() === '.json') {
    const { doc, problem } = parseRulesetJson(bytes.toString('utf8'));
    return { doc, problems: problem ? [{ level: 'error', sheet: '', cell: '', message: problem }] : [] };
  }
  // ExcelJS is loaded only for a ruleset given as a workbook
  const { readRulesetWorkbook } = await import('../hosts/file/rulesetWorkbook');
  return readRulesetWorkbook(new Uint8Array(bytes));
}

/** Reads and checks a ruleset file (examples run); the ruleset only when it has no error. */
export async function loadRulesetFile(file: string): Promise<{ ruleset: Ruleset | null; problems: RulesetProblem[] }> {
  const read = await readRulesetFile(file);
  if (!read.doc) return { ruleset: null, problems: read.problems };
  const checked = checkRuleset(read.doc);
  const problems = [...read.problems, ...checked.problems];
  return { ruleset: problems.some((p) => p.level === 'error') ? null : checked.ruleset, problems };
}

function readOverrides(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(T.cannotReadRules(file));
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(T.rulesNotJson(file, e instanceof Error ? e.message : String(e)));
  }
}

/**
 * The rulesets to check with, in order of preference: each `--ruleset` file, then the bundled one
 * (unless a file has its version). `--rules` overrides apply to every ruleset that has the key.
 */
export async function loadRulesets(files: readonly string[] = [], rules?: string): Promise<Ruleset[]> {
  const out: Ruleset[] = [];
  for (const file of files) {
    const { ruleset, problems } = await loadRulesetFile(file);
    if (!ruleset) throw new RulesetFileError(file, problems);
    out.push(ruleset);
  }
  const bundled = bundledRuleset();
  if (!out.some((r) => r.version === bundled.version)) out.push(bundled);
  if (!rules) return out;
  const overrides = readOverrides(rules);
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new UsageError(`${T.rulesFile(rules)}：${T.overridesShape}`);
  }
  for (const key of Object.keys(overrides)) {
    if (!out.some((r) => key in r.params)) throw new UsageError(`${T.rulesFile(rules)}：${T.unknownOverride(key)}`);
  }
  try {
    return out.map((r) => {
      const mine = Object.fromEntries(Object.entries(overrides).filter(([k]) => k in r.params));
      return Object.keys(mine).length ? withOverrides(r, mine) : r;
    });
  } catch (e) {
    if (e instanceof RulesetError) throw new UsageError(`${T.rulesFile(rules)}：${e.message}`);
    throw e;
  }
}

/** The ruleset of a version among those loaded (the first when none has it). */
export function rulesetOf(rulesets: readonly Ruleset[], version: string): Ruleset {
  return rulesets.find((r) => r.version === version) ?? rulesets[0]!;
}
