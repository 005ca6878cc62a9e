/**
 * SVG → PNG in Node (the command's `feedback`), with resvg (@resvg/resvg-js: Rust, prebuilt
 * binaries from the npm registry, no browser, no Cairo). System fonts are loaded, so the charts'
 * Chinese labels use whatever CJK font the machine has (Microsoft YaHei, PingFang, Noto CJK…);
 * without one they show as boxes, and the figure's caption and alt text still carry the numbers.
 * Pictures are drawn at twice their size, to stay sharp when printed.
 */
import type { Rasterise } from '../core/charts/figures';

const SCALE = 2;

/**
 * The rasteriser, or undefined when resvg cannot be loaded here (no prebuilt binary for this
 * platform): the .docx then shows each figure's numbers as a table instead.
 */
export async function nodeRasteriser(): Promise<Rasterise | undefined> {
  let Resvg: typeof import('@resvg/resvg-js').Resvg;
  try {
    ({ Resvg } = await import('@resvg/resvg-js'));
  } catch {
    return undefined;
  }
  // Loading the system's CJK fonts takes resvg about 0.2–0.5 s a picture; drawing them side by side
  // (renderAsync) was slower on two cores, so one after the other.
  return async (svg, width) => {
    const image = new Resvg(svg, {
      fitTo: { mode: 'width', value: Math.round(width * SCALE) },
      background: '#FFFFFF',
      font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
    }).render();
    return new Uint8Array(image.asPng());
  };
}
