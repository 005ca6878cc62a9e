/** Rule parameters of ruleset 2025.1 (spec/INDICATORS.md, "Parameters") and their overrides. */

export const RULESET_VERSION = '2025.1';

export const DEFAULT_PARAMS = {
  'outlier.factor': 10,
  'consistency.pctTolerance': 0.1,
  'JF02.minGrowth': 10,
  'JF08.min': 650,
  'JF09.min': 850,
  'JF10.min': 1000,
  'JF11.min': 500,
  'JF16.minRate': 90,
  'JS07.minRate': 80,
  'JS08.minRate': 85,
  'JS10.minShare': 75,
  'JS12.minRate': 10,
  'XQ01.min': 90,
  'XQ05.min': 80,
  'XQ06.min': 50,
  'YW01.min': 95,
  'YW02.min': 95,
  'YW06.primaryMax': 2000,
  'YW06.throughMax': 2500,
  'YW07.min': 100,
  'YW08.min': 85,
  'YW09.min': 100,
  'GZ01.min': 92,
  'GZ03.minShare': 40,
  'XS01.min': 52,
  'XS02.minDrop': 1,
  'AQ01.min': 100,
  'AQ02.min': 100,
  'AQ03.min': 100,
  'AQ04.min': 100,
  'AQ08.maxStudents': 600,
  'GG01.min': 1,
  'GG02.min': 2,
  'GG04.min': 100,
  'GG06.min': 1,
} as const;

export type ParamKey = keyof typeof DEFAULT_PARAMS;
export type Params = Record<ParamKey, number>;

export interface Ruleset {
  version: string;
  templateVersion: string;
  params: Readonly<Params>;
  /** only the values that differ from the defaults' keys given by the user */
  overrides: Readonly<Partial<Params>>;
}

/** A parameter override that cannot be applied; `key` names the offending entry. */
export class RulesetError extends Error {
  constructor(
    message: string,
    readonly key: string | null,
  ) {
    super(message);
    this.name = 'RulesetError';
  }
}

export function isParamKey(key: string): key is ParamKey {
  return Object.prototype.hasOwnProperty.call(DEFAULT_PARAMS, key);
}

/**
 * Builds the ruleset from overrides `{key: number}`. Unknown keys, non-numbers and values that
 * make no sense (a negative threshold, a factor ≤ 1) are rejected with a message naming the key.
 */
export function makeRuleset(overrides: unknown = {}): Ruleset {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new RulesetError('规则参数必须是形如 {"JF02.minGrowth": 8} 的 JSON 对象', null);
  }
  const params: Params = { ...DEFAULT_PARAMS };
  const given: Partial<Params> = {};
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (!isParamKey(key)) {
      throw new RulesetError(`未知的规则参数“${key}”`, key);
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RulesetError(`规则参数“${key}”的值必须是数字，现为 ${JSON.stringify(value)}`, key);
    }
    if (value < 0 || (key === 'outlier.factor' && value <= 1)) {
      throw new RulesetError(`规则参数“${key}”的值 ${value} 超出合理范围`, key);
    }
    params[key] = value;
    given[key] = value;
  }
  return { version: RULESET_VERSION, templateVersion: '2025.1', params, overrides: given };
}

export const DEFAULT_RULESET: Ruleset = makeRuleset({});
