/**
 * Where the Excel host gets Excel from. In the task pane this is Office.js; in tests, a fake.
 */
import type { XContext, XEventResult, XSettings } from './api';

export interface ExcelEnv {
  run<T>(batch: (ctx: XContext) => Promise<T>): Promise<T>;
  /** whether ExcelApi `version` (e.g. "1.10") is supported */
  supports(version: string): boolean;
  settings: XSettings;
  /** whether the web-only ExcelApiOnline 1.1 is there (Office's own answer when not given) */
  supportsOnline?: () => boolean;
  /** removes an event handler registered in an earlier batch */
  release(handler: XEventResult): Promise<void>;
}

export function officeEnv(): ExcelEnv {
  return {
    run: (batch) => Excel.run((ctx) => batch(ctx)),
    supports: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
    settings: Office.context.document.settings,
    supportsOnline: () => Office.context.requirements.isSetSupported('ExcelApiOnline', '1.1'),
    release: (handler) =>
      Excel.run(handler.context, async (ctx) => {
        handler.remove();
        await ctx.sync();
      }),
  };
}
