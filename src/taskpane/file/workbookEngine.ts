/** The ExcelJS chunk of the file mode: open, validate, mark, write the summary sheet, save; rulesets and templates. */
import { NOT_TEMPLATE, checkBytes, unreadableReason } from '../../hosts/file/check';
import { readRulesetWorkbook } from '../../hosts/file/rulesetWorkbook';
import { buildTemplate, protectTemplate } from '../../hosts/file/template';
import { knownRuleset, rulesetUsed } from '../rulesets/used';
import type { Outcome, WorkbookEngine } from './types';

export const workbookEngine: WorkbookEngine = {
  async check(bytes, rulesets, now, { annotate }): Promise<Outcome> {
    try {
      const c = await checkBytes(bytes, rulesets, now);
      if (c.status !== 'checked') return { status: c.status, reason: c.reason };
      const { host, report } = c;
      // one of ours, or else the one the workbook carries (read again only then)
      const ruleset = knownRuleset(report, rulesets) ?? rulesetUsed(report, await host.readSnapshot(), rulesets);
      if (!ruleset) return { status: 'not-template', reason: NOT_TEMPLATE };
      const marks = annotate ? await host.markFindings(report) : null;
      if (annotate) await host.writeSummary(report);
      let saved: Promise<Uint8Array> | null = null;
      return {
        status: 'checked',
        report,
        ruleset,
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

  readRuleset: (bytes) => readRulesetWorkbook(bytes),

  async template(ruleset) {
    const wb = buildTemplate(ruleset);
    await protectTemplate(wb, ruleset);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  },
};
