/**
 * The engine's own messages (template integrity, cell values, 基本信息, list sheets), in
 * Simplified Chinese. Rule wording is in phrases.ts.
 */
import { clipMiddle } from './bounded';
import { NO_RESULT, type Invalid, type TypeBreach } from './parse';

const QUOTED_MAX = 200;
/** What a cell holds, as a message quotes it: a long text by its start and its end. */
const q = (text: string) => clipMiddle(text, QUOTED_MAX);

export const MSG = {
  unlisted: (n: number, sheet: string, row: number) =>
    `“${sheet}”自第${row}行起另有${n}处同类问题，未逐一列出和标注：请对照以上所列问题一并核对改正`,
  /** what the 校验结果 sheet's 指标名称 column says of a 清单 finding: the sheet, and its row */
  listRowTitle: (sheet: string, row: number | null) => (row === null ? sheet : `${sheet}第${row}行`),
  notTemplate: (name: string, version: string, found: number, total: number) =>
    `这不是“${name}”的填报表（模板 ${version}）：标准工作表只找到 ${found} 张（共 ${total} 张）。请使用标准模板填报。`,
  noRuleset: (found: string, available: readonly string[]) =>
    `${found ? `模板版本为“${q(found)}”` : '模板版本未填写'}，没有与之对应的指标体系（规则集），无法校验。现有的规则集版本：${available.map((v) => `“${v}”`).join('、')}。请使用对应版本的模板，或加载该版本的规则集文件`,
  rulesetDiffers: (version: string) =>
    `本填报表自带的规则集（${version}）与校验所用的同版本规则集不一致，可能已过时或被改动；已按校验所用的规则集校验`,
  missingSheet: (name: string, renamedFrom?: string, after?: string) =>
    renamedFrom
      ? `缺少工作表“${name}”；工作表“${renamedFrom}”看起来是它被改了名，请把名称改回“${name}”`
      : `缺少工作表“${name}”（模板中${after ? `位于“${after}”之后` : '为第一张工作表'}），该表的内容无法校验`,
  missingHeader: (name: string, header: string) => `工作表“${name}”前 5 行中找不到表头“${header}”，该表无法校验`,
  missingIndicator: (id: string, name: string, sheet: string) => `工作表“${sheet}”缺少指标 ${id}（${name}）`,
  duplicateIndicator: (id: string, firstRow: number) =>
    `指标 ${id} 重复出现（第 ${firstRow} 行已有该指标），请删除重复的行`,
  wrongVersion: (found: string, expected: string) =>
    found ? `模板版本为“${q(found)}”，本规则集要求“${expected}”，请使用最新模板` : `模板版本未填写，应为“${expected}”`,

  required: (what: string) => `${what}未填写`,
  invalid: (what: string, reason: Invalid, unit: string) => {
    switch (reason.code) {
      case 'excelError':
        return reason.error === NO_RESULT
          ? `${what}是公式，但文件中没有它的计算结果（文件可能由程序生成，未在 Excel 或 WPS 中保存过）：请在 Excel 或 WPS 中打开并保存后再校验`
          : `${what}的公式结果是 Excel 错误值 ${reason.error}，请检查公式`;
      case 'notNumber':
        return `${what}“${q(reason.text)}”不是数字，请只填写数字${unit ? `（单位：${unit}）` : ''}`;
      case 'notYesNo':
        return `${what}应填写“是”或“否”，现为“${q(reason.text)}”`;
      case 'notDate':
        return `${what}“${q(reason.text)}”不是有效日期，请填写如 2025-03-15 的日期`;
      case 'isDate':
        return `${what}是日期（${reason.text}），不是数字：单元格可能被设成了日期格式，请改为数值格式后重新填写${unit ? `（单位：${unit}）` : ''}`;
      case 'notYear':
        return `${what}“${q(reason.text)}”不是有效年度，应为 2015—2099 之间的四位年份`;
      case 'fraction':
        return `${what}填写为 ${reason.text}，本指标按百分数填写（单位：%），是否应为${reason.percent}%？请填写 ${reason.percent}；如确为 ${reason.text}%，请填写“${reason.text}%”`;
    }
  },
  textStored: (what: string, text: string, value: string) =>
    `${what}是以文本形式存储的数字“${q(text)}”（读作 ${value}），请改为数值格式`,
  breach: (what: string, value: string, breach: TypeBreach) => {
    switch (breach.code) {
      case 'outOfRange':
        return `${what}为 ${value}%，超出 0—${breach.max} 的范围`;
      case 'negative':
        return `${what}为 ${value}，不能为负数`;
      case 'notWhole':
        return `${what}为 ${value}，应为整数`;
      case 'decimals':
        return `${what}为 ${value}，金额以万元为单位，最多保留两位小数（如用公式计算，请用 ROUND 取两位）`;
    }
  },
  outlier: (factor: string) => `本年值是上年值的 ${factor} 倍，请核实单位和数值`,
  outlierZero: (last: string) => `本年值为0，上年值为${last}，请核实是否漏填或填错`,
  explainWarning: '未达标项请在情况说明中说明原因',
  notAnExplanation: (text: string) => `情况说明“${q(text)}”没有说明原因，请写明未达标的原因和整改打算`,
  missingEvidence: '已达到要求，请在佐证材料中填写文件名称或文号',

  badCode: (text: string) => `行政区划代码“${q(text)}”应为 6 位数字`,
  badPhone: (text: string) => `联系电话“${q(text)}”格式不正确，应为 11 位手机号码或带区号的固定电话（如 0631-5212345）`,
  dateBeforeYear: (iso: string, year: number) => `填报日期 ${iso} 早于评价年度 ${year} 年 1 月 1 日`,
  dateInFuture: (iso: string) => `填报日期 ${iso} 晚于今天`,
  missingLabel: (label: string) => `基本信息中找不到“${label}”一行`,

  listRequired: (row: number, header: string) => `第 ${row} 行“${header}”未填写`,
  listEnum: (row: number, header: string, text: string, options: readonly string[]) =>
    `第 ${row} 行“${header}”为“${q(text)}”，应为 ${options.map((o) => `“${o}”`).join('、')} 之一`,
  listInvalid: (row: number, header: string, text: string, kind: string) =>
    `第 ${row} 行“${header}”为“${q(text)}”，应为${kind}`,
  duplicateValue: (header: string, value: string, firstRow: number) => `${header}“${q(value)}”与第 ${firstRow} 行重复`,

  yearLast: '上年值',
  yearCurrent: '本年值',
  /** the year a cross-check is about, leading its sentence */
  ruleYearLast: '上年',
  ruleYearCurrent: '本年',
  kindInteger: '整数',
  kindCount: '不小于 0 的整数',
  kindNumber: '不小于 0 的数字',
  kindMoney: '不小于 0、最多两位小数的数字（万元）',
  kindDate: '有效日期',
  kindYesNo: '“是”或“否”',
} as const;
