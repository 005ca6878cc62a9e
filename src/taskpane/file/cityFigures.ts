/**
 * The city draft's figures on the page: the same SVG the page shows, drawn into a canvas and
 * saved as PNG (Word 2016 shows no SVG). The browser draws with the fonts of the computer, as
 * the page does. Where it cannot (no canvas), the figures keep their numbers as tables.
 */
import { figureBlocks, withFigures, type Rasterise } from '../../core/charts/figures';
import type { Ruleset } from '../../core/ruleset/model';
import type { Draft, Report } from '../../core/types';

/** Pictures at twice their size, sharp when printed. */
const SCALE = 2;

export const canvasRasterise: Rasterise = async (svg, width, height) => {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * SCALE);
    canvas.height = Math.round(height * SCALE);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no canvas');
    g.scale(SCALE, SCALE);
    g.fillStyle = '#FFFFFF';
    g.fillRect(0, 0, width, height);
    g.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('no PNG');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
};

/** The city draft with the annex of the batch's charts. */
export async function withCityFigures(draft: Draft, reports: readonly Report[], ruleset: Ruleset): Promise<Draft> {
  return withFigures(draft, await figureBlocks(reports, ruleset, canvasRasterise));
}
