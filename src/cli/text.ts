/** What the command prints, in Simplified Chinese. */
export const CLI_TEXT = {
  description: '履职评价填报校验：校验“县级人民政府履行教育职责评价指标填报表”，标注问题并起草反馈意见',
  templateCmd: '生成空白填报表：工作表、指标、达标要求和下拉选项均按规则集写入，并随表携带规则集',
  rulesetCmd: '规则集（指标体系）：导出为可编辑的工作簿或 JSON，检查规则集文件',
  rulesetExportCmd: '把规则集（默认为内置的 2025.1）写成编写用工作簿（.xlsx）或 JSON（.json）',
  rulesetCheckCmd: '检查规则集文件：列出全部问题（工作表!单元格），并运行各规则的示例',
  optRuleset: '规则集文件（编写用工作簿 .xlsx 或 JSON），可重复给出；填报表按其“模板版本”选用规则集',
  optOutRuleset: '输出文件（.xlsx 或 .json）',
  rulesetUnusable: (f: string) => `规则集“${f}”有错误，不能使用：`,
  rulesetOk: (f: string, version: string, n: number, rules: number) =>
    `✓ 规则集“${f}”可以使用：版本 ${version}，指标 ${n} 个，规则 ${rules} 条，示例均已通过。`,
  rulesetBad: (f: string, n: number) => `✗ 规则集“${f}”有 ${n} 处错误，不能使用：`,
  rulesetWarnings: (n: number) => `另有 ${n} 处需要注意：`,
  rulesetWritten: (f: string, version: string) => `已写出规则集 ${version}：${f}`,
  badRulesetOut: (f: string) => `输出文件“${f}”应以 .xlsx 或 .json 结尾`,
  cannotReadRuleset: (f: string) => `无法读取规则集文件“${f}”`,
  cannotReadRules: (f: string) => `无法读取规则参数文件“${f}”`,
  rulesNotJson: (f: string, why: string) => `规则参数文件“${f}”不是有效的 JSON：${why}`,
  rulesFile: (f: string) => `规则参数文件“${f}”`,
  overridesShape: '规则参数必须是形如 {"JF02.minGrowth": 8} 的 JSON 对象',
  unknownOverride: (key: string) => `未知的规则参数“${key}”`,
  checkCmd: '校验填报表（可给文件或文件夹），为每个文件写出标注后的副本和“校验结果”工作表',
  feedbackCmd: '起草反馈意见：每个地区一份，多个地区时另起草全市汇总（.docx 和 .txt）',
  examplesCmd: '写出示例城市（滨海市）六个地区的填报表，供试用',
  optRules: '规则参数覆盖文件（JSON），如 {"JF02.minGrowth": 8}',
  optOutTemplate: '输出文件',
  optOutDir: '输出文件夹',
  optJson: '把校验结果写成 JSON（文件路径，或 - 表示标准输出）',
  optQuiet: '只报告无法读取的文件，不逐个打印结果',
  optFormat: '输出格式，逗号分隔：docx,txt',
  optCity: '全市汇总反馈中的城市名称（默认取填报表中的“所属地市”）',
  checking: (n: number, version: string) => `正在校验 ${n} 个工作簿（规则集 ${version}）：`,
  unreadable: '无法读取',
  noName: '（未填地区名称）',
  error: '错误',
  warning: '未达标',
  notice: '提示',
  cityHeading: '全市比较：',
  written: (n: number, dir: string) =>
    `已写出 ${n} 个标注副本到 ${dir}/（问题单元格已按级别着色并加批注，汇总见各文件的“校验结果”工作表）。`,
  legend:
    '说明：错误＝数据有误或无法读取，报送前必须改正；未达标＝未达到政策要求，须在“情况说明”中说明；提示＝可能有误，请核实。没有错误且未达标项均已说明即可报送。',
  cannotWrite: (f: string, why: string) => `  ✗ 无法写出 ${f}（${why}）：请检查输出文件夹是否可写`,
  missing: (f: string) => `  ✗ ${f}：文件或文件夹不存在`,
  noInput: '没有可校验的文件：请给出 .xlsx 文件或包含 .xlsx 的文件夹',
  templateWritten: (f: string) => `已写出空白填报表：${f}`,
  examplesWritten: (n: number, dir: string) => `已写出 ${n} 个示例填报表到 ${dir}/`,
  feedbackWritten: (n: number, dir: string) => `已写出 ${n} 个反馈意见文件到 ${dir}/`,
  badFormat: (f: string) => `未知的输出格式“${f}”，可选 docx、txt`,
  usage: (msg: string) => `用法错误：${msg}（运行 duty-review --help 查看用法）`,
  unknownOption: (opt: string) => `未知选项 ${opt}`,
  missingArgument: (arg: string) => `缺少参数 ${arg}`,
  unknownCommand: (cmd: string) => `未知命令 ${cmd}`,
  withDefault: (description: string, value: string) => `${description}（默认：${value}）`,
  /** commander prints its headings in English */
  helpHeadings: (help: string) =>
    help
      .replace(/^Usage: /m, '用法：')
      .replace(/^Options:/m, '选项：')
      .replace(/^Commands:/m, '命令：')
      .replace(/^Arguments:/m, '参数：'),
  internal: (msg: string) => `出现意外错误：${msg}。请把这条信息和所用文件反馈给维护人员。`,
} as const;
