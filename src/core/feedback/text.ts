/**
 * A draft as plain UTF-8 text: one paragraph a line, a table as tab-separated lines. The text has
 * no trailing line break; a writer adds one.
 */
import type { Draft } from '../types';

/**
 * A paragraph or cell on one line: line breaks and tabs become spaces. Leading full-width spaces
 * stay: they align a line under the one before (the 附件说明's further names).
 */
function oneLine(s: string): string {
  return s
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/^[ \u00a0]+/, '')
    .trimEnd();
}

export function draftToText(draft: Draft): string {
  const lines: string[] = [];
  if (draft.blocks[0]?.style !== 'title') lines.push(oneLine(draft.title));
  for (const block of draft.blocks) {
    if (block.style === 'figure') {
      // no picture in text: its caption and its numbers
      lines.push(oneLine(block.text));
      for (const row of [block.header, ...block.rows]) lines.push(row.map(oneLine).join('\t'));
    } else if (block.style === 'table') {
      for (const row of [block.header, ...block.rows]) lines.push(row.map(oneLine).join('\t'));
    } else {
      lines.push(oneLine(block.text));
    }
  }
  return lines.join('\n');
}
