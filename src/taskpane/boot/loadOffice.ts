/**
 * Loads office.js from Microsoft's CDN, or from the add-in's own server in a build made with
 * OFFICE_JS (see webpack.config.js). The page must not hang blank when the CDN is out of reach (an
 * intranet): the script is added from code, so a failure or a timeout is reported and the pane can
 * say so and offer the file mode.
 */
declare const __OFFICE_JS_URL__: string | undefined;

export const OFFICE_CDN_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Set by the build (webpack's DefinePlugin); the CDN elsewhere (tests). */
export const OFFICE_JS_URL: string = typeof __OFFICE_JS_URL__ === 'string' ? __OFFICE_JS_URL__ : OFFICE_CDN_URL;
export const OFFICE_JS_TIMEOUT_MS = 15_000;

export type OfficeLoad = 'loaded' | 'unavailable';

export interface LoadOfficeOptions {
  doc?: Document;
  timeoutMs?: number;
  /** office.js arrived after the timeout had already been reported */
  onLateLoad?: () => void;
}

function officePresent(win: Window | null): boolean {
  const office = (win as (Window & { Office?: { onReady?: unknown } }) | null)?.Office;
  return typeof office?.onReady === 'function';
}

export function loadOffice(opts: LoadOfficeOptions = {}): Promise<OfficeLoad> {
  const doc = opts.doc ?? document;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: OfficeLoad) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => settle('unavailable'), opts.timeoutMs ?? OFFICE_JS_TIMEOUT_MS);
    const script = doc.createElement('script');
    script.src = OFFICE_JS_URL;
    script.onload = () => {
      const ok = officePresent(doc.defaultView);
      if (settled && ok) opts.onLateLoad?.();
      settle(ok ? 'loaded' : 'unavailable');
    };
    script.onerror = () => settle('unavailable');
    doc.head.appendChild(script);
  });
}
