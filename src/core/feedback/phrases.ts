/**
 * The product's own wording of the draft feedback (spec/FEEDBACK.md): the frame every ruleset's
 * drafts share. What a draft says about an indicator comes from the ruleset's texts.
 */
import { fill } from './fill';

export { fill };

/**
 * Wording of the draft feedback texts, for one district and city-wide. `{district}` is the
 * district's name, `{year}` "2024年度" (empty when the year is unknown), `{nextYear}` the year of
 * the next evaluation ("2025年度", or "下一年度").
 */
export const DRAFT_PHRASES = {
  /** working days allowed for the rectification plan, problem list and ledger */
  workingDays: 30,
  districtTitle: '关于{district}{year}履行教育职责评价的反馈意见（初稿）',
  cityTitle: '关于{city}{year}{collective}履行教育职责评价情况的反馈意见（初稿）',
  defaultCity: '全市',
  unnamedDistrict: '（未填写地区名称）',
  nextYearUnknown: '下一年度',
  /** first-level headings, numbered 一、二、… in the order they appear */
  sections: {
    overview: '总体情况',
    strengths: '主要成效',
    problems: '存在的主要问题',
    recommendations: '整改意见',
    requirements: '有关要求',
  },
  /** "{n}是…。": one strength a paragraph */
  strengthItem: '{n}是{text}。',

  // one district
  overview:
    '{district}{year}填报的评价指标中，有达标要求且能够评价的共{evaluated}项，其中达到要求{met}项、未达到要求{notMet}项',
  overviewPending: '，因数据有误暂不作结论{pending}项',
  overviewErrors: '填报数据中尚有{errors}处错误待核实（见附件），未作为评价结论。',
  overviewNoErrors: '填报数据未发现错误。',
  strengthsLead: '从填报数据看，{district}以下方面的工作达到并超出了评价要求：',
  strengthsNone: '本次填报数据中暂无明显超出达标要求的指标，主要成效请结合实地评价情况补充。',
  problemsNone: '本次评价未发现未达到要求的指标。',
  problemsNoneExceptData: '除附件所列待核实的数据外，本次评价未发现未达到要求的指标。',
  explanation: '（{district}说明：{text}）',
  closing:
    '{district}要针对本反馈意见指出的问题，自收到之日起{days}个工作日内制定整改方案，建立问题清单和整改台账，明确责任单位、整改措施和完成时限，逐项抓好落实。整改情况将纳入{nextYear}履行教育职责评价，逐项复核。',
  closingNoProblems: '{district}要巩固已有成效，对照评价指标持续改进，确保各项要求落实到位。',
  closingDataErrors: '对附件所列数据问题，请于{days}个工作日内核实更正后重新报送填报表。',
  dataAnnexTitle: '附件：数据问题，待核实',
  dataAnnexLead: '以下数据有误，核实更正前不作为评价结论：',
  dataAnnexVoid: '受上述数据问题影响，{names}暂不作结论。',
  dataAnnexHeader: ['序号', '工作表', '单元格', '问题说明'],

  // city-wide
  cityOverview: '本次汇总{count}个地区的填报表，按行政区划代码依次为{districts}。',
  cityOverviewSkipped: '另有{count}份文件不是标准填报表，未纳入汇总。',
  cityOverviewWarnings: '经校验，各地区未达到要求的情况共{warnings}项次，涉及{rules}项评价要求。',
  cityOverviewNoWarnings: '经校验，各地区均未发现未达到要求的指标。',
  cityOverviewClean: '{districts}未发现未达到要求的指标。',
  cityOverviewErrors: '{districts}的填报数据尚有错误待核实，相关数据未作为评价结论。',
  cityOverviewNoErrors: '各地区填报数据未发现错误。',
  cityErrorCount: '{district}（{count}处）',
  cityStrengthsNone: '本次填报数据不足以比较各地区的主要成效，请结合实地评价情况补充。',
  cityAll: '均',
  cityClosing:
    '各地区要对照本反馈意见和各自的书面反馈意见，自收到之日起{days}个工作日内制定整改方案，建立问题清单和整改台账，明确责任单位、整改措施和完成时限，按期报送整改进展。整改情况将纳入{nextYear}履行教育职责评价，逐项复核。',
  cityAnnexTitle: '附件：各地区未达到要求的指标',
  cityAnnexHeader: ['地区', '指标', '本年值', '要求'],
} as const;
