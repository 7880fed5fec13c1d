// Which files of a folder are articles: `.news` files and files matching the include glob,
// less the exclude glob. The same rule as the extension's `newsLens.include`/`exclude`.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { globSync } from 'tinyglobby';

export const DEFAULT_INCLUDE = '**/*.txt';
export const DEFAULT_EXCLUDE = '**/{node_modules,.git,.vscode-test,dist}/**';

export interface FindOptions {
  include?: string;
  exclude?: string;
}

/** Expands files and folders into article paths (absolute, sorted). Files named directly are kept as given. */
export function findArticles(inputs: string[], opts: FindOptions = {}): string[] {
  const out = new Set<string>();
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      // Let the reader report a missing file with its own message.
    }
    if (!isDir) {
      out.add(resolve(input));
      continue;
    }
    const found = globSync([opts.include ?? DEFAULT_INCLUDE, '**/*.news'], {
      cwd: input,
      absolute: true,
      ignore: [opts.exclude ?? DEFAULT_EXCLUDE],
      onlyFiles: true,
    });
    for (const f of found) out.add(resolve(f));
  }
  return [...out].sort();
}
