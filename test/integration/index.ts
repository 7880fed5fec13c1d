// The tests module VS Code loads in the extension host (extensionTestsPath): runs every
// *.test.js bundled beside it with mocha and records each result to the results file (the
// extension host exits with 0 whatever happens, so the launcher judges by that file alone).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { record, resultsFile, type TestState } from './harness';

function findTests(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

function errorOf(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

export async function run(): Promise<void> {
  const t0 = Date.now();
  // Stack traces point into the .ts sources (the bundles carry inline source maps).
  process.setSourceMapsEnabled(true);
  const files = findTests(__dirname);
  fs.mkdirSync(path.dirname(resultsFile()), { recursive: true });
  record({
    type: 'start',
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    appHost: vscode.env.appHost,
    uiKind: vscode.UIKind[vscode.env.uiKind],
    files: files.map((f) => path.relative(__dirname, f)),
    time: new Date().toISOString(),
  });

  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.NEWS_LENS_TEST_TIMEOUT_MS) || 60_000,
    // The spec reporter's output shows in a desktop run's terminal and in the harness's log.
    reporter: 'spec',
  });
  if (process.env.NEWS_LENS_TEST_GREP) mocha.grep(process.env.NEWS_LENS_TEST_GREP);
  for (const f of files) mocha.addFile(f);

  const counts = { passed: 0, failed: 0, skipped: 0 };
  const report = (state: TestState, test: Mocha.Runnable, err?: unknown) => {
    counts[state]++;
    record({
      type: 'test',
      state,
      title: test.title,
      fullTitle: test.fullTitle(),
      file: test.file ? path.basename(test.file).replace(/\.js$/, '.ts') : undefined,
      durationMs: test.duration,
      error: err === undefined ? undefined : errorOf(err),
    });
  };

  await new Promise<void>((resolve) => {
    try {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (t) => report('passed', t));
      runner.on('fail', (t, err) => report('failed', t, err));
      runner.on('pending', (t) => report('skipped', t));
    } catch (err) {
      // A test file that throws while loading ends up here.
      counts.failed++;
      record({ type: 'error', message: `mocha could not run: ${errorOf(err).stack ?? errorOf(err).message}` });
      resolve();
    }
  });
  record({ type: 'end', ...counts, durationMs: Date.now() - t0 });
  if (counts.failed) throw new Error(`${counts.failed} integration test(s) failed`);
}
