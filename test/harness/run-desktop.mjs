// `npm run test:vscode-desktop`: the same integration suite in desktop VS Code (Electron),
// through @vscode/test-electron, for a machine that can download VS Code and show a window (on
// Linux without a display: `xvfb-run -a npm run test:vscode-desktop`). Not used by CI here.
//
//   node test/harness/run-desktop.mjs [--grep PATTERN] [--keep] [--vscode VERSION|stable|insiders]
//
// Needs `npm run build` first. VS Code is downloaded to .vscode-test/ (git-ignored) once.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildTests, runOutDir } from './build-tests.mjs';
import { runCleanups } from './cleanup.mjs';
import { ROOT } from './paths.mjs';
import { ResultsReader, printSummary } from './results.mjs';
import { makeTestWorkspace, tempDir } from './workspace.mjs';

const { values: opts } = parseArgs({
  options: {
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // The version the web harness runs (code-server 4.100.3 carries VS Code 1.100.3).
    vscode: { type: 'string', default: process.env.NEWS_LENS_VSCODE_VERSION ?? '1.100.3' },
  },
});

let exitCode = 1;
try {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const { runTests } = await import('@vscode/test-electron');
  const testsModule = await buildTests({ outDir: runOutDir('desktop') });
  const workspace = makeTestWorkspace({ keep: opts.keep });
  const scratch = tempDir('desktop', { keep: opts.keep });
  const resultsFile = path.join(scratch, 'results.jsonl');
  const reader = new ResultsReader(resultsFile);
  const timer = setInterval(() => reader.poll(), 250);
  let problem;
  try {
    const code = await runTests({
      version: opts.vscode,
      cachePath: path.join(ROOT, '.vscode-test'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: testsModule,
      extensionTestsEnv: {
        NEWS_LENS_TEST_RESULTS: resultsFile,
        ...(opts.grep ? { NEWS_LENS_TEST_GREP: opts.grep } : {}),
      },
      launchArgs: [
        workspace.dir,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
        '--user-data-dir', path.join(scratch, 'user-data'),
        '--extensions-dir', path.join(scratch, 'extensions'),
      ],
    });
    if (code !== 0) problem = `VS Code exited with code ${code}`;
  } catch (err) {
    // runTests rejects when VS Code exits non-zero, which our run() does when a test fails.
    problem = `VS Code: ${err?.message ?? err}`;
  } finally {
    clearInterval(timer);
  }
  reader.poll();
  // A failing test makes run() throw, so VS Code exits non-zero: that is no extra problem.
  if (problem && reader.end && reader.tally.failed > 0) problem = undefined;
  exitCode = printSummary(reader, { problem });
} catch (err) {
  console.error(`[harness] ${err?.stack ?? err}`);
  console.log('0 passed, 1 failed, 0 skipped');
} finally {
  await runCleanups();
}
process.exit(exitCode);
