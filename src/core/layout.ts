/**
 * What every ruleset's workbook shares (spec/TEMPLATE.md): the 基本信息 labels and the columns of
 * indicator sheets. Everything else about a workbook comes from its ruleset.
 */

export type InfoType = 'text' | 'code' | 'year' | 'phone' | 'date' | 'version';

export interface InfoField {
  key: 'name' | 'code' | 'city' | 'year' | 'unit' | 'person' | 'phone' | 'date' | 'version';
  label: string;
  type: InfoType;
}

export const INFO_FIELDS: readonly InfoField[] = [
  { key: 'name', label: '地区名称', type: 'text' },
  { key: 'code', label: '行政区划代码', type: 'code' },
  { key: 'city', label: '所属地市', type: 'text' },
  { key: 'year', label: '评价年度', type: 'year' },
  { key: 'unit', label: '填报单位', type: 'text' },
  { key: 'person', label: '填报人', type: 'text' },
  { key: 'phone', label: '联系电话', type: 'phone' },
  { key: 'date', label: '填报日期', type: 'date' },
  { key: 'version', label: '模板版本', type: 'version' },
];

/** Columns of an indicator sheet, found by header text; the number is the template's position. */
export const INDICATOR_COLUMNS = {
  id: { header: '指标编号', col: 1 },
  group: { header: '二级指标', col: 2 },
  name: { header: '指标名称', col: 3 },
  unit: { header: '单位', col: 4 },
  last: { header: '上年值', col: 5 },
  current: { header: '本年值', col: 6 },
  requirement: { header: '达标要求', col: 7 },
  evidence: { header: '佐证材料', col: 8 },
  explanation: { header: '情况说明', col: 9 },
} as const;
export type IndicatorColumn = keyof typeof INDICATOR_COLUMNS;

/** A 清单 column with this header numbers the rows: a row with nothing else is a blank row. */
export const ROW_NUMBER_HEADER = '序号';
/** A 清单 column with this header explains the row's warnings. */
export const EXPLANATION_HEADER = '情况说明';

/** The sheet a template carries its ruleset in (very hidden). */
export const RULESET_SHEET = '_履职评价规则集';
