/** The requirement texts (达标要求) of rules and indicators, written from the ruleset's parameters. */
import { indicator, shortName, type IndicatorDef } from './catalogue';
import { fmtNum } from './format';
import type { Params } from './params';
import { fill, rulePhrase } from './phrases';
import { RULES, type RuleDef } from './rules';

/** The unit a sentence puts after a figure of this indicator. */
export function sentenceUnit(def: IndicatorDef): string {
  return def.type === 'yesno' ? '' : def.unit;
}

/** Values every phrase of a rule may use, whatever the data. */
export function ruleConstants(rule: RuleDef, params: Readonly<Params>): Record<string, string> {
  const def = indicator(rule.indicator);
  const out: Record<string, string> = { name: shortName(def, params), unit: sentenceUnit(def) };
  if ('param' in rule) {
    const v = fmtNum(params[rule.param]);
    out.min = v;
    out.max = v;
  }
  if ('ref' in rule) out.refName = shortName(indicator(rule.ref), params);
  if (rule.kind === 'sumAtMost' || rule.kind === 'pctOf') out.refName = shortName(indicator(rule.whole), params);
  if (rule.kind === 'yesno') out.expected = rule.expect ? '是' : '否';
  return out;
}

export function ruleRequirement(rule: RuleDef, params: Readonly<Params>): string {
  return fill(rulePhrase(rule.id, rule.kind).requirement, ruleConstants(rule, params));
}

const LEVEL_ORDER = { warning: 0, error: 1, notice: 2 } as const;

/** The 达标要求 cell of an indicator: its rules' requirements, policy first. */
export function indicatorRequirement(id: string, params: Readonly<Params>): string {
  const rules = RULES.filter((r) => r.indicator === id).sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  if (rules.length === 0) return '据实填报';
  return [...new Set(rules.map((r) => ruleRequirement(r, params)))].join('；');
}
