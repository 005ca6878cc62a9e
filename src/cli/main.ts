/** The `duty-review` command (spec/CLI.md). Exit status: 0 no errors, 1 errors or unreadable, 2 usage. */
/*
 * Start-up stays small: each command loads what it needs when it runs (ExcelJS only to write a
 * new workbook, docx only for `feedback`), so `--help` and `check` do not pay for the others.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { Io } from './check';
import { TOOL } from './jsonReport';
import { problemLine, RulesetFileError, UsageError } from './rules';
import { safeIo } from './safe';
import { CLI_TEXT as T } from './text';

// every command's lines pass through safeLine: text from a workbook never drives the terminal
const defaultIo: Io = safeIo({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  writeJson: (text) => process.stdout.write(text),
  now: () => new Date(),
});

/** Repeatable options collect into a list. */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

async function writeTemplate(
  file: string,
  rulesetFiles: string[] | undefined,
  rules: string | undefined,
): Promise<void> {
  const [{ loadRulesets }, { buildTemplate, protectTemplate }] = await Promise.all([
    import('./rules'),
    import('../hosts/file/template'),
  ]);
  const [ruleset] = await loadRulesets(rulesetFiles, rules);
  const wb = buildTemplate(ruleset);
  await protectTemplate(wb, ruleset);
  mkdirSync(dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
}

async function writeExamples(dir: string): Promise<number> {
  const [{ exampleCity }, { fillWorkbook }, { buildTemplate, protectTemplate }] = await Promise.all([
    import('../examples/city'),
    import('../hosts/file/fill'),
    import('../hosts/file/template'),
  ]);
  mkdirSync(dir, { recursive: true });
  const city = exampleCity();
  for (const [name, data] of Object.entries(city)) {
    const wb = buildTemplate();
    fillWorkbook(wb, data);
    await protectTemplate(wb);
    await wb.xlsx.writeFile(join(dir, `${name}.xlsx`));
  }
  return Object.keys(city).length;
}

function program(io: Io, setCode: (n: number) => void): Command {
  const p = new Command('duty-review')
    .description(T.description)
    .version(TOOL.version, '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .exitOverride()
    .configureHelp({
      optionDescription: (o) =>
        o.defaultValue === undefined ? o.description : T.withDefault(o.description, String(o.defaultValue)),
    })
    .configureOutput({
      writeErr: () => undefined,
      // one line at a time: a line break inside a line is taken for a control character
      writeOut: (s) =>
        T.helpHeadings(s)
          .trimEnd()
          .split('\n')
          .forEach((line) => io.out(line)),
    });
  // with --json -, stdout carries only the JSON
  const quietIo = (json?: string): Io => (json === '-' ? { ...io, out: io.err } : io);

  p.command('template')
    .description(T.templateCmd)
    .option('--ruleset <file>', T.optRuleset, collect)
    .option('--rules <file>', T.optRules)
    .option('--out <file>', T.optOutTemplate, '县级人民政府履行教育职责评价指标填报表.xlsx')
    .action(async (o: { ruleset?: string[]; rules?: string; out: string }) => {
      await writeTemplate(o.out, o.ruleset, o.rules);
      io.out(T.templateWritten(o.out));
      setCode(0);
    });

  p.command('check')
    .description(T.checkCmd)
    .argument('<FILE_OR_DIR...>')
    .option('--out <dir>', T.optOutDir, './checked')
    .option('--json <file>', T.optJson)
    .option('--ruleset <file>', T.optRuleset, collect)
    .option('--rules <file>', T.optRules)
    .option('--quiet', T.optQuiet)
    .option('--ledger <file>', T.optLedger)
    .option('--previous <FILE_OR_DIR...>', T.optPrevious)
    .option('--previous-review <file>', T.optPreviousReview)
    .action(
      async (
        files: string[],
        o: {
          out: string;
          json?: string;
          ruleset?: string[];
          rules?: string;
          quiet?: boolean;
          ledger?: string;
          previous?: string[];
          previousReview?: string;
        },
      ) => {
        const { runCheck } = await import('./check');
        setCode(await runCheck(files, o, quietIo(o.json)));
      },
    );

  p.command('feedback')
    .description(T.feedbackCmd)
    .argument('<FILE_OR_DIR...>')
    .option('--out <dir>', T.optOutDir, './feedback')
    .option('--ruleset <file>', T.optRuleset, collect)
    .option('--rules <file>', T.optRules)
    .addOption(new Option('--format <list>', T.optFormat).default('docx,txt'))
    .option('--city <name>', T.optCity)
    .option('--review <file>', T.optReview)
    .option('--previous <FILE_OR_DIR...>', T.optPrevious)
    .option('--previous-review <file>', T.optPreviousReview)
    .action(
      async (
        files: string[],
        o: {
          out: string;
          ruleset?: string[];
          rules?: string;
          format: string;
          city?: string;
          review?: string;
          previous?: string[];
          previousReview?: string;
        },
      ) => {
        const { runFeedback } = await import('./feedback');
        setCode(await runFeedback(files, o, io));
      },
    );

  p.command('next-year')
    .description(T.nextYearCmd)
    .argument('<FILE_OR_DIR...>')
    .requiredOption('--out <dir>', T.optOutNextYear)
    .option('--ruleset <file>', T.optNextRuleset)
    .option('--rules <file>', T.optRules)
    .option('--review <file>', T.optNextReview)
    .action(async (files: string[], o: { out: string; ruleset?: string; rules?: string; review?: string }) => {
      const { runNextYear } = await import('./nextYear');
      setCode(await runNextYear(files, o, io));
    });

  p.command('diff')
    .description(T.diffCmd)
    .argument('<OLD>')
    .argument('<NEW>')
    .option('--json <file>', T.diffJson)
    .option('--out <dir>', T.optDiffOut)
    .option('--ruleset <file>', T.optRuleset, collect)
    .option('--rules <file>', T.optRules)
    .action(
      async (before: string, after: string, o: { json?: string; out?: string; ruleset?: string[]; rules?: string }) => {
        const { runDiff } = await import('./diff');
        setCode(await runDiff(before, after, o, quietIo(o.json)));
      },
    );

  const rs = p.command('ruleset').description(T.rulesetCmd);
  rs.command('export')
    .description(T.rulesetExportCmd)
    .option('--ruleset <file>', T.optRuleset)
    .requiredOption('--out <file>', T.optOutRuleset)
    .action(async (o: { ruleset?: string; out: string }) => {
      const { loadRulesets } = await import('./rules');
      const [ruleset] = await loadRulesets(o.ruleset ? [o.ruleset] : []);
      const ext = extname(o.out).toLowerCase();
      if (ext !== '.xlsx' && ext !== '.json') throw new UsageError(T.badRulesetOut(o.out));
      mkdirSync(dirname(o.out), { recursive: true });
      if (ext === '.json') writeFileSync(o.out, (await import('../core/ruleset')).rulesetJson(ruleset!.doc));
      else
        await (await import('../hosts/file/rulesetWorkbook')).buildRulesetWorkbook(ruleset!.doc).xlsx.writeFile(o.out);
      io.out(T.rulesetWritten(o.out, ruleset!.version));
      setCode(0);
    });
  rs.command('check')
    .description(T.rulesetCheckCmd)
    .argument('<FILE>')
    .action(async (file: string) => {
      const { loadRulesetFile } = await import('./rules');
      const { ruleset, problems } = await loadRulesetFile(file);
      const errors = problems.filter((x) => x.level === 'error');
      const warnings = problems.filter((x) => x.level !== 'error');
      if (ruleset) io.out(T.rulesetOk(file, ruleset.version, ruleset.indicators.length, ruleset.rules.length));
      else io.err(T.rulesetBad(file, errors.length));
      for (const x of errors) io.err(problemLine(x));
      if (warnings.length) io.out(T.rulesetWarnings(warnings.length));
      for (const x of warnings) io.out(problemLine(x));
      setCode(ruleset ? 0 : 1);
    });

  p.command('examples')
    .description(T.examplesCmd)
    .option('--out <dir>', T.optOutDir, './examples')
    .action(async (o: { out: string }) => {
      io.out(T.examplesWritten(await writeExamples(o.out), o.out));
      setCode(0);
    });
  return p;
}

function usageMessage(e: CommanderError): string {
  const m = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'commander.unknownOption':
      return T.unknownOption(m);
    case 'commander.missingArgument':
      return T.missingArgument(m);
    case 'commander.unknownCommand':
      return T.unknownCommand(m);
    case 'commander.missingMandatoryOptionValue':
      return T.missingOption(m);
    default:
      return e.message.replace(/^error: /, '');
  }
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code = 0;
  const p = program(io, (n) => (code = n));
  if (argv.length === 0) {
    p.outputHelp();
    return 2;
  }
  try {
    await p.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return 0;
      io.err(T.usage(usageMessage(e)));
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(T.usage(e.message));
      return 2;
    }
    if (e instanceof RulesetFileError) {
      io.err(e.message);
      for (const x of e.problems) io.err(problemLine(x));
      return 2;
    }
    io.err(T.internal(e instanceof Error ? e.message : String(e)));
    return 1;
  }
}
