/**
 * A batch's workbooks carry the same ruleset: it is read and compiled once (per thread), and the
 * same Ruleset object checks them only when the carried text is identical.
 */
import { RULESET_SHEET } from '../../src/core/layout';
import { BUNDLED_DOC, carriedDoc, carriedPieces, chooseRuleset } from '../../src/core/ruleset';
import type { RulesetDoc } from '../../src/core/ruleset/doc';
import type { WorkbookSnapshot } from '../../src/core/types';

/** A workbook of 基本信息 (模板版本) and the very hidden sheet carrying `doc`, as a snapshot. */
function carrying(doc: RulesetDoc): WorkbookSnapshot {
  return {
    sheets: [
      { name: '基本信息', rows: [[{ v: '模板版本' }, { v: doc.ruleset.version }]] },
      { name: RULESET_SHEET, rows: carriedPieces(doc, 5000).map((piece) => [{ v: piece }]) },
    ],
  };
}

const ruleOf = (snapshot: WorkbookSnapshot) => {
  const choice = chooseRuleset(snapshot, []);
  if ('error' in choice) throw new Error(choice.error.message);
  return choice.ruleset;
};

describe('a carried ruleset', () => {
  it('is the same document and the same Ruleset for the same text, read from another workbook', () => {
    const a = carrying(BUNDLED_DOC);
    const b = carrying(BUNDLED_DOC);
    expect(a.sheets[1]!.rows.length).toBeGreaterThan(3);
    expect(carriedDoc(b)).toBe(carriedDoc(a));
    expect(ruleOf(b)).toBe(ruleOf(a));
    expect(ruleOf(a).version).toBe(BUNDLED_DOC.ruleset.version);
  });

  it('is another Ruleset when the carried text differs', () => {
    const changed: RulesetDoc = {
      ...BUNDLED_DOC,
      indicators: BUNDLED_DOC.indicators.map((d, i) => (i === 0 ? { ...d, name: `${String(d.name)}（改）` } : d)),
    };
    const original = ruleOf(carrying(BUNDLED_DOC));
    const other = ruleOf(carrying(changed));
    expect(other).not.toBe(original);
    expect(other.indicators[0]!.name).toBe(`${String(BUNDLED_DOC.indicators[0]!.name)}（改）`);
    expect(original.indicators[0]!.name).toBe(String(BUNDLED_DOC.indicators[0]!.name));
  });

  it('is not confused by a text that is not a ruleset', () => {
    const snapshot = carrying(BUNDLED_DOC);
    snapshot.sheets[1]!.rows = [[{ v: '{"not": "a ruleset"}' }]];
    expect(carriedDoc(snapshot)).toBeNull();
    expect(carriedDoc(snapshot)).toBeNull();
  });
});
