/**
 * Rulesets: the bundled 2025.1, reading one from its JSON form, choosing the one that checks a
 * workbook, and the copy a template carries.
 */
import bundledJson from '../../rulesets/2025.1.json';
import { RULESET_SHEET } from '../layout';
import { MSG } from '../messages';
import { infoLabel, normalizeLabel } from '../parse';
import type { Finding, SnapshotCell, WorkbookSnapshot } from '../types';
import { applyOverrides, compileRuleset, normalizeDoc, RulesetError, type CompileResult } from './compile';
import { stripSources, type RulesetDoc } from './doc';
import { runExamples } from './examples';
import type { Ruleset } from './model';

export { RulesetError };

export const BUNDLED_DOC: RulesetDoc = normalizeDoc(bundledJson as unknown as RulesetDoc);

let bundled: Ruleset | undefined;

/** The bundled ruleset 2025.1. */
export function bundledRuleset(): Ruleset {
  if (!bundled) {
    const { ruleset, problems } = compileRuleset(BUNDLED_DOC);
    if (!ruleset)
      throw new Error(`bundled ruleset: ${problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`).join('; ')}`);
    bundled = ruleset;
  }
  return bundled;
}

/** A ruleset with parameter overrides (`--rules`); throws RulesetError naming a bad key. */
export function withOverrides(ruleset: Ruleset, overrides: unknown): Ruleset {
  const doc = applyOverrides(ruleset.doc, overrides);
  const given = Object.fromEntries(Object.entries(overrides as Record<string, number>));
  const { ruleset: out, problems } = compileRuleset(doc, { ...ruleset.overrides, ...given });
  if (!out) throw new RulesetError(problems[0]?.message ?? '', null);
  return out;
}

/** Compiles a document and runs its examples: every problem at once; the ruleset only when usable. */
export function checkRuleset(doc: RulesetDoc): CompileResult {
  const compiled = compileRuleset(normalizeDoc(doc));
  const usable = compiled.ruleset ?? compiled.partial;
  if (!usable) return compiled;
  const problems = [...compiled.problems, ...runExamples(usable, doc)];
  return { ruleset: problems.some((p) => p.level === 'error') ? null : compiled.ruleset, problems };
}

/** Reads the JSON form; a problem when it is not JSON or not shaped like a ruleset. */
export function parseRulesetJson(text: string): { doc: RulesetDoc | null; problem?: string } {
  let doc: RulesetDoc;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, '')) as RulesetDoc;
  } catch (e) {
    return { doc: null, problem: `不是有效的 JSON：${e instanceof Error ? e.message : String(e)}` };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !doc.ruleset || typeof doc.ruleset !== 'object') {
    return { doc: null, problem: '这不是规则集 JSON：缺少“ruleset”（规则集版本、名称等）' };
  }
  return { doc: normalizeDoc(doc) };
}

export function rulesetJson(doc: RulesetDoc): string {
  return `${JSON.stringify({ $schema: './ruleset.schema.json', ...stripSources(doc) }, null, 2)}\n`;
}

/** Two rulesets are the same document (positions in a workbook aside). */
export function sameRuleset(a: RulesetDoc, b: RulesetDoc): boolean {
  return docKey(a) === docKey(b);
}

const keys = new WeakMap<RulesetDoc, string>();

/** A document's content as one string (positions aside), computed once per document object. */
function docKey(doc: RulesetDoc): string {
  let key = keys.get(doc);
  if (key === undefined) {
    key = JSON.stringify(stripSources(normalizeDoc(doc)));
    keys.set(doc, key);
  }
  return key;
}

// ---------------------------------------------------------------- choosing and carrying

/** The value of the 模板版本 row of a workbook, wherever its 基本信息 sheet is; null when none. */
export function templateVersionOf(snapshot: WorkbookSnapshot): { version: string; sheet: string; cell: string } | null {
  const found = infoValue(snapshot, '模板版本');
  return found && { version: normalizeLabel(found.cell?.v), sheet: found.sheet, cell: `B${found.row}` };
}

/**
 * A 基本信息 value of any workbook, before its ruleset is known: the cell right of the first
 * `label` in column A of the first 60 rows of any sheet.
 */
export function infoValue(
  snapshot: WorkbookSnapshot,
  label: string,
): { cell: SnapshotCell | null | undefined; sheet: string; row: number } | null {
  for (const s of snapshot.sheets) {
    for (let r = 0; r < Math.min(s.rows.length, 60); r++) {
      if (infoLabel(s.rows[r]?.[0]?.v) === label) return { cell: s.rows[r]?.[1], sheet: s.name, row: r + 1 };
    }
  }
  return null;
}

/** Carried documents already read, by their text: the same text is the same (unchanged) document. */
const carriedDocs = new Map<string, RulesetDoc | null>();

/** The ruleset a template carries in its very hidden sheet: JSON in column A, one piece a row. */
export function carriedDoc(snapshot: WorkbookSnapshot): RulesetDoc | null {
  const sheet = snapshot.sheets.find((s) => s.name === RULESET_SHEET);
  if (!sheet) return null;
  const text = sheet.rows.map((r) => (typeof r?.[0]?.v === 'string' ? r[0].v : '')).join('');
  let doc = carriedDocs.get(text);
  if (doc === undefined) {
    if (carriedDocs.size > 16) carriedDocs.clear();
    doc = parseRulesetJson(text).doc;
    carriedDocs.set(text, doc);
  }
  return doc;
}

/** Pieces of the JSON form small enough for a cell (Excel holds 32,767 characters a cell). */
export function carriedPieces(doc: RulesetDoc, size = 30000): string[] {
  const text = JSON.stringify(stripSources(doc));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Carried rulesets already compiled, by their text: a batch's workbooks usually carry the same one. */
const carriedCache = new Map<string, Ruleset | null>();

function compileCarried(doc: RulesetDoc): Ruleset | null {
  const key = docKey(doc);
  if (!carriedCache.has(key)) {
    if (carriedCache.size > 16) carriedCache.clear();
    carriedCache.set(key, checkRuleset(doc).ruleset);
  }
  return carriedCache.get(key) ?? null;
}

export interface Choice {
  ruleset: Ruleset;
  /** findings about the choice (the carried copy differs) to add to the workbook's report */
  findings: Finding[];
}

/**
 * The ruleset that checks a workbook: the one whose version equals its 模板版本, the user's
 * before the bundled ones (`available`, in order of preference); a ruleset the workbook carries
 * when the checker has none of that version. No match: an error finding instead.
 */
export function chooseRuleset(
  snapshot: WorkbookSnapshot,
  available: readonly Ruleset[],
): Choice | { error: Finding; district: { version: string } } {
  const found = templateVersionOf(snapshot);
  const version = found?.version ?? '';
  const mine = available.find((r) => normalizeLabel(r.version) === version);
  const doc = carriedDoc(snapshot);
  const ofVersion = doc && normalizeLabel(doc.ruleset?.version) === version ? doc : null;
  const at = { sheet: found?.sheet ?? snapshot.sheets[0]?.name ?? '', cell: found?.cell ?? 'A1' };
  if (mine) {
    const findings: Finding[] = [];
    // the checker's `--rules` overrides are the reviewer's, not a change of the district's copy
    const carriedAsMine =
      ofVersion && Object.keys(mine.overrides).length ? applyOverrides(ofVersion, mine.overrides) : ofVersion;
    if (carriedAsMine && !sameRuleset(carriedAsMine, mine.doc)) {
      findings.push({
        rule: 'TPL.rulesetDiffers',
        indicator: null,
        level: 'notice',
        ...at,
        message: MSG.rulesetDiffers(mine.version),
        values: {},
      });
    }
    return { ruleset: mine, findings };
  }
  const carried = ofVersion ? compileCarried(ofVersion) : null;
  if (carried) return { ruleset: carried, findings: [] };
  // an unfilled 模板版本 is the district's mistake, not another system: the first ruleset checks it
  if (!version && available[0]) return { ruleset: available[0], findings: [] };
  return {
    error: {
      rule: 'TPL.noRuleset',
      indicator: null,
      level: 'error',
      ...at,
      message: MSG.noRuleset(
        version,
        available.map((r) => r.version),
      ),
      values: {},
    },
    district: { version },
  };
}
