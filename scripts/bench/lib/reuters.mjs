// The Reuters corpus as a folder of .txt files, shared by every benchmark: expanded once with
// ../shared/tools/corpus-expand.mjs into $NEWS_LENS_REUTERS_DIR (default <tmp>/news-lens-reuters).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared');
export const REUTERS_ARTICLES = 18834;

/** The folder, expanded when it holds fewer than `atLeast` articles; undefined without ../shared. */
export function reutersDir(atLeast = REUTERS_ARTICLES) {
  const dir = process.env.NEWS_LENS_REUTERS_DIR || join(tmpdir(), 'news-lens-reuters');
  const have = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).length : 0;
  if (have < Math.min(atLeast, REUTERS_ARTICLES)) {
    const tool = join(SHARED, 'tools', 'corpus-expand.mjs');
    if (!existsSync(tool)) return undefined;
    process.stderr.write(`expanding the Reuters corpus into ${dir} …\n`);
    execFileSync(process.execPath, [tool, dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return dir;
}
