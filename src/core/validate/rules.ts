/**
 * The rules of the ruleset, in their row order, on the values read from the indicator sheets and
 * the 清单. A rule whose inputs are empty, in error or in doubt is not evaluated; an 错误 rule that
 * fails puts the value it is reported on in doubt for the rules after it.
 */
import { MSG } from '../messages';
import { NotEvaluated, tryEvaluate, walk, type Scope, type Value, type Year } from '../ruleset/expr';
import type { RuleDef } from '../ruleset/model';
import { renderText, showValue, textExpressions, type TextName } from '../ruleset/text';
import type { FindingValues, IndicatorOutcome } from '../types';
import type { At, Context } from './context';
import type { IndicatorRow } from './indicatorSheets';
import { EXPLANATION_HEADER } from '../layout';
import { rowScope, type ListRow, type ListSheet } from './lists';

type Rows = ReadonlyMap<string, IndicatorRow>;

/** Words that fill a 情况说明 cell without explaining anything. */
const NOT_AN_EXPLANATION =
  /^(无|没有|暂无|略|同上|见说明|详见说明|见附件|详见附件|已说明|说明|情况说明|[-—–/\\.。、…]+)$/;

/** Whether a 情况说明 explains: filled, and not a placeholder such as 无 or 见说明. */
export function isExplanation(text: string): boolean {
  const t = text.replace(/[\s\u3000]/g, '');
  return t !== '' && !NOT_AN_EXPLANATION.test(t);
}

/** How an indicator's value enters expressions: yes/no as the words 是 and 否. */
export function asValue(v: number | boolean | string | null): Value | undefined {
  if (v === null) return undefined;
  return typeof v === 'boolean' ? (v ? '是' : '否') : v;
}

/** The scope rules are evaluated in: indicator values not in doubt, the 清单 rows, the parameters. */
export function workbookScope(
  ctx: Context,
  rows: Rows,
  lists: ReadonlyMap<string, ListSheet>,
  doubt: Set<string>,
): Scope {
  const scope: Scope = {
    indicator: (id: string, year: Year) => {
      const row = rows.get(id);
      if (!row || row.doubtful.has(year) || doubt.has(`${id}:${year}`)) return undefined;
      return asValue(row[year]);
    },
    param: (name) => ctx.params[name] ?? NaN,
    column: () => undefined,
    rows: (list) => {
      const l = lists.get(list);
      if (!l) throw new NotEvaluated();
      return l.rows.map((r) => rowScope(scope, r));
    },
    cityTotal: () => undefined,
  };
  return scope;
}

/** The figures a message computes, by their source, for every output that wants them. */
function figures(rule: RuleDef, scope: Scope): FindingValues {
  const out: FindingValues = {};
  for (const { source, expr } of textExpressions(rule.message)) {
    const v = tryEvaluate(expr, scope);
    if (v !== undefined) out[source] = v;
  }
  return out;
}

/** The first row a `COUNTROWS(list, 条件)` of the condition counts. */
function firstCounted(rule: RuleDef, list: ListSheet, scope: Scope): ListRow | undefined {
  for (const e of walk(rule.condition)) {
    if (e.k !== 'rows' || e.list !== list.def.sheet || !e.cond) continue;
    const cond = e.cond;
    const hit = list.rows.find((r) => tryEvaluate(cond, rowScope(scope, r)) === true);
    if (hit) return hit;
  }
  return undefined;
}

/** A 清单 row's 情况说明, '' when the sheet has no such column or the cell is empty. */
function listExplanation(row: ListRow): string {
  const v = row.values.get(EXPLANATION_HEADER);
  return typeof v === 'string' ? v : '';
}

/**
 * A 清单 warning is explained, as CLI.md defines `explained`, when the 情况说明 of every row it
 * is about explains (isExplanation). A 清单 without a 情况说明 column, or a warning about no row,
 * is never explained: complete rows are not an explanation.
 */
function listExplained(rows: readonly ListRow[]): boolean {
  return rows.length > 0 && rows.every((r) => isExplanation(listExplanation(r)));
}

/** Runs every rule; returns each indicator's outcome (met, not met, not evaluated, reported). */
export function checkRules(
  ctx: Context,
  rows: Rows,
  lists: ReadonlyMap<string, ListSheet>,
): Map<string, IndicatorOutcome> {
  const doubt = new Set<string>();
  const scope = workbookScope(ctx, rows, lists, doubt);
  const state = new Map<string, { failed: boolean; skipped: boolean }>();
  const warned = new Set<string>();

  const report = (
    rule: RuleDef,
    s: Scope,
    at: At,
    names: Partial<Record<TextName, string>>,
    extra: {
      explained: boolean;
      explanation?: string;
      values: FindingValues;
    },
  ) => {
    const ctxText = { scope: s, names, condition: rule.condition };
    ctx.add(rule.id, rule.level, rule.indicator, at, renderText(rule.message, ctxText), {
      requirement: renderText(rule.requirement, ctxText) || undefined,
      explained: extra.explained,
      explanation: rule.level === 'warning' ? extra.explanation : undefined,
      values: { ...extra.values, ...figures(rule, s) },
    });
  };

  for (const rule of ctx.ruleset.rules) {
    const t = rule.target;
    if (t.kind === 'indicator') {
      const row = rows.get(t.id);
      if (!row) continue;
      const result = tryEvaluate(rule.condition, scope);
      if (rule.level === 'warning') {
        const s = state.get(t.id) ?? { failed: false, skipped: false };
        if (result === undefined) s.skipped = true;
        else if (result === false) s.failed = true;
        state.set(t.id, s);
      }
      if (result !== false) continue;
      if (rule.level === 'warning') warned.add(t.id);
      const names = {
        本年值: row.current === null ? '' : showValue(asValue(row.current)!),
        上年值: row.last === null ? '' : showValue(asValue(row.last)!),
        简称: row.def.shortName,
        指标名称: row.def.name,
        单位: row.def.unit,
      };
      const col = t.column === 'last' ? row.cols.last : row.cols.current;
      report(rule, scope, { sheet: row.sheet, row: row.row, col }, names, {
        explained: isExplanation(row.explanation),
        explanation: row.explanation,
        values: { current: row.current, last: row.last },
      });
      if (rule.level === 'error') doubt.add(`${t.id}:${t.column}`);
      continue;
    }
    const list = lists.get(t.list);
    if (!list) continue;
    const col = list.cols.get(t.column) ?? 1;
    if (t.scope === 'row') {
      for (const r of list.rows) {
        const s = rowScope(scope, r);
        if (tryEvaluate(rule.condition, s) !== false) continue;
        report(
          rule,
          s,
          { sheet: list.sheet.name, row: r.row, col },
          {},
          {
            explained: listExplained([r]),
            explanation: listExplanation(r),
            values: { current: r.values.get(t.column) ?? null },
          },
        );
        if (rule.level === 'error') r.bad.add(t.column);
      }
      continue;
    }
    if (tryEvaluate(rule.condition, scope) !== false) continue;
    const first = firstCounted(rule, list, scope);
    const counted = first
      ? list.rows.filter((r) =>
          [...walk(rule.condition)].some(
            (e) => e.k === 'rows' && e.list === t.list && e.cond && tryEvaluate(e.cond, rowScope(scope, r)) === true,
          ),
        )
      : list.rows;
    const row = first?.row ?? list.rows[0]?.row ?? list.headerRow;
    report(
      rule,
      scope,
      { sheet: list.sheet.name, row, col },
      {},
      {
        explained: listExplained(counted),
        values: {},
      },
    );
  }

  const outcome = new Map<string, IndicatorOutcome>();
  for (const [id, row] of rows) {
    const s = state.get(id);
    outcome.set(id, !s ? 'reported' : s.failed ? 'notMet' : s.skipped ? 'notEvaluated' : 'met');
    const at = (col: number) => ({ sheet: row.sheet, row: row.row, col });
    // G5: a warning must be explained; G6: a met yes/no requirement wants its evidence.
    if (warned.has(id) && row.explanation === '') ctx.engine('G5', id, at(row.cols.explanation), MSG.explainWarning);
    else if (warned.has(id) && !isExplanation(row.explanation)) {
      ctx.engine('G5', id, at(row.cols.explanation), MSG.notAnExplanation(row.explanation));
    }
    if (row.def.type === 'yesno' && s && !s.failed && !s.skipped && row.evidence === '') {
      ctx.engine('G6', id, at(row.cols.evidence), MSG.missingEvidence);
    }
  }
  return outcome;
}
