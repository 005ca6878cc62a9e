/**
 * The example workbooks the README's main command checks (examples/) are what `duty-review
 * examples` writes today: each carries the bundled ruleset as it is now, so checking them never
 * says their ruleset differs, and each says what the example city's figures say of it.
 * When the ruleset's text changes, `node bin/duty-review.js examples` writes them again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledRuleset } from '../../src/core/ruleset';
import { checkBytes } from '../../src/hosts/file/check';
import { exampleCity } from '../../src/examples/city';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const NOW = new Date(Date.UTC(2026, 2, 20));

describe.each(Object.values(exampleCity()).map((d) => d.info.name))('examples/%s.xlsx', (name) => {
  test('carries the bundled ruleset as it is now and is the example city’s district', async () => {
    const checked = await checkBytes(
      new Uint8Array(readFileSync(join(EXAMPLES, `${name}.xlsx`))),
      [bundledRuleset()],
      NOW,
    );
    expect(checked.status).toBe('checked');
    if (checked.status !== 'checked') return;
    expect(checked.report.findings.filter((f) => f.rule.startsWith('TPL.'))).toEqual([]);
    expect(checked.report.district.name).toBe(name);
  });
});
