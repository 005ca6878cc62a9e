/** Problems of a ruleset (spec/RULESET.md), in Simplified Chinese, each said once here. */
export const RS = {
  /** a {名称} a text cannot use here: the names it can, or that it can use none */
  nameNotHere: (name: string, available: readonly string[]) =>
    `这里不能使用“{${name}}”${
      available.length
        ? `（可用：${available.map((n) => `{${n}}`).join('、')}）`
        : '：此处的文字不能使用任何{名称}，请改用表达式（清单规则可用{[列名]}）'
    }`,
  notARuleset: '这不是规则集：缺少“规则集”信息或各表的数据',
  metaRequired: (label: string) => `规则集的“${label}”未填写`,
  required: (what: string) => `“${what}”未填写`,
  duplicate: (what: string, value: string) => `${what}“${value}”重复`,
  badSheetName: (name: string) => `工作表名称“${name}”不能用作 Excel 工作表名（不超过 31 个字符，不含 \\ / ? * [ ] :）`,
  badKind: (kind: string) => `工作表类型“${kind}”无效，应为“说明”“基本信息”“指标”或“清单”`,
  unknownArea: (area: string) => `反馈领域“${area}”不在“反馈领域”表中`,
  exactlyOne: (kind: string, n: number) => `应有且只有一张“${kind}”类型的工作表，现有 ${n} 张`,
  emptySheet: (name: string) => `指标工作表“${name}”没有任何指标`,
  badParamName: (name: string) => `参数名称“${name}”无效：只能由字母（含汉字）、数字、“_”和“.”组成，且不能以数字开头`,
  paramIsFunction: (name: string) => `参数名称“${name}”与函数同名`,
  paramIsIndicator: (id: string) => `“${id}”既是指标编号又是参数名称`,
  paramNotNumber: (name: string, value: string) => `参数“${name}”的值应为数字，现为“${value}”`,
  badIndicatorId: (id: string) => `指标编号“${id}”无效：应由字母和数字组成，以字母开头（如 JF01）`,
  badType: (type: string, list: boolean) =>
    `类型“${type}”无效，应为 万元、元、数量、百分比、比率、是否、文本${list ? '、日期、选项' : ''} 之一`,
  notIndicatorSheet: (name: string) => `“${name}”不是“工作表”表中类型为“指标”的工作表`,
  notListSheet: (name: string) => `“${name}”不是“工作表”表中类型为“清单”的工作表`,
  noOptions: (header: string) => `“${header}”的类型是选项，请在“可选值”中列出可选的词，用“、”分隔`,
  listWithoutFields: (name: string) => `清单工作表“${name}”在“清单字段”表中没有任何列`,
  notCondition: (source: string) => `“${source}”不是条件：条件的结果应为“成立”或“不成立”（如 JF01 >= 上年(JF01)）`,
  notNumber: (source: string) => `“${source}”的结果应为数值`,
  badLevel: (level: string) => `级别“${level}”无效，应为“错误”“未达标”或“提示”`,
  scopeOnIndicator: (scope: string) => `指标规则不填“范围”（现为“${scope}”）；“每行”“整表”只用于清单`,
  badMarkColumn: (mark: string) => `标注列“${mark}”无效，指标规则应为“本年值”或“上年值”`,
  noLastValue: (id: string) => `指标 ${id} 没有上年值，不能标注在上年值`,
  badScope: (scope: string) => `清单规则的范围应为“每行”或“整表”${scope ? `，现为“${scope}”` : ''}`,
  unknownHeader: (list: string, header: string) => `清单“${list}”没有表头“${header}”`,
  unknownTarget: (name: string) => `“${name}”既不是指标编号，也不是清单工作表`,
  notAnIndicator: (id: string) => `“${id}”不是“指标”表中的指标编号`,
  notNumericIndicator: (id: string) => `“${id}”不是数值型指标，不能用于全市比较`,
  badMode: (mode: string) => `方式“${mode}”无效，应为“低于全市”“全市最高”“全市最低”或“全市成效”`,
  badTolerance: (value: string) => `容差“${value}”应为数字或参数名称`,
  negativeTolerance: (value: string) => `容差“${value}”不能为负数`,
  optionsIgnored: (header: string) => `“${header}”的类型不是选项，“可选值”不起作用（只有选项类型按可选值检查）`,
  noRequirement: '据实填报',
  unknownWording: (label: string) => `反馈文书中没有“${label}”这一项，该行不会使用（可用的项目见“填写说明”）`,
  overridesShape: '规则参数必须是形如 {"JF02.minGrowth": 8} 的 JSON 对象',
  unknownOverride: (key: string) => `未知的规则参数“${key}”`,
  overrideNotNumber: (key: string, value: string) => `规则参数“${key}”的值必须是数字，现为 ${value}`,
  overrideRange: (key: string, value: number) => `规则参数“${key}”的值 ${value} 超出合理范围`,
  examplePass: (source: string) => `满足示例“${source}”下条件不成立`,
  exampleFail: (source: string) => `不满足示例“${source}”下条件成立`,
  exampleMissing: (source: string, missing: string) =>
    `示例“${source}”无法计算条件${missing ? `：缺少 ${missing} 的值` : '（缺少数据或除数为 0）'}`,
  exampleSyntax: (entry: string) =>
    `示例中的“${entry}”应写成“引用=值”，如 JF01=100、上年(JF01)=90、[班级数]=10、JF12="是"`,
  exampleUnknown: (ref: string) => `示例中的“${ref}”不是条件中用到的指标或表头`,
} as const;
