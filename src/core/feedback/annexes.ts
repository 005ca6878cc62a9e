/**
 * Several annexes are numbered as GB/T 9704 sets them: the 附件说明 lists them as "附件：1.…" with
 * each further name on a line of its own aligned under the first, and each annex's mark reads
 * 附件1, 附件2…. One annex keeps the plain mark and the plain note. Numbering again (after an
 * annex is appended, e.g. the charts) renumbers everything.
 */
import type { Draft, DraftBlock } from '../types';

type TextBlock = Exclude<DraftBlock, { style: 'table' } | { style: 'figure' }>;

/** The 附件说明 paragraph carries the names it lists; its continuation lines carry an empty list. */
const listOf = (b: DraftBlock): string[] | undefined => (b.style === 'body' ? b.annexes : undefined);

/** The annexes of a draft in order: each `annex` mark with the title that follows it. */
function annexTitles(blocks: readonly DraftBlock[]): string[] {
  const titles: string[] = [];
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    if (b.style === 'annex') titles.push(next && next.style === 'title' ? next.text : '');
  });
  return titles;
}

/** The note's own words before the names ("附件：" by default), whether numbered yet or not. */
function notePrefix(note: TextBlock, listed: readonly string[]): string | null {
  const plain = listed.join('、');
  if (note.text.endsWith(plain)) return note.text.slice(0, note.text.length - plain.length);
  const numbered = `1.${listed[0] ?? ''}`;
  return listed.length > 1 && note.text.endsWith(numbered) ? note.text.slice(0, -numbered.length) : null;
}

function noteLines(note: TextBlock, prefix: string, titles: readonly string[]): DraftBlock[] {
  if (titles.length === 1) return [{ ...note, text: prefix + titles[0], annexes: [...titles] }];
  return titles.map((t, k) => ({
    style: 'body',
    text: `${k === 0 ? prefix : '\u3000'.repeat(prefix.length)}${k + 1}.${t}`,
    annexes: k === 0 ? [...titles] : [],
  }));
}

export function numberAnnexes(draft: Draft): Draft {
  const titles = annexTitles(draft.blocks);
  const note = draft.blocks.find((b): b is TextBlock => (listOf(b)?.length ?? 0) > 0);
  const prefix = note ? notePrefix(note, listOf(note)!) : null;
  if (!note || prefix === null || titles.length === 0) return draft;
  const blocks: DraftBlock[] = [];
  let n = 0;
  for (const b of draft.blocks) {
    const list = listOf(b);
    if (b === note) blocks.push(...noteLines(note, prefix, titles));
    else if (list && list.length === 0) continue;
    else if (b.style === 'annex') {
      const mark = b.text.replace(/\d+$/, '');
      blocks.push({ ...b, text: titles.length > 1 ? `${mark}${++n}` : mark });
    } else blocks.push(b);
  }
  return { ...draft, blocks };
}
