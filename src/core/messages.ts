/**
 * The engine's own messages (template integrity, cell values, 基本信息, list sheets), in
 * Simplified Chinese. Rule wording is in phrases.ts.
 */
import type { Invalid } from './parse';

export const MSG = {
  notTemplate: (found: number, total: number) =>
    `这不是“县级人民政府履行教育职责评价指标填报表”（模板 2025.1）：标准工作表只找到 ${found} 张（共 ${total} 张）。请使用标准模板填报。`,
  missingSheet: (name: string, renamedFrom?: string) =>
    renamedFrom
      ? `缺少工作表“${name}”；工作表“${renamedFrom}”看起来是它被改了名，请把名称改回“${name}”`
      : `缺少工作表“${name}”，该表的内容无法校验`,
  missingHeader: (name: string, header: string) => `工作表“${name}”前 5 行中找不到表头“${header}”，该表无法校验`,
  missingIndicator: (id: string, name: string, sheet: string) => `工作表“${sheet}”缺少指标 ${id}（${name}）`,
  duplicateIndicator: (id: string, firstRow: number) =>
    `指标 ${id} 重复出现（第 ${firstRow} 行已有该指标），请删除重复的行`,
  wrongVersion: (found: string, expected: string) =>
    found ? `模板版本为“${found}”，本规则集要求“${expected}”，请使用最新模板` : `模板版本未填写，应为“${expected}”`,

  required: (what: string) => `${what}未填写`,
  invalid: (what: string, reason: Invalid, unit: string) => {
    switch (reason.code) {
      case 'excelError':
        return `${what}的公式结果是 Excel 错误值 ${reason.error}，请检查公式`;
      case 'notNumber':
        return `${what}“${reason.text}”不是数字，请只填写数字${unit ? `（单位：${unit}）` : ''}`;
      case 'notYesNo':
        return `${what}应填写“是”或“否”，现为“${reason.text}”`;
      case 'notDate':
        return `${what}“${reason.text}”不是有效日期，请填写如 2025-03-15 的日期`;
      case 'isDate':
        return `${what}是日期（${reason.text}），不是数字：单元格可能被设成了日期格式，请改为数值格式后重新填写${unit ? `（单位：${unit}）` : ''}`;
      case 'notYear':
        return `${what}“${reason.text}”不是有效年度，应为 2015—2099 之间的四位年份`;
    }
  },
  textStored: (what: string, text: string, value: string) =>
    `${what}是以文本形式存储的数字“${text}”（读作 ${value}），请改为数值格式`,
  negative: (what: string, value: string) => `${what}为 ${value}，不能为负数`,
  notWhole: (what: string, value: string) => `${what}为 ${value}，应为整数`,
  outOfRange: (what: string, value: string, max: number) => `${what}为 ${value}%，超出 0—${max} 的范围`,
  outlier: (factor: string) => `本年值是上年值的 ${factor} 倍，请核实单位和数值`,
  outlierZero: (last: string) => `本年值为0，上年值为${last}，请核实是否漏填或填错`,
  explainWarning: '未达标项请在情况说明中说明原因',
  missingEvidence: '已达到要求，请在佐证材料中填写文件名称或文号',

  badCode: (text: string) => `行政区划代码“${text}”应为 6 位数字`,
  badPhone: (text: string) => `联系电话“${text}”格式不正确，应为 11 位手机号码或带区号的固定电话（如 0631-5212345）`,
  dateBeforeYear: (iso: string, year: number) => `填报日期 ${iso} 早于评价年度 ${year} 年 1 月 1 日`,
  dateInFuture: (iso: string) => `填报日期 ${iso} 晚于今天`,
  missingLabel: (label: string) => `基本信息中找不到“${label}”一行`,

  listRequired: (row: number, header: string) => `第 ${row} 行“${header}”未填写`,
  listEnum: (row: number, header: string, text: string, options: readonly string[]) =>
    `第 ${row} 行“${header}”为“${text}”，应为 ${options.map((o) => `“${o}”`).join('、')} 之一`,
  listInvalid: (row: number, header: string, text: string, kind: string) =>
    `第 ${row} 行“${header}”为“${text}”，应为${kind}`,
  duplicateSchool: (name: string, firstRow: number) => `学校名称“${name}”与第 ${firstRow} 行重复`,
  classSum: (row: number, g: number, h: number, f: number) =>
    `第 ${row} 行 56—65人班级数（${g}）与 66人及以上班级数（${h}）之和大于班级数（${f}）`,
  noClasses: (row: number, students: number) => `第 ${row} 行在校生 ${students} 人，但班级数为 0`,
  oversizeSchool: (name: string, type: string, students: number, max: number) =>
    `${name}（${type}）在校生 ${students} 人，超过 ${max} 人的规模上限`,
  noClinic: (name: string, students: number) => `${name}在校生 ${students} 人（600 人以上），未设卫生室`,
  fewHealthStaff: (name: string, students: number, staff: number, need: number) =>
    `${name}在校生 ${students} 人，卫生专业技术人员 ${staff} 人，按 600:1 应至少 ${need} 人`,
  noSchools: '学校明细未填写，无法核对大班额、超大班额和超规模学校数',
  dueRequired: (row: number) => `第 ${row} 行整改尚未完成，请填写计划完成时间`,
  evidenceRequired: (row: number) => `第 ${row} 行已完成整改，请填写佐证材料`,
  noRectification: '未填写上年度反馈问题整改情况',

  yearLast: '上年值',
  yearCurrent: '本年值',
  /** the year a cross-check is about, leading its sentence */
  ruleYearLast: '上年',
  ruleYearCurrent: '本年',
  kindInteger: '整数',
  kindCount: '不小于 0 的整数',
  kindDate: '有效日期',
  kindYesNo: '“是”或“否”',
} as const;
