/**
 * Mounting a long list a slice at a time: for 1,000 districts the charts are tens of thousands of
 * SVG shapes and table cells, which in one commit blocked the page for seconds (issue 14, item 6).
 */
import { useEffect, useState } from 'react';
import { nextTask } from '../../file/slices';

/**
 * How many of `total` items to show: up to `step` at once, then `step` more on each new task (the
 * page takes input and paints between). A new `of` (the list itself) starts again from `step`.
 */
export function useGrowing(total: number, step: number, of: unknown): number {
  const [grown, setGrown] = useState({ of, shown: Math.min(total, step) });
  const shown = Math.min(total, grown.of === of ? grown.shown : step);
  useEffect(() => {
    if (shown >= total) return;
    let alive = true;
    void nextTask().then(() => {
      if (alive) setGrown({ of, shown: Math.min(total, shown + step) });
    });
    return () => {
      alive = false;
    };
  }, [of, shown, total, step]);
  return shown;
}
