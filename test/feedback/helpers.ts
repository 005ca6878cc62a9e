/**
 * In-memory workbooks for the feedback tests: a fully compliant district in the layout of
 * template 2025.1, with any cell overridden, validated into a Report.
 */
import { INDICATORS, INDICATOR_COLUMNS, RECTIFICATION_COLUMNS, SCHOOL_COLUMNS, SHEETS } from '../fixtures/ruleset2025';
import { DEFAULT_RULESET, type Ruleset } from '../fixtures/ruleset2025';
import { validate } from '../../src/core/validate';
import type { Draft, Report, SheetSnapshot, SnapshotCell, WorkbookSnapshot } from '../../src/core/types';

type Value = SnapshotCell['v'];

/** 上年值 (undefined where the indicator has none) and 本年值 of a compliant district. */
const COMPLIANT: Record<string, [Value | undefined, Value]> = {
  JF01: [100000, 110000],
  JF02: [120000, 135000],
  JF03: [12000, 12500],
  JF04: [11000, 11500],
  JF05: [15000, 15600],
  JF06: [16000, 16500],
  JF07: [17000, 17500],
  JF08: [undefined, 700],
  JF09: [undefined, 900],
  JF10: [undefined, 1100],
  JF11: [undefined, 550],
  JF12: [undefined, '是'],
  JF13: [undefined, 5000],
  JF14: [undefined, 5000],
  JF15: [undefined, 3000],
  JF16: [undefined, 2900],
  JS01: [undefined, 3000],
  JS02: [undefined, 100],
  JS03: [undefined, 115],
  JS04: [undefined, 120000],
  JS05: [undefined, 110000],
  JS06: [undefined, 800],
  JS07: [undefined, 720],
  JS08: [undefined, 760],
  JS09: [undefined, 90000],
  JS10: [undefined, 72000],
  JS11: [undefined, 1000],
  JS12: [undefined, 150],
  JS13: [undefined, '是'],
  JS14: [undefined, '否'],
  JS15: [undefined, '否'],
  XQ01: [95, 96],
  XQ02: [20000, 20000],
  XQ03: [11000, 12000],
  XQ04: [6000, 5000],
  XQ05: [85, 85],
  XQ06: [55, 60],
  XQ07: [undefined, '是'],
  XQ08: [undefined, '是'],
  XQ09: [undefined, '是'],
  YW01: [undefined, 98],
  YW02: [undefined, 97],
  YW03: [undefined, 1000],
  YW04: [0, 0],
  YW05: [undefined, 0],
  YW06: [undefined, 0],
  YW07: [undefined, 100],
  YW08: [undefined, 90],
  YW09: [undefined, 100],
  YW10: [undefined, 95],
  GZ01: [undefined, 95],
  GZ02: [3000, 3000],
  GZ03: [2100, 2100],
  GZ04: [undefined, 0],
  GZ05: [undefined, '是'],
  XS01: [55, 58],
  XS02: [50, 48.5],
  XS03: [undefined, '是'],
  XS04: [undefined, '是'],
  AQ01: [undefined, 100],
  AQ02: [undefined, 100],
  AQ03: [undefined, 100],
  AQ04: [undefined, 100],
  AQ05: [undefined, 30],
  AQ06: [undefined, 30],
  AQ07: [undefined, 60000],
  AQ08: [undefined, 125],
  AQ09: [undefined, 0],
  AQ10: [undefined, '否'],
  AQ11: [undefined, '是'],
  GG01: [undefined, 2],
  GG02: [undefined, 4],
  GG03: [undefined, '是'],
  GG04: [undefined, 100],
  GG05: [undefined, '是'],
  GG06: [undefined, 3],
  GG07: [undefined, '否'],
};

/** What a test changes in an indicator row: 上年值 E, 本年值 F, 佐证材料 H, 情况说明 I. */
export interface RowChange {
  E?: Value;
  F?: Value;
  H?: Value;
  I?: Value;
}

export interface DistrictSpec {
  name: string;
  code: string;
  city?: string;
  year?: number;
  rows?: Record<string, RowChange>;
  /** 问题整改 rows as [问题来源, 问题描述, 整改措施, 整改状态, 计划完成时间, 佐证材料] */
  rectification?: Value[][];
  /** 学校明细 rows after 序号, as [学校名称, 学校类型, 办学性质, 在校生数, 班级数, …] */
  schools?: Value[][];
}

const cell = (v: Value | undefined): SnapshotCell | null => (v === undefined || v === null ? null : { v });
const rowOf = (values: (Value | undefined)[]): (SnapshotCell | null)[] => values.map(cell);

/** Preschool counts and the shares computed from them, as a consistent district reports them. */
export function preschool(total: number, pub: number, privateInclusive: number): Record<string, RowChange> {
  const pct = (x: number) => Math.round((x / total) * 10000) / 100;
  return {
    XQ02: { E: total, F: total },
    XQ03: { E: pub, F: pub },
    XQ04: { E: privateInclusive, F: privateInclusive },
    XQ05: { E: pct(pub + privateInclusive), F: pct(pub + privateInclusive) },
    XQ06: { E: pct(pub), F: pct(pub) },
  };
}

export function snapshot(spec: DistrictSpec): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  for (const def of SHEETS) {
    const rows: (SnapshotCell | null)[][] = [rowOf([def.title])];
    switch (def.kind) {
      case 'instructions':
        rows.push(rowOf(['请按说明填报。']));
        break;
      case 'info':
        rows.push(
          rowOf(['地区名称', spec.name]),
          rowOf(['行政区划代码', spec.code]),
          rowOf(['所属地市', spec.city ?? '威海市']),
          rowOf(['评价年度', spec.year ?? 2024]),
          rowOf(['填报单位', `${spec.name}教育和体育局`]),
          rowOf(['填报人', '张三']),
          rowOf(['联系电话', '0631-5212345']),
          rowOf(['填报日期', '2025-03-15']),
          rowOf(['模板版本', '2025.1']),
        );
        break;
      case 'indicators': {
        const cols = Object.values(INDICATOR_COLUMNS);
        rows.push(rowOf(cols.map((c) => c.header)));
        for (const ind of INDICATORS.filter((d) => d.sheet === def.name)) {
          const [E, F] = COMPLIANT[ind.id]!;
          const change = spec.rows?.[ind.id] ?? {};
          const pick = (k: keyof RowChange, dflt: Value | undefined) => (k in change ? change[k] : dflt);
          rows.push(
            rowOf([
              ind.id,
              ind.group,
              ind.name,
              ind.unit,
              ind.hasLast ? pick('E', E) : '—',
              pick('F', F),
              '',
              pick('H', '有关文件'),
              pick('I', ''),
            ]),
          );
        }
        break;
      }
      case 'list':
        if (def.name === '学校明细') {
          rows.push(rowOf(SCHOOL_COLUMNS.map((c) => c.header)));
          for (const [i, r] of (
            spec.schools ?? [
              ['第一实验小学', '小学', '公办', 1200, 30, 0, 0, '是', 2],
              ['第二中学', '初中', '公办', 900, 20, 0, 0, '是', 2],
            ]
          ).entries()) {
            rows.push(rowOf([i + 1, ...r]));
          }
          break;
        }
        rows.push(rowOf(RECTIFICATION_COLUMNS.map((c) => c.header)));
        for (const [i, r] of (
          spec.rectification ?? [['市级评价', '教师补充不足', '公开招聘教师', '已完成', '', '招聘公告']]
        ).entries()) {
          rows.push(rowOf([i + 1, ...r]));
        }
        break;
    }
    sheets.push({ name: def.name, rows });
  }
  return { sheets };
}

export const TODAY = new Date(Date.UTC(2025, 5, 1));

export function report(spec: DistrictSpec, ruleset: Ruleset = DEFAULT_RULESET): Report {
  return validate(snapshot(spec), ruleset, { now: TODAY });
}

/** The draft's paragraphs of one style, as text. */
export function texts(blocks: readonly { style: string; text?: string }[], style: string): string[] {
  return blocks.filter((b) => b.style === style).map((b) => b.text ?? '');
}

/** The paragraphs between a first-level heading and the next one (tables and the signature left out). */
export function section(draft: Draft, heading: string): string[] {
  const out: string[] = [];
  let inside = false;
  for (const b of draft.blocks) {
    if (b.style === 'h1' || b.style === 'annex') inside = b.style === 'h1' && b.text.endsWith(heading);
    else if (inside && b.style !== 'table' && b.style !== 'signature') out.push(b.text);
  }
  return out;
}
