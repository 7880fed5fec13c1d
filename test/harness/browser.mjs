// Debian's Chromium driven by playwright-core, opening code-server's workbench.
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM } from './paths.mjs';
import { onCleanup } from './cleanup.mjs';

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// closed network refuses; --no-sandbox because the harness runs as root.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export async function launchBrowser({ headless = true } = {}) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`node scripts/setup-system.mjs\` (Debian package: chromium) or set NEWS_LENS_CHROMIUM.`);
  }
  const { chromium } = await import('playwright-core');
  // Our cleanup (test/harness/cleanup.mjs) closes the browser on signals; Playwright's own handlers
  // would exit the process before code-server is stopped and the temp folders removed.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = async () => {
    try {
      await browser.close();
    } catch {
      // already closed
    }
  };
  const unregister = onCleanup(close);
  return {
    browser,
    close: async () => {
      unregister();
      await close();
    },
  };
}

/**
 * The workbench URL for a folder, with the extension loaded in development mode and, when
 * given, a tests module that VS Code runs in the extension host.
 */
export function workbenchUrl(serverUrl, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const authority = new URL(serverUrl).host;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
  if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${serverUrl}/${query.length ? `?${query.join('&')}` : ''}`;
}

/**
 * Opens a page and copies everything it says (console, page errors, crashes, failed requests)
 * to logFile; the extension host's console and errors reach the workbench's console in
 * development mode, so they land there too.
 */
export async function openWorkbench(browser, url, { logFile, viewport = { width: 1440, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const pageLog = attachPageLog(page, logFile);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  return { context, page, pageLog };
}

// Console errors every run has on this offline machine, left out of error summaries.
const NOISE = [/open-vsx\.org|ENOTFOUND|ERR_NAME_NOT_RESOLVED/, /Failed to load resource: the server responded with a status of 404/];

/**
 * Copies the page's console to logFile (when given) and keeps its errors; returns
 * { errors: string[] } (console errors and page errors, known offline noise left out).
 */
export function attachPageLog(page, logFile) {
  const errors = [];
  let out;
  if (logFile) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    out = fs.createWriteStream(logFile, { flags: 'a' });
  }
  const t0 = Date.now();
  const write = (kind, text) => {
    if (/error|crash/.test(kind) && !NOISE.some((re) => re.test(text))) errors.push(text);
    out?.write(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s ${kind}] ${text}\n`);
  };
  page.on('console', (msg) => write(`console.${msg.type()}`, stripStyles(msg.text())));
  page.on('pageerror', (err) => write('pageerror', err?.stack ?? String(err)));
  page.on('crash', () => write('crash', 'the page crashed'));
  page.on('requestfailed', (req) => {
    const failure = req.failure()?.errorText ?? '';
    if (!/ERR_ABORTED/.test(failure)) write('requestfailed', `${req.url()} ${failure}`);
  });
  page.on('close', () => out?.end());
  return { errors };
}

// VS Code styles its console lines with %c directives.
function stripStyles(text) {
  return text.replace(/%c/g, '').replace(/\s*\b(color|font-weight|background|font-size)\s*:\s*[^;\s]+;?/g, '');
}
