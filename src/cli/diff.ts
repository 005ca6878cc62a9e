/**
 * `duty-review diff OLD NEW`: what changed between two returns of one district — input cells
 * (before → after) and findings resolved, new and remaining (matched by rule, sheet and cell).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LEVEL_NAMES } from '../core/summary';
import type { Finding } from '../core/types';
import { changesDraft, diffCells, diffFindings, YEARS_MSG } from '../core/years';
import { displayWidth, statusLine, type Io } from './check';
import { TOOL, findingJson } from './jsonReport';
import { loadRulesets } from './rules';
import { CLI_TEXT as T } from './text';
import { checkFile, type Checked } from './workbooks';

export interface DiffOptions {
  json?: string;
  /** write the new return's annotated copy, with a 修改对照 sheet, into this folder */
  out?: string;
  ruleset?: string[];
  rules?: string;
}

const who = (c: Checked & { status: 'checked' }) =>
  [c.report.district.name, c.report.district.code, c.report.district.year ? `${c.report.district.year}年度` : '']
    .filter(Boolean)
    .join(' ');

function findingLine(f: Finding): string {
  return `    ${LEVEL_NAMES[f.level]}  ${f.sheet}!${f.cell}  ${f.message}`;
}

export async function runDiff(before: string, after: string, opts: DiffOptions, io: Io): Promise<number> {
  const rulesets = await loadRulesets(opts.ruleset, opts.rules);
  const width = Math.min(40, Math.max(displayWidth(before), displayWidth(after), 8));
  const a = await checkFile(before, rulesets, io.now());
  const b = await checkFile(after, rulesets, io.now());
  if (a.status !== 'checked' || b.status !== 'checked') {
    for (const c of [a, b]) if (c.status !== 'checked') io.err(statusLine(c, width));
    return 1;
  }
  io.out(T.diffHeading(before, after, who(b)));
  if (a.report.district.code !== b.report.district.code || a.report.district.year !== b.report.district.year) {
    io.err(T.diffOtherDistrict(who(a), who(b)));
  }
  const cells = diffCells(await a.host.readSnapshot(), await b.host.readSnapshot(), b.ruleset);
  const findings = diffFindings(a.report, b.report);
  io.out(T.diffCells(cells.length));
  for (const c of cells) io.out(`  ${YEARS_MSG.diffChanged(c.sheet, c.cell, c.before, c.after)}`);
  io.out(T.diffFindings(findings.resolved.length, findings.added.length, findings.remaining.length));
  for (const [heading, list] of [
    [T.diffResolved, findings.resolved],
    [T.diffAdded, findings.added],
    [T.diffRemaining, findings.remaining],
  ] as const) {
    if (!list.length) continue;
    io.out(`  ${heading}`);
    for (const f of list) io.out(findingLine(f));
  }
  if (opts.json) {
    const json = {
      tool: TOOL,
      before: { file: before, ruleset: a.report.rulesetVersion, district: a.report.district, counts: a.report.counts },
      after: { file: after, ruleset: b.report.rulesetVersion, district: b.report.district, counts: b.report.counts },
      cells,
      findings: {
        resolved: findings.resolved.map(findingJson),
        new: findings.added.map(findingJson),
        remaining: findings.remaining.map(findingJson),
      },
    };
    const text = `${JSON.stringify(json, null, 2)}\n`;
    if (opts.json === '-') io.writeJson(text);
    else writeFileSync(opts.json, text);
  }
  if (opts.out) {
    const target = join(opts.out, basename(after).replace(/(\.checked)?\.xlsx$/i, '') + '.checked.xlsx');
    await b.host.markFindings(b.report);
    await b.host.writeSummary(b.report);
    await b.host.writeDraft(changesDraft(basename(before), cells, findings), YEARS_MSG.changesSheet);
    mkdirSync(opts.out, { recursive: true });
    writeFileSync(target, await b.host.toBytes());
    io.out(T.diffWritten(target));
  }
  return b.report.counts.error > 0 ? 1 : 0;
}
