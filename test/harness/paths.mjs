// Where things live, for every harness module. Override the machine-specific ones with env vars.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root (the folder holding package.json). */
export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** code-server release that carries VS Code 1.100.3 (keep in step with engines.vscode). */
export const CODE_SERVER_VERSION = '4.100.3';

/** Cached code-server install, keyed by version so a new version never reuses an old tree. */
export const CODE_SERVER_DIR =
  process.env.NEWS_LENS_CODE_SERVER_DIR ?? path.join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);

export const CHROMIUM = process.env.NEWS_LENS_CHROMIUM ?? '/usr/bin/chromium';

/** The project's shared seed articles, beside the repository; samples/ stands in when absent. */
export const SEEDS_DIR = path.resolve(ROOT, '..', 'shared', 'seeds');
export const SAMPLES_DIR = path.join(ROOT, 'samples');

/** Git-ignored output: logs and screenshots of the last runs. */
export const RESULTS_DIR = path.join(ROOT, 'test-results');

/** Bundled integration tests (git-ignored out/). */
export const TESTS_OUT_DIR = path.join(ROOT, 'out', 'test', 'integration');

export const EXTENSION_ID = 'newslens.news-lens';

/** Which folder the tests and `npm start` open: the shared seeds, else the project's samples. */
export function articleSource() {
  if (existsSync(SEEDS_DIR)) return { kind: 'seeds', dir: SEEDS_DIR };
  return { kind: 'samples', dir: SAMPLES_DIR };
}
