/** Which levels of findings are shown: all three at first; each toggled on its own. */
import { useCallback, useState } from 'react';
import { LEVELS, type Level } from '../../core/types';

export function useLevelFilter(): { shown: ReadonlySet<Level>; toggle(level: Level): void } {
  const [shown, setShown] = useState<ReadonlySet<Level>>(() => new Set(LEVELS));
  const toggle = useCallback((level: Level) => {
    setShown((prev) => {
      const next = new Set(prev);
      if (next.has(level)) next.delete(level);
      else next.add(level);
      return next;
    });
  }, []);
  return { shown, toggle };
}
