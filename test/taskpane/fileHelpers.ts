/** Stand-ins for the file mode's lazily loaded parts, so that the UI is tested without ExcelJS or docx. */
import { TextDecoder, TextEncoder } from 'util';
import { bundledRuleset } from '../../src/core/ruleset';
import type { Ruleset } from '../../src/core/ruleset/model';
import type { LedgerRow } from '../../src/core/ledger';
import type { Draft, Report } from '../../src/core/types';
import type { BatchEntry, CheckedEntry, Engines, NamedBytes, Outcome } from '../../src/taskpane/file/types';
import { finding, reportOf } from './helpers';

/** A district's report: `errors` errors, `warnings` unexplained warnings, `notices` notices. */
export function districtReport(name: string, code: string, errors = 0, warnings = 0, notices = 0): Report {
  const findings = [
    ...Array.from({ length: errors }, (_, i) =>
      finding({ level: 'error', cell: `F${i + 3}`, message: `${name}错误${i + 1}` }),
    ),
    ...Array.from({ length: warnings }, (_, i) =>
      finding({ level: 'warning', sheet: '教师队伍', cell: `F${i + 3}`, message: `${name}未达标${i + 1}` }),
    ),
    ...Array.from({ length: notices }, (_, i) =>
      finding({ level: 'notice', sheet: '教师队伍', cell: `I${i + 3}`, message: `${name}提示${i + 1}` }),
    ),
  ];
  return reportOf(findings, { district: { ...reportOf([]).district, name, code, year: 2025 } });
}

export function checkedEntry(id: number, report: Report, file = `${report.district.name}.xlsx`): CheckedEntry {
  const outcome = { status: 'checked', report, ruleset: bundledRuleset(), marks: null } as const;
  return { id, file, outcome: { ...outcome, annotated: async () => new Uint8Array([id]) } };
}

export function badEntry(id: number, file: string, reason: string): BatchEntry {
  return { id, file, outcome: { status: 'unreadable', reason } };
}

/**
 * A "workbook" for the stub engine: its text is
 * `name,code,errors,warnings,notices[,模板版本[,所属地市[,评价年度[,填报日期]]]]` (version 2025.1,
 * 威海市, 2025 and no date unless given), or `bad:reason`. `lastModified` is the file's time.
 */
export function fakeFile(name: string, content: string, lastModified?: number): File {
  return bytesFile(name, new TextEncoder().encode(content), lastModified);
}

/** A File of these bytes. */
export function bytesFile(name: string, bytes: Uint8Array, lastModified?: number): File {
  const file = new File([bytes as BlobPart], name, lastModified === undefined ? {} : { lastModified });
  const copy = bytes.slice();
  // jsdom's Blob has no arrayBuffer()
  Object.defineProperty(file, 'arrayBuffer', { value: async () => copy.buffer });
  return file;
}

export interface StubCalls {
  checked: string[];
  /** the versions of the rulesets each workbook was checked with, in order of preference */
  rulesets: string[][];
  /** the versions of the templates made */
  templates: string[];
  /** the rulesets the city-wide drafts were made with */
  cityRulesets: string[];
  docx: Draft[];
  zipped: NamedBytes[][];
  cityDrafts: Report[][];
  /** the rows of each review ledger made */
  ledgers: LedgerRow[][];
}

/** Engines that read fakeFile contents, draft a title only, and record what they were asked. */
export function stubEngines(): { engines: Engines; calls: StubCalls } {
  const calls: StubCalls = {
    checked: [],
    rulesets: [],
    templates: [],
    cityRulesets: [],
    docx: [],
    zipped: [],
    cityDrafts: [],
    ledgers: [],
  };
  const engines: Engines = {
    workbook: async () => ({
      async check(bytes, rulesets): Promise<Outcome> {
        const text = new TextDecoder().decode(bytes);
        calls.checked.push(text);
        calls.rulesets.push(rulesets.map((r) => r.version));
        if (text.startsWith('bad:')) return { status: 'unreadable', reason: text.slice(4) };
        const [name, code, e, w, n, version = '2025.1', city, year, date] = text.split(',');
        const ruleset: Ruleset | undefined = rulesets.find((r) => r.version === version);
        if (!ruleset) return { status: 'not-template', reason: `模板版本为“${version}”，没有与之对应的规则集` };
        const report = { ...districtReport(name!, code!, Number(e), Number(w), Number(n)), rulesetVersion: version };
        if (city !== undefined) report.district.city = city;
        if (year !== undefined) report.district.year = Number(year);
        if (date !== undefined) report.district.date = date;
        return {
          status: 'checked',
          report,
          ruleset,
          marks: null,
          annotated: async () => new TextEncoder().encode(`copy of ${name}`),
        };
      },
      // the real reader (ExcelJS), loaded only by the tests that give a ruleset workbook
      readRuleset: async (bytes) => (await import('../../src/hosts/file/rulesetWorkbook')).readRulesetWorkbook(bytes),
      async template(ruleset) {
        calls.templates.push(ruleset.version);
        return new TextEncoder().encode(`template ${ruleset.version}`);
      },
    }),
    drafts: async () => ({
      districtDraft: (r) => ({ title: `关于${r.district.name}的反馈意见（初稿）`, blocks: [] }),
      cityDraft: (reports, ruleset) => {
        calls.cityDrafts.push([...reports]);
        calls.cityRulesets.push(ruleset.version);
        const title = '关于滨海市的反馈意见（初稿）';
        return { title, blocks: [{ style: 'title', text: title }] };
      },
    }),
    docx: async () => async (draft) => {
      calls.docx.push(draft);
      return new TextEncoder().encode(draft.title);
    },
    zip: async () => async (files) => {
      calls.zipped.push([...files]);
      return new Uint8Array([0x50, 0x4b]);
    },
    // the real one (ExcelJS) in test/taskpane/ledgerPage.test.tsx
    ledger: async () => ({
      async build(rows) {
        calls.ledgers.push([...rows]);
        return new TextEncoder().encode(`ledger of ${rows.length}`);
      },
      read: async () => ({ rows: [], problems: [] }),
    }),
  };
  return { engines, calls };
}
