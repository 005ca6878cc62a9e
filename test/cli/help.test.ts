/**
 * The help is read in a terminal: one line per line, in Chinese, nothing taken for a control
 * character. Run with the command's own output (the one every user gets), not a captured one.
 */
import { main } from '../../src/cli/main';

async function printed(args: string[]): Promise<string> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await main(args);
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

describe('duty-review --help', () => {
  it.each([[['--help']], [['help', 'check']], [['check', '--help']]])('%j prints readable lines', async (args) => {
    const out = await printed(args);
    expect(out.split('\n').length).toBeGreaterThan(5);
    expect(out).not.toContain('\ufffd');
    expect(out).toMatch(/用法|命令|选项/);
  });
});
