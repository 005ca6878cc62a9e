/**
 * The standard workbook of template 2025.1: its sheets, feedback areas and indicators
 * (spec/TEMPLATE.md, spec/INDICATORS.md). Rules live in rules.ts, wording in phrases.ts.
 */
import type { IndicatorType } from './types';

export const TEMPLATE_VERSION = '2025.1';

export type SheetKind = 'instructions' | 'info' | 'indicators' | 'schools' | 'rectification';

export interface SheetDef {
  name: string;
  kind: SheetKind;
  /** the title in row 1, e.g. `表2 经费投入` */
  title: string;
  filledBy: string;
  /** feedback area of an indicator sheet or of 问题整改 */
  area?: AreaId;
}

export type AreaId =
  | 'funding'
  | 'teachers'
  | 'preschool'
  | 'compulsory'
  | 'highschool'
  | 'health'
  | 'safety'
  | 'governance'
  | 'rectification';

/** Feedback areas in the order the draft feedback lists them. Their wording is in phrases.ts. */
export const AREAS: readonly AreaId[] = [
  'funding',
  'teachers',
  'preschool',
  'compulsory',
  'highschool',
  'health',
  'safety',
  'governance',
  'rectification',
];

export const SHEETS: readonly SheetDef[] = [
  { name: '填报说明', kind: 'instructions', title: '填报说明', filledBy: '—' },
  { name: '基本信息', kind: 'info', title: '表1 基本信息', filledBy: '教育局' },
  { name: '经费投入', kind: 'indicators', title: '表2 经费投入', filledBy: '财政局 / 教育局', area: 'funding' },
  { name: '教师队伍', kind: 'indicators', title: '表3 教师队伍', filledBy: '教育局 / 人社局 / 编办', area: 'teachers' },
  { name: '学前教育', kind: 'indicators', title: '表4 学前教育', filledBy: '教育局', area: 'preschool' },
  { name: '义务教育', kind: 'indicators', title: '表5 义务教育', filledBy: '教育局', area: 'compulsory' },
  { name: '高中阶段教育', kind: 'indicators', title: '表6 高中阶段教育', filledBy: '教育局', area: 'highschool' },
  { name: '学生发展', kind: 'indicators', title: '表7 学生发展', filledBy: '教育局 / 卫健局', area: 'health' },
  { name: '安全与卫生', kind: 'indicators', title: '表8 安全与卫生', filledBy: '教育局 / 公安局', area: 'safety' },
  {
    name: '综合改革与规范办学',
    kind: 'indicators',
    title: '表9 综合改革与规范办学',
    filledBy: '教育局 / 督导室',
    area: 'governance',
  },
  { name: '学校明细', kind: 'schools', title: '表10 义务教育学校明细', filledBy: '教育局' },
  {
    name: '问题整改',
    kind: 'rectification',
    title: '表11 上年度反馈问题整改情况',
    filledBy: '教育局 / 督导室',
    area: 'rectification',
  },
];

export const SHEET_NAMES = {
  instructions: '填报说明',
  info: '基本信息',
  schools: '学校明细',
  rectification: '问题整改',
} as const;

export function sheetDef(name: string): SheetDef | undefined {
  return SHEETS.find((s) => s.name === name);
}

export function sheetOrder(name: string): number {
  const i = SHEETS.findIndex((s) => s.name === name);
  return i < 0 ? SHEETS.length : i;
}

// ---------------------------------------------------------------- 基本信息

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

// ---------------------------------------------------------------- indicator sheets

/** Columns of an indicator sheet, found by header text; the letter is the template's position. */
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

export interface IndicatorDef {
  id: string;
  sheet: string;
  /** 二级指标 */
  group: string;
  /** 指标名称 as the template shows it; `{key}` placeholders are filled from parameters */
  name: string;
  unit: string;
  type: IndicatorType;
  /** whether the indicator has a 上年值 */
  hasLast: boolean;
}

type Row = [id: string, group: string, name: string, type: IndicatorType, hasLast: boolean];

const UNIT_BY_TYPE: Record<IndicatorType, string> = {
  money: '万元',
  yuan: '元',
  count: '',
  pct: '%',
  pct200: '%',
  yesno: '是/否',
  text: '',
  date: '',
  year: '年',
};

function sheetRows(sheet: string, rows: Row[]): IndicatorDef[] {
  return rows.map(([id, group, name, type, hasLast]) => {
    const unitInName = /（([^（）]+)）$/.exec(name)?.[1];
    const unit = type === 'count' ? (unitInName ?? '') : UNIT_BY_TYPE[type];
    return { id, sheet, group, name, unit, type, hasLast };
  });
}

export const INDICATORS: readonly IndicatorDef[] = [
  ...sheetRows('经费投入', [
    ['JF01', '教育投入', '一般公共预算教育支出（万元）', 'money', true],
    ['JF02', '教育投入', '一般公共预算和政府性基金预算安排的教育经费（万元）', 'money', true],
    ['JF03', '生均支出', '学前教育生均一般公共预算教育支出（元）', 'yuan', true],
    ['JF04', '生均支出', '普通小学生均一般公共预算教育支出（元）', 'yuan', true],
    ['JF05', '生均支出', '普通初中生均一般公共预算教育支出（元）', 'yuan', true],
    ['JF06', '生均支出', '普通高中生均一般公共预算教育支出（元）', 'yuan', true],
    ['JF07', '生均支出', '中等职业教育生均一般公共预算教育支出（元）', 'yuan', true],
    ['JF08', '公用经费', '义务教育生均公用经费拨付标准·小学（元）', 'yuan', false],
    ['JF09', '公用经费', '义务教育生均公用经费拨付标准·初中（元）', 'yuan', false],
    ['JF10', '公用经费', '普通高中生均公用经费拨款标准（元）', 'yuan', false],
    ['JF11', '公用经费', '公办幼儿园生均公用经费拨款标准（元）', 'yuan', false],
    ['JF12', '公用经费', '普惠性民办幼儿园生均公用经费补助是否落实', 'yesno', false],
    ['JF13', '附加与专项', '教育费附加和地方教育附加征收额（万元）', 'money', false],
    ['JF14', '附加与专项', '其中：安排用于教育的金额（万元）', 'money', false],
    ['JF15', '附加与专项', '上级下达教育专项资金（万元）', 'money', false],
    ['JF16', '附加与专项', '其中：当年已支付金额（万元）', 'money', false],
  ]),
  ...sheetRows('教师队伍', [
    ['JS01', '补充与减员', '中小学专任教师数（人）', 'count', false],
    ['JS02', '补充与减员', '本年教师自然减员数（退休、调出、辞职等）（人）', 'count', false],
    ['JS03', '补充与减员', '本年新补充教师数（人）', 'count', false],
    ['JS04', '工资待遇', '义务教育教师年平均工资收入（元）', 'yuan', false],
    ['JS05', '工资待遇', '当地公务员年平均工资收入（元）', 'yuan', false],
    ['JS06', '幼儿园教师', '幼儿园专任教师数（人）', 'count', false],
    ['JS07', '幼儿园教师', '其中：专科及以上学历人数（人）', 'count', false],
    ['JS08', '幼儿园教师', '其中：取得教师资格证人数（人）', 'count', false],
    ['JS09', '幼儿园教师', '公办幼儿园在编教师年平均工资收入（元）', 'yuan', false],
    ['JS10', '幼儿园教师', '公办幼儿园非在编教师年平均工资收入（元）', 'yuan', false],
    ['JS11', '交流轮岗', '符合交流轮岗条件的义务教育教师数（人）', 'count', false],
    ['JS12', '交流轮岗', '本年交流轮岗教师数（人）', 'count', false],
    ['JS13', '待遇保障', '校长职级工资是否按标准足额核发', 'yesno', false],
    ['JS14', '编制管理', '是否存在违规长期使用编外教师', 'yesno', false],
    ['JS15', '待遇保障', '是否存在拖欠教职工社会保险或住房公积金', 'yesno', false],
  ]),
  ...sheetRows('学前教育', [
    ['XQ01', '普及水平', '学前三年毛入园率（%）', 'pct200', true],
    ['XQ02', '规模', '在园幼儿总数（人）', 'count', true],
    ['XQ03', '规模', '其中：公办园在园幼儿数（人）', 'count', true],
    ['XQ04', '规模', '其中：普惠性民办园在园幼儿数（人）', 'count', true],
    ['XQ05', '普惠水平', '普惠性幼儿园覆盖率（%）', 'pct', true],
    ['XQ06', '公办水平', '公办园在园幼儿占比（%）', 'pct', true],
    ['XQ07', '资源配置', '城镇小区配套幼儿园治理是否全部完成', 'yesno', false],
    ['XQ08', '资源配置', '乡镇（街道）中心幼儿园是否全部完成法人登记', 'yesno', false],
    ['XQ09', '保教质量', '是否开展幼儿园"小学化"专项治理', 'yesno', false],
  ]),
  ...sheetRows('义务教育', [
    ['YW01', '普及水平', '九年义务教育巩固率（%）', 'pct', false],
    ['YW02', '普及水平', '适龄残疾儿童少年义务教育入学率（%）', 'pct', false],
    ['YW03', '班额', '义务教育阶段班级总数（个）', 'count', false],
    ['YW04', '班额', '56人及以上大班额数（含超大班额）（个）', 'count', true],
    ['YW05', '班额', '其中：66人及以上超大班额数（个）', 'count', false],
    [
      'YW06',
      '学校规模',
      '超规模学校数（小学、初中超过{YW06.primaryMax}人，九年一贯制超过{YW06.throughMax}人）（所）',
      'count',
      false,
    ],
    ['YW07', '课后服务', '有需求学生课后服务覆盖率（%）', 'pct', false],
    ['YW08', '入学保障', '随迁子女在公办学校和政府购买学位服务就读比例（%）', 'pct', false],
    ['YW09', '办学条件', '义务教育薄弱环节改善与能力提升项目年度完成率（%）', 'pct', false],
    ['YW10', '双减', '学科类校外培训机构压减率（%）', 'pct', false],
  ]),
  ...sheetRows('高中阶段教育', [
    ['GZ01', '普及水平', '高中阶段毛入学率（%）', 'pct200', false],
    ['GZ02', '招生', '普通高中招生数（人）', 'count', true],
    ['GZ03', '招生', '中等职业学校招生数（人）', 'count', true],
    ['GZ04', '班额', '普通高中56人及以上大班额数（个）', 'count', false],
    ['GZ05', '职业教育', '民办中职学校办学条件是否全部达标', 'yesno', false],
  ]),
  ...sheetRows('学生发展', [
    ['XS01', '体质健康', '国家学生体质健康标准测试优良率（%）', 'pct', true],
    ['XS02', '视力健康', '儿童青少年总体近视率（%）', 'pct', true],
    ['XS03', '体育美育', '中小学体育与健康课程是否开齐开足', 'yesno', false],
    ['XS04', '心理健康', '是否每所中小学均配备心理健康教育教师', 'yesno', false],
  ]),
  ...sheetRows('安全与卫生', [
    ['AQ01', '安防建设', '中小学幼儿园专职保安员配备达标率（%）', 'pct', false],
    ['AQ02', '安防建设', '封闭化管理达标率（%）', 'pct', false],
    ['AQ03', '安防建设', '一键式紧急报警和视频监控系统与公安机关联网率（%）', 'pct', false],
    ['AQ04', '安防建设', '"护学岗"设置率（%）', 'pct', false],
    ['AQ05', '学校卫生', '应设卫生室（保健室）的中小学校数（所）', 'count', false],
    ['AQ06', '学校卫生', '已设卫生室（保健室）的学校数（所）', 'count', false],
    ['AQ07', '学校卫生', '中小学在校学生数（人）', 'count', false],
    ['AQ08', '学校卫生', '专职卫生专业技术人员数（人）', 'count', false],
    ['AQ09', '安全事故', '重大涉校涉生安全责任事故数（起）', 'count', false],
    ['AQ10', '校舍安全', '是否有D级危房仍在使用', 'yesno', false],
    ['AQ11', '校车管理', '校车是否全部实行公司化运营', 'yesno', false],
  ]),
  ...sheetRows('综合改革与规范办学', [
    ['GG01', '党的领导', '党政主要负责同志为师生讲思政课次数（次）', 'count', false],
    ['GG02', '党的领导', '党委、政府专题研究教育工作次数（次）', 'count', false],
    ['GG03', '评价改革', '是否制定深化新时代教育评价改革实施方案', 'yesno', false],
    ['GG04', '教育督导', '责任督学挂牌督导学校覆盖率（%）', 'pct', false],
    ['GG05', '教育督导', '是否建立教育督导问责制度', 'yesno', false],
    ['GG06', '校外培训治理', '校外培训违法违规行为行政处罚案件数（起）', 'count', false],
    ['GG07', '规范办学', '是否存在以考试方式招生、设置重点校重点班等违规行为', 'yesno', false],
  ]),
];

const BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));

export function indicator(id: string): IndicatorDef {
  const d = BY_ID.get(id);
  if (!d) throw new Error(`unknown indicator ${id}`);
  return d;
}

export function isIndicatorId(id: string): boolean {
  return BY_ID.has(id);
}

export function indicatorsOf(sheet: string): IndicatorDef[] {
  return INDICATORS.filter((d) => d.sheet === sheet);
}

/** The indicator's name with parameters filled in (as the template shows it). */
export function indicatorName(def: IndicatorDef, params: Readonly<Record<string, number>>): string {
  return def.name.replace(/\{([\w.]+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/**
 * The name for sentences: without its trailing unit, a `·小学` qualifier in brackets, and a
 * `其中：` item named with the item it belongs to (`幼儿园专任教师中专科及以上学历人数`).
 */
export function shortName(def: IndicatorDef, params: Readonly<Record<string, number>>): string {
  const name = indicatorName(def, params)
    .replace(/（[^（）]*）$/, '')
    .replace(/·(.+)$/, '（$1）');
  if (!name.startsWith('其中：')) return name;
  const siblings = indicatorsOf(def.sheet);
  const parent = siblings
    .slice(
      0,
      siblings.findIndex((d) => d.id === def.id),
    )
    .reverse()
    .find((d) => !d.name.startsWith('其中：'));
  const item = name.slice('其中：'.length);
  const whole = parent
    ? shortName(parent, params)
        .replace(/（[^（）]*）$/, '')
        .replace(/(总数|数)$/, '')
    : '';
  return whole ? `${whole}中${item}` : item;
}

// ---------------------------------------------------------------- list sheets

export type ListCellType = 'integer' | 'text' | 'enum' | 'count' | 'yesno' | 'date';

export interface ListColumn {
  key: string;
  header: string;
  type: ListCellType;
  options?: readonly string[];
  required: boolean;
  width: number;
}

export const SCHOOL_TYPES = ['小学', '初中', '九年一贯制'] as const;

export const SCHOOL_COLUMNS: readonly ListColumn[] = [
  { key: 'no', header: '序号', type: 'integer', required: false, width: 6 },
  { key: 'name', header: '学校名称', type: 'text', required: true, width: 28 },
  { key: 'type', header: '学校类型', type: 'enum', options: SCHOOL_TYPES, required: true, width: 12 },
  { key: 'ownership', header: '办学性质', type: 'enum', options: ['公办', '民办'], required: true, width: 10 },
  { key: 'students', header: '在校生数', type: 'count', required: true, width: 10 },
  { key: 'classes', header: '班级数', type: 'count', required: true, width: 9 },
  { key: 'large', header: '56—65人班级数', type: 'count', required: true, width: 14 },
  { key: 'huge', header: '66人及以上班级数', type: 'count', required: true, width: 16 },
  { key: 'clinic', header: '是否设卫生室', type: 'yesno', required: true, width: 13 },
  { key: 'healthStaff', header: '卫生专业技术人员数', type: 'count', required: true, width: 18 },
];

export const RECTIFICATION_STATUSES = ['已完成', '推进中', '未启动'] as const;

export const RECTIFICATION_COLUMNS: readonly ListColumn[] = [
  { key: 'no', header: '序号', type: 'integer', required: false, width: 6 },
  {
    key: 'source',
    header: '问题来源',
    type: 'enum',
    options: ['省级评价', '市级评价', '专项督导', '其他'],
    required: true,
    width: 12,
  },
  { key: 'problem', header: '问题描述', type: 'text', required: true, width: 40 },
  { key: 'measures', header: '整改措施', type: 'text', required: true, width: 40 },
  { key: 'status', header: '整改状态', type: 'enum', options: RECTIFICATION_STATUSES, required: true, width: 11 },
  { key: 'due', header: '计划完成时间', type: 'date', required: false, width: 14 },
  { key: 'evidence', header: '佐证材料', type: 'text', required: false, width: 30 },
];
