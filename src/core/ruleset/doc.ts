/**
 * A ruleset as a document (spec/RULESET.md): the JSON form, and the layout of the authoring
 * workbook it converts to and from without loss. Values are kept as the office wrote them
 * (`万元` or `money`, `是`, a condition); compile.ts checks and interprets them.
 */

/** Where a row came from in an authoring workbook: its row number and each field's column letter. */
export interface Source {
  row: number;
  cols: Record<string, string>;
}

export interface MetaDoc {
  /** 规则集版本: the 模板版本 workbooks of this system carry */
  version: string;
  /** 名称 */
  name: string;
  /** 发布单位 */
  issuer?: string;
  /** 地区统称, default 各县（市、区） */
  collective?: string;
  /** 评价依据 */
  basis?: string;
}

export interface SheetDoc {
  /** 工作表名称 */
  name: string;
  /** 类型: 说明, 基本信息, 指标, 清单 */
  kind: string;
  /** 标题 */
  title?: string;
  /** 填报单位 */
  filledBy?: string;
  /** 反馈领域 */
  area?: string;
  /** 编号 (清单 sheets) */
  code?: string;
  _source?: Source;
}

export interface AreaDoc {
  /** 领域 */
  name: string;
  /** 问题表述 */
  problem?: string;
  /** 整改意见 */
  advice?: string;
  /** 成效表述: heading of its paragraph in the city report's 主要成效 */
  strength?: string;
  _source?: Source;
}

export interface IndicatorDoc {
  /** 指标编号 */
  id: string;
  /** 工作表 */
  sheet: string;
  /** 二级指标 */
  group?: string;
  /** 指标名称 (may hold `{参数}`) */
  name: string;
  /** 单位 */
  unit?: string;
  /** 简称 */
  shortName?: string;
  /** 类型: money/yuan/count/pct/pct200/yesno/text or 万元/元/数量/百分比/比率/是否/文本 */
  type: string;
  /** 上年值: 是 when the template asks for last year's value */
  hasLast?: boolean;
  /** 达标要求 (a text); default: the rules' requirements joined with ； */
  requirement?: string;
  /** 指标解释 */
  definition?: string;
  _source?: Source;
}

export interface ListFieldDoc {
  /** 工作表 (a 清单 sheet) */
  sheet: string;
  /** 表头 */
  header: string;
  /** 类型 (also date/日期, enum/选项) */
  type: string;
  /** 必填: 是, 否, or a condition on the row */
  required?: string;
  /** 可选值, separated by 、 */
  options?: string;
  /** 唯一 */
  unique?: boolean;
  _source?: Source;
}

export interface ParamDoc {
  /** 参数 */
  name: string;
  /** 值 */
  value: number | string;
  /** 说明 */
  description?: string;
  _source?: Source;
}

export interface RuleDoc {
  /** 规则编号 */
  id: string;
  /** 指标编号: an indicator id, or a 清单 sheet's name */
  target: string;
  /** 范围: 每行 or 整表 for a 清单 rule */
  scope?: string;
  /** 级别: 错误, 未达标, 提示 */
  level: string;
  /** 条件 */
  condition: string;
  /** 标注列 */
  markColumn?: string;
  /** 达标要求 */
  requirement?: string;
  /** 问题说明 */
  message?: string;
  /** 城市表述 */
  citySentence?: string;
  /** 成效表述 */
  strength?: string;
  /** 整改建议 */
  advice?: string;
  /** 依据 */
  basis?: string;
  /** 满足示例 */
  passExample?: string;
  /** 不满足示例 */
  failExample?: string;
  _source?: Source;
}

export interface ComparisonDoc {
  /** 编号 */
  id: string;
  /** 指标编号 */
  indicator: string;
  /** 方式: 低于全市, 全市最高, 全市最低, 全市成效 */
  mode: string;
  /** 全市值: an expression over 全市合计(ID) */
  cityValue?: string;
  /** 比较值: what is compared for each district (default: the indicator's 本年值) */
  metric?: string;
  /** 容差: a number or a 参数 name */
  tolerance?: string | number;
  /** 条件: for 全市成效, when the sentence is said (an expression over 全市合计(ID)) */
  condition?: string;
  /** 表述 */
  sentence?: string;
  _source?: Source;
}

/** A replacement of the drafts' fixed wording (sheet 反馈文书). */
export interface WordingDoc {
  /** 项目: the label of the wording, e.g. 区县反馈开头 */
  label: string;
  /** 文本 */
  text: string;
  _source?: Source;
}

export interface RulesetDoc {
  ruleset: MetaDoc;
  sheets: SheetDoc[];
  areas: AreaDoc[];
  indicators: IndicatorDoc[];
  listFields: ListFieldDoc[];
  params: ParamDoc[];
  rules: RuleDoc[];
  comparisons: ComparisonDoc[];
  /** optional: the drafts' fixed wording, replacing the defaults by label */
  wording?: WordingDoc[];
  /** where the 规则集 sheet's values are, by label (key–value sheet) */
  _metaSource?: Record<string, string>;
}

/** A table of the authoring workbook: which sheet, and which header holds which field. */
export interface TableLayout<T> {
  sheet: string;
  key: keyof T & string;
  columns: readonly { field: keyof T & string; header: string; width: number; kind?: 'bool' | 'number' }[];
}

export const META_SHEET = '规则集';
export const META_LABELS: readonly { field: keyof MetaDoc; label: string; required: boolean }[] = [
  { field: 'version', label: '规则集版本', required: true },
  { field: 'name', label: '名称', required: true },
  { field: 'issuer', label: '发布单位', required: false },
  { field: 'collective', label: '地区统称', required: false },
  { field: 'basis', label: '评价依据', required: false },
];

export const SHEET_TABLE: TableLayout<SheetDoc> = {
  sheet: '工作表',
  key: 'name',
  columns: [
    { field: 'name', header: '工作表名称', width: 20 },
    { field: 'kind', header: '类型', width: 10 },
    { field: 'title', header: '标题', width: 30 },
    { field: 'filledBy', header: '填报单位', width: 22 },
    { field: 'area', header: '反馈领域', width: 20 },
    { field: 'code', header: '编号', width: 10 },
  ],
};

export const AREA_TABLE: TableLayout<AreaDoc> = {
  sheet: '反馈领域',
  key: 'name',
  columns: [
    { field: 'name', header: '领域', width: 22 },
    { field: 'problem', header: '问题表述', width: 36 },
    { field: 'advice', header: '整改意见', width: 80 },
    { field: 'strength', header: '成效表述', width: 36 },
  ],
};

export const INDICATOR_TABLE: TableLayout<IndicatorDoc> = {
  sheet: '指标',
  key: 'id',
  columns: [
    { field: 'id', header: '指标编号', width: 10 },
    { field: 'sheet', header: '工作表', width: 16 },
    { field: 'group', header: '二级指标', width: 14 },
    { field: 'name', header: '指标名称', width: 44 },
    { field: 'unit', header: '单位', width: 8 },
    { field: 'shortName', header: '简称', width: 30 },
    { field: 'type', header: '类型', width: 9 },
    { field: 'hasLast', header: '上年值', width: 8, kind: 'bool' },
    { field: 'requirement', header: '达标要求', width: 36 },
    { field: 'definition', header: '指标解释', width: 40 },
  ],
};

export const LIST_FIELD_TABLE: TableLayout<ListFieldDoc> = {
  sheet: '清单字段',
  key: 'header',
  columns: [
    { field: 'sheet', header: '工作表', width: 14 },
    { field: 'header', header: '表头', width: 20 },
    { field: 'type', header: '类型', width: 9 },
    { field: 'required', header: '必填', width: 28 },
    { field: 'options', header: '可选值', width: 30 },
    { field: 'unique', header: '唯一', width: 8, kind: 'bool' },
  ],
};

export const PARAM_TABLE: TableLayout<ParamDoc> = {
  sheet: '参数',
  key: 'name',
  columns: [
    { field: 'name', header: '参数', width: 24 },
    { field: 'value', header: '值', width: 10, kind: 'number' },
    { field: 'description', header: '说明', width: 60 },
  ],
};

export const RULE_TABLE: TableLayout<RuleDoc> = {
  sheet: '规则',
  key: 'id',
  columns: [
    { field: 'id', header: '规则编号', width: 18 },
    { field: 'target', header: '指标编号', width: 10 },
    { field: 'scope', header: '范围', width: 7 },
    { field: 'level', header: '级别', width: 8 },
    { field: 'condition', header: '条件', width: 44 },
    { field: 'markColumn', header: '标注列', width: 14 },
    { field: 'requirement', header: '达标要求', width: 30 },
    { field: 'message', header: '问题说明', width: 50 },
    { field: 'citySentence', header: '城市表述', width: 44 },
    { field: 'strength', header: '成效表述', width: 44 },
    { field: 'advice', header: '整改建议', width: 40 },
    { field: 'basis', header: '依据', width: 30 },
    { field: 'passExample', header: '满足示例', width: 30 },
    { field: 'failExample', header: '不满足示例', width: 30 },
  ],
};

export const COMPARISON_TABLE: TableLayout<ComparisonDoc> = {
  sheet: '全市比较',
  key: 'id',
  columns: [
    { field: 'id', header: '编号', width: 18 },
    { field: 'indicator', header: '指标编号', width: 10 },
    { field: 'mode', header: '方式', width: 10 },
    { field: 'cityValue', header: '全市值', width: 40 },
    { field: 'metric', header: '比较值', width: 20 },
    { field: 'tolerance', header: '容差', width: 24 },
    { field: 'condition', header: '条件', width: 40 },
    { field: 'sentence', header: '表述', width: 60 },
  ],
};

export const WORDING_TABLE: TableLayout<WordingDoc> = {
  sheet: '反馈文书',
  key: 'label',
  columns: [
    { field: 'label', header: '项目', width: 24 },
    { field: 'text', header: '文本', width: 100 },
  ],
};

/** The tables of the authoring workbook in sheet order, each with the property of RulesetDoc it fills. */
export const TABLES = [
  { prop: 'sheets', layout: SHEET_TABLE, required: true },
  { prop: 'areas', layout: AREA_TABLE, required: true },
  { prop: 'indicators', layout: INDICATOR_TABLE, required: true },
  { prop: 'listFields', layout: LIST_FIELD_TABLE, required: false },
  { prop: 'params', layout: PARAM_TABLE, required: false },
  { prop: 'rules', layout: RULE_TABLE, required: true },
  { prop: 'comparisons', layout: COMPARISON_TABLE, required: false },
  { prop: 'wording', layout: WORDING_TABLE, required: false },
] as const;

/** A problem of a ruleset, at the cell of the authoring workbook where it was written. */
export interface RulesetProblem {
  /** `error`: the ruleset cannot be used; `warning`: it can, but probably not as meant */
  level: 'error' | 'warning';
  sheet: string;
  /** A1 address on `sheet` */
  cell: string;
  message: string;
}

/** The JSON form without the workbook positions. */
export function stripSources(doc: RulesetDoc): RulesetDoc {
  return JSON.parse(
    JSON.stringify(doc, (k: string, v: unknown) =>
      k === '_source' || k === '_metaSource' || k === '$schema' ? undefined : v,
    ),
  ) as RulesetDoc;
}
