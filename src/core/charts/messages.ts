/**
 * The charts' own wording, in Simplified Chinese: what the pictures of a batch say besides the
 * ruleset's names (areas, indicators, districts). The task pane's frame around them is in i18n.
 */
export const CHART_MSG = {
  gridTitle: '各地区未达标事项分布',
  gridCaption: (districts: number, areas: number) =>
    `${districts}个地区 × ${areas}个方面，格内为该地区在该方面未达到的要求（规则）数`,
  /** the column of warnings whose indicator belongs to no feedback area */
  otherArea: '其他',
  district: '地区',
  /** a bar chart's title: the indicator's name, or its growth rate */
  growthOf: (name: string) => `${name}比上年增长率`,
  city: '全市',
  cityLine: (value: string) => `全市 ${value}`,
  requirement: '要求',
  requirementLine: (op: string, value: string) => `要求 ${op}${value}`,
  noValue: '无数据',
  /** the legend of the bars the comparison names */
  belowCityLegend: '低于全市水平（超出容差）',
  /** the bar chart's numbers as a table: its header */
  valueColumn: (unit: string) => (unit ? `数值（${unit}）` : '数值'),
  cityColumn: (unit: string) => (unit ? `全市（${unit}）` : '全市'),
  requirementColumn: '要求',
  /** the figure's caption: 图1 … */
  caption: (n: number, title: string) => `图${n}\u3000${title}`,
  /** the caption of a figure's second and later pictures, when it is too tall for one page */
  continued: (n: number, title: string) => `图${n}\u3000${title}（续）`,
  barsTitle: (name: string) => `各地区${name}`,
  figuresAnnexTitle: '全市比较图表',
  /** the annex mark before the figures */
  annexLabel: '附件',
} as const;

/** How a requirement's comparison is printed next to its line. */
export const OP_TEXT: Readonly<Record<string, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };
