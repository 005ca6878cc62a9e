/** What the comparisons across years say, in Simplified Chinese: every sentence of src/core/years. */
export const YEARS_MSG = {
  /** a 上年值 that differs from last year's 本年值 */
  lastValue: (shortName: string, typed: string, last: string, unit: string, year: string, file: string) =>
    `${shortName}上年值填报为${typed}${unit}，与${year}填报表${file ? `“${file}”` : ''}中的本年值（${last}${unit}）不一致，请核实`,
  /** a warning fed back last year that this year's 问题整改 sheet does not list */
  notListed: (year: string, message: string, sheet: string) =>
    `${year}反馈的问题未列入“${sheet}”表：${message}。请补充该问题的整改情况`,
  /** a 问题整改 row marked 已完成 whose indicator still fails */
  stillFailing: (row: number, shortNames: string, messages: string) =>
    `第 ${row} 行问题标为“已完成”，但${shortNames}本年仍未达标：${messages}。请核实整改状态`,
  /** how last year is named in the sentences above */
  yearOf: (year: number | null) => (year ? `${year}年度` : '上年度'),
  /**
   * A finding's sentence quoted in another year: its 本年度 / 本年 (not 本年值, the column) said
   * as the year it was written for, `2025年度` / `2025年`, or 上年度 / 上年 when that is unknown.
   */
  ofYear: (text: string, year: number | null) =>
    text.replace(/本年度/g, year ? `${year}年度` : '上年度').replace(/本年(?![值度])/g, year ? `${year}年` : '上年'),
  /** 问题描述 of a problem carried into next year's workbook */
  carried: (shortName: string, message: string) => `${shortName}：${message}`,
  /** 问题描述 of a 清单 rule's problem carried into next year: its sheet, message and rows */
  carriedList: (sheet: string, message: string, rows: readonly number[]) =>
    rows.length > 1
      ? `${sheet}有${rows.length}行存在此问题（第${rows.join('、')}行），如第${rows[0]}行：${message}`
      : rows.length
        ? `${sheet}第${rows[0]}行：${message}`
        : `${sheet}：${message}`,
  /** 问题来源 of the problems carried into next year's workbook */
  source: '市级评价',
  /** 整改状态 that counts as done */
  done: '已完成',

  // matching last year's workbooks with this year's
  noCode: '未填写行政区划代码，无法与本年填报表对应',
  noMatch: (code: string) => `没有行政区划代码为 ${code} 的本年填报表`,
  otherYear: (year: number | null, expected: number) =>
    `评价年度为 ${year ?? '（未填）'}，不是 ${expected} 年度（上一年度），未用于比对`,
  duplicate: (file: string) => `与“${file}”是同一地区的上年填报表，已使用后者`,
  noPrevious: (name: string, code: string) => `${name || code}：没有上年填报表，未做跨年度比对`,

  // diff of two returns
  diffChanged: (sheet: string, cell: string, before: string, after: string) =>
    `${sheet}!${cell}  ${before || '（空）'} → ${after || '（空）'}`,
  /** the 修改对照 sheet of a resubmission's annotated copy */
  changesSheet: '修改对照',
  changesTitle: (file: string) => `与上一次报送（${file}）的修改对照`,
  changedCells: (n: number) => (n ? `修改的单元格（${n} 处）：` : '没有修改过的单元格。'),
  changedFindings: (resolved: number, added: number, remaining: number) =>
    `问题变化：已解决 ${resolved} 项，新出现 ${added} 项，仍存在 ${remaining} 项`,
  cellHeader: ['工作表', '单元格', '修改前', '修改后'],
  findingHeader: ['情况', '级别', '位置', '问题说明'],
  resolved: '已解决',
  added: '新出现',
  remaining: '仍存在',
} as const;
