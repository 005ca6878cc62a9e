/**
 * Mounting a long list a slice at a time: for 1,000 districts the charts are tens of thousands of
 * SVG shapes and table cells, which in one commit blocked the page for seconds (issue 14, item 6).
 */
import { useEffect, useState } from 'react';
import { nextTask } from '../../file/slices';

/** What a slice may cost the page: its render, commit, layout and paint (ms). */
const TARGET_MS = 25;
const MIN_STEP = 50;
const MAX_STEP = 4000;

const clock = (): number => (typeof performance === 'object' ? performance.now() : Date.now());

interface Grown {
  of: unknown;
  shown: number;
  /** how many the last slice added */
  step: number;
  /** when the last slice was asked for (0: the first, shown with the list) */
  at: number;
}

/**
 * How many of `total` items to show: up to `first` at once, then more on each new task (the page
 * takes input and paints between), as many as the last slice suggests fit in TARGET_MS on this
 * machine now (fewer on a busy one). A new `of` (the list itself) starts again from `first`.
 */
export function useGrowing(total: number, first: number, of: unknown): number {
  const [grown, setGrown] = useState<Grown>({ of, shown: first, step: first, at: 0 });
  const current: Grown = grown.of === of ? grown : { of, shown: first, step: first, at: 0 };
  const shown = Math.min(total, current.shown);
  const { step: last, at } = current;
  useEffect(() => {
    if (shown >= total) return;
    // the time from asking for the last slice to its effect: its render and commit, and the
    // browser's work before the effect runs
    const took = at ? clock() - at : 0;
    const step = took > 0 ? Math.round(last * (TARGET_MS / took)) : last;
    const next = Math.max(MIN_STEP, Math.min(MAX_STEP, step));
    let alive = true;
    void nextTask().then(() => {
      if (alive) setGrown({ of, shown: Math.min(total, shown + next), step: next, at: clock() });
    });
    return () => {
      alive = false;
    };
  }, [of, shown, total, last, at]);
  return shown;
}
