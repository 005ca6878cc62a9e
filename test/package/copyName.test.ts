/** Re-checking an annotated copy writes a copy of the same name, with one set of marks. */
import { readFileSync, writeFileSync } from 'node:fs';
import { openPackage } from '../../src/hosts/file/package/open';
import { workbookSheets } from '../../src/hosts/file/package/parts';
import { checkedName } from '../../src/taskpane/file/names';
import { district, xlsxOf } from '../fixtures/workbooks';
import { run, tempDir } from '../cli/helpers';

describe('the copy of a copy', () => {
  const t = tempDir();
  afterAll(() => t.done());

  it('keeps the copy’s name on the command line and on the page', async () => {
    writeFileSync(t.path('东城区.xlsx'), await xlsxOf(district((d) => (d.values.JF01 = { last: 1, current: '约' }))));
    await run(['check', t.path('东城区.xlsx'), '--out', t.path('one')]);
    const again = await run(['check', t.path('one/东城区.checked.xlsx'), '--out', t.path('two')]);
    expect(again.out).toContain('东城区.checked.xlsx');
    const pkg = openPackage(new Uint8Array(readFileSync(t.path('two/东城区.checked.xlsx'))));
    expect(workbookSheets(pkg).filter((s) => s.name === '校验结果')).toHaveLength(1);
    expect(checkedName('东城区.checked.xlsx')).toBe('东城区.checked.xlsx');
    expect(checkedName('东城区.xlsx')).toBe('东城区.checked.xlsx');
  });
});
