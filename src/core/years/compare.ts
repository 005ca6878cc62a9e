/**
 * This year's report against last year's of the same district (spec/CLI.md, "Across years"):
 * each 上年值 against last year's 本年值, last year's warnings against this year's 问题整改 sheet,
 * and 问题整改 rows marked 已完成 whose indicator still fails. All three are notices, added to the
 * report as plain findings.
 */
import { a1 } from '../address';
import { clipMiddle } from '../bounded';
import { fmtNum } from '../format';
import { INDICATOR_COLUMNS } from '../layout';
import { YES, NO } from '../parse';
import type { Ruleset } from '../ruleset/model';
import type { Finding, IndicatorResult, Report, WorkbookSnapshot } from '../types';
import { Context } from '../validate/context';
import { countLevels, sortFindings } from '../validate';
import { readIndicatorSheet, type IndicatorRow } from '../validate/indicatorSheets';
import { YEARS_MSG as M } from './messages';
import { indicatorsIn, isDone, readRectification } from './rectification';

export const YEAR_RULES = {
  lastValue: 'YR.lastValue',
  notListed: 'YR.notListed',
  stillFailing: 'YR.stillFailing',
} as const;

/** This year's workbook: its report, the snapshot it was read from and the ruleset it was checked with. */
export interface YearInput {
  report: Report;
  snapshot: WorkbookSnapshot;
  ruleset: Ruleset;
}

/** Last year's workbook of the same district: its report, ruleset and file name (named in messages). */
export interface PreviousYear {
  report: Report;
  ruleset: Ruleset;
  file: string;
}

export interface CompareOptions {
  /** only these of last year's warnings must be listed in 问题整改 (the review ledger's confirmed ones) */
  confirmed?: (finding: Finding) => boolean;
}

type Value = IndicatorResult['current'];

function shown(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? YES : NO;
  return typeof v === 'number' ? fmtNum(v, 6) : v;
}

/** Equal as typed: numbers to a half of the second decimal (what a template shows), texts trimmed. */
export function sameValue(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005 + 1e-9 * Math.max(1, Math.abs(a));
  return shown(a).trim() === shown(b).trim();
}

/** Where each indicator is in this year's workbook (read again, without findings). */
function indicatorRows(input: YearInput): Map<string, IndicatorRow> {
  const ctx = new Context(input.snapshot, input.ruleset, {});
  const rows = new Map<string, IndicatorRow>();
  for (const def of input.ruleset.sheets) if (def.kind === 'indicators') readIndicatorSheet(ctx, def, rows);
  return rows;
}

function notice(
  rule: string,
  indicator: string | null,
  sheet: string,
  cell: string,
  message: string,
  values: Finding['values'],
): Finding {
  return { rule, indicator, level: 'notice', sheet, cell, message: clipMiddle(message), values };
}

function checkLastValues(input: YearInput, previous: PreviousYear): Finding[] {
  const out: Finding[] = [];
  const rows = indicatorRows(input);
  const year = M.yearOf(previous.report.district.year);
  for (const def of input.ruleset.indicators) {
    if (!def.hasLast) continue;
    const typed = input.report.indicators[def.id]?.last ?? null;
    const last = previous.report.indicators[def.id]?.current ?? null;
    const row = rows.get(def.id);
    if (typed === null || last === null || !row || sameValue(typed, last)) continue;
    const cell = a1(row.row, row.cols.last ?? INDICATOR_COLUMNS.last.col);
    const message = M.lastValue(def.shortName, shown(typed), shown(last), unitOf(def.unit), year, previous.file);
    out.push(
      notice(YEAR_RULES.lastValue, def.id, row.sheet, cell, message, {
        name: def.shortName,
        last: typed,
        previous: last,
        file: previous.file,
        year: previous.report.district.year,
      }),
    );
  }
  return out;
}

/** Units printed after a figure: not the yes/no or percent-sign columns' words. */
function unitOf(unit: string): string {
  return unit === '是/否' ? '' : unit;
}

function labelOf(id: string, rulesets: readonly Ruleset[]): string {
  for (const rs of rulesets) {
    const d = rs.indicator(id);
    if (d) return d.shortName;
  }
  return id;
}

function checkListed(input: YearInput, previous: PreviousYear, options: CompareOptions): Finding[] {
  const rect = readRectification(input.snapshot, input.ruleset);
  if (!rect) return [];
  const both = [input.ruleset, previous.ruleset];
  const referred = new Set<string>();
  for (const row of rect.rows) for (const id of indicatorsIn(row.description, both)) referred.add(id);
  const year = M.yearOf(previous.report.district.year);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const f of previous.report.findings) {
    if (f.level !== 'warning' || !f.indicator) continue;
    if (!previous.ruleset.indicator(f.indicator) && !input.ruleset.indicator(f.indicator)) continue;
    if (options.confirmed && !options.confirmed(f)) continue;
    if (referred.has(f.indicator) || seen.has(f.rule)) continue;
    seen.add(f.rule);
    const name = labelOf(f.indicator, [previous.ruleset, input.ruleset]);
    // each missing problem at the row it would be added on; last year's sentence as last year's
    out.push(
      notice(
        YEAR_RULES.notListed,
        rect.code,
        rect.sheet,
        rect.cellAfter(out.length),
        M.notListed(year, M.ofYear(f.message, previous.report.district.year), rect.sheet),
        {
          name,
          indicatorId: f.indicator,
          previousRule: f.rule,
          previousMessage: f.message,
          file: previous.file,
        },
      ),
    );
  }
  return out;
}

/** 问题整改 rows marked 已完成 whose indicator has a warning in this year's report. */
export function stillFailing(input: YearInput, extra: readonly Ruleset[] = []): Finding[] {
  const rect = readRectification(input.snapshot, input.ruleset);
  if (!rect) return [];
  const warnings = input.report.findings.filter((f) => f.level === 'warning' && f.indicator);
  const out: Finding[] = [];
  for (const row of rect.rows) {
    if (!isDone(row)) continue;
    const ids = indicatorsIn(row.description, [input.ruleset, ...extra]);
    const failing = warnings.filter((f) => ids.has(f.indicator!));
    if (!failing.length) continue;
    const names = [...new Set(failing.map((f) => labelOf(f.indicator!, [input.ruleset, ...extra])))];
    const message = M.stillFailing(row.row, names.join('、'), failing.map((f) => f.message).join('；'));
    out.push(
      notice(YEAR_RULES.stillFailing, rect.code, rect.sheet, row.statusCell, message, {
        name: names.join('、'),
        indicatorIds: [...new Set(failing.map((f) => f.indicator!))].join(','),
        rules: failing.map((f) => f.rule).join(','),
        row: row.row,
      }),
    );
  }
  return out;
}

/** The notices of comparing this year's workbook with last year's of the same district. */
export function compareYears(input: YearInput, previous: PreviousYear, options: CompareOptions = {}): Finding[] {
  if (input.report.status !== 'checked' || previous.report.status !== 'checked') return [];
  return [
    ...checkLastValues(input, previous),
    ...checkListed(input, previous, options),
    ...stillFailing(input, [previous.ruleset]),
  ];
}

/** The report with `findings` added: sorted as validate sorts them, counts recounted. */
export function withFindings(report: Report, findings: readonly Finding[], ruleset: Ruleset): Report {
  if (!findings.length) return report;
  const all = sortFindings([...report.findings, ...findings], (n) => ruleset.sheetOrder(n));
  const counts = countLevels(all);
  const readyToReturn = counts.error === 0 && all.every((f) => f.level !== 'warning' || f.explained);
  return { ...report, findings: all, counts, readyToReturn };
}

/** compareYears, added to this year's report. */
export function checkAgainstLastYear(input: YearInput, previous: PreviousYear, options: CompareOptions = {}): Report {
  return withFindings(input.report, compareYears(input, previous, options), input.ruleset);
}
