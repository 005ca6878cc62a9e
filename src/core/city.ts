/**
 * City-wide findings drawn from a batch of workbooks (spec/CLI.md, `city`; spec/FEEDBACK.md,
 * "City-wide draft"): the XQ05 / XQ06 comparison with the city-wide figure, and which districts
 * break each rule.
 */
import { indicator, shortName } from './catalogue';
import { fmtRate } from './format';
import type { Ruleset } from './params';
import { DRAFT_PHRASES, fill } from './phrases';
import { checkedReports, conclusiveWarnings, districtName, errorIndicators, ruleOrder } from './feedback/common';
import type { Finding, Report } from './types';

export interface CityFinding {
  /** `XQ05.belowCity` or `XQ06.belowCity` */
  rule: string;
  indicator: string;
  level: 'warning';
  /** names of the districts concerned, in order of 行政区划代码 */
  districts: string[];
  /** the city-wide figure, one decimal */
  cityValue: number;
  message: string;
}

interface Comparison {
  indicator: 'XQ05' | 'XQ06';
  /** counts summed for the numerator; XQ02 is the denominator */
  parts: string[];
}

const COMPARISONS: readonly Comparison[] = [
  { indicator: 'XQ05', parts: ['XQ03', 'XQ04'] },
  { indicator: 'XQ06', parts: ['XQ03'] },
];

/** Rules between the counts whose errors make the counts unusable, whichever share is compared. */
const COUNT_IDS = ['XQ02', 'XQ03', 'XQ04'];

function current(report: Report, id: string): number | undefined {
  const v = report.indicators[id]?.current;
  return typeof v === 'number' ? v : undefined;
}

/** The city-wide share from summed counts and the districts it was computed over. */
export interface CityShare {
  value: number;
  reports: { report: Report; own: number }[];
}

/**
 * The city-wide XQ05 or XQ06 figure: Σ parts / Σ XQ02 × 100 over the checked districts whose
 * counts and own share are usable (a number, no error on XQ02–XQ04 or on the share). Undefined
 * when fewer than two districts are usable or the children total is 0.
 */
export function cityShare(reports: readonly Report[], id: 'XQ05' | 'XQ06'): CityShare | undefined {
  const cmp = COMPARISONS.find((c) => c.indicator === id)!;
  let top = 0;
  let bottom = 0;
  const used: CityShare['reports'] = [];
  for (const report of checkedReports(reports)) {
    const errors = errorIndicators(report);
    if ([...COUNT_IDS, id].some((x) => errors.has(x))) continue;
    const whole = current(report, 'XQ02');
    const own = current(report, id);
    const parts = cmp.parts.map((p) => current(report, p));
    if (whole === undefined || own === undefined || parts.some((p) => p === undefined)) continue;
    top += parts.reduce<number>((t, p) => t + (p ?? 0), 0);
    bottom += whole;
    used.push({ report, own });
  }
  if (used.length < 2 || bottom === 0) return undefined;
  return { value: (top / bottom) * 100, reports: used };
}

export function cityFindings(reports: readonly Report[], ruleset: Ruleset): CityFinding[] {
  const tolerance = ruleset.params['consistency.pctTolerance'];
  const out: CityFinding[] = [];
  for (const { indicator: id } of COMPARISONS) {
    const share = cityShare(reports, id);
    if (!share) continue;
    const below = share.reports
      .filter((r) => share.value - r.own > tolerance + 1e-9)
      .map((r) => districtName(r.report));
    if (below.length === 0) continue;
    const cityValue = Number(fmtRate(share.value));
    const name = shortName(indicator(id), ruleset.params);
    out.push({
      rule: `${id}.belowCity`,
      indicator: id,
      level: 'warning',
      districts: below,
      cityValue,
      message: fill(DRAFT_PHRASES.belowCity, { districts: below.join('、'), name, city: fmtRate(share.value) }),
    });
  }
  return out;
}

/** One rule and the districts that break it. */
export interface RuleBreach {
  rule: string;
  indicator: string | null;
  /** the breaking districts' reports, in order of 行政区划代码 */
  reports: Report[];
  /** the warning of each of those reports, in the same order */
  findings: Finding[];
}

/**
 * Per rule, the checked districts that break it (conclusive warnings only: a warning drawn from
 * data in error is not a conclusion), in the order of RULES, districts by 行政区划代码.
 */
export function breachesByRule(reports: readonly Report[]): RuleBreach[] {
  const byRule = new Map<string, RuleBreach>();
  for (const report of checkedReports(reports)) {
    const seen = new Set<string>();
    for (const f of conclusiveWarnings(report)) {
      if (seen.has(f.rule)) continue;
      seen.add(f.rule);
      const b = byRule.get(f.rule) ?? { rule: f.rule, indicator: f.indicator, reports: [], findings: [] };
      b.reports.push(report);
      b.findings.push(f);
      byRule.set(f.rule, b);
    }
  }
  return [...byRule.values()].sort((a, b) => ruleOrder(a.rule) - ruleOrder(b.rule) || a.rule.localeCompare(b.rule));
}
