/** Across years (spec/CLI.md): last year's returns, next year's workbooks, resubmissions. Pure. */
export { YEARS_MSG } from './messages';
export {
  compareYears,
  checkAgainstLastYear,
  stillFailing,
  withFindings,
  sameValue,
  YEAR_RULES,
  type YearInput,
  type PreviousYear,
  type CompareOptions,
} from './compare';
export {
  readRectification,
  rectificationList,
  indicatorsIn,
  nameWithoutUnit,
  isDone,
  type Rectification,
  type RectificationRow,
} from './rectification';
export { matchPrevious, pickPrevious, type Candidate, type Matched } from './match';
export { nextYearPlan, nextYearFileName, problemsOf, type NextYearPlan } from './nextYear';
export {
  changesDraft,
  diffCells,
  diffFindings,
  findingKey,
  shownCell,
  type CellChange,
  type FindingsDiff,
} from './diff';
export {
  applyLastYear,
  fileNameOf,
  lastYearNotices,
  lastYearOf,
  lastYearUse,
  type LastYear,
  type LastYearOptions,
  type LastYearUse,
} from './previous';
