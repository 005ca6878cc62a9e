/** The ExcelJS chunk of the file mode: open, validate, mark, write the summary sheet, save. */
import { checkBytes, unreadableReason } from '../../hosts/file/check';
import type { Outcome, WorkbookEngine } from './types';

export const workbookEngine: WorkbookEngine = {
  async check(bytes, ruleset, now, { annotate }): Promise<Outcome> {
    try {
      const c = await checkBytes(bytes, ruleset, now);
      if (c.status !== 'checked') return { status: c.status, reason: c.reason };
      const { host, report } = c;
      const marks = annotate ? await host.markFindings(report) : null;
      if (annotate) await host.writeSummary(report);
      let saved: Promise<Uint8Array> | null = null;
      return {
        status: 'checked',
        report,
        marks,
        annotated: () => {
          saved ??= host.toBytes();
          return saved;
        },
      };
    } catch (e) {
      // whatever one file does, the others go on
      return { status: 'unreadable', reason: unreadableReason(e) };
    }
  },
};
