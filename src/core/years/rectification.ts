/**
 * The 问题整改 sheet of a workbook, read through the ruleset's 清单 definition, and which
 * indicators a 问题描述 refers to: one whose text contains the indicator's id, its 简称 or its
 * 指标名称 without the unit (spec/CLI.md, "Across years").
 */
import { a1 } from '../address';
import { normalizeLabel } from '../parse';
import type { Scope } from '../ruleset/expr';
import type { IndicatorDef, ListDef, Ruleset } from '../ruleset/model';
import type { WorkbookSnapshot } from '../types';
import { Context } from '../validate/context';
import { readList } from '../validate/lists';
import { YEARS_MSG } from './messages';

export const DESCRIPTION_HEADER = '问题描述';
export const STATUS_HEADER = '整改状态';
export const SOURCE_HEADER = '问题来源';
export const MEASURES_HEADER = '整改措施';
export const RECTIFICATION_SHEET = '问题整改';

export interface RectificationRow {
  /** 1-based row on the sheet */
  row: number;
  description: string;
  status: string;
  /** the row's 问题来源 and 整改措施, '' when empty or the 清单 has no such column */
  source: string;
  measures: string;
  /** A1 addresses of the row's 问题描述 and 整改状态 cells */
  descriptionCell: string;
  statusCell: string;
}

export interface Rectification {
  sheet: string;
  /** the 清单's 编号 (`ZG`) */
  code: string;
  rows: RectificationRow[];
  /** where a missing problem would be added: the 问题描述 cell of the first row after the data */
  nextCell: string;
  /** the 问题描述 cell of the i-th row after the data (0: nextCell) */
  cellAfter: (i: number) => string;
}

/** The ruleset's 问题整改 清单: the sheet of that name, else the 清单 with 问题描述 and 整改状态 columns. */
export function rectificationList(ruleset: Ruleset): ListDef | undefined {
  const has = (l: ListDef, h: string) => l.fields.some((f) => f.header === h);
  return (
    ruleset.list(RECTIFICATION_SHEET) ?? ruleset.lists.find((l) => has(l, DESCRIPTION_HEADER) && has(l, STATUS_HEADER))
  );
}

/** Values that no 必填 condition of a 问题整改 column needs beyond its own row. */
function emptyScope(ruleset: Ruleset): Scope {
  return {
    indicator: () => undefined,
    param: (name) => ruleset.params[name] ?? 0,
    column: () => undefined,
    rows: () => [],
    cityTotal: () => undefined,
  };
}

/** The rows of the workbook's 问题整改 sheet; null when the ruleset has no such 清单. */
export function readRectification(snapshot: WorkbookSnapshot, ruleset: Ruleset): Rectification | null {
  const def = rectificationList(ruleset);
  if (!def) return null;
  const ctx = new Context(snapshot, ruleset, {});
  const list = readList(ctx, def, emptyScope(ruleset));
  const descCol =
    list?.cols.get(DESCRIPTION_HEADER) ?? def.fields.findIndex((f) => f.header === DESCRIPTION_HEADER) + 1;
  const statusCol = list?.cols.get(STATUS_HEADER) ?? def.fields.findIndex((f) => f.header === STATUS_HEADER) + 1;
  const rows: RectificationRow[] = [];
  for (const r of list?.rows ?? []) {
    const text = (h: string) => {
      const v = r.values.get(h);
      return v === undefined ? '' : String(v);
    };
    rows.push({
      row: r.row,
      description: text(DESCRIPTION_HEADER),
      status: text(STATUS_HEADER),
      source: text(SOURCE_HEADER),
      measures: text(MEASURES_HEADER),
      descriptionCell: a1(r.row, Math.max(1, descCol)),
      statusCell: a1(r.row, Math.max(1, statusCol)),
    });
  }
  const after = rows.length ? rows[rows.length - 1]!.row + 1 : (list?.headerRow ?? 2) + 1;
  const cellAfter = (i: number) => a1(after + i, Math.max(1, descCol));
  return { sheet: def.sheet, code: def.code, rows, nextCell: cellAfter(0), cellAfter };
}

export const isDone = (row: RectificationRow): boolean => normalizeLabel(row.status) === YEARS_MSG.done;

/** 指标名称 without a trailing `（单位）` and a leading `其中：`. */
export function nameWithoutUnit(def: IndicatorDef): string {
  let name = def.name.trim().replace(/^其中[:：]/, '');
  const unit = def.unit.trim();
  for (const [open, close] of [
    ['（', '）'],
    ['(', ')'],
  ]) {
    if (unit && name.endsWith(`${open}${unit}${close}`)) name = name.slice(0, -(unit.length + 2));
  }
  return name.trim();
}

interface Needle {
  id: string;
  text: string;
  /** an id: matched case-insensitively, not inside a longer id */
  isId: boolean;
}

function needles(rulesets: readonly Ruleset[]): Needle[] {
  const out: Needle[] = [];
  const seen = new Set<string>();
  for (const rs of rulesets) {
    for (const def of rs.indicators) {
      for (const [text, isId] of [
        [def.id, true],
        [def.shortName, false],
        [nameWithoutUnit(def), false],
      ] as const) {
        const t = isId ? normalizeLabel(text).toUpperCase() : normalizeLabel(text);
        const key = `${def.id}\u0000${t}`;
        if (t.length < 2 || seen.has(key)) continue;
        seen.add(key);
        out.push({ id: def.id, text: t, isId });
      }
    }
  }
  // the longest names first: 上级下达教育专项资金中当年已支付金额 (JF16) is not also 上级下达教育专项资金 (JF15)
  return out.sort((a, b) => b.text.length - a.text.length);
}

/** The ids of the indicators (of any of `rulesets`) that a 问题描述 refers to. */
export function indicatorsIn(description: string, rulesets: readonly Ruleset[]): Set<string> {
  const text = normalizeLabel(description);
  const upper = text.toUpperCase();
  const taken = new Array<boolean>(text.length).fill(false);
  const found = new Set<string>();
  for (const n of needles(rulesets)) {
    const hay = n.isId ? upper : text;
    for (let at = hay.indexOf(n.text); at >= 0; at = hay.indexOf(n.text, at + 1)) {
      const end = at + n.text.length;
      if (n.isId && (/[A-Z0-9]/.test(upper[at - 1] ?? '') || /[0-9]/.test(upper[end] ?? ''))) continue;
      if (taken.slice(at, end).some(Boolean)) continue;
      taken.fill(true, at, end);
      found.add(n.id);
    }
  }
  return found;
}
