/**
 * The indicator rules of ruleset 2025.1 as data (spec/INDICATORS.md). Each row names the rule,
 * the indicator whose row it is reported on, its level and its kind; kinds are evaluated in
 * validate/indicatorRules.ts and phrased in phrases.ts. Adding a rule is adding a row here and
 * its wording there.
 */
import type { Level } from './types';
import type { ParamKey } from './params';

export type RuleKind =
  /** F ≥ E (只增不减; XQ06 不升反降) */
  | { kind: 'notBelowLast' }
  /** F ≤ E (反弹) */
  | { kind: 'notAboveLast' }
  /** (F − E) / E × 100 ≥ param */
  | { kind: 'growth'; param: ParamKey }
  /** F ≥ param */
  | { kind: 'min'; param: ParamKey }
  /** F = 0 */
  | { kind: 'zero' }
  /** F equals the expected yes/no answer */
  | { kind: 'yesno'; expect: boolean }
  /** F ≥ ref (w) */
  | { kind: 'atLeast'; ref: string }
  /** F ≤ ref; with `bothYears`, for 上年值 and 本年值 each */
  | { kind: 'atMost'; ref: string; bothYears?: boolean }
  /** F = ref */
  | { kind: 'equal'; ref: string }
  /** Σnum / Σden × 100 ≥ param (num defaults to the indicator itself) */
  | { kind: 'rate'; den: string[]; num?: string[]; param: ParamKey }
  /** F ≥ ref × param / 100 */
  | { kind: 'shareOf'; ref: string; param: ParamKey }
  /** Σparts ≤ whole, each year */
  | { kind: 'sumAtMost'; parts: string[]; whole: string }
  /** F = Σparts / whole × 100 within consistency.pctTolerance, each year */
  | { kind: 'pctOf'; parts: string[]; whole: string }
  /** E − F ≥ param (percentage points) */
  | { kind: 'drop'; param: ParamKey }
  /** num / F ≤ param; fails when F = 0 and num > 0 */
  | { kind: 'perCapitaMax'; num: string; param: ParamKey }
  /** F = Σ of 学校明细 columns */
  | { kind: 'schoolSum'; columns: ('large' | 'huge')[] }
  /** F = number of 学校明细 rows over their size limit */
  | { kind: 'schoolCount' };

export type RuleDef = RuleKind & { id: string; indicator: string; level: Level };

const w = (id: string, indicator: string, k: RuleKind): RuleDef => ({ id, indicator, level: 'warning', ...k });
const e = (id: string, indicator: string, k: RuleKind): RuleDef => ({ id, indicator, level: 'error', ...k });
const n = (id: string, indicator: string, k: RuleKind): RuleDef => ({ id, indicator, level: 'notice', ...k });

const yes = (ind: string) => w(`${ind}.expected`, ind, { kind: 'yesno', expect: true });
const no = (ind: string) => w(`${ind}.expected`, ind, { kind: 'yesno', expect: false });
const min = (ind: string, key: 'min' = 'min') =>
  w(`${ind}.${key}`, ind, { kind: 'min', param: `${ind}.${key}` as ParamKey });
const zero = (ind: string) => w(`${ind}.zero`, ind, { kind: 'zero' });
const noDecrease = (ind: string) => w(`${ind}.noDecrease`, ind, { kind: 'notBelowLast' });
const atMost = (ind: string, ref: string, bothYears = false) =>
  e(`${ind}.le${ref}`, ind, { kind: 'atMost', ref, bothYears });
const rate = (ind: string, den: string, key: 'minRate' | 'minShare' = 'minRate') =>
  w(`${ind}.${key}`, ind, { kind: 'rate', den: [den], param: `${ind}.${key}` as ParamKey });

export const RULES: readonly RuleDef[] = [
  // 经费投入
  noDecrease('JF01'),
  w('JF02.minGrowth', 'JF02', { kind: 'growth', param: 'JF02.minGrowth' }),
  noDecrease('JF03'),
  noDecrease('JF04'),
  noDecrease('JF05'),
  noDecrease('JF06'),
  noDecrease('JF07'),
  min('JF08'),
  min('JF09'),
  min('JF10'),
  min('JF11'),
  yes('JF12'),
  w('JF14.geJF13', 'JF14', { kind: 'atLeast', ref: 'JF13' }),
  atMost('JF16', 'JF15'),
  rate('JF16', 'JF15'),
  // 教师队伍
  atMost('JS02', 'JS01'),
  w('JS03.geJS02', 'JS03', { kind: 'atLeast', ref: 'JS02' }),
  w('JS04.geJS05', 'JS04', { kind: 'atLeast', ref: 'JS05' }),
  atMost('JS07', 'JS06'),
  rate('JS07', 'JS06'),
  atMost('JS08', 'JS06'),
  rate('JS08', 'JS06'),
  w('JS10.minShare', 'JS10', { kind: 'shareOf', ref: 'JS09', param: 'JS10.minShare' }),
  atMost('JS12', 'JS11'),
  rate('JS12', 'JS11'),
  yes('JS13'),
  no('JS14'),
  no('JS15'),
  // 学前教育
  min('XQ01'),
  atMost('XQ03', 'XQ02', true),
  e('XQ04.sumLeXQ02', 'XQ04', { kind: 'sumAtMost', parts: ['XQ03', 'XQ04'], whole: 'XQ02' }),
  e('XQ05.consistency', 'XQ05', { kind: 'pctOf', parts: ['XQ03', 'XQ04'], whole: 'XQ02' }),
  min('XQ05'),
  e('XQ06.consistency', 'XQ06', { kind: 'pctOf', parts: ['XQ03'], whole: 'XQ02' }),
  min('XQ06'),
  noDecrease('XQ06'),
  yes('XQ07'),
  yes('XQ08'),
  yes('XQ09'),
  // 义务教育
  min('YW01'),
  min('YW02'),
  atMost('YW04', 'YW03'),
  e('YW04.schools', 'YW04', { kind: 'schoolSum', columns: ['large', 'huge'] }),
  zero('YW04'),
  w('YW04.noRebound', 'YW04', { kind: 'notAboveLast' }),
  atMost('YW05', 'YW04'),
  e('YW05.schools', 'YW05', { kind: 'schoolSum', columns: ['huge'] }),
  zero('YW05'),
  e('YW06.schools', 'YW06', { kind: 'schoolCount' }),
  zero('YW06'),
  min('YW07'),
  min('YW08'),
  min('YW09'),
  // 高中阶段教育
  min('GZ01'),
  n('GZ03.minShare', 'GZ03', { kind: 'rate', num: ['GZ03'], den: ['GZ02', 'GZ03'], param: 'GZ03.minShare' }),
  zero('GZ04'),
  yes('GZ05'),
  // 学生发展
  min('XS01'),
  w('XS02.minDrop', 'XS02', { kind: 'drop', param: 'XS02.minDrop' }),
  yes('XS03'),
  yes('XS04'),
  // 安全与卫生
  min('AQ01'),
  min('AQ02'),
  min('AQ03'),
  min('AQ04'),
  atMost('AQ06', 'AQ05'),
  w('AQ06.eqAQ05', 'AQ06', { kind: 'equal', ref: 'AQ05' }),
  w('AQ08.maxStudents', 'AQ08', { kind: 'perCapitaMax', num: 'AQ07', param: 'AQ08.maxStudents' }),
  zero('AQ09'),
  no('AQ10'),
  yes('AQ11'),
  // 综合改革与规范办学
  min('GG01'),
  min('GG02'),
  yes('GG03'),
  min('GG04'),
  yes('GG05'),
  min('GG06'),
  no('GG07'),
];

export function rulesOf(indicatorId: string): RuleDef[] {
  return RULES.filter((r) => r.indicator === indicatorId);
}

/** Indicators a rule reads, its own first. */
export function ruleInputs(rule: RuleDef): string[] {
  switch (rule.kind) {
    case 'atLeast':
    case 'atMost':
    case 'equal':
    case 'shareOf':
      return [rule.indicator, rule.ref];
    case 'rate':
      return [...new Set([rule.indicator, ...(rule.num ?? []), ...rule.den])];
    case 'sumAtMost':
    case 'pctOf':
      return [...new Set([rule.indicator, ...rule.parts, rule.whole])];
    case 'perCapitaMax':
      return [rule.indicator, rule.num];
    default:
      return [rule.indicator];
  }
}
