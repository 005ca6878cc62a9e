/**
 * How the drafts write the figures of a ruleset's texts (RULESET.md, "Texts": "A value read from
 * a cell is written as typed; a computed number with one decimal unless TEXT says otherwise"),
 * the one place that tells the two apart:
 * - a value the district typed ({本年值}, {上年值}, a bare {JF01} or {上年(JF01)}) is written as the
 *   check writes it, in the unit the text gives: 29012.34万元 stays 29012.34万元;
 * - a value the product computes (a sum, a difference, a city total) of 1亿元 or more, written
 *   before 万元, reads in 亿元 with at most two decimals (FEEDBACK.md: large sums as a report says
 *   them); a computed difference or sum that is not whole has one decimal, as the engine already
 *   writes a computed rate; ROUND and TEXT say their own number of decimals and are left as they are.
 */
import { fmtNum } from '../format';
import { excelRound, numberStyle, tryEvaluate, type Expr } from '../ruleset/expr';
import { renderText, type Text, type TextContext } from '../ruleset/text';

const WAN = '万元';
const YI = '亿元';
const WAN_PER_YI = 10000;
const YI_DECIMALS = 2;
const COMPUTED_DECIMALS = 1;

/** A value read as it is: from a cell, a parameter, the text itself. */
function isRead(e: Expr): boolean {
  if (e.k === 'neg') return isRead(e.a);
  return e.k === 'lit' || e.k === 'ind' || e.k === 'param' || e.k === 'col';
}

/** ROUND and TEXT: the ruleset says how many decimals. */
const isExplicit = (e: Expr): boolean => e.k === 'fn' && (e.name === 'ROUND' || e.name === 'TEXT');

/** A ruleset text as a draft writes it (see above). */
export function draftText(text: Text, ctx: TextContext): string {
  let out = '';
  let yi = false;
  text.parts.forEach((p, i) => {
    if ('lit' in p) {
      out += yi && p.lit.startsWith(WAN) ? `${YI}${p.lit.slice(WAN.length)}` : p.lit;
      yi = false;
      return;
    }
    yi = false;
    const one = renderText({ source: '', parts: [p] }, ctx);
    if (!('expr' in p) || isRead(p.expr) || isExplicit(p.expr)) {
      out += one;
      return;
    }
    const v = tryEvaluate(p.expr, ctx.scope);
    const next = text.parts[i + 1];
    if (typeof v !== 'number') out += one;
    else if (next && 'lit' in next && next.lit.startsWith(WAN) && Math.abs(v) >= WAN_PER_YI) {
      out += fmtNum(v / WAN_PER_YI, YI_DECIMALS);
      yi = true;
    } else if (numberStyle(p.expr) === 'exact' && !Number.isInteger(excelRound(v, 9))) {
      out += excelRound(v, COMPUTED_DECIMALS).toFixed(COMPUTED_DECIMALS);
    } else out += one;
  });
  return out;
}
