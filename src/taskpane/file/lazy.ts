/**
 * The heavy parts of the file mode (ExcelJS, docx, jszip, the drafter), each a chunk of its own
 * that the browser fetches from the add-in's own folder the first time it is needed: the task
 * pane starts small, and nothing is fetched from anywhere else.
 */
import type { Engines } from './types';

export const LAZY_ENGINES: Engines = {
  workbook: () => import(/* webpackChunkName: "workbook" */ './workbookEngine').then((m) => m.workbookEngine),
  drafts: () => import(/* webpackChunkName: "feedback" */ './draftEngine').then((m) => m.draftEngine),
  docx: () => import(/* webpackChunkName: "docx" */ '../../feedback/docx').then((m) => m.draftToDocx),
  zip: () => import(/* webpackChunkName: "zip" */ './zip').then((m) => m.zipFiles),
};
