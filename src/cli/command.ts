// A CLI command: its options in node:util parseArgs form, and a run that returns the exit code.
export interface CliContext {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  /** Writes a line to stdout. */
  out: (line: string) => void;
  /** Writes a line to stderr. */
  err: (line: string) => void;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean }>;
  run(ctx: CliContext): number | Promise<number>;
}
