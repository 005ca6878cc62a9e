/**
 * Starts the page. As a plain page in a browser: the file mode, at once. Inside Office: load
 * office.js, then the Excel mode; or say why not and offer the file mode.
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
import { launchMode, pageLanguage, type Launch } from './launch';
import { loadOffice, type LoadOfficeOptions } from './loadOffice';

export interface BootOptions extends Omit<LoadOfficeOptions, 'onLateLoad'> {
  /** where the page runs; guessed from the window when not given (tests give it) */
  launch?: Launch;
}

function offerFileMode(root: Root, strings: Strings, reason: 'offline' | 'notInExcel', chosen: { file: boolean }) {
  root.render(
    <OfficeUnavailable
      strings={strings}
      reason={reason}
      onFileMode={() => {
        chosen.file = true;
        void startFileMode(root, strings);
      }}
      onRetry={() => window.location.reload()}
    />,
  );
}

async function startExcel(root: Root, chosen: { file: boolean }): Promise<void> {
  let strings = zh;
  try {
    const info = await Office.onReady();
    if (chosen.file) return;
    strings = stringsFor(Office.context.displayLanguage);
    if (info.host !== Office.HostType.Excel) return offerFileMode(root, strings, 'notInExcel', chosen);
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
  const root = createRoot(container);
  const { launch = launchMode(window), ...load } = opts;
  if (launch === 'file') {
    await startFileMode(root, stringsFor(pageLanguage(window)));
    return root;
  }
  // Before Office answers, the display language is unknown: Chinese, the product's language.
  root.render(<Loading strings={zh} />);
  // the rulesets and validation, fetched while office.js loads (a failure is seen in startExcel)
  loadRulesetEngine().catch(() => undefined);
  const chosen = { file: false };
  const loaded = await loadOffice({
    ...load,
    onLateLoad: () => {
      if (!chosen.file) void startExcel(root, chosen);
    },
  });
  if (loaded === 'unavailable') offerFileMode(root, zh, 'offline', chosen);
  else await startExcel(root, chosen);
  return root;
}
