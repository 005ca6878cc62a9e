/** A workbook checked with the ruleset it carries says so on its line; the others do not. */
import { compileRuleset } from '../../src/core/ruleset/compile';
import { CLI_TEXT as T } from '../../src/cli/text';
import { district, workbookOf } from '../fixtures/workbooks';
import { WEIHAI, weihaiDoc } from '../taskpane/rulesetHelpers';
import { run, tempDir } from './helpers';

describe('the ruleset named on each line', () => {
  const t = tempDir();
  afterAll(() => t.done());

  it('names the carried ruleset on the line of the workbook checked with it', async () => {
    const weihai = compileRuleset(weihaiDoc()).ruleset!;
    await workbookOf(
      district((d) => (d.info.version = WEIHAI.version)),
      weihai,
    ).xlsx.writeFile(t.path('威海.xlsx'));
    await workbookOf(district()).xlsx.writeFile(t.path('本市.xlsx'));
    const r = await run(['check', t.path('威海.xlsx'), t.path('本市.xlsx'), '--out', t.path('out')]);
    const lines = r.out.split('\n');
    expect(lines.find((l) => l.includes('威海.xlsx'))).toContain(T.ownRuleset(WEIHAI.version));
    expect(lines.find((l) => l.includes('本市.xlsx'))).not.toContain('按自带规则集');
  });
});
