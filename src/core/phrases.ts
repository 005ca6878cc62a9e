/**
 * All wording of the rules and of the draft feedback, in Simplified Chinese, in one place so that
 * the supervision office can review and change it without touching code.
 *
 * Placeholders in `{braces}` are filled from the finding's values: `{name}` the indicator's short
 * name, `{F}` 本年值, `{E}` 上年值, `{unit}`, `{R}` the compared indicator's value, `{refName}` its
 * name, `{min}` / `{max}` the parameter, and the kind's own figures (`{rate}`, `{growth}`, …).
 * In a `city` sentence, `{districts}` becomes the list of districts; the `|` marks where "均" goes
 * when every district is concerned ("各地区…均…").
 */
import type { AreaId } from './catalogue';

export interface RulePhrase {
  /** the requirement in words, for 达标要求 */
  requirement: string;
  /** the finding: the actual figure and the requirement */
  message: string;
  /** one sentence of the city-wide draft */
  city?: string;
  /** in a district draft, how the finding continues the clause of another finding on the same indicator */
  followUp?: string;
  /** in a district draft, the clause when it should read otherwise than the message */
  clause?: string;
}

type KindPhrases = Record<string, RulePhrase>;

/** Defaults by rule kind; a rule's own entry in RULE_PHRASES replaces them field by field. */
export const KIND_PHRASES: KindPhrases = {
  notBelowLast: {
    requirement: '不低于上年值（只增不减）',
    message: '{name}为{F}{unit}，比上年（{E}{unit}）下降{declinePct}%，未达到“只增不减”要求',
    city: '{districts}{name}|比上年下降，未达到“只增不减”要求',
  },
  notAboveLast: {
    requirement: '不高于上年值',
    message: '{name}为{F}{unit}，比上年（{E}{unit}）增加{diff}{unit}，出现反弹',
    city: '{districts}{name}|比上年增加，出现反弹',
  },
  growth: {
    requirement: '比上年增长不低于{min}%',
    message: '{name}为{F}{unit}，比上年（{E}{unit}）{change}，未达到增长{min}%的要求',
    city: '{districts}{name}|比上年增长未达到{min}%',
  },
  min: {
    requirement: '不低于{min}{unit}',
    message: '{name}为{F}{unit}，未达到{min}{unit}的要求',
    city: '{districts}{name}|未达到{min}{unit}',
  },
  zero: {
    requirement: '应为0',
    message: '{name}为{F}{unit}，未达到全部消除的要求',
    city: '{districts}{name}|未全部消除',
  },
  yesno: {
    requirement: '应为“{expected}”',
    message: '{name}填报为“{F}”，未达到要求',
    city: '{districts}{name}|未达到要求',
  },
  atLeast: {
    requirement: '不低于{refName}',
    message: '{name}为{F}{unit}，低于{refName}（{R}{unit}）',
    city: '{districts}{name}|低于{refName}',
  },
  atMost: {
    requirement: '不超过{refName}',
    message: '{year}{name}（{F}{unit}）大于{refName}（{R}{unit}），数据有误',
  },
  equal: {
    requirement: '等于{refName}',
    message: '{name}为{F}{unit}，与{refName}（{R}{unit}）不相等',
  },
  rate: {
    requirement: '比例不低于{min}%',
    message: '{name}占比为{rate}%，未达到{min}%的要求',
    city: '{districts}{name}占比|未达到{min}%',
  },
  shareOf: {
    requirement: '不低于{refName}的{min}%',
    message: '{name}为{F}{unit}，为{refName}（{R}{unit}）的{share}%，未达到{min}%的要求',
    city: '{districts}{name}|未达到{refName}的{min}%',
  },
  sumAtMost: {
    requirement: '各分项之和不超过{refName}',
    message: '{year}各分项之和{sum}{unit}超过{refName}（{R}{unit}），数据有误',
  },
  pctOf: {
    requirement: '与按在园幼儿数计算的比例一致',
    message: '{year}填报的{name}为{V}%，按在园幼儿数计算应为{expected}%，两者不一致',
  },
  drop: {
    requirement: '比上年下降不少于{min}个百分点',
    message: '{name}为{F}%，比上年（{E}%）{change}，未达到每年下降{min}个百分点的要求',
    city: '{districts}{name}|未达到每年下降{min}个百分点的要求',
  },
  perCapitaMax: {
    requirement: '按不超过{max}:1配备',
    message: '{name}为{F}{unit}，生员比为{ratio}，未达到{max}:1的要求',
    city: '{districts}{name}|未达到{max}:1的配备要求',
  },
  schoolSum: {
    requirement: '与学校明细合计一致',
    message: '{name}填报为{F}{unit}，学校明细合计为{expected}{unit}，两者不一致',
  },
  schoolCount: {
    requirement: '与学校明细中超过规模上限的学校数一致',
    message: '{name}填报为{F}所，学校明细中超过规模上限的学校有{expected}所，两者不一致',
  },
};

/** Wording of individual rules, where the kind's default does not read well. */
export const RULE_PHRASES: Record<string, Partial<RulePhrase>> = {
  'JF01.noDecrease': { city: '{districts}一般公共预算教育支出|比上年下降，未达到“两个只增不减”要求' },
  'JF02.minGrowth': { city: '{districts}|未实现一般公共预算和政府性基金预算安排的教育经费比上年增长{min}%的要求' },
  'JF03.noDecrease': { city: '{districts}学前教育生均一般公共预算教育支出|比上年下降，未达到“只增不减”要求' },
  'JF04.noDecrease': { city: '{districts}普通小学生均一般公共预算教育支出|比上年下降，未达到“只增不减”要求' },
  'JF05.noDecrease': { city: '{districts}普通初中生均一般公共预算教育支出|比上年下降，未达到“只增不减”要求' },
  'JF06.noDecrease': { city: '{districts}普通高中生均一般公共预算教育支出|比上年下降，未达到“只增不减”要求' },
  'JF07.noDecrease': { city: '{districts}中等职业教育生均一般公共预算教育支出|比上年下降，未达到“只增不减”要求' },
  'JF08.min': { requirement: '不低于{min}元/生·年', city: '{districts}小学生均公用经费拨付标准|低于{min}元' },
  'JF09.min': { requirement: '不低于{min}元/生·年', city: '{districts}初中生均公用经费拨付标准|低于{min}元' },
  'JF10.min': { requirement: '不低于{min}元/生·年', city: '{districts}普通高中生均公用经费拨款标准|低于{min}元' },
  'JF11.min': {
    requirement: '不低于{min}元/生·年（省定标准）',
    city: '{districts}|未按省定标准落实公办幼儿园生均公用经费',
  },
  'JF12.expected': {
    message: '普惠性民办幼儿园生均公用经费补助未落实',
    city: '{districts}|未落实普惠性民办幼儿园生均公用经费补助',
  },
  'JF14.geJF13': {
    requirement: '全部用于教育（不低于征收额）',
    message: '教育费附加和地方教育附加征收{R}万元，安排用于教育{F}万元，未全部用于教育',
    city: '{districts}|“两项教育费附加”未全部用于教育',
  },
  'JF16.minRate': {
    requirement: '支付率不低于{min}%',
    message: '上级下达教育专项资金{R}万元，当年已支付{F}万元，支付率为{rate}%，未达到{min}%的要求',
    city: '{districts}上级教育专项资金支付率|未达到{min}%',
  },
  'JS03.geJS02': {
    requirement: '不少于本年教师自然减员数（退补相当）',
    message: '本年新补充教师{F}人，少于自然减员{R}人，未达到“退补相当”要求',
    city: '{districts}教师补充|未达到“退补相当”要求',
  },
  'JS04.geJS05': {
    requirement: '不低于当地公务员年平均工资收入',
    message: '义务教育教师年平均工资收入为{F}元，低于当地公务员年平均工资收入（{R}元）',
    city: '{districts}义务教育教师年平均工资收入|低于当地公务员年平均工资收入',
  },
  'JS07.minRate': {
    requirement: '占幼儿园专任教师比例不低于{min}%',
    message: '幼儿园专任教师专科及以上学历比例为{rate}%，未达到{min}%的要求',
    city: '{districts}幼儿园专任教师专科及以上学历比例|未达到{min}%',
  },
  'JS08.minRate': {
    requirement: '占幼儿园专任教师比例不低于{min}%',
    message: '幼儿园专任教师持证上岗率为{rate}%，未达到{min}%的要求',
    city: '{districts}幼儿园专任教师持证上岗率|未达到{min}%',
  },
  'JS10.minShare': {
    message: '公办幼儿园非在编教师年平均工资收入为{F}元，为在编教师（{R}元）的{share}%，未达到{min}%的要求',
    city: '{districts}公办幼儿园非在编教师年平均工资收入|未达到在编教师年平均工资收入的{min}%',
  },
  'JS12.minRate': {
    requirement: '占符合条件教师比例不低于{min}%',
    message: '义务教育教师交流轮岗比例为{rate}%，未达到{min}%的要求',
    city: '{districts}义务教育教师交流轮岗比例|未达到{min}%',
  },
  'JS13.expected': { message: '校长职级工资未按标准足额核发', city: '{districts}|未按标准足额核发校长职级工资' },
  'JS14.expected': { message: '存在违规长期使用编外教师的情况', city: '{districts}|存在违规长期使用编外教师的情况' },
  'JS15.expected': {
    message: '存在拖欠教职工社会保险或住房公积金的情况',
    city: '{districts}|存在拖欠教职工社会保险或住房公积金的情况',
  },
  'XQ04.sumLeXQ02': {
    requirement: '公办园与普惠性民办园在园幼儿数之和不超过在园幼儿总数',
    message: '{year}公办园与普惠性民办园在园幼儿数之和（{sum}人）超过在园幼儿总数（{R}人），数据有误',
  },
  'XQ05.consistency': { requirement: '等于（公办园＋普惠性民办园在园幼儿数）÷在园幼儿总数×100' },
  'XQ06.consistency': { requirement: '等于公办园在园幼儿数÷在园幼儿总数×100' },
  'XQ06.noDecrease': {
    requirement: '不低于上年值',
    message: '{name}为{F}%，比上年（{E}%）下降{diff}个百分点，不升反降',
    city: '{districts}公办园在园幼儿占比|不升反降',
    followUp: '且比上年（{E}%）下降{diff}个百分点，不升反降',
  },
  'XQ07.expected': {
    message: '城镇小区配套幼儿园治理尚未全部完成',
    city: '{districts}|城镇小区配套幼儿园治理尚未全部完成',
  },
  'XQ08.expected': {
    message: '乡镇（街道）中心幼儿园尚未全部完成法人登记',
    city: '{districts}|乡镇（街道）中心幼儿园尚未全部完成法人登记',
  },
  'XQ09.expected': { message: '未开展幼儿园“小学化”专项治理', city: '{districts}|未开展幼儿园“小学化”专项治理' },
  'YW04.schools': { requirement: '等于学校明细中56人及以上班级数之和' },
  'YW04.zero': {
    message: '仍有56人及以上大班额{F}个',
    city: '{districts}|仍存在56人及以上大班额',
  },
  'YW04.noRebound': {
    message: '56人及以上大班额{F}个，比上年（{E}个）增加{diff}个，出现反弹',
    city: '{districts}|大班额出现反弹',
    followUp: '且比上年（{E}个）增加{diff}个，出现反弹',
  },
  'YW05.schools': { requirement: '等于学校明细中66人及以上班级数之和' },
  'YW05.zero': { message: '仍有66人及以上超大班额{F}个', city: '{districts}|仍存在66人及以上超大班额' },
  'YW06.schools': { requirement: '等于学校明细中超过规模上限的学校数' },
  'YW06.zero': {
    message: '仍有超规模学校{F}所，大校额尚未完全化解',
    city: '{districts}|大校额尚未完全化解',
  },
  'YW07.min': { city: '{districts}有需求学生课后服务|未实现全覆盖' },
  'YW09.min': {
    message: '义务教育薄弱环节改善与能力提升项目年度完成率为{F}%，未完成年度建设任务',
    city: '{districts}|未完成年度义务教育薄弱环节改善与能力提升项目建设任务',
  },
  'GZ03.minShare': {
    requirement: '中职招生占高中阶段招生比例不低于{min}%（职普协调发展）',
    message: '中等职业学校招生占高中阶段招生的比例为{rate}%，低于{min}%，请核实职普招生比例',
  },
  'GZ04.zero': { message: '普通高中仍有56人及以上大班额{F}个', city: '{districts}|普通高中仍存在56人及以上大班额' },
  'GZ05.expected': { message: '民办中职学校办学条件未全部达标', city: '{districts}|民办中职学校办学条件未全部达标' },
  'XS02.minDrop': { city: '{districts}儿童青少年总体近视率|未达到每年下降{min}个百分点的要求' },
  'XS03.expected': { message: '中小学体育与健康课程未开齐开足', city: '{districts}|中小学体育与健康课程未开齐开足' },
  'XS04.expected': {
    message: '未实现每所中小学均配备心理健康教育教师',
    city: '{districts}|未实现每所中小学均配备心理健康教育教师',
  },
  'AQ01.min': { city: '{districts}中小学幼儿园专职保安员配备|未全部达标' },
  'AQ02.min': { city: '{districts}封闭化管理|未全部达标' },
  'AQ03.min': { city: '{districts}一键式紧急报警和视频监控系统|未全部与公安机关联网' },
  'AQ04.min': { city: '{districts}“护学岗”|未全部设置' },
  'AQ06.eqAQ05': {
    requirement: '应设卫生室（保健室）的学校全部设立',
    message: '应设卫生室（保健室）的学校{R}所，已设{F}所，尚有{gap}所未设',
    city: '{districts}|未按要求设全学校卫生室（保健室）',
  },
  'AQ08.maxStudents': {
    requirement: '按学生数与专职卫生专业技术人员数之比不超过{max}:1配备',
    message: '中小学在校学生{R}人，专职卫生专业技术人员{F}人，生员比为{ratio}，未达到{max}:1的配备要求',
    city: '{districts}|未按{max}:1配齐专职卫生专业技术人员',
  },
  'AQ09.zero': { message: '发生重大涉校涉生安全责任事故{F}起', city: '{districts}|发生重大涉校涉生安全责任事故' },
  'AQ10.expected': { message: '仍有D级危房在使用', city: '{districts}|仍有D级危房在使用' },
  'AQ11.expected': { message: '校车未全部实行公司化运营', city: '{districts}|校车未全部实行公司化运营' },
  'GG01.min': { requirement: '每年不少于{min}次', city: '{districts}党政主要负责同志为师生讲思政课|未达到每年{min}次' },
  'GG02.min': { requirement: '每年不少于{min}次', city: '{districts}党委、政府专题研究教育工作|未达到每年{min}次' },
  'GG03.expected': {
    message: '未制定深化新时代教育评价改革实施方案',
    city: '{districts}|未制定深化新时代教育评价改革实施方案',
  },
  'GG04.min': { city: '{districts}责任督学挂牌督导|未实现学校全覆盖' },
  'GG05.expected': { message: '未建立教育督导问责制度', city: '{districts}|未建立教育督导问责制度' },
  'GG06.min': {
    requirement: '不少于{min}起',
    message: '校外培训违法违规行为行政处罚案件{F}起，行政处罚未能破题',
    city: '{districts}校外培训违法违规行为行政处罚|未能破题',
  },
  'GG07.expected': {
    message: '存在以考试方式招生、设置重点校重点班等违规行为',
    city: '{districts}|存在以考试方式招生、设置重点校重点班等违规行为',
  },
  'ZG.incomplete': {
    requirement: '上年度反馈问题全部整改完成',
    message: '上年度反馈问题整改尚未全部完成：共{total}项，已完成{done}项',
    clause: '上年度反馈的{total}个问题中，已完成整改{done}个，尚有{open}个未完成',
    city: '{districts}|上年度反馈问题整改尚未全部完成',
  },
};

export interface AreaPhrase {
  /** the area's name, as in INDICATORS.md */
  name: string;
  /** the heading of its paragraph in 存在的主要问题 */
  problem: string;
  /** its paragraph in 整改意见 */
  recommendation: string;
}

export const AREA_PHRASES: Record<AreaId, AreaPhrase> = {
  funding: {
    name: '教育经费保障',
    problem: '教育经费保障政策落实不到位',
    recommendation:
      '坚持把教育摆在优先支持的位置，依法落实“两个只增不减”要求，足额落实各学段生均公用经费拨款标准，规范“两项教育费附加”和上级教育专项资金的管理使用，加快预算执行进度，确保专款专用。',
  },
  teachers: {
    name: '教师队伍建设与待遇保障',
    problem: '教师队伍建设和待遇保障仍有短板',
    recommendation:
      '及时核定编制、补充教师，做到“退补相当”；落实义务教育教师平均工资收入不低于当地公务员的要求，保障公办幼儿园非在编教师工资待遇和社会保险；提高幼儿园教师学历层次和持证上岗率，稳步推进义务教育教师交流轮岗。',
  },
  preschool: {
    name: '学前教育普及普惠',
    problem: '学前教育普及普惠水平有待提高',
    recommendation:
      '扩大公办和普惠性学前教育资源，提高公办园在园幼儿占比和普惠性幼儿园覆盖率；加快完成城镇小区配套幼儿园治理和乡镇（街道）中心幼儿园法人登记，持续开展幼儿园“小学化”治理。',
  },
  compulsory: {
    name: '义务教育优质均衡',
    problem: '义务教育优质均衡发展存在差距',
    recommendation:
      '加快学校建设和学位供给，制定大班额、大校额化解时间表并按期完成；落实课后服务和随迁子女入学保障，按期完成义务教育薄弱环节改善与能力提升项目建设任务。',
  },
  highschool: {
    name: '高中阶段教育',
    problem: '高中阶段教育发展不够充分',
    recommendation:
      '巩固提高高中阶段教育普及水平，消除普通高中大班额，推动职普协调发展，督促民办中职学校办学条件全面达标。',
  },
  health: {
    name: '学生身心健康',
    problem: '学生身心健康工作有待加强',
    recommendation:
      '开齐开足体育与健康课程，保证学生每天综合体育活动时间，落实近视防控措施，配齐心理健康教育教师，持续提高学生体质健康优良率。',
  },
  safety: {
    name: '校园安全与卫生',
    problem: '校园安全与学校卫生存在薄弱环节',
    recommendation:
      '巩固中小学幼儿园安防建设“4个100%”，按《学校卫生工作条例》设立学校卫生室并配齐卫生专业技术人员，及时消除D级危房，推进校车公司化运营，坚决防范重大安全责任事故。',
  },
  governance: {
    name: '教育治理与规范办学',
    problem: '教育治理和规范办学有待加强',
    recommendation:
      '落实党政主要负责同志为师生讲思政课、党委政府专题研究教育工作制度，深化新时代教育评价改革，健全教育督导问责机制，加大校外培训违法违规行为查处力度，严禁以考试方式招生和设置重点校重点班。',
  },
  rectification: {
    name: '上年度反馈问题整改',
    problem: '上年度反馈问题整改不到位',
    recommendation: '对照上年度反馈问题逐项建立整改台账，明确责任单位和完成时限，按期销号，举一反三，防止问题反弹。',
  },
};

export function rulePhrase(ruleId: string, kind: string): RulePhrase {
  const base = KIND_PHRASES[kind] ?? { requirement: '', message: '' };
  return { ...base, ...RULE_PHRASES[ruleId] };
}

/** Fills `{key}` placeholders; an unknown key is left visible so a wording mistake shows. */
export function fill(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([\w.]+)\}/g, (whole, key: string) => {
    const v = values[key];
    return v === undefined || v === null ? whole : String(v);
  });
}

// ---------------------------------------------------------------- draft feedback (spec/FEEDBACK.md)

/**
 * Wording of the draft feedback texts, for one district and city-wide. `{district}` is the
 * district's name, `{year}` "2024年度" (empty when the year is unknown), `{nextYear}` the year of
 * the next evaluation ("2025年度", or "下一年度").
 */
export const DRAFT_PHRASES = {
  /** working days allowed for the rectification plan, problem list and ledger */
  workingDays: 30,
  districtTitle: '关于{district}{year}履行教育职责评价的反馈意见（初稿）',
  cityTitle: '关于{city}{year}各县（市、区）履行教育职责评价情况的反馈意见（初稿）',
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
  overviewRectification: '上年度反馈问题共{total}项，已完成整改{done}项。',
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
  cityAllDistricts: '各地区',
  cityAll: '均',
  /** the XQ05 / XQ06 comparison with the figure computed from the summed counts */
  belowCity: '{districts}{name}低于全市水平（{city}%）',
  cityClosing:
    '各地区要对照本反馈意见和各自的书面反馈意见，自收到之日起{days}个工作日内制定整改方案，建立问题清单和整改台账，明确责任单位、整改措施和完成时限，按期报送整改进展。整改情况将纳入{nextYear}履行教育职责评价，逐项复核。',
  cityAnnexTitle: '附件：各地区未达到要求的指标',
  cityAnnexHeader: ['地区', '指标', '本年值', '要求'],
  rectificationName: '上年度反馈问题整改',
  rectificationValue: '共{total}项，已完成{done}项',
  /** how the annex shows the figure behind a warning, after the 本年值 itself */
  annexValue: {
    rate: '{value}（比例{rate}%）',
    share: '{value}（为{refName}的{share}%）',
    ratio: '{value}（生员比{ratio}）',
    change: '{value}（上年{E}{unit}，{change}）',
    last: '{value}（上年{E}{unit}）',
    ref: '{value}；{refName}{R}{unit}',
  },
} as const;

/**
 * 主要成效 of one district: the rules whose margin above the requirement makes a strength, and
 * how it reads. Figures: `{F}` 本年值, `{E}` 上年值, `{R}` the compared value, `{growth}` growth
 * over last year in %, `{rate}` / `{share}` the share, `{over}` how far above the threshold,
 * `{drop}` the fall in points, `{ratio}` students per staff; `{name}`, `{unit}`, `{min}`, `{max}`
 * as in the rule phrases. Rules listed in FULL_COVERAGE_STRENGTHS read as "达到100%" and are used
 * only after every strength with a real margin.
 */
const PCT_ABOVE = '{name}为{F}%，高出{min}%的要求{over}个百分点';
const GROWTH = '{name}{F}{unit}，比上年（{E}{unit}）增长{growth}%';
const STANDARD_ABOVE = '{name}为{F}{unit}，比{min}{unit}的标准高{over}{unit}';

export const STRENGTH_PHRASES: Record<string, string> = {
  'JF01.noDecrease': GROWTH,
  'JF02.minGrowth': '{name}{F}{unit}，比上年增长{growth}%，高于增长{min}%的要求',
  'JF03.noDecrease': GROWTH,
  'JF04.noDecrease': GROWTH,
  'JF05.noDecrease': GROWTH,
  'JF06.noDecrease': GROWTH,
  'JF07.noDecrease': GROWTH,
  'JF08.min': STANDARD_ABOVE,
  'JF09.min': STANDARD_ABOVE,
  'JF10.min': STANDARD_ABOVE,
  'JF11.min': STANDARD_ABOVE,
  'JF16.minRate': '上级教育专项资金支付率为{rate}%，高出{min}%的要求{over}个百分点',
  'JS03.geJS02': '本年新补充教师{F}人，多于自然减员数（{R}人），实现“退补相当”',
  'JS04.geJS05': '义务教育教师年平均工资收入{F}元，高于当地公务员年平均工资收入（{R}元）',
  'JS07.minRate': '幼儿园专任教师专科及以上学历比例为{rate}%，高出{min}%的要求{over}个百分点',
  'JS08.minRate': '幼儿园专任教师持证上岗率为{rate}%，高出{min}%的要求{over}个百分点',
  'JS10.minShare': '公办幼儿园非在编教师年平均工资收入达到在编教师的{share}%，高出{min}%的要求{over}个百分点',
  'JS12.minRate': '义务教育教师交流轮岗比例为{rate}%，高出{min}%的要求{over}个百分点',
  'XQ01.min': PCT_ABOVE,
  'XQ05.min': PCT_ABOVE,
  'XQ06.min': PCT_ABOVE,
  'YW01.min': PCT_ABOVE,
  'YW02.min': PCT_ABOVE,
  'YW08.min': PCT_ABOVE,
  'GZ01.min': PCT_ABOVE,
  'XS01.min': PCT_ABOVE,
  'XS02.minDrop': '{name}为{F}%，比上年（{E}%）下降{drop}个百分点，超过每年下降{min}个百分点的要求',
  'AQ08.maxStudents': '专职卫生专业技术人员{F}人，生员比为{ratio}，优于{max}:1的配备要求',
};

export const FULL_COVERAGE_STRENGTHS: Record<string, string> = {
  'YW07.min': '{name}达到{F}%',
  'YW09.min': '义务教育薄弱环节改善与能力提升项目年度任务全部完成',
  'AQ01.min': '{name}达到{F}%',
  'AQ02.min': '{name}达到{F}%',
  'AQ03.min': '{name}达到{F}%',
  'AQ04.min': '{name}达到{F}%',
  'GG04.min': '{name}达到{F}%',
};

/**
 * 主要成效 of the city-wide draft: for these indicators, the district with the best figure.
 * `metric` is `growth` (本年值 over 上年值, in %) or `value` (本年值); `cityFigure`, when given,
 * opens the sentence with the city-wide figure (`{total}` and `{change}` for growth, `{city}` from
 * the summed counts for a share).
 */
export const CITY_BEST_PHRASES: readonly {
  indicator: string;
  metric: 'growth' | 'value';
  what: string;
  cityFigure?: string;
}[] = [
  {
    indicator: 'JF01',
    metric: 'growth',
    what: '一般公共预算教育支出增长率',
    cityFigure: '全市一般公共预算教育支出合计{total}万元，比上年{change}',
  },
  { indicator: 'XQ06', metric: 'value', what: '公办园在园幼儿占比', cityFigure: '全市公办园在园幼儿占比为{city}%' },
  { indicator: 'XS01', metric: 'value', what: '国家学生体质健康标准测试优良率' },
  { indicator: 'YW07', metric: 'value', what: '有需求学生课后服务覆盖率' },
];

export const CITY_BEST_TEMPLATES = {
  one: '{districts}{what}为{value}，居全市首位',
  tie: '{districts}{what}均为{value}，并列全市首位',
  all: '各地区{what}均为{value}',
  growthUp: '增长{pct}%',
  growthDown: '下降{pct}%',
} as const;
