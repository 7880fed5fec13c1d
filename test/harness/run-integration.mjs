// `npm run test:integration`: runs test/integration/*.test.ts inside a real VS Code (code-server
// in headless Chromium), with the extension in development mode on a copy of the seed articles.
//
//   node test/harness/run-integration.mjs [--grep PATTERN] [--keep] [--timeout SECONDS]
//
// Needs `npm run build` first (npm test does it). Logs: test-results/integration/
// (code-server.log, browser-console.log with the extension host's console, vscode-logs/).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildTests, runOutDir } from './build-tests.mjs';
import { HARNESS_SETTINGS, prepareCodeServer, sleep, startCodeServer } from './code-server.mjs';
import { launchBrowser, openWorkbench, workbenchUrl } from './browser.mjs';
import { runCleanups } from './cleanup.mjs';
import { RESULTS_DIR, ROOT } from './paths.mjs';
import { ResultsReader, indent, printSummary } from './results.mjs';
import { makeTestWorkspace, tempDir } from './workspace.mjs';

const { values: opts } = parseArgs({
  options: {
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // The whole run, from opening the page to the last test: generous but bounded.
    timeout: { type: 'string', default: process.env.NEWS_LENS_INTEGRATION_TIMEOUT ?? '600' },
    // From opening the page to the tests module's first record (VS Code start + extension load).
    'start-timeout': { type: 'string', default: '180' },
  },
});

const LOG_DIR = path.join(RESULTS_DIR, 'integration');
const logs = path.relative(process.cwd(), LOG_DIR) + '/';
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first');
  }
  fs.rmSync(LOG_DIR, { recursive: true, force: true });
  fs.mkdirSync(LOG_DIR, { recursive: true });

  const [testsModule] = await Promise.all([buildTests({ outDir: runOutDir('integration') }), prepareCodeServer()]);
  const workspace = makeTestWorkspace({ keep: opts.keep });
  const scratch = tempDir('integration', { keep: opts.keep });
  const resultsFile = path.join(scratch, 'results.jsonl');
  console.log(`[harness] workspace: ${workspace.dir} (${workspace.articles.length} ${workspace.source === 'seeds' ? 'seed' : 'sample'} articles + fixtures/)`);

  const server = await startCodeServer({
    userDataDir: path.join(scratch, 'user-data'),
    extensionsDir: path.join(scratch, 'extensions'),
    logFile: path.join(LOG_DIR, 'code-server.log'),
    settings: HARNESS_SETTINGS,
    env: {
      NEWS_LENS_TEST_RESULTS: resultsFile,
      ...(opts.grep ? { NEWS_LENS_TEST_GREP: opts.grep } : {}),
    },
  });
  console.log(`[harness] code-server ${server.url} (pid ${server.pid}) ready after ${secs(Date.now() - t0)}`);

  // The extension host exits once the tests module is done, or when it fails to load: then the
  // results are final a moment later, and waiting for the time limit would only waste it.
  let hostExit;
  server.onLine((line) => {
    const m = /Extension Host Process exited with code: (\S+), signal: (\S+)\./.exec(line);
    if (m) hostExit ??= { at: Date.now(), code: m[1], signal: m[2] };
  });

  const { browser, close: closeBrowser } = await launchBrowser();
  const url = workbenchUrl(server.url, { folder: workspace.dir, extensionDevelopmentPath: ROOT, extensionTestsPath: testsModule });
  const { page, pageLog } = await openWorkbench(browser, url, { logFile: path.join(LOG_DIR, 'browser-console.log') });
  let pageCrashed = false;
  page.on('crash', () => (pageCrashed = true));

  const reader = new ResultsReader(resultsFile);
  const startTimeoutMs = Number(opts['start-timeout']) * 1000;
  const timeoutMs = Number(opts.timeout) * 1000;
  let problem;
  for (;;) {
    reader.poll();
    if (reader.end) break;
    const elapsed = Date.now() - reader.started;
    if (!reader.start && elapsed > startTimeoutMs) {
      problem = `the tests module did not start within ${startTimeoutMs / 1000} s (did VS Code or the extension fail to load?)`;
    } else if (elapsed > timeoutMs) {
      problem = `the tests did not finish within ${timeoutMs / 1000} s`;
    } else if (pageCrashed) {
      problem = 'the browser page crashed';
    } else if (hostExit && Date.now() - hostExit.at > 5000) {
      problem = `the extension host exited (code ${hostExit.code}, signal ${hostExit.signal}) before the tests ${reader.start ? 'finished' : 'started'}`;
    }
    if (problem) break;
    await sleep(200);
  }

  if (problem) {
    if (pageLog.errors.length) {
      console.log(`[harness] the workbench's last console errors (all of them in ${logs}browser-console.log):`);
      for (const e of pageLog.errors.slice(-8)) console.log(indent(e.split('\n').slice(0, 6).join('\n'), 4));
    }
    await page.screenshot({ path: path.join(LOG_DIR, 'at-failure.png') }).catch(() => {});
  }
  await closeBrowser();
  await server.stop();
  try {
    fs.cpSync(path.join(scratch, 'user-data', 'logs'), path.join(LOG_DIR, 'vscode-logs'), { recursive: true });
  } catch {
    // no logs written
  }
  return { reader, problem };
}

let exitCode = 1;
try {
  const { reader, problem } = await main();
  exitCode = printSummary(reader, { problem, footer: `Integration run took ${secs(Date.now() - t0)}; logs in ${logs}` });
} catch (err) {
  console.error(`[harness] ${err?.stack ?? err}`);
  console.log('0 passed, 1 failed, 0 skipped');
} finally {
  await runCleanups();
}
process.exit(exitCode);
