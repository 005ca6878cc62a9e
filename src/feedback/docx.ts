/**
 * A draft as a Word document laid out after GB/T 9704—2012 (spec/FEEDBACK.md, "Word document"):
 * A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 2号 小标宋; body 3号
 * 仿宋_GB2312 on a fixed 28.95 pt line (22 lines a page); `一、` headings in 黑体, `（一）` headings
 * in 楷体_GB2312; page numbers "— 1 —" in 4号 宋体 at the bottom, outside edge.
 *
 * Fonts: a run can name one font per script and Word has no fallback list, so each run names the
 * official font for Chinese and Times New Roman for digits and Latin letters, and the font table
 * gives every Chinese font its common Windows name as `altName` (仿宋_GB2312 → 仿宋, 楷体_GB2312 →
 * 楷体, 方正小标宋简体 → 宋体) with the GB2312 charset and a serif family, which Word and
 * LibreOffice use to pick a substitute when the official font is not installed.
 *
 * Works in Node and in the browser: no file system, bytes in memory.
 */
import JSZip from 'jszip';
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  ImageRun,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { Draft, DraftBlock, DraftComment } from '../core/types';

/** Twips (1/1440 inch) in a millimetre length. */
export const mm = (x: number): number => Math.round((x / 25.4) * 1440);
/** Half-points of a Chinese font size: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 24 } as const;

export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** the page number's line sits about 7 mm below the text block */
  footer: mm(23),
  header: mm(15),
} as const;

const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** 22 lines a page: a fixed line pitch of 28.95 pt */
const LINE = 579;
/** 28 characters a line (GB/T 9704 7.1) */
const CHARS_PER_LINE = 28;
/**
 * 156 mm hold 28 characters of 3号 type only at a pitch of 15.79 pt, a little under the 16-pt
 * type: every character is set 0.25 pt closer (in twips, -5). A character grid (docGrid
 * linesAndChars with charSpace -842) would do it in Word, but LibreOffice gives a character wider
 * than its grid cell two cells and spreads the text apart; a character spacing reads the
 * same in Word, WPS and LibreOffice.
 */
const CHAR_SPACING = Math.floor(TEXT_WIDTH / CHARS_PER_LINE - SIZE.body * 10);
/** Characters of 2号 type a title line holds (156 mm of text width). */
const TITLE_LINE = 20;
/** two characters of 3号 */
const INDENT = 2 * (SIZE.body / 2) * 20;

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  h1: '黑体',
  h2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** The font table: each Chinese font with the name Windows knows it by and its family. */
const FONT_TABLE: readonly { name: string; altName: string; family: 'roman' | 'swiss' }[] = [
  { name: FONTS.title, altName: '宋体', family: 'roman' },
  { name: FONTS.body, altName: '仿宋', family: 'roman' },
  { name: FONTS.h1, altName: 'SimHei', family: 'swiss' },
  { name: FONTS.h2, altName: '楷体', family: 'roman' },
  { name: FONTS.pageNumber, altName: 'SimSun', family: 'roman' },
];

function run(text: string, font: string, size: number, bold = false): TextRun {
  return new TextRun({
    text,
    font: { eastAsia: font, ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin },
    size,
    sizeComplexScript: size,
    bold,
    language: { value: 'en-US', eastAsia: 'zh-CN' },
  });
}

const BODY_SPACING = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function paragraph(
  runs: (TextRun | CommentRangeStart | CommentRangeEnd)[],
  opts: { indent?: boolean; pageBreakBefore?: boolean; keepNext?: boolean; spacingBefore?: number } = {},
): Paragraph {
  return new Paragraph({
    children: runs,
    alignment: AlignmentType.JUSTIFIED,
    spacing: opts.spacingBefore ? { ...BODY_SPACING, before: opts.spacingBefore } : BODY_SPACING,
    indent: opts.indent === false ? undefined : { firstLine: INDENT, firstLineChars: 200 },
    pageBreakBefore: opts.pageBreakBefore,
    keepNext: opts.keepNext,
  });
}

/**
 * A long title in two lines broken where a reader would break it: before 履行, before a 的, or
 * after 年度, choosing the longest first line that leaves both lines within one line of 2号 type.
 */
export function titleLines(title: string): string[] {
  if (title.length <= TITLE_LINE) return [title];
  const cuts: number[] = [];
  for (const re of [/履行/g, /的/g, /年度/g]) {
    for (const m of title.matchAll(re)) cuts.push(re.source === '年度' ? m.index + 2 : m.index);
  }
  const fits = cuts.filter((c) => c > 2 && c <= TITLE_LINE && title.length - c <= TITLE_LINE).sort((a, b) => b - a);
  return fits[0] === undefined ? [title] : [title.slice(0, fits[0]), title.slice(fits[0])];
}

/** A `（一）` paragraph: its heading, up to the first `。`, in 楷体; the rest in 仿宋. */
function h2Runs(text: string): TextRun[] {
  const end = text.indexOf('。');
  if (end < 0 || end === text.length - 1) return [run(text, FONTS.h2, SIZE.body)];
  return [run(text.slice(0, end + 1), FONTS.h2, SIZE.body), run(text.slice(end + 1), FONTS.body, SIZE.body)];
}

const BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const CELL_MARGIN = 80;
/** a table's line: 小四 (12 pt) type on 18 pt */
const TABLE_LINE = 360;

/**
 * Column widths: a short column (up to its fair share) gets what its longest text needs; the
 * longer ones share the rest in proportion to theirs, so that names and figures do not wrap.
 */
function columnWidths(header: readonly string[], rows: readonly string[][]): number[] {
  const charWidth = (SIZE.table / 2) * 20;
  const need = header.map((h, c) => {
    const longest = Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length));
    return (Math.min(longest, 60) + 1) * charWidth + 2 * CELL_MARGIN;
  });
  const fair = TEXT_WIDTH / header.length;
  // a column of short words (序号, a district's name) gets all it needs: its words never wrap
  const short = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)) <= 8);
  const fixed = need.map((n, i) => n <= fair || short[i]!);
  const fixedTotal = need.reduce((t, n, i) => t + (fixed[i] ? n : 0), 0);
  // many columns (a figure's numbers): each gets its share of what all need
  if (fixedTotal >= TEXT_WIDTH) {
    const total = need.reduce((t, n) => t + n, 0);
    return need.map((n) => Math.floor((n * TEXT_WIDTH) / total));
  }
  // the longer columns share the rest between their usual and their longest text (the geometric
  // mean): one long description must not leave the column of names four characters wide
  const usual = header.map((h, c) => {
    const lengths = [h, ...rows.map((r) => r[c] ?? '')].map((t) => Math.min(t.length, 60));
    const mean = lengths.reduce((t, n) => t + n, 0) / lengths.length;
    return (Math.sqrt(mean * Math.max(...lengths)) + 1) * charWidth + 2 * CELL_MARGIN;
  });
  const flexTotal = usual.reduce((t, n, i) => t + (fixed[i] ? 0 : n), 0);
  const scale = flexTotal ? (TEXT_WIDTH - fixedTotal) / flexTotal : TEXT_WIDTH / fixedTotal;
  return need.map((n, i) => Math.floor(fixed[i] ? (flexTotal ? n : n * scale) : usual[i]! * scale));
}

function table(header: readonly string[], rows: readonly string[][]): Table {
  const widths = columnWidths(header, rows);
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          children: [run(text, head ? FONTS.h1 : FONTS.body, SIZE.table)],
          alignment: head ? AlignmentType.CENTER : AlignmentType.LEFT,
          // an exact line keeps 小四 type at its own spacing instead of the 28.95-pt lines of the page
          spacing: { line: TABLE_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: header.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
  });
}

/** Word comments of a draft, numbered in the order they are met. */
class Comments {
  readonly list: { id: number; author: string; children: Paragraph[] }[] = [];
  /** The runs of a paragraph wrapped in the ranges of its comments. */
  wrap(
    runs: TextRun[],
    comments: readonly DraftComment[] | undefined,
  ): (TextRun | CommentRangeStart | CommentRangeEnd)[] {
    if (!comments?.length) return runs;
    const ids = comments.map((c) => {
      const id = this.list.length;
      this.list.push({ id, author: c.author, children: [new Paragraph({ children: [new TextRun(c.text)] })] });
      return id;
    });
    return [
      ...ids.map((id) => new CommentRangeStart(id)),
      ...runs,
      ...ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]),
    ];
  }
}

function blockToDocx(
  block: DraftBlock,
  afterClosing: boolean,
  comments: Comments,
  /** the next block (a 成文日期 is not kept with an annex that starts a page) */
  next?: DraftBlock,
  /** the block before (the 附件说明 and the 落款 come one blank line below the text) */
  prev?: DraftBlock,
): (Paragraph | Table)[] {
  switch (block.style) {
    case 'title':
      return [
        new Paragraph({
          children: titleLines(block.text)
            .map((line, i) => {
              const r = run(line, FONTS.title, SIZE.title);
              return i === 0 ? r : [new TextRun({ break: 1 }), r];
            })
            .flat(),
          alignment: AlignmentType.CENTER,
          spacing: { line: mm(12.5), lineRule: LineRuleType.EXACT, before: 0, after: LINE },
          keepNext: true,
        }),
      ];
    case 'salutation':
      return [paragraph([run(block.text, FONTS.body, SIZE.body)], { indent: false })];
    case 'signature':
      // 落款 and 成文日期 right-aligned, four characters in from the right margin
      return [
        new Paragraph({
          children: [run(block.text, FONTS.body, SIZE.body)],
          alignment: AlignmentType.RIGHT,
          // GB/T 9704: the 署名 one blank line below the text or the 附件说明, the date right under it
          spacing: prev?.style === 'signature' ? BODY_SPACING : { ...BODY_SPACING, before: LINE },
          indent: { right: 2 * INDENT },
          // 落款 stays with its date; the date, kept with an annex on a new page, went there alone
          keepNext: next?.style === 'signature',
          keepLines: true,
        }),
      ];
    case 'annex':
      // "附件" at the top left of a new page, in 黑体
      return [
        paragraph([run(block.text, FONTS.h1, SIZE.body)], { indent: false, pageBreakBefore: true, keepNext: true }),
      ];
    case 'h1':
      // an annex heading (after the closing requirement) starts a page and is not indented
      // a heading stays with the paragraph it heads
      return [
        paragraph([run(block.text, FONTS.h1, SIZE.body)], {
          indent: !afterClosing,
          pageBreakBefore: afterClosing,
          keepNext: true,
        }),
      ];
    case 'h2':
      return [paragraph(comments.wrap(h2Runs(block.text), block.comments))];
    case 'body':
    case 'closing': {
      // a further line of the 附件说明 (full-width spaces, then "2.…") is indented under the first name by the
      // paragraph, not by spaces a fallback font may draw narrower; the note's lines stay together
      const note = block.style === 'body' && block.annexes !== undefined;
      const lead = note && block.annexes!.length === 0 ? (/^\u3000+/.exec(block.text)?.[0].length ?? 0) : 0;
      if (lead > 0) {
        return [
          new Paragraph({
            children: [run(block.text.slice(lead), FONTS.body, SIZE.body)],
            alignment: AlignmentType.LEFT,
            spacing: BODY_SPACING,
            indent: { left: INDENT + (lead * INDENT) / 2 },
            keepNext: true,
          }),
        ];
      }
      // the last paragraph before the 落款 (and its 附件说明) goes with it: no page holds a 落款 alone
      const beforeNote = next?.style === 'body' && next.annexes !== undefined;
      const p = paragraph(comments.wrap([run(block.text, FONTS.body, SIZE.body)], block.comments), {
        keepNext: note || beforeNote || next?.style === 'signature',
        // GB/T 9704: the 附件说明 one blank line below the text
        ...(note && block.annexes!.length > 0 ? { spacingBefore: LINE } : {}),
      });
      return [p];
    }
    case 'table':
      return [table(block.header, block.rows)];
    case 'figure':
      return figure(block);
  }
}

/** Widest a picture is shown: the text block, in CSS pixels (96 to the inch; twips are 1/1440 inch). */
const FIGURE_MAX_PX = Math.floor((TEXT_WIDTH / 1440) * 96);

/**
 * A figure centred on the text block, its caption centred under it in 小四 仿宋, kept together. A
 * figure without a picture shows its numbers as a table. The picture's alt text is its numbers.
 */
function figure(block: Extract<DraftBlock, { style: 'figure' }>): (Paragraph | Table)[] {
  const caption = new Paragraph({
    children: [run(block.text, FONTS.body, SIZE.table)],
    alignment: AlignmentType.CENTER,
    spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 60, after: Math.round(LINE / 2) },
    keepLines: true,
  });
  if (!block.image) return [table(block.header, block.rows), caption];
  const scale = Math.min(1, FIGURE_MAX_PX / block.image.width);
  // an attribute keeps no line breaks: cells separated by ，, rows by ；
  const description = [block.header, ...block.rows].map((r) => r.join('，')).join('；');
  return [
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: block.image.png,
          transformation: {
            width: Math.round(block.image.width * scale),
            height: Math.round(block.image.height * scale),
          },
          altText: { name: block.text, title: block.text, description },
        }),
      ],
      alignment: AlignmentType.CENTER,
      // an exact line height would crop the picture to one line
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: Math.round(LINE / 2), after: 0 },
      keepNext: true,
    }),
    caption,
  ];
}

function pageFooter(side: 'right' | 'left'): Footer {
  const oneChar = (SIZE.pageNumber / 2) * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { eastAsia: FONTS.pageNumber, ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber },
            size: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });
}

function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${fonts}<w:font w:name="${FONTS.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    '</w:fonts>'
  );
}

export function draftDocument(draft: Draft): Document {
  const children: (Paragraph | Table)[] = [];
  const comments = new Comments();
  let afterClosing = false;
  for (const [i, block] of draft.blocks.entries()) {
    children.push(
      ...blockToDocx(block, afterClosing && block.style === 'h1', comments, draft.blocks[i + 1], draft.blocks[i - 1]),
    );
    if (block.style === 'closing') afterClosing = true;
  }
  return new Document({
    title: draft.title,
    creator: 'duty-review',
    ...(comments.list.length ? { comments: { children: comments.list } } : {}),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: { eastAsia: FONTS.body, ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin },
            size: SIZE.body,
            characterSpacing: CHAR_SPACING,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: PAGE.header, footer: PAGE.footer, gutter: 0 },
          },
          // 22 lines (with CHAR_SPACING, 28 characters each)
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageFooter('right'), even: pageFooter('left') },
        children,
      },
    ],
  });
}

/**
 * The paragraphs of table cells leave the page's line grid (`w:snapToGrid w:val="0"`, which the
 * docx package does not write): on the grid, every line of 小四 type in a cell took a 28.95-pt line.
 */
export function tablesOffGrid(xml: string): string {
  return xml.replace(/<w:tc>[\s\S]*?<\/w:tc>/g, (cell) =>
    cell.replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/g, (whole, inner: string) => {
      if (inner.includes('<w:snapToGrid')) return whole;
      // in its place in the schema's order: before the spacing and what follows it
      const at = inner.search(AFTER_SNAP_TO_GRID);
      const i = at < 0 ? inner.length : at;
      return `<w:pPr>${inner.slice(0, i)}<w:snapToGrid w:val="0"/>${inner.slice(i)}</w:pPr>`;
    }),
  );
}

/** The elements of a paragraph's properties that come after `w:snapToGrid`. */
const AFTER_SNAP_TO_GRID =
  /<w:(spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)[\s/>]/;

/**
 * The docx package's Title and Heading styles (blue, Calibri) leave the styles a reviewer sees in
 * Word unless a paragraph uses them: the drafts set their headings' fonts on the runs.
 */
export function withoutUnusedHeadings(styles: string, document: string): string {
  return styles.replace(
    /<w:style\b[^>]*w:styleId="(Title|Heading\d)"[^>]*>[\s\S]*?<\/w:style>/g,
    (whole, id: string) => (document.includes(`w:val="${id}"`) ? whole : ''),
  );
}

/** The .docx bytes of a draft. */
export async function draftToDocx(draft: Draft): Promise<Uint8Array> {
  const bytes = await Packer.toArrayBuffer(draftDocument(draft));
  const zip = await JSZip.loadAsync(bytes);
  zip.file('word/fontTable.xml', fontTableXml());
  const body = await zip.file('word/document.xml')?.async('string');
  if (body !== undefined) zip.file('word/document.xml', tablesOffGrid(body));
  const styles = await zip.file('word/styles.xml')?.async('string');
  if (styles !== undefined && body !== undefined) zip.file('word/styles.xml', withoutUnusedHeadings(styles, body));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
