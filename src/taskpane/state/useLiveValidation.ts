/**
 * Live validation: after the user's edits settle for `delayMs`, validate again. Edits made while
 * a task runs are not lost: they trigger one more run when it ends.
 */
import { useEffect, useRef } from 'react';
import type { WorkbookHost } from '../../hosts/host';
import { canWatchChanges } from '../hostFeatures';

export const LIVE_DELAY_MS = 500;

export function useLiveValidation(
  host: WorkbookHost,
  enabled: boolean,
  revalidate: () => Promise<boolean>,
  delayMs = LIVE_DELAY_MS,
): void {
  const latest = useRef(revalidate);
  latest.current = revalidate;

  useEffect(() => {
    if (!enabled || !canWatchChanges(host)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | null = null;
    let closed = false;

    const fire = async () => {
      const ran = await latest.current();
      if (!ran && !closed) timer = setTimeout(() => void fire(), delayMs);
    };
    host
      .watchChanges(() => {
        clearTimeout(timer);
        timer = setTimeout(() => void fire(), delayMs);
      })
      .then((s) => {
        if (closed) void s?.();
        else stop = s;
      })
      .catch(() => undefined);

    return () => {
      closed = true;
      clearTimeout(timer);
      void stop?.();
    };
  }, [host, enabled, delayMs]);
}
