/** Task-pane and Excel-host wording, Simplified Chinese (the default language). */
export const zh = {
  locale: 'zh-CN',
  app: {
    title: '履职评价填报校验',
    intro: '打开填报表后点击“校验”。有问题的单元格会标上颜色并附上批注，您填写的内容不会被改动。',
  },
  actions: {
    validate: '校验',
    revalidate: '重新校验',
    writeSummary: '写入“校验结果”表',
    writeDraft: '生成反馈意见初稿',
    clearMarks: '清除标注',
    live: '边填边校验',
    workbookGroup: '工作簿',
  },
  busy: {
    validate: '正在读取并校验工作簿…',
    live: '内容有变动，正在重新校验…',
    summary: '正在写入“校验结果”表…',
    draft: '正在生成反馈意见初稿…',
    clear: '正在清除标注…',
  },
  done: {
    summary: '已写入“校验结果”工作表。',
    draft: '已写入“反馈意见（初稿）”工作表。',
    clear: '已清除本工具添加的标注和批注，您自己的格式和批注保持原样。',
  },
  levels: { error: '错误', warning: '未达标', notice: '提示' },
  levelHints: {
    error: '请改正后再报送',
    warning: '请在“情况说明”中说明原因',
    notice: '请核实，必要时改正或说明',
  },
  ready: {
    notTemplate: '✗ 不是标准填报表，无法校验',
    yes: '✓ 可以报送：没有错误，未达标项均已说明',
    no: (errors: number, unexplained: number) =>
      `✗ 暂不能报送：${[errors ? `请先改正 ${errors} 处错误` : '', unexplained ? `为 ${unexplained} 项未达标指标填写情况说明` : ''].filter(Boolean).join('，')}`,
  },
  findings: {
    heading: '发现的问题',
    explained: '已说明',
    none: '没有发现问题。',
    filterLabel: '按级别筛选',
    filteredOut: '所选级别下没有问题。',
    total: (n: number) => `共 ${n} 处`,
    goTo: (sheet: string, cell: string) => `转到 ${sheet} 的 ${cell} 单元格`,
    levelCount: (level: string, n: number) => `${level} ${n} 处`,
  },
  errors: {
    generic: (message: string) => `操作没有完成：${message}`,
    unknown: '操作没有完成，原因不明。请关闭任务窗格后重试。',
    office: (message: string) => `Excel 报告了一个问题：${message}`,
    draftModule: '反馈意见模块加载失败，请检查网络后重试。',
    needValidation: '请先点击“校验”。',
  },
  boot: {
    loading: '正在连接 Excel…',
    officeUnavailable: '无法加载 Office 组件',
    officeUnavailableBody:
      '这台电脑连不上微软的 Office 服务器（可能没有联网，或单位内网屏蔽了 appsforoffice.microsoft.com），所以不能直接在 Excel 里校验。',
    fileModeHint: '您仍可以使用文件模式：在本页面打开填报表文件进行校验，并下载带标注的副本。',
    openFileMode: '使用文件模式',
    retry: '重试',
    notInExcel: '本页面需要在 Excel 中作为加载项打开。',
    fileModeTitle: '文件模式',
    fileModeComing:
      '文件模式正在开发中：稍后可在这里选择或拖入 .xlsx 填报表进行校验。目前请使用命令行工具 duty-review。',
  },
  host: {
    protectedSheet: (sheet: string, n: number) =>
      `工作表“${sheet}”受保护，其中 ${n} 处问题没有在单元格上标注，请在“校验结果”表中查看。`,
    protectedSheetClear: (sheet: string) => `工作表“${sheet}”受保护，其中的标注没能清除；请取消保护后再点“清除标注”。`,
    noComments: '此版本的 Excel 不支持批注接口，问题说明请在“校验结果”表中查看。',
    commentsFailed: '添加批注没有成功，问题说明请在“校验结果”表中查看。',
    notesInstead: '此工作簿不能添加批注，问题说明改用“注释”显示。',
    occupiedCells: (n: number) =>
      `${n} 个单元格已有您自己的批注，本工具没有改动它们；这些问题的说明请在“校验结果”表中查看。`,
    staticFills: '此版本的 Excel 不支持条件格式，问题单元格改用填充色标注；点“清除标注”可恢复原来的颜色。',
    recordNotSaved: '标注记录没能保存到工作簿中；请在关闭工作簿之前点“清除标注”或保存工作簿。',
    sheetMissing: (sheet: string) => `找不到工作表“${sheet}”，它可能已被删除或改名。`,
    workbookProtected: (sheet: string) =>
      `工作簿结构受保护，无法写入“${sheet}”工作表。请先取消保护工作簿（“审阅”→“保护工作簿”）。`,
    sheetProtected: (sheet: string) => `工作表“${sheet}”受保护，无法写入。请先取消保护。`,
    tooLarge: '工作簿内容太多，Excel 无法一次传送。请删除无关的工作表或大片空白格式后重试。',
    editing: 'Excel 正处于单元格编辑状态，请按 Enter 或 Esc 结束编辑后重试。',
    unsupported: '此版本的 Excel 不支持这项操作，请升级到 Microsoft 365 或 Excel 2019 及以上版本。',
    office: (message: string) => `Excel 报告了一个问题：${message}`,
  },
  draftSheet: {
    failed: (message: string) => `未能生成反馈意见初稿：${message}`,
  },
};

export type Strings = typeof zh;
export type HostStrings = Strings['host'];
