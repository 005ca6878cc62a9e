/**
 * Starts the page. As a plain page in a browser: the file mode, at once. Inside Office: load
 * office.js, then the Excel mode; or say why not and offer the file mode: when office.js cannot be
 * loaded, and when it loads but `Office.onReady` never answers (its own scripts blocked on an
 * intranet). Inside Office on Mac the file mode says to open the page in a browser: downloads do
 * nothing there. (IE11 and EdgeHTML webviews never get here: taskpane.html stops them first.)
 */
import { createRoot, type Root } from 'react-dom/client';
import { ExcelHost, officeEnv } from '../../hosts/excel';
import { stringsFor, zh, type Strings } from '../../i18n';
import { App } from '../App';
import { ErrorScreen, Loading, OfficeUnavailable } from '../components/BootScreens';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { describeError } from '../errors';
import { startFileMode } from '../fileMode';
import { loadRulesetEngine, type RulesetEngine } from '../rulesets/types';
import { MacBrowserNotice, OfficeNotReady } from './BootNotices';
import { launchMode, officeOnMac, pageLanguage, type Launch } from './launch';
import { loadOffice, type LoadOfficeOptions } from './loadOffice';

/** How long office.js may take to become ready once loaded. */
export const OFFICE_READY_TIMEOUT_MS = 10_000;

export interface BootOptions extends Omit<LoadOfficeOptions, 'onLateLoad'> {
  /** where the page runs; guessed from the window when not given (tests give it) */
  launch?: Launch;
  /** how long to wait for Office.onReady once office.js is there */
  readyTimeoutMs?: number;
}

interface Page {
  container: HTMLElement;
  root: Root;
  chosen: { file: boolean };
  readyTimeoutMs: number;
}

/** The file mode; inside Office on Mac, with a word that downloads need a browser. */
function fileMode(page: Page, strings: Strings): Promise<void> {
  page.chosen.file = true;
  if (officeOnMac(window) && !page.container.querySelector('[data-mac-notice]')) {
    const notice = document.createElement('div');
    page.container.insertBefore(notice, page.container.firstChild);
    const address = `${window.location.origin}${window.location.pathname}?mode=file`;
    createRoot(notice).render(<MacBrowserNotice strings={strings} address={address} />);
  }
  return startFileMode(page.root, strings);
}

function offerFileMode(page: Page, strings: Strings, reason: 'offline' | 'notInExcel' | 'notReady') {
  const onFileMode = () => void fileMode(page, strings);
  const onRetry = () => window.location.reload();
  page.root.render(
    reason === 'notReady' ? (
      <OfficeNotReady strings={strings} onFileMode={onFileMode} onRetry={onRetry} />
    ) : (
      <OfficeUnavailable strings={strings} reason={reason} onFileMode={onFileMode} onRetry={onRetry} />
    ),
  );
}

/** Office.onReady, or null when it has not answered within `ms`. */
function readyWithin(ms: number): Promise<{ host: Office.HostType; platform: Office.PlatformType } | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(null), ms);
    Office.onReady().then(
      (info) => {
        clearTimeout(timer);
        resolve(info);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

async function startExcel(page: Page): Promise<void> {
  const { root, chosen } = page;
  let strings = zh;
  try {
    const info = await readyWithin(page.readyTimeoutMs);
    if (chosen.file) return;
    if (!info) return offerFileMode(page, strings, 'notReady');
    strings = stringsFor(Office.context.displayLanguage);
    if (info.host !== Office.HostType.Excel) return offerFileMode(page, strings, 'notInExcel');
    document.documentElement.lang = strings.locale;
    // fetched while office.js loaded; a failure is said as such
    let engine: RulesetEngine;
    try {
      engine = await loadRulesetEngine();
    } catch {
      return root.render(<ErrorScreen strings={strings} message={strings.file.moduleFailed} />);
    }
    if (chosen.file) return;
    const host = new ExcelHost(officeEnv(), strings.host);
    root.render(
      <ErrorBoundary strings={strings}>
        <App host={host} mode="excel" strings={strings} engine={engine} />
      </ErrorBoundary>,
    );
  } catch (e) {
    root.render(<ErrorScreen strings={strings} message={describeError(e, strings)} />);
  }
}

export async function boot(container: HTMLElement, opts: BootOptions = {}): Promise<Root> {
  // the app in a box of its own, so that a notice can go above it
  const box = container.appendChild(document.createElement('div'));
  const root = createRoot(box);
  const { launch = launchMode(window), readyTimeoutMs = OFFICE_READY_TIMEOUT_MS, ...load } = opts;
  const page: Page = { container, root, chosen: { file: false }, readyTimeoutMs };
  if (launch === 'file') {
    await fileMode(page, stringsFor(pageLanguage(window)));
    return root;
  }
  // Before Office answers, the display language is unknown: Chinese, the product's language.
  root.render(<Loading strings={zh} />);
  // the rulesets and validation, fetched while office.js loads (a failure is seen in startExcel)
  loadRulesetEngine().catch(() => undefined);
  const loaded = await loadOffice({
    ...load,
    onLateLoad: () => {
      if (!page.chosen.file) void startExcel(page);
    },
  });
  if (loaded === 'unavailable') offerFileMode(page, zh, 'offline');
  else await startExcel(page);
  return root;
}
