/** `next-year --review`: only the warnings the review ledger confirms are carried into 问题整改 (spec/CLI.md). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { xlsxOf } from '../fixtures/workbooks';
import { readRectification } from '../../src/core/years';
import { openWorkbook } from '../../src/hosts/file/load';
import { workbookSnapshot } from '../../src/hosts/file/snapshot';
import { district } from '../years/helpers';
import { run, tempDir } from './helpers';

/** 东城区 this year: JF12 not met (a warning to carry into next year). */
const dongcheng = () => district((d) => (d.values.JF12 = { current: '否', explanation: '补助办法正在制定' }));

async function problems(file: string): Promise<string[]> {
  const wb = await openWorkbook(new Uint8Array(readFileSync(file)));
  return readRectification(workbookSnapshot(wb), DEFAULT_RULESET)!.rows.map((r) => r.description);
}

test('next-year --review: an accepted explanation is not carried; a confirmed problem is', async () => {
  const t = tempDir();
  try {
    mkdirSync(t.path('2025'));
    const input = t.path('2025/东城区.xlsx');
    writeFileSync(input, await xlsxOf(dongcheng()));
    const ledger = t.path('审核台账.xlsx');
    expect((await run(['check', input, '--out', t.path('checked'), '--ledger', ledger, '--quiet'])).code).toBe(0);

    const confirmed = await run(['next-year', input, '--out', t.path('confirmed'), '--review', ledger]);
    expect(confirmed.code).toBe(0);
    expect(await problems(t.path('confirmed/东城区2026年度填报表.xlsx'))).toEqual([
      '普惠性民办幼儿园生均公用经费补助是否落实：普惠性民办幼儿园生均公用经费补助未落实',
    ]);

    const wb = await openWorkbook(new Uint8Array(readFileSync(ledger)));
    wb.getWorksheet('审核台账')!.eachRow((row, n) => {
      if (n > 1) row.getCell(10).value = '采纳说明';
    });
    writeFileSync(ledger, new Uint8Array(await wb.xlsx.writeBuffer()));
    const accepted = await run(['next-year', input, '--out', t.path('accepted'), '--review', ledger]);
    expect(accepted.code).toBe(0);
    expect(await problems(t.path('accepted/东城区2026年度填报表.xlsx'))).toEqual([]);
  } finally {
    t.done();
  }
});
