/**
 * Where the page runs, judged before anything is fetched: inside an Office host (office.js is
 * worth waiting for) or as a plain page in a browser (start the file mode at once: no 15-second
 * wait for a CDN that could not help, and no request to it at all).
 *
 * Office opens an add-in's page with `_host_Info` in its address (all platforms), and office.js
 * keeps it in sessionStorage for later navigations. The page is also inside Office when it runs in
 * Office's web views: WebView2 (`chrome.webview`), Internet Explorer/EdgeHTML (`external.GetContext`),
 * WKWebView on Mac and iPad (`webkit.messageHandlers`), or in a frame (Office on the web). When in
 * doubt we say "office", and the 15-second timeout still ends in the file mode.
 *
 * `?mode=file` or `?mode=excel` in the address overrides the guess.
 */
export type Launch = 'office' | 'file';

interface OfficeHints {
  Office?: { onReady?: unknown };
  chrome?: { webview?: unknown };
  webkit?: { messageHandlers?: unknown };
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export function officeHostLikely(win: Window): boolean {
  const hints = win as Window & OfficeHints;
  const address = `${win.location.search}${win.location.hash}`;
  if (/[?&#]_host_Info=/i.test(address)) return true;
  if (safely(() => win.sessionStorage.getItem('hostInfoValue') !== null, false)) return true;
  if (typeof hints.Office?.onReady === 'function') return true;
  if (safely(() => win.top !== win, true)) return true;
  if (hints.chrome?.webview) return true;
  if (hints.webkit?.messageHandlers) return true;
  return safely(() => {
    const ext: unknown = win.external;
    return !!ext && typeof ext === 'object' && 'GetContext' in ext;
  }, false);
}

export function launchMode(win: Window): Launch {
  const forced = new URLSearchParams(win.location.search).get('mode')?.toLowerCase();
  if (forced === 'file') return 'file';
  if (forced === 'excel' || forced === 'office') return 'office';
  return officeHostLikely(win) ? 'office' : 'file';
}

/** The file mode's language outside Office: Chinese, or English with `?lang=en`. */
export function pageLanguage(win: Window): string | undefined {
  return new URLSearchParams(win.location.search).get('lang') ?? undefined;
}

/**
 * Inside Office on Mac (WKWebView): Office says so once ready (`Office.context.platform`); before,
 * a Mac user agent with WebKit message handlers (which Safari itself does not have) tells.
 */
export function officeOnMac(win: Window): boolean {
  const hints = win as Window & OfficeHints & { Office?: { context?: { platform?: unknown } } };
  const platform = safely(() => hints.Office?.context?.platform, undefined);
  if (platform !== undefined && platform !== null) return String(platform) === 'Mac';
  return /Macintosh|Mac OS X/.test(safely(() => win.navigator.userAgent, '')) && !!hints.webkit?.messageHandlers;
}
