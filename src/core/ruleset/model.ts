/**
 * A compiled ruleset: what the engine, the template and the drafts read. Built from a RulesetDoc
 * by compile.ts, which checks it; nothing here is specific to one indicator system.
 */
import type { IndicatorType, Level } from '../types';
import type { RulesetDoc } from './doc';
import type { Expr, Year } from './expr';
import type { Text } from './text';

export type SheetKind = 'instructions' | 'info' | 'indicators' | 'list';

export interface SheetDef {
  name: string;
  kind: SheetKind;
  /** the title in row 1 */
  title: string;
  filledBy: string;
  /** the name of the sheet's feedback area */
  area?: string;
  /** 清单 sheets: the id that stands for the sheet in findings */
  code?: string;
}

export interface AreaDef {
  name: string;
  /** heading of its paragraph in 存在的主要问题 */
  problem: string;
  /** its general recommendation */
  advice: string;
  /** heading of its paragraph in the city report's 主要成效 (empty: the area's name) */
  strength: string;
}

export interface IndicatorDef {
  id: string;
  sheet: string;
  /** 二级指标 */
  group: string;
  /** 指标名称 as the template shows it (parameters filled in) */
  name: string;
  /** the name in sentences */
  shortName: string;
  unit: string;
  type: IndicatorType;
  hasLast: boolean;
  /** 达标要求 as the template shows it */
  requirement: string;
  /** 指标解释 */
  definition: string;
}

export type ListFieldType = IndicatorType | 'enum';

export interface ListFieldDef {
  header: string;
  type: ListFieldType;
  /** required always, never, or when the condition holds on the row */
  required: boolean | Expr;
  options: readonly string[];
  unique: boolean;
}

export interface ListDef {
  sheet: string;
  /** the 编号 findings of this sheet carry as `indicator` */
  code: string;
  fields: readonly ListFieldDef[];
}

export type RuleTarget =
  | { kind: 'indicator'; id: string; column: Year }
  | { kind: 'list'; list: string; scope: 'row' | 'sheet'; column: string };

export interface RuleDef {
  id: string;
  level: Level;
  target: RuleTarget;
  /** the indicator id, or the 清单's 编号 */
  indicator: string;
  condition: Expr;
  requirement: Text;
  message: Text;
  city?: Text;
  strength?: Text;
  advice?: Text;
  basis: string;
  /** the indicator values the condition reads */
  inputs: readonly { id: string; year: Year }[];
}

/** below: districts under the city figure; highest/lowest: the best district; total: the city as a whole */
export type ComparisonMode = 'below' | 'highest' | 'lowest' | 'total';

export interface ComparisonDef {
  id: string;
  indicator: string;
  mode: ComparisonMode;
  /** the city figure, over 全市合计(ID) */
  cityValue?: Expr;
  /** what is compared for each district; default the indicator's 本年值 */
  metric: Expr;
  /** a number, or the value of a parameter */
  tolerance: number;
  /** total: when the sentence is said (over 全市合计) */
  condition?: Expr;
  sentence: Text;
}

export interface RulesetMeta {
  version: string;
  name: string;
  issuer: string;
  /** how the districts are called together, e.g. 各县（市、区） */
  collective: string;
  basis: string;
}

export class Ruleset {
  private readonly byId: ReadonlyMap<string, IndicatorDef>;
  private readonly bySheet: ReadonlyMap<string, SheetDef>;
  private readonly byList: ReadonlyMap<string, ListDef>;
  private readonly byRule: ReadonlyMap<string, { rule: RuleDef; order: number }>;

  constructor(
    readonly meta: RulesetMeta,
    readonly sheets: readonly SheetDef[],
    readonly areas: readonly AreaDef[],
    readonly indicators: readonly IndicatorDef[],
    readonly lists: readonly ListDef[],
    readonly params: Readonly<Record<string, number>>,
    readonly rules: readonly RuleDef[],
    readonly comparisons: readonly ComparisonDef[],
    /** the drafts' fixed wording the ruleset replaces, by label (反馈文书) */
    readonly wording: Readonly<Record<string, string>>,
    /** the document it was compiled from, parameter overrides applied */
    readonly doc: RulesetDoc,
    /** parameters the user changed (`--rules`) */
    readonly overrides: Readonly<Record<string, number>>,
  ) {
    this.byId = new Map(indicators.map((d) => [d.id, d]));
    this.bySheet = new Map(sheets.map((s) => [s.name, s]));
    const byList = new Map<string, ListDef>();
    for (const l of lists) {
      byList.set(l.sheet, l);
      byList.set(l.code, l);
    }
    this.byList = byList;
    this.byRule = new Map(rules.map((rule, order) => [rule.id, { rule, order }]));
  }

  get version(): string {
    return this.meta.version;
  }

  indicator(id: string): IndicatorDef | undefined {
    return this.byId.get(id);
  }

  indicatorsOf(sheet: string): IndicatorDef[] {
    return this.indicators.filter((d) => d.sheet === sheet);
  }

  sheet(name: string): SheetDef | undefined {
    return this.bySheet.get(name);
  }

  /** Position of a sheet in the template; sheets not of the ruleset come after. */
  sheetOrder(name: string): number {
    const i = this.sheets.findIndex((s) => s.name === name);
    return i < 0 ? this.sheets.length : i;
  }

  /** A 清单 by its sheet name or 编号. */
  list(name: string): ListDef | undefined {
    return this.byList.get(name);
  }

  rule(id: string): RuleDef | undefined {
    return this.byRule.get(id)?.rule;
  }

  rulesOf(indicator: string): RuleDef[] {
    return this.rules.filter((r) => r.indicator === indicator);
  }

  /** Position of a rule; rules not of the ruleset come after. */
  ruleOrder(id: string): number {
    return this.byRule.get(id)?.order ?? this.rules.length;
  }

  area(name: string | undefined): AreaDef | undefined {
    return name === undefined ? undefined : this.areas.find((a) => a.name === name);
  }

  /** The feedback area of findings reported on an indicator or a 清单's 编号. */
  areaOf(indicator: string | null): AreaDef | undefined {
    if (!indicator) return undefined;
    const sheet = this.indicator(indicator)?.sheet ?? this.list(indicator)?.sheet;
    return this.area(sheet === undefined ? undefined : this.sheet(sheet)?.area);
  }

  /** The name a finding's indicator goes by in lists: the short name, or the 清单's sheet name. */
  labelOf(indicator: string | null): string {
    if (!indicator) return '';
    const ind = this.indicator(indicator);
    if (ind) return ind.shortName;
    const list = this.list(indicator);
    return list ? (this.sheet(list.sheet)?.area ?? list.sheet) : '';
  }
}
