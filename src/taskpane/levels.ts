/** How the three levels look in the pane: the fills of spec/TEMPLATE.md with a readable ink. */
import { LEVEL_COLOURS } from '../core/summary';
import type { Level } from '../core/types';

export const LEVEL_LOOK: Record<Level, { fill: string; ink: string }> = {
  error: { fill: `#${LEVEL_COLOURS.error}`, ink: '#9C0006' },
  warning: { fill: `#${LEVEL_COLOURS.warning}`, ink: '#7A4F00' },
  notice: { fill: `#${LEVEL_COLOURS.notice}`, ink: '#1F4E79' },
};
