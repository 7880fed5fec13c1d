// System prerequisites for the integration tests, the e2e tests and `npm start`: Debian's
// Chromium and ripgrep, then the cached code-server (test/harness/code-server.mjs). A fast
// no-op when everything is in place. As root on Debian it installs what is missing with apt;
// elsewhere it stops with the packages to install.
//
//   node scripts/setup-system.mjs [--no-code-server]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { prepareCodeServer, which } from '../test/harness/code-server.mjs';
import { CHROMIUM } from '../test/harness/paths.mjs';

const skipCodeServer = process.argv.includes('--no-code-server');

function missingPackages() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!which('rg')) missing.push('ripgrep');
  return missing;
}

function fail(msg) {
  console.error(`setup-system: ${msg}`);
  process.exit(1);
}

let missing = missingPackages();
if (missing.length) {
  const isRoot = process.getuid?.() === 0;
  const isDebian = fs.existsSync('/etc/debian_version') && !!which('apt-get');
  if (!isRoot || !isDebian) {
    fail(
      `missing ${missing.join(' and ')}. Install the Debian package(s) ${missing.join(' ')} ` +
        `(e.g. \`sudo apt-get install -y ${missing.join(' ')}\`), or set NEWS_LENS_CHROMIUM to a Chromium binary and put rg on PATH.`,
    );
  }
  console.log(`setup-system: installing ${missing.join(' ')} with apt-get (once per machine)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) fail(`\`apt-get ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
  }
  missing = missingPackages();
  if (missing.length) fail(`still missing after apt-get: ${missing.join(' ')}`);
  try {
    console.log(`setup-system: ${execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()}, ${execFileSync('rg', ['--version'], { encoding: 'utf8' }).split('\n')[0]}`);
  } catch {
    // versions are informational
  }
}

if (!skipCodeServer) {
  try {
    await prepareCodeServer();
  } catch (err) {
    fail(`could not prepare code-server: ${err?.message ?? err}`);
  }
}
