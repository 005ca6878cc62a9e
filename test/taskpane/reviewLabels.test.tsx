/**
 * @jest-environment jsdom
 *
 * The review boxes of one district: two warnings on ONE cell from different rules of the ruleset
 * (XQ06.min and XQ06.noDecrease) get labels that tell them apart — the indicator's name and the
 * rule — and each decision goes to its own warning.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { bundledRuleset } from '../../src/core/ruleset';
import type { Decided } from '../../src/core/review';
import type { Finding, Level } from '../../src/core/types';
import { en, zh, type Strings } from '../../src/i18n';
import { FindingsList } from '../../src/taskpane/components/FindingsList';
import { Frame } from '../../src/taskpane/components/Frame';
import { ReviewContext, type ReviewContextValue } from '../../src/taskpane/components/ReviewDecision';
import { finding } from './helpers';

const ALL = new Set<Level>(['error', 'warning', 'notice']);
const ruleset = bundledRuleset();
const sheet = ruleset.indicator('XQ06')!.sheet;
const name = ruleset.labelOf('XQ06');
const row = (ruleset.indicatorsOf(sheet).findIndex((i) => i.id === 'XQ06') + 3).toString();
const twoOnOneCell = [
  finding({ level: 'warning', rule: 'XQ06.min', indicator: 'XQ06', sheet, cell: `F${row}`, message: '低于要求' }),
  finding({
    level: 'warning',
    rule: 'XQ06.noDecrease',
    indicator: 'XQ06',
    sheet,
    cell: `F${row}`,
    message: '比上年下降',
  }),
];

function renderWith(strings: Strings) {
  const decided: [Finding, Decided][] = [];
  const review: ReviewContextValue = {
    decided: () => undefined,
    decide: (f, d) => decided.push([f, d]),
    nameOf: (f) => ruleset.labelOf(f.indicator),
  };
  render(
    <Frame lang={strings.locale}>
      <ReviewContext.Provider value={review}>
        <FindingsList findings={twoOnOneCell} shown={ALL} strings={strings} />
      </ReviewContext.Provider>
    </Frame>,
  );
  return decided;
}

test('two warnings on one cell from different rules: labels name the indicator and the rule, decisions go apart', () => {
  const decided = renderWith(zh);
  const b = zh.batchList;
  const where = `${sheet}!F${row}`;
  expect(name).not.toBe('');
  const groups = screen.getAllByRole('radiogroup').map((g) => g.getAttribute('aria-labelledby'));
  const labels = groups.map((id) => document.getElementById(id!)!.textContent);
  expect(labels).toEqual([
    b.decisionLabel(where, b.about(name, 'XQ06.min')),
    b.decisionLabel(where, b.about(name, 'XQ06.noDecrease')),
  ]);
  expect(new Set(labels).size).toBe(2);
  expect(labels[0]).toContain(name);
  expect(labels[0]).toContain('XQ06.min');
  for (const rule of ['XQ06.min', 'XQ06.noDecrease'])
    expect(screen.getByRole('textbox', { name: b.noteLabel(where, b.about(name, rule)) })).toBeTruthy();

  // the second one sent back: the decision is that warning's, not the first's
  const second = screen.getByRole('radiogroup', { name: labels[1]! });
  fireEvent.click(within(second).getByRole('radio', { name: '退回补充' }));
  expect(decided).toHaveLength(1);
  expect(decided[0]![0].rule).toBe('XQ06.noDecrease');
  expect(decided[0]![1].decision).toBe('退回补充');
  const boxes = [...document.querySelectorAll('[data-review-rule]')].map((n) => n.getAttribute('data-review-rule'));
  expect(boxes).toEqual(['XQ06.min', 'XQ06.noDecrease']);
});

test('in English too, each label names its rule', () => {
  renderWith(en);
  const names = screen
    .getAllByRole('radiogroup')
    .map((g) => document.getElementById(g.getAttribute('aria-labelledby')!)!.textContent);
  expect(names[0]).toContain('rule XQ06.min');
  expect(names[1]).toContain('rule XQ06.noDecrease');
});
