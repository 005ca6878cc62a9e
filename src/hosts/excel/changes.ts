/** Change events for live validation: one handler for the workbook (ExcelApi 1.9) or one per sheet (1.7). */
import type { XEventResult, XWorksheetChangedArgs } from './api';
import type { Capabilities } from './capabilities';
import type { ExcelEnv } from './env';

export async function subscribeChanges(
  env: ExcelEnv,
  caps: Capabilities,
  onChange: (args: XWorksheetChangedArgs) => void,
): Promise<XEventResult[] | null> {
  if (!caps.sheetEvents) return null;
  const handler = async (args: XWorksheetChangedArgs) => onChange(args);
  return env.run(async (ctx) => {
    if (caps.workbookEvents) {
      const result = ctx.workbook.worksheets.onChanged.add(handler);
      await ctx.sync();
      return [result];
    }
    const sheets = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    const results = sheets.items.map((ws) => ws.onChanged.add(handler));
    await ctx.sync();
    return results;
  });
}
