/** Task-pane and Excel-host wording, English (used when Office's display language is English). */
import type { Strings } from './zh';

export const en: Strings = {
  locale: 'en-US',
  app: {
    title: 'Duty Review Checker',
    intro:
      'Open the filled-in workbook and click Validate. Cells with problems get a colour and a comment; your own entries are never changed.',
    checkedWith: (name: string, version: string, carried: boolean) =>
      `Checked with: ${name} (${version})${carried ? ', the ruleset the workbook carries' : ''}`,
  },
  actions: {
    validate: 'Validate',
    revalidate: 'Validate again',
    writeSummary: 'Write summary',
    writeDraft: 'Draft feedback',
    clearMarks: 'Clear marks',
    live: 'Live check',
    workbookGroup: 'Workbook',
  },
  busy: {
    validate: 'Reading and validating the workbook…',
    live: 'The workbook changed, validating again…',
    summary: 'Writing the summary sheet…',
    draft: 'Drafting the feedback…',
    clear: 'Clearing marks…',
  },
  done: {
    summary: 'The summary sheet 校验结果 has been written.',
    draft: 'The draft sheet 反馈意见（初稿） has been written.',
    clear: "The add-in's marks and comments are removed; your own formatting and comments are as they were.",
    livePaused: ' Live validation is paused until you click Validate.',
  },
  levels: { error: 'Error', warning: 'Not met', notice: 'Notice' },
  levelHints: {
    error: 'fix before returning',
    warning: 'explain in 情况说明',
    notice: 'check, then fix or explain',
  },
  ready: {
    notTemplate: '✗ Not the standard workbook: cannot validate',
    yes: '✓ Ready to return: no errors, every unmet requirement explained',
    no: (errors: number, unexplained: number) =>
      `✗ Not ready: ${[errors ? `fix ${errors} error(s)` : '', unexplained ? `explain ${unexplained} unmet requirement(s)` : ''].filter(Boolean).join(', ')}`,
  },
  findings: {
    heading: 'Findings',
    explained: 'explained',
    notExplained: 'no 情况说明',
    placeholderExplanation: 'no reason given',
    explanation: (text: string) => `Explanation (情况说明): ${text}`,
    none: 'No problems found.',
    filterLabel: 'Filter by level',
    filteredOut: 'Nothing at the selected levels.',
    total: (n: number) => `${n} in all`,
    goTo: (sheet: string, cell: string) => `Go to ${sheet}!${cell}`,
    levelCount: (level: string, n: number) => `${level}: ${n}`,
  },
  errors: {
    generic: (message: string) => `That did not work: ${message}`,
    unknown: 'That did not work, for an unknown reason. Close the task pane and try again.',
    office: (message: string) => `Excel reported a problem: ${message}`,
    draftModule: 'The feedback module could not be loaded. Check the network and try again.',
    needValidation: 'Click Validate first.',
    noRuleset: 'No ruleset can check this workbook, so no feedback can be drafted. See the findings of Validate.',
  },
  boot: {
    loading: 'Connecting to Excel…',
    officeUnavailable: 'Office could not be loaded',
    officeUnavailableBody:
      "This computer cannot reach Microsoft's Office servers (no internet, or the intranet blocks appsforoffice.microsoft.com), so validation inside Excel is not possible.",
    fileModeHint:
      'You can still use the file mode: open the workbook file on this page, validate it and download an annotated copy.',
    openFileMode: 'Use the file mode',
    retry: 'Try again',
    notInExcel: 'Open this page as an add-in inside Excel.',
    fileModeTitle: 'File mode',
    officeNotReady: 'Office did not finish starting',
    officeNotReadyBody:
      'office.js was downloaded but the files it needs were not (the network may allow only some Microsoft addresses), so the workbook cannot be checked inside Excel.',
    macNoDownloads:
      'Add-ins in Office for Mac cannot download files (an Office restriction). To download the marked copies and the feedback drafts, open this page in a browser (Safari, Chrome or Edge):',
  },
  file: {
    subtitle: 'File mode: check workbooks in your browser',
    privacy: 'Files are processed in this browser only; nothing is uploaded.',
    dropTitle: 'Drop workbooks here',
    dropOr: 'or',
    choose: 'Choose files…',
    dropHint:
      'Choose several .xlsx files at once, one per district. With several districts, a city-wide draft is made too.',
    dropActive: 'Release to add these files',
    inputLabel: 'Choose the workbooks to check (.xlsx)',
    loading: 'Loading the checker…',
    progress: (done: number, total: number, name: string) => `Checking ${done + 1} of ${total}: ${name}`,
    summary: (checked: number, bad: number) =>
      `${checked} workbook(s) checked${bad ? `; ${bad} file(s) could not be checked` : ''}.`,
    clear: 'Clear all',
    clearConfirm: (n: number) => `Clear all ${n} file(s)?`,
    clearConfirmHint: 'The results on this page will be gone; your own files are not affected.',
    clearYes: 'Clear',
    clearNo: 'Cancel',
    remove: 'Remove',
    removeFile: (file: string) => `Remove ${file}`,
    setAside: {
      superseded: 'Superseded, left out of the city figures',
      'other-city': 'Another city; left out of the city-wide part',
      'other-year': 'Another year; left out of the city-wide part',
      'other-ruleset': 'Another template version than most; left out of the city-wide part',
    },
    cityPartial: 'Still reading; the city-wide results appear once every file is read.',
    citySetAside: (n: number) => `${n} more file(s) left out of the city-wide part; the district table says why.`,
    cityTooFew: (n: number) =>
      `Only ${n} district(s) count for the city; the comparison and the city-wide draft need at least 2.`,
    badTitle: (n: number) => `${n} file(s) could not be checked; the others are not affected:`,
    colon: ': ',
    listSep: ', ',
    unreadable: 'Cannot read',
    skippedType: (ext: string) => `Not an .xlsx workbook (${ext || 'no extension'}); skipped`,
    skippedLock: "Excel's temporary lock file; skipped",
    readFailed: 'The file cannot be read',
    moduleFailed: 'The checker could not be loaded. Reload the page; if that fails, use the duty-review command.',
    // reading in a Web Worker (issue 14): one file's failure, said for that file
    workerCrashed:
      'The checker stopped while reading this workbook (it may be huge or damaged); the other files are checked as usual',
    workerHung:
      'Reading this workbook took over 2 minutes and was stopped (it may be huge or damaged); the other files are checked as usual',
    readAgainFailed: 'The file cannot be read again (moved, changed or deleted?). Choose it again, then download.',
    back: '← Back to the districts',
    fileOf: (file: string) => `File: ${file}`,
    rulesetOf: (version: string) => `ruleset ${version}`,
    noName: '(no district name)',
    downloadsLabel: 'Download',
    downloadAnnotated: 'Annotated copy (.xlsx)',
    downloadDraft: 'Draft feedback (.docx)',
    annotatedHint:
      'In the annotated copy, problem cells are coloured by level and carry a note, and a 校验结果 sheet lists everything. Your own file is not changed.',
    tableHeading: 'Districts',
    tableHint: 'In order of 行政区划代码. Click a district to see its findings.',
    colDistrict: 'District',
    colReady: 'Ready?',
    readyYes: 'Ready',
    readyNo: 'Not ready',
    openDistrict: (name: string) => `Findings of ${name}`,
    cityHeading: 'City-wide',
    cityCounts: (n: number, ready: number) => `${n} district(s), ${ready} ready to return.`,
    cityFindingsHeading: 'Compared with the city',
    cityFindingsNone: 'No district is markedly below the city on the compared indicators.',
    downloadCityDraft: 'City-wide draft feedback (.docx)',
    downloadZip: 'Everything (.zip)',
    previewCityDraft: 'Read the city-wide draft',
    draftLoading: 'Drafting…',
    busy: {
      annotated: 'Making the annotated copy…',
      districtDraft: 'Making the draft feedback…',
      cityDraft: 'Making the city-wide draft…',
      zip: 'Making and packing every file…',
      template: 'Making the blank workbook…',
    },
    saved: (name: string) => `“${name}” is ready: see your browser's downloads.`,
  },
  city: {
    heading: 'City-wide (reviewers)',
    hint: "Choose the workbooks the districts returned (several at once) to draft the city-wide feedback into this workbook's 全市反馈意见（初稿） sheet. Files stay on this computer.",
    choose: 'Choose district workbooks…',
    inputLabel: 'Choose the workbooks the districts returned (.xlsx, several)',
    reading: (done: number, total: number, name: string) => `Reading ${done + 1} of ${total}: ${name}`,
    writing: 'Writing the 全市反馈意见（初稿） sheet…',
    done: (n: number) => `The city-wide draft from ${n} district workbooks is in the 全市反馈意见（初稿） sheet.`,
    tooFew: (n: number) => `Only ${n} workbook(s) could be checked; a city-wide draft needs at least 2.`,
    leftOut: (file: string, why: string) => `${file}: ${why}; left out of the city-wide draft.`,
  },
  rulesets: {
    heading: 'Rulesets',
    paneHeading: (versions: string) => `Rulesets (${versions})`,
    hint: 'Each workbook is checked with the ruleset of its 模板版本 (template version); a workbook that carries its ruleset is checked even without loading one. A loaded ruleset file is kept in this browser for next time.',
    bundled: 'built in',
    loadedFrom: (file: string) => (file ? `loaded: ${file}` : 'loaded'),
    replacesBundled: 'Same version as the built-in ruleset: the loaded one is used',
    replaced: 'Replaced by the loaded ruleset of the same version',
    load: 'Load a ruleset file…',
    inputLabel: 'Choose a ruleset file (.xlsx authoring workbook or .json)',
    remove: 'Remove',
    removeLabel: (name: string, version: string) => `Remove the ruleset: ${name} (${version})`,
    template: 'Blank workbook',
    templateLabel: (name: string, version: string) => `Blank workbook: ${name} (${version})`,
    templateName: (name: string, version: string) => `${name}填报表（${version}）.xlsx`,
    reading: (file: string) => `Reading and checking the ruleset file “${file}”…`,
    loaded: (name: string, version: string, file: string) =>
      `Ruleset “${name}” (${version}, file “${file}”) is loaded. Workbooks of template version ${version} are checked with it.`,
    warnings: (n: number) => `The ruleset can be used; ${n} remark(s):`,
    notSaved:
      'The ruleset is loaded but could not be kept in this browser (storage refused or full); load it again next time.',
    rejected: (file: string, n: number) =>
      `The ruleset file “${file}” has ${n} problem(s) and cannot be used; it was not loaded:`,
    keptPrevious: (name: string, version: string) =>
      `The ruleset loaded before, “${name}” (${version}), is still used.`,
    dropped: (file: string, n: number) =>
      `The ruleset kept in this browser${file ? ` (${file})` : ''} can no longer be used and was removed (${n} problem(s)):`,
    removed: (name: string, version: string) =>
      `The ruleset “${name}” (${version}) is removed; only the built-in ruleset is used now.`,
    wrongType: (ext: string) =>
      `A ruleset file is an .xlsx workbook or a .json file; this one is ${ext || 'a file without extension'}.`,
    oldXls: 'This is an old .xls workbook, which cannot be read. Save it as .xlsx in Excel and load it again.',
    readFailed: 'The file cannot be read.',
    checkFailed: (message: string) => `Checking the ruleset failed: ${message}`,
    error: 'error',
    warning: 'remark',
  },
  host: {
    protectedSheet: (sheet: string, n: number) =>
      `Sheet “${sheet}” is protected: ${n} finding(s) there are not marked in their cells; see the summary sheet.`,
    protectedSheetClear: (sheet: string) =>
      `Sheet “${sheet}” is protected: its marks were not cleared. Unprotect it and clear again.`,
    protectedSheetNotMarked: (sheet: string, n: number) =>
      `Sheet “${sheet}” is protected and cannot be marked: see the summary sheet for its ${n} finding(s). To mark it, unprotect it (Review → Unprotect Sheet) and validate again.`,
    protectedSheetNotCleared: (sheet: string) =>
      `Sheet “${sheet}” is protected: the marks there could not be cleared and their record is kept. Unprotect it (Review → Unprotect Sheet) and clear again.`,
    sheetNotMarked: (sheet: string, n: number, reason: string) =>
      `Sheet “${sheet}” could not be marked: see the summary sheet for its ${n} finding(s). ${reason}`,
    sheetNotCleared: (sheet: string, reason: string) =>
      `The marks on sheet “${sheet}” could not be cleared; their record is kept, so you can clear again later. ${reason}`,
    protectionNotRestored: (sheet: string) =>
      `Sheet “${sheet}” was unprotected briefly to change its marks, but its protection could not be put back: it is unprotected now. Protect it again (Review → Protect Sheet; it had no password).`,
    protectionChanged: (sheet: string) =>
      `Sheet “${sheet}” is protected again, but what it allows differs from before; if that matters, unprotect it and protect it again with its earlier settings.`,
    noComments: 'This Excel version has no comments API; see the summary sheet for the messages.',
    commentsFailed: 'Comments could not be added; see the summary sheet for the messages.',
    notesInstead: 'This workbook does not take comments; the messages are shown as notes instead.',
    occupiedCells: (n: number) =>
      `${n} cell(s) already hold your own comment and were left alone; see the summary sheet for their messages.`,
    staticFills:
      'This Excel version has no conditional formats: cells are filled instead; Clear marks restores their colours.',
    recordNotSaved:
      'The record of marks could not be saved in the workbook; clear the marks or save the workbook before closing it.',
    sheetMissing: (sheet: string) => `Sheet “${sheet}” was not found; it may have been deleted or renamed.`,
    workbookProtected: (sheet: string) =>
      `The workbook structure is protected, so sheet “${sheet}” cannot be written. Unprotect the workbook (Review → Protect Workbook).`,
    sheetProtected: (sheet: string) => `Sheet “${sheet}” is protected and cannot be written. Unprotect it first.`,
    tooLarge:
      'The workbook holds too much for Excel to send at once. Remove unrelated sheets or large blank formatted areas.',
    editing: 'Excel is editing a cell. Press Enter or Esc, then try again.',
    unsupported: 'This version of Excel cannot do that. Use Microsoft 365 or Excel 2019 and later.',
    office: (message: string) => `Excel reported a problem: ${message}`,
  },
  ledger: {
    heading: 'Review ledger',
    hint: 'Decide on every unmet requirement of each district: Confirm problem (the default); Accept explanation (the explanation stands, it is no longer a problem); Send back (listed in the letter’s annex of matters to complete). Decide in a district’s findings, or download the ledger, fill it in Excel or WPS and load it again. The drafts made on this page follow the decisions.',
    keptHint:
      'Decisions are kept on this page only: reloading or closing it loses them. Download the ledger to keep them.',
    counts: (total: number, confirmed: number, accepted: number, returned: number) =>
      `${total} unmet requirements: ${confirmed} confirmed, ${accepted} explanations accepted, ${returned} sent back.`,
    none: 'The workbooks counted for the city have no unmet requirements; the ledger is empty.',
    download: 'Review ledger (.xlsx)',
    load: 'Load a review ledger…',
    loadLabel: 'Choose an edited review ledger (.xlsx)',
    loading: 'Reading the review ledger…',
    busy: 'Making the review ledger…',
    loaded: (file: string, n: number) => `Loaded “${file}”: ${n} decisions applied to the findings on this page.`,
    notUsed: (n: number) => `${n} entries of the ledger were not used; the rest were:`,
    unreadable: (file: string, reason: string) => `The review ledger “${file}” cannot be read: ${reason}`,
    decisionLabel: (cell: string) => `Decision on ${cell}`,
    noteLabel: (cell: string) => `Reviewer’s note on ${cell} (optional)`,
    decisions: { 确认问题: 'Confirm problem', 采纳说明: 'Accept explanation', 退回补充: 'Send back' },
    notInLedger: 'This workbook is not counted for the city, so it is not in the review ledger.',
    zipFailed: (file: string, reason: string) => `${file}: could not be made (${reason})`,
    zipPartial: (n: number) =>
      `${n} files could not be made; the others are packed (see “未能生成的文件.txt” in the zip):`,
    setAsideNote: (file: string, why: string) => `${file}: ${why}`,
    setAsideTitle:
      'These workbooks are not counted for the city; their annotated copies are in this folder and enter no comparison, draft or ledger:',
    failedTitle: 'These files could not be made; the others are packed:',
  },
  draftSheet: {
    failed: (message: string) => `The feedback draft could not be made: ${message}`,
  },
  years: {
    heading: 'Across years',
    previousTitle: "Last year's workbooks (optional)",
    previousHint:
      "Add the districts' workbooks returned last year; they are matched to this year's by 行政区划代码. Each 上年值 is compared with last year's 本年值, last year's problems must appear on the 问题整改 sheet, and a problem marked 已完成 must no longer fail. What is found is listed as a notice in the district's findings, its annotated copy and its draft.",
    previousDrop: "Drop last year's workbooks here",
    previousActive: "Release to add last year's workbooks",
    previousChoose: "Choose last year's workbooks…",
    previousInputLabel: "Choose last year's returned workbooks (.xlsx, several at once)",
    previousReading: (name: string) => `Reading last year's workbook: ${name}`,
    previousLine: (name: string, year: string) => `${name}${year ? ` ${year}` : ''}`,
    previousCount: (n: number) =>
      `${n} of last year's workbook${n === 1 ? '' : 's'} read, matched to this year's by 行政区划代码.`,
    comparing: "Comparing with last year's workbooks…",
    unusedTitle: (n: number) =>
      `${n} of last year's file${n === 1 ? ' was' : 's were'} not used; the others are unaffected:`,
    withoutTitle: 'Districts not compared with last year:',
    compareFailed: (reason: string) => `Could not compare with last year's workbook (${reason})`,
    clear: "Clear last year's files",
    remove: (file: string) => `Remove last year's file ${file}`,
    nextTitle: "Next year's workbooks",
    nextHint:
      "For each district counted for the city, next year's workbook: 基本信息 (评价年度 + 1) and every 上年值 filled from this year's workbook, and the 问题整改 sheet listing this year's problems (问题来源 市级评价) and the rectification items not yet completed.",
    nextRuleset: "Next year's ruleset",
    nextSame: 'The same as this year',
    nextRulesetOption: (name: string, version: string) => `${name} (${version})`,
    nextDownload: "Download next year's workbooks (.zip)",
    nextBusy: "Making next year's workbooks…",
    nextReviewed: 'The 问题整改 sheet lists only the warnings the review confirmed (确认问题).',
    nextFailed: (file: string, reason: string) => `${file}: next year's workbook could not be made (${reason})`,
    nextPartial: (n: number) => `${n} district${n === 1 ? '' : 's'} could not be made; the others are in the .zip:`,
    changesTitle: 'Resubmissions',
    changesHint:
      'When a district returned two workbooks, the later one counts. See the cells changed between them and the findings resolved, new and remaining.',
    changesPair: (name: string, before: string, after: string) => `${name}: ${before} → ${after}`,
    changesShow: 'Show changes',
    changesBusy: 'Comparing the two workbooks…',
    changedCells: (n: number) => (n ? `Changed cells (${n}):` : 'No cell was changed.'),
    cellChange: (sheet: string, cell: string, before: string, after: string) =>
      `${sheet}!${cell}: ${before || '(empty)'} → ${after || '(empty)'}`,
    changedFindings: (resolved: number, added: number, remaining: number) =>
      `Findings: ${resolved} resolved, ${added} new, ${remaining} remaining`,
    resolved: 'Resolved',
    added: 'New',
    remaining: 'Remaining',
    changesDownload: 'Download the annotated copy (with a 修改对照 sheet)',
    failed: (reason: string) => `Could not finish: ${reason}`,
  },
  charts: {
    heading: 'City-wide charts',
    loading: 'Drawing the charts…',
    failed: 'The charts could not be loaded. Reload the page and try again.',
    gridTitle: 'Unmet requirements by district and area',
    gridHint: 'Each cell counts the requirements (rules) the district does not meet in that area; darker means more.',
    gridNone: 'No district has an unmet requirement.',
    barsHint: 'Solid line: the city-wide figure; dashed line: the requirement.',
    showTable: 'Show as table',
    hideTable: 'Hide table',
    tableCaption: (title: string) => `${title} (data table)`,
    noCharts: 'These workbooks have nothing to compare.',
    sheetWritten: (sheet: string, charts: number) => `Chart data and ${charts} charts written to the sheet “${sheet}”.`,
    sheetNoLines:
      'This Excel cannot draw lines over a column chart (it needs ExcelApi 1.7); the city figure and the requirement are in each chart title.',
  },
  /** the page's long lists (districts, files not checked) and the review boxes of one district */
  batchList: {
    /** a long list shows this many more at a time */
    showMore: (step: number, left: number) => `Show ${step} more (${left} not shown yet)`,
    shownOf: (shown: number, total: number) => `Showing ${shown} of ${total}`,
    /** what a warning is about, so that two on one cell are told apart: indicator name and rule id */
    about: (indicator: string, rule: string) => (indicator ? `${indicator} · rule ${rule}` : `rule ${rule}`),
    decisionLabel: (cell: string, about: string) => `Decision on ${cell} (${about})`,
    noteLabel: (cell: string, about: string) => `Reviewer’s note on ${cell} (${about}, optional)`,
  },
};
