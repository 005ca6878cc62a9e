/** Annexes numbered as GB/T 9704 sets them when a draft has more than one, and left plain when it has one. */
import { figureBlocks, withFigures } from '../../src/core/charts';
import { numberAnnexes } from '../../src/core/feedback/annexes';
import { draftToText } from '../../src/core/feedback/text';
import { cityDraft } from '../../src/core/feedback/city';
import type { Draft, DraftBlock } from '../../src/core/types';
import { hc, rc, rs, wd } from '../charts/helpers';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';

const NOW = new Date(Date.UTC(2026, 0, 5));
const reports = [rs(), wd(), hc(), rc()];
const textOf = (blocks: readonly DraftBlock[], style: string) =>
  blocks.filter((b) => b.style === style).map((b) => ('text' in b ? b.text : ''));
const noteLines = (d: Draft) => textOf(d.blocks, 'body').filter((t) => /^附件：|^\u3000+\d+\./.test(t));

test('one annex: the plain mark 附件 and 附件：name', () => {
  const draft = cityDraft(reports, DEFAULT_RULESET, { now: NOW });
  expect(textOf(draft.blocks, 'annex')).toEqual(['附件']);
  expect(noteLines(draft)).toEqual([`附件：${textOf(draft.blocks, 'title')[1]}`]);
});

test('two annexes: 附件1 and 附件2, the note lists both numbered, the second name aligned under the first', async () => {
  const city = cityDraft(reports, DEFAULT_RULESET, { now: NOW });
  const draft = withFigures(city, await figureBlocks(reports, DEFAULT_RULESET));
  expect(textOf(draft.blocks, 'annex')).toEqual(['附件1', '附件2']);
  const problems = textOf(city.blocks, 'title')[1]!;
  expect(noteLines(draft)).toEqual([`附件：1.${problems}`, '\u3000\u3000\u30002.全市比较图表']);
  // the note still comes before the 落款, and every other block is as it was
  const noteAt = draft.blocks.findIndex((b) => 'text' in b && b.text.startsWith('附件：'));
  const signatureAt = draft.blocks.findIndex((b) => b.style === 'signature');
  expect(noteAt).toBeLessThan(signatureAt);
  expect(draft.blocks.length).toBe(city.blocks.length + 1 + (await figureBlocks(reports, DEFAULT_RULESET)).length);
});

test('the .txt keeps the second name aligned under the first, as the .docx does', async () => {
  const city = cityDraft(reports, DEFAULT_RULESET, { now: NOW });
  const draft = withFigures(city, await figureBlocks(reports, DEFAULT_RULESET));
  const lines = draftToText(draft).split('\n');
  const at = lines.findIndex((l) => l.startsWith('附件：1.'));
  expect(lines[at + 1]).toBe('\u3000\u3000\u30002.全市比较图表');
  // "附件：" is three full-width characters: "2." starts where "1." does
  expect(lines[at + 1]!.indexOf('2.')).toBe(lines[at]!.indexOf('1.'));
});

test('numbering twice changes nothing more', async () => {
  const draft = withFigures(
    cityDraft(reports, DEFAULT_RULESET, { now: NOW }),
    await figureBlocks(reports, DEFAULT_RULESET),
  );
  expect(numberAnnexes(draft)).toEqual(draft);
});

test('a draft whose 附件说明 wording does not end with the names is left alone', () => {
  const draft: Draft = {
    title: 't',
    blocks: [
      { style: 'body', text: '附件见后（共两件）', annexes: ['甲', '乙'] },
      { style: 'annex', text: '附件' },
      { style: 'title', text: '甲' },
      { style: 'annex', text: '附件' },
      { style: 'title', text: '乙' },
    ],
  };
  expect(numberAnnexes(draft)).toBe(draft);
});

test('an annex appended to a draft already numbered is numbered with the others', () => {
  const draft: Draft = {
    title: 't',
    blocks: [
      { style: 'body', text: '附件：甲、乙', annexes: ['甲', '乙'] },
      { style: 'signature', text: '办公室' },
      { style: 'annex', text: '附件' },
      { style: 'title', text: '甲' },
      { style: 'annex', text: '附件' },
      { style: 'title', text: '乙' },
    ],
  };
  const once = numberAnnexes(draft);
  const twice = numberAnnexes({
    ...once,
    blocks: [...once.blocks, { style: 'annex', text: '附件' }, { style: 'title', text: '丙' }],
  });
  expect(textOf(twice.blocks, 'annex')).toEqual(['附件1', '附件2', '附件3']);
  expect(noteLines(twice)).toEqual(['附件：1.甲', '\u3000\u3000\u30002.乙', '\u3000\u3000\u30003.丙']);
});
