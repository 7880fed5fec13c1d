// `news-lens`: the CLI over the same core as the extension.
import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { analyzeCommand } from './commands/analyze';
import { annotateCommand } from './commands/annotate';
import { annotationsCommand } from './commands/annotations';
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { stats } from './commands/stats';

const commands: CliCommand[] = [analyzeCommand, stats, annotateCommand, annotationsCommand, checkCommand, exportCommand, importCommand];

function help(): string {
  return ['usage: news-lens <command> [options]', '', ...commands.map((c) => `  ${c.usage.padEnd(70)} ${c.summary}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`news-lens: unknown command '${name}'\n${help()}\n`);
    return 2;
  }
  try {
    const { positionals, values } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run({
      positionals,
      values: values as CliContext['values'],
      out: (line) => process.stdout.write(line + '\n'),
      err: (line) => process.stderr.write(line + '\n'),
    });
  } catch (e: any) {
    process.stderr.write(`news-lens ${name}: ${e?.message ?? e}\n`);
    return 1;
  }
}

type CliContext = import('./command').CliContext;

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`news-lens: ${e?.stack ?? e}\n`);
    process.exitCode = 1;
  },
);
