/**
 * Figures in the city draft: the batch's charts rasterised with resvg, shown centred in the .docx
 * with a caption 图N, and in the .txt as their caption and numbers; the command puts them in the
 * city draft it writes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import JSZip from 'jszip';
import { figureBlocks, withFigures } from '../../src/core/charts';
import { cityDraft } from '../../src/core/feedback/city';
import { draftToText } from '../../src/core/feedback/text';
import type { DraftBlock } from '../../src/core/types';
import { draftToDocx } from '../../src/feedback/docx';
import { nodeRasteriser } from '../../src/feedback/rasterNode';
import { run, tempDir } from '../cli/helpers';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { hc, rc, rs, wd } from '../charts/helpers';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const reports = [rs(), wd(), hc(), rc()];
const NOW = new Date(Date.UTC(2026, 0, 5));

async function documentXml(bytes: Uint8Array): Promise<{ xml: string; media: string[]; zip: JSZip }> {
  const zip = await JSZip.loadAsync(bytes);
  const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
  return { xml: await zip.file('word/document.xml')!.async('string'), media, zip };
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

describe('figure blocks', () => {
  let blocks: DraftBlock[];
  beforeAll(async () => {
    const raster = await nodeRasteriser();
    expect(raster).toBeDefined();
    blocks = await figureBlocks(reports, DEFAULT_RULESET, raster);
  }, 60_000);

  it('make an annex with the grid and one chart per compared figure, numbered 图1…', () => {
    expect(blocks.slice(0, 2)).toEqual([
      { style: 'annex', text: '附件' },
      { style: 'title', text: '全市比较图表' },
    ]);
    const figures = blocks.filter((b) => b.style === 'figure');
    expect(figures.map((b) => b.text)).toEqual([
      '图1\u3000各地区未达标事项分布',
      '图2\u3000各地区普惠性幼儿园覆盖率（%）',
      '图3\u3000各地区公办园在园幼儿占比（%）',
      '图4\u3000各地区一般公共预算教育支出比上年增长率（%）',
      '图5\u3000各地区国家学生体质健康标准测试优良率（%）',
      '图6\u3000各地区有需求学生课后服务覆盖率（%）',
    ]);
  });

  it('carry PNG pictures drawn at twice their size', () => {
    for (const b of blocks) {
      if (b.style !== 'figure') continue;
      expect([...b.image!.png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
      const size = pngSize(b.image!.png);
      expect(size.width).toBe(b.image!.width * 2);
      expect(Math.abs(size.height - b.image!.height * 2)).toBeLessThanOrEqual(2);
    }
  });

  it('go into the .docx as centred pictures with their caption, the numbers as alt text', async () => {
    const draft = withFigures(cityDraft(reports, DEFAULT_RULESET, { now: NOW }), blocks);
    const { xml, media, zip } = await documentXml(await draftToDocx(draft));
    expect(media).toHaveLength(6);
    expect(media.every((m) => m.endsWith('.png'))).toBe(true);
    const png = await zip.file(media[0]!)!.async('uint8array');
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(xml.match(/<w:drawing>/g)).toHaveLength(6);
    // each picture paragraph is centred and kept with its caption, which follows it, centred
    const paragraphs = xml.split('</w:p>');
    const pictures = paragraphs.filter((p) => p.includes('<w:drawing>'));
    for (const p of pictures) {
      expect(p).toContain('<w:jc w:val="center"/>');
      expect(p).toContain('<w:keepNext/>');
    }
    const captionAfter = paragraphs[paragraphs.indexOf(pictures[1]!) + 1]!;
    expect(captionAfter).toContain('图2');
    expect(captionAfter).toContain('<w:jc w:val="center"/>');
    // no picture is wider than the text block (156 mm = 5,616,000 EMU)
    for (const m of xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g))
      expect(Number(m[1])).toBeLessThanOrEqual(5616000);
    expect(xml).toContain('descr="地区，数值（%），全市（%），要求 ≥80%；环翠区，90，87.7，80；');
    expect(xml).not.toMatch(/w:(before|after)="[\d]+\.\d/);
  });

  it('without a picture, show their numbers as a table', async () => {
    const bare = await figureBlocks(reports, DEFAULT_RULESET);
    expect(bare.every((b) => b.style !== 'figure' || b.image === undefined)).toBe(true);
    const { xml, media } = await documentXml(await draftToDocx({ title: 't', blocks: bare }));
    expect(media).toHaveLength(0);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(6);
    expect(xml).toContain('全市（%）');
    expect(xml).toContain('图2\u3000各地区普惠性幼儿园覆盖率（%）');
  });

  it('print in the text draft as their caption and their numbers', () => {
    const text = draftToText({ title: 't', blocks });
    expect(text).toContain(
      '图2\u3000各地区普惠性幼儿园覆盖率（%）\n地区\t数值（%）\t全市（%）\t要求 ≥80%\n环翠区\t90\t87.7\t80',
    );
    expect(text).not.toMatch(/PNG/);
  });
});

describe('duty-review feedback', () => {
  it('writes the city draft with its figures: pictures in the .docx, numbers in the .txt', async () => {
    const t = tempDir();
    try {
      const r = await run(['feedback', 'examples', '--out', t.dir]);
      expect(r.err).not.toMatch(/Error/);
      const files = readdirSync(t.dir);
      const city = files.find((f) => f.startsWith('全市汇总') && f.endsWith('.docx'))!;
      const { xml, media } = await documentXml(readFileSync(t.path(city)));
      expect(media.length).toBeGreaterThanOrEqual(2);
      expect(xml).toContain('全市比较图表');
      expect(xml).toContain('图1');
      const txt = readFileSync(t.path(city.replace(/\.docx$/, '.txt')), 'utf8');
      expect(txt).toContain('全市比较图表');
      expect(txt).toMatch(/图1\u3000/);
      // a district's letter gets no figure
      const letter = files.find((f) => f.endsWith('.docx') && !f.startsWith('全市'))!;
      expect((await documentXml(readFileSync(t.path(letter)))).media).toHaveLength(0);
    } finally {
      t.done();
    }
  }, 120_000);
});
