// `npm run test:e2e`: uses News Lens in a real VS Code (code-server in headless Chromium) the
// way a person does — Explorer, command palette, notifications, activity bar — and saves
// screenshots to test-results/screenshots/.
//
//   node test/harness/run-e2e.mjs [--grep PATTERN] [--update-docs] [--keep] [--timeout SECONDS]
//
// Scenarios: every test/e2e/*.e2e.mjs, in name order, in one workbench session. Each file
// default-exports an array of { name, run(wb, ctx) }; wb is a Workbench (test/harness/
// workbench.mjs), ctx is { workspace, root, cli(args), skip(reason), log(msg) }.
// A screenshot taken with { docs: 'name.png' } is copied to docs/screenshots/ when
// --update-docs is given or when that file does not exist yet.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { HARNESS_SETTINGS, prepareCodeServer, startCodeServer } from './code-server.mjs';
import { launchBrowser, openWorkbench, workbenchUrl } from './browser.mjs';
import { runCleanups } from './cleanup.mjs';
import { RESULTS_DIR, ROOT } from './paths.mjs';
import { Workbench } from './workbench.mjs';
import { makeTestWorkspace, tempDir } from './workspace.mjs';

const { values: opts } = parseArgs({
  options: {
    grep: { type: 'string' },
    'update-docs': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    // Per scenario.
    timeout: { type: 'string', default: '120' },
  },
});

const SCREENSHOT_DIR = path.join(RESULTS_DIR, 'screenshots');
const LOG_DIR = path.join(RESULTS_DIR, 'e2e');
const DOCS_DIR = path.join(ROOT, 'docs', 'screenshots');
const E2E_DIR = path.join(ROOT, 'test', 'e2e');
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

class Skip extends Error {}

async function loadScenarios() {
  const files = fs.readdirSync(E2E_DIR).filter((f) => f.endsWith('.e2e.mjs')).sort();
  const out = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(E2E_DIR, f)).href);
    const list = mod.default ?? mod.scenarios;
    if (!Array.isArray(list)) throw new Error(`${f} must default-export an array of { name, run }`);
    for (const s of list) out.push({ ...s, file: f, fullName: `${f.replace(/\.e2e\.mjs$/, '')}: ${s.name}` });
  }
  const re = opts.grep ? new RegExp(opts.grep, 'i') : undefined;
  return out.filter((s) => !re || re.test(s.fullName));
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  for (const d of [SCREENSHOT_DIR, LOG_DIR]) {
    fs.rmSync(d, { recursive: true, force: true });
    fs.mkdirSync(d, { recursive: true });
  }
  const scenarios = await loadScenarios();
  if (!scenarios.length) throw new Error(`no scenarios${opts.grep ? ` matching ${opts.grep}` : ''} in ${E2E_DIR}`);
  await prepareCodeServer();
  const workspace = makeTestWorkspace({ keep: opts.keep, fixtures: false });
  const scratch = tempDir('e2e', { keep: opts.keep });
  const server = await startCodeServer({
    userDataDir: path.join(scratch, 'user-data'),
    extensionsDir: path.join(scratch, 'extensions'),
    logFile: path.join(LOG_DIR, 'code-server.log'),
    // Wrapped lines read better in screenshots (news-article files wrap by default already).
    settings: { ...HARNESS_SETTINGS, 'editor.wordWrap': 'on' },
  });
  const { browser, close: closeBrowser } = await launchBrowser();
  const url = workbenchUrl(server.url, { folder: workspace.dir, extensionDevelopmentPath: ROOT });
  const { page, pageLog } = await openWorkbench(browser, url, { logFile: path.join(LOG_DIR, 'browser-console.log') });
  const wb = new Workbench(page, { screenshotDir: SCREENSHOT_DIR });
  await wb.waitReady({ activityBarItem: 'News Lens' });
  console.log(`[e2e] workbench ready after ${secs(Date.now() - t0)} (${server.url}, workspace ${workspace.dir})`);

  const ctx = {
    workspace,
    root: ROOT,
    /** Runs the project's CLI (dist/cli.js) and returns its stdout. */
    cli: (args) => execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8', cwd: workspace.dir }),
    skip: (reason) => {
      throw new Skip(reason);
    },
    log: (msg) => console.log(`      ${msg}`),
  };
  const tally = { passed: 0, failed: 0, skipped: 0 };
  const failures = [];
  for (const s of scenarios) {
    const started = Date.now();
    try {
      await wb.resetLayout();
      await withTimeout(s.run(wb, ctx), Number(opts.timeout) * 1000, `"${s.fullName}"`);
      tally.passed++;
      console.log(`  ✓ ${s.fullName} (${Date.now() - started} ms)`);
    } catch (err) {
      if (err instanceof Skip) {
        tally.skipped++;
        console.log(`  - ${s.fullName} [skipped: ${err.message}]`);
        continue;
      }
      tally.failed++;
      failures.push({ name: s.fullName, err });
      console.log(`  ✗ ${s.fullName}\n      ${String(err?.message ?? err).split('\n')[0]}`);
      try {
        await wb.screenshot(`FAILED-${s.fullName.replace(/[^\w.-]+/g, '_')}`);
      } catch {
        // the page may be gone
      }
      // Close whatever the failed scenario left open (palette, menus) before the next one.
      await page.keyboard.press('Escape').catch(() => {});
    }
  }

  updateDocs(wb.screenshots);
  await closeBrowser();
  await server.stop();
  return { tally, failures, pageErrors: pageLog.errors, shots: wb.screenshots };
}

function updateDocs(shots) {
  for (const s of shots.filter((x) => x.docs)) {
    const dest = path.join(DOCS_DIR, s.docs);
    if (opts['update-docs'] || !fs.existsSync(dest)) {
      fs.mkdirSync(DOCS_DIR, { recursive: true });
      fs.copyFileSync(s.file, dest);
      console.log(`[e2e] ${path.relative(ROOT, s.file)} → ${path.relative(ROOT, dest)}`);
    }
  }
}

let exitCode = 1;
try {
  const { tally, failures, pageErrors, shots } = await main();
  console.log('');
  for (const f of failures) {
    console.log(`FAILED: ${f.name}`);
    console.log(String(f.err?.stack ?? f.err).replace(/^/gm, '    '));
  }
  if (failures.length && pageErrors.length) {
    console.log('Workbench console errors:');
    for (const e of pageErrors.slice(-8)) console.log(`    ${e.split('\n')[0]}`);
  }
  console.log(`${shots.length} screenshot(s) in ${path.relative(process.cwd(), SCREENSHOT_DIR)}/; logs in ${path.relative(process.cwd(), LOG_DIR)}/; took ${secs(Date.now() - t0)}`);
  console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`);
  exitCode = tally.failed === 0 && tally.passed > 0 ? 0 : 1;
} catch (err) {
  console.error(`[e2e] ${err?.stack ?? err}`);
  console.log('0 passed, 1 failed');
} finally {
  await runCleanups();
}
process.exit(exitCode);
