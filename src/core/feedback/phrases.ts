/**
 * The fixed wording of the drafts (spec/FEEDBACK.md): titles, opening, headings, closing. Each
 * entry has a Chinese label, under which a ruleset's optional sheet `反馈文书` replaces it, so an
 * office adapts its letters without code. What a draft says about an indicator comes from the
 * ruleset's rules. Placeholders: {地区} the district, {年度} "2025年度", {下一年度}, {地区统称},
 * {发布单位}, {评价依据}, {城市}, {工作日}, and those named at each entry.
 */
import { fill } from './fill';

export { fill };

export const WORDING = {
  districtTitle: { label: '区县反馈标题', text: '关于{地区}{年度}履行教育职责评价的反馈意见（初稿）' },
  districtTo: { label: '主送', text: '{主送单位}：' },
  districtOpening: {
    label: '区县反馈开头',
    text: '根据{评价依据}，{发布单位}组织开展了{地区}{年度}履行教育职责评价工作。在{地区}自评的基础上，经材料审核和数据复核，现将评价意见反馈如下。',
  },
  cityTitle: { label: '全市报告标题', text: '关于{城市}{地区统称}{年度}履行教育职责评价情况的报告（初稿）' },
  cityOpening: {
    label: '全市报告开头',
    text: '根据{评价依据}，{发布单位}组织开展了对{地区统称}{年度}履行教育职责的评价工作。在{地区统称}自评、市级审核的基础上，汇总形成评价报告如下。',
  },
  defaultBasis: { label: '默认评价依据', text: '履行教育职责评价工作有关规定' },
  defaultIssuer: { label: '默认发布单位', text: '市人民政府教育督导委员会办公室' },
  defaultCity: { label: '默认城市', text: '' },
  unnamedDistrict: { label: '未填地区名称', text: '（未填写地区名称）' },
  nextYearUnknown: { label: '下一年度（未知时）', text: '下一年度' },
  overview: {
    label: '总体情况',
    text: '本次评价涉及有达标要求的指标{评价项数}项，{地区}达到要求的{达标项数}项，未达到要求的{未达标项数}项',
  },
  overviewAllMet: { label: '总体情况·全部达到', text: '本次评价涉及有达标要求的指标{评价项数}项，{地区}均达到要求' },
  overviewPending: { label: '总体情况·待核实', text: '，另有{待定项数}项因填报数据待核实暂不作结论' },
  overviewReturned: {
    label: '总体情况·待补充说明',
    text: '，另有{待定项数}项（{待定指标}）因情况说明待补充暂不作结论',
  },
  overviewUnread: {
    label: '总体情况·缺少工作表',
    text: '，另有{待定项数}项（{待定指标}）因缺少工作表“{工作表}”未能评价，暂不作结论',
  },
  overviewErrors: { label: '总体情况·数据问题', text: '填报数据中有{错误数}处需核实更正（见附件）。' },
  overviewNoErrors: { label: '总体情况·数据无误', text: '' },
  overviewDoubts: { label: '总体情况·数值待核实', text: '另有{待核实数}处数值疑似有误，请核实（见附件）。' },
  strengthsLead: { label: '主要成效导语', text: '{地区}认真履行教育职责，以下方面成效明显：' },
  strengthItem: { label: '主要成效条目', text: '{序号}是{成效}。' },
  strengthsNone: { label: '主要成效·无', text: '（主要成效请结合实地评价情况补充。）' },
  problemsNone: { label: '存在问题·无', text: '本次评价未发现未达到要求的指标。' },
  problemsNoneExceptData: {
    label: '存在问题·仅数据问题',
    text: '除附件所列待核实的数据外，本次评价未发现未达到要求的指标。',
  },
  explanation: { label: '情况说明引述', text: '（{地区}说明：{说明}）' },
  cityComparison: { label: '区县反馈·全市比较', text: '{比较}' },
  closing: {
    label: '有关要求',
    text: '{地区}要针对本反馈意见指出的问题，自收到之日起{工作日}个工作日内制定整改方案，建立问题清单和整改台账，明确责任单位、整改措施和完成时限，逐项抓好落实。整改情况将作为{下一年度}履行教育职责评价的重要内容。',
  },
  closingNoProblems: {
    label: '有关要求·无问题',
    text: '{地区}要巩固已有成效，对照评价指标持续改进，确保各项要求落实到位。',
  },
  closingDataErrors: {
    label: '有关要求·数据问题',
    text: '对附件所列数据问题，请于{工作日}个工作日内核实更正后重新报送填报表。',
  },
  annexLabel: { label: '附件标注', text: '附件' },
  annexNote: { label: '附件说明', text: '附件：{附件名称}' },
  dataAnnexTitle: { label: '数据问题附件标题', text: '填报数据问题清单（待核实）' },
  dataAnnexLead: { label: '数据问题附件导语', text: '以下数据有误，核实更正前不作为评价结论：' },
  dataAnnexDoubtLead: { label: '数据问题附件导语·请核实', text: '以下数据请核实，核实前不作为评价结论：' },
  dataAnnexVoid: { label: '数据问题附件·暂不作结论', text: '受上述数据问题影响，{指标}暂不作结论。' },
  doubted: { label: '待核实数值', text: '{单元格}数值与上年相差悬殊或疑似有误（{提示}），核实前不作结论' },
  cityOverview: { label: '全市总体情况', text: '本年度参加评价的{地区类别}共{地区数}个：{地区名单}。' },
  cityOverviewSkipped: { label: '全市总体情况·未纳入', text: '另有{文件数}份文件不是本年度的标准填报表，未纳入评价。' },
  cityOverviewWarnings: {
    label: '全市总体情况·问题',
    text: '评价发现未达到要求的问题{项次}项次，涉及{要求数}项评价要求。',
  },
  cityOverviewNoWarnings: { label: '全市总体情况·无问题', text: '各项评价要求均已达到。' },
  cityOverviewClean: { label: '全市总体情况·全部达标', text: '{地区名单}各项评价要求均已达到。' },
  cityOverviewErrors: {
    label: '全市总体情况·数据问题',
    text: '填报数据中需核实更正的有{地区名单}，相关指标暂不作结论。',
  },
  cityOverviewNoErrors: { label: '全市总体情况·数据无误', text: '' },
  cityOverviewDoubts: {
    label: '全市总体情况·数值待核实',
    text: '{地区名单}填报数值疑似有误，需核实。',
  },
  cityErrorCount: { label: '全市·数据问题计数', text: '{地区}{错误数}处' },
  cityStrengthsNone: { label: '全市主要成效·无', text: '（主要成效请结合各地工作情况补充。）' },
  cityBestAfterTotal: { label: '全市主要成效·其中', text: '其中' },
  cityTotalWithout: { label: '全市主要成效·不含', text: '（不含数据待核实的{地区名单}）' },
  cityAll: { label: '全部地区时的“均”', text: '均' },
  clauseAlso: { label: '长句续接', text: '同时' },
  cityLetters: { label: '全市报告·书面反馈', text: '{地区统称}存在的具体问题及评价结果将专门印发书面反馈意见。' },
  cityClosing: {
    label: '全市有关要求',
    text: '{地区统称}要针对本报告提出的问题，举一反三、全面排查，结合书面反馈意见，自收到之日起{工作日}个工作日内制定整改措施并认真整改。整改落实情况将作为{下一年度}履行教育职责评价的重要内容。',
  },
  cityAnnexTitle: { label: '全市问题清单标题', text: '{地区统称}未达到评价要求的问题清单' },
  returnedTitle: { label: '待补充说明事项标题', text: '待补充说明事项' },
  returnedLead: {
    label: '待补充说明事项导语',
    text: '以下事项的情况说明尚不充分，请补充说明后另行报送，核实后再作结论：',
  },
  workingDays: { label: '整改期限（工作日）', text: '30' },
} as const;

export type WordingKey = keyof typeof WORDING;
export type Wording = Record<WordingKey, string>;

export const HEADINGS = {
  overview: '总体情况',
  strengths: '主要成效',
  problems: '存在的主要问题',
  recommendations: '整改意见',
  requirements: '有关要求',
} as const;

/** Headers of the draft tables. */
export const TABLE_HEADERS = {
  data: ['序号', '工作表', '单元格', '问题说明'],
  problems: ['地区', '指标', '本年值', '要求'],
  returned: ['序号', '地区', '问题', '情况说明', '审核说明'],
} as const;

/** The default wording, with a ruleset's replacements (by label) applied. */
export function wording(overrides: Readonly<Record<string, string>> = {}): Wording {
  const out = {} as Wording;
  for (const [key, entry] of Object.entries(WORDING) as [WordingKey, { label: string; text: string }][]) {
    out[key] = overrides[entry.label] ?? entry.text;
  }
  return out;
}

/** The labels a `反馈文书` sheet may use. */
export const WORDING_LABELS: readonly string[] = Object.values(WORDING).map((w) => w.label);
