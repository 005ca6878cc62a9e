/** 问题整改: per-row checks and the sheet's one warning (ZG) when rectification is unfinished. */
import { RECTIFICATION_COLUMNS, SHEET_NAMES } from '../catalogue';
import { MSG } from '../messages';
import { fill, rulePhrase } from '../phrases';
import type { Context } from './context';
import { readList } from './lists';

export function checkRectification(ctx: Context): { total: number; done: number } {
  const list = readList(ctx, SHEET_NAMES.rectification, RECTIFICATION_COLUMNS, 'problem', 'ZG', 'ZG');
  if (!list) return { total: 0, done: 0 };
  const { sheet, cols, rows } = list;
  if (rows.length === 0) {
    ctx.add('notice', 'ZG.empty', 'ZG', sheet.name, list.headerRow + 1, cols.source!, MSG.noRectification);
    return { total: 0, done: 0 };
  }
  let done = 0;
  let statusUnknown = false;
  const open = [];
  for (const r of rows) {
    const status = r.values.status;
    if (status === null) {
      statusUnknown = true;
      continue;
    }
    if (status === '已完成') {
      done++;
      if (r.values.evidence === null && !r.bad.has('evidence'))
        ctx.add('error', 'ZG.evidence', 'ZG', sheet.name, r.row, cols.evidence!, MSG.evidenceRequired(r.row));
    } else {
      open.push(r);
      if (r.values.due === null && !r.bad.has('due'))
        ctx.add('error', 'ZG.due', 'ZG', sheet.name, r.row, cols.due!, MSG.dueRequired(r.row));
    }
  }
  const first = open[0];
  if (first && !statusUnknown) {
    const values = { total: rows.length, done, open: open.length };
    const phrase = rulePhrase('ZG.incomplete', 'ZG');
    ctx.add('warning', 'ZG.incomplete', 'ZG', sheet.name, first.row, cols.status!, fill(phrase.message, values), {
      requirement: phrase.requirement,
      explained: open.every((r) => r.values.measures !== null && r.values.due !== null),
      values,
    });
  }
  return { total: rows.length, done };
}
