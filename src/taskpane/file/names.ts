/** File names of what the file mode offers for download, as the command line names them. */

import { safeName } from '../../core/bounded';

export { safeName };

/** `returned/文登区.xlsx` → `文登区` */
export function stem(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/** `文登区.xlsx` (or a copy, `文登区.checked.xlsx`) → `文登区.checked.xlsx` */
export function checkedName(file: string): string {
  return `${safeName(stem(file).replace(/\.checked$/i, ''))}.checked.xlsx`;
}

/** `{地区名称}反馈意见（初稿）.docx`, or the file's stem when the workbook names no district. */
export function districtDraftName(districtName: string, file: string): string {
  return `${safeName(districtName || stem(file))}反馈意见（初稿）.docx`;
}

export const CITY_DRAFT_FILE = '全市汇总反馈意见（初稿）.docx';
export const LEDGER_FILE = '审核台账.xlsx';

/** Everything in one download, and the places in it (`check --out` + `feedback --out` write the same files). */
export const ZIP_FILE = '审核材料.zip';
export const ZIP_PLACES = {
  letters: '反馈意见',
  copies: '标注副本',
  /** under copies: the workbooks not counted for the city, with a note of why */
  setAside: '未纳入全市汇总',
  setAsideNote: '说明.txt',
  failed: '未能生成的文件.txt',
} as const;

/** Names already used get `-2`, `-3`… before the extension. */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const dot = name.endsWith('.checked.xlsx') ? name.length - '.checked.xlsx'.length : name.lastIndexOf('.');
    const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let out = name;
    for (let n = 2; used.has(out); n++) out = `${base}-${n}${ext}`;
    used.add(out);
    return out;
  });
}

/** Why a file is passed over before reading, or null when it may be a workbook (cf. cli/inputs.ts). */
export type SkipReason = { kind: 'lock' } | { kind: 'type'; ext: string } | null;

const WORKBOOK = /\.(xlsx|xlsm)$/i;
/** Old .xls files are read and reported as unreadable (with advice), not skipped silently. */
const OLD_WORKBOOK = /\.xls$/i;
const LOCK_FILE = /^~\$/;

export function skipReason(file: string): SkipReason {
  if (LOCK_FILE.test(file)) return { kind: 'lock' };
  if (WORKBOOK.test(file) || OLD_WORKBOOK.test(file)) return null;
  const ext = /\.[^.]+$/.exec(file)?.[0] ?? '';
  return { kind: 'type', ext };
}
