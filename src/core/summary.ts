/**
 * The 校验结果 sheet as data (spec/FEEDBACK.md): a header block and one row per finding, in
 * sheet, row, column order. Hosts write it; they alone know how to make a cell a link or text.
 */
import { cutText } from './marks';
import type { Finding, Level, Report } from './types';

export const SUMMARY_SHEET = '校验结果';
export const DRAFT_SHEET = '反馈意见（初稿）';

export const LEVEL_NAMES: Record<Level, string> = { error: '错误', warning: '未达标', notice: '提示' };
/** Fill colours of the three levels (spec/TEMPLATE.md), as hex RGB without `#`. */
export const LEVEL_COLOURS: Record<Level, string> = { error: 'FFC7CE', warning: 'FFEB9C', notice: 'DDEBF7' };

export const SUMMARY_COLUMNS = [
  '序号',
  '级别',
  '工作表',
  '单元格',
  '指标编号',
  '指标名称',
  '问题说明',
  '本年值',
  '达标要求',
  '情况说明',
] as const;

export interface SummaryRow {
  finding: Finding;
  /** cells in SUMMARY_COLUMNS order; 单元格 is to be written as a link to `finding.sheet!finding.cell` */
  cells: (string | number)[];
  /** whether the finding's sheet exists in the workbook (a link to a missing sheet is not written) */
  linkable: boolean;
}

export interface SummaryData {
  title: string;
  header: [label: string, value: string][];
  ready: boolean;
  readyLine: string;
  columns: readonly string[];
  rows: SummaryRow[];
}

export function readyLine(report: Report): string {
  if (report.status === 'not-template') return '✗ 不是标准填报表，无法校验';
  if (report.readyToReturn) return '✓ 可以报送：没有错误，未达标项均已说明';
  const unexplained = report.findings.filter((f) => f.level === 'warning' && !f.explained).length;
  const parts = [];
  if (report.counts.error) parts.push(`请先改正 ${report.counts.error} 处错误`);
  if (unexplained) parts.push(`为 ${unexplained} 项未达标指标填写情况说明`);
  return `✗ 暂不能报送：${parts.join('，')}`;
}

/** 指标名称 column: the indicator's full 指标名称, or a 清单 finding's sheet and row (values.title). */
function indicatorName(f: Finding): string {
  const name = f.values.title ?? f.values.name;
  return typeof name === 'string' ? name : '';
}

function shown(v: unknown): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return typeof v === 'number' ? v : cutText(String(v));
}

export function summaryData(report: Report, opts: { checkedAt: Date; sheetNames: readonly string[] }): SummaryData {
  const d = report.district;
  const at = opts.checkedAt;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const names = new Set(opts.sheetNames);
  // findings come sorted from validation (sheet order of the ruleset, then row, then column)
  const rows = report.findings.map((f, i) => ({
    finding: f,
    linkable: names.has(f.sheet),
    cells: [
      i + 1,
      LEVEL_NAMES[f.level],
      f.sheet,
      f.cell,
      f.indicator ?? '',
      indicatorName(f),
      cutText(f.message),
      shown(f.values.current ?? f.values.text ?? ''),
      cutText(f.requirement ?? ''),
      cutText(f.explanation ?? ''),
    ],
  }));
  return {
    title: `校验结果：${d.name || '（未填写地区名称）'}${d.year ? ` ${d.year} 年度` : ''}`,
    header: [
      ['地区名称', d.name],
      ['评价年度', d.year === null ? '' : String(d.year)],
      ['校验时间', time],
      ['规则集版本', report.rulesetVersion],
      ['错误', String(report.counts.error)],
      ['未达标', String(report.counts.warning)],
      ['提示', String(report.counts.notice)],
    ],
    ready: report.readyToReturn,
    readyLine: readyLine(report),
    columns: SUMMARY_COLUMNS,
    rows,
  };
}

/** Text from the workbook that Excel would take for a formula. */
export function looksLikeFormula(s: unknown): boolean {
  return typeof s === 'string' && /^[=+\-@]/.test(s);
}
