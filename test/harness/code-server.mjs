// code-server (VS Code 1.100.3 for the browser): a cached install prepared once per version,
// and a started server whose whole process tree is stopped with it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CODE_SERVER_DIR, CODE_SERVER_VERSION } from './paths.mjs';
import { descendants, isAlive, onCleanup, trackProcessGroup } from './cleanup.mjs';

const MARKER = path.join(CODE_SERVER_DIR, '.news-lens-prepared.json');
const PACKAGE_DIR = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server');
const VSCODE_DIR = path.join(PACKAGE_DIR, 'lib', 'vscode');
export const ENTRY = path.join(PACKAGE_DIR, 'out', 'node', 'entry.js');

// Native addons are built for one Node ABI: a different Node means a fresh prepare.
const wanted = { codeServer: CODE_SERVER_VERSION, nodeAbi: process.versions.modules, platform: `${process.platform}-${process.arch}` };

function log(msg) {
  console.log(`[code-server] ${msg}`);
}

/** The cached install is complete and matches this code-server version and Node ABI. */
export function isPrepared() {
  try {
    const m = JSON.parse(fs.readFileSync(MARKER, 'utf8'));
    return Object.entries(wanted).every(([k, v]) => m[k] === v) && fs.existsSync(ENTRY);
  } catch {
    return false;
  }
}

/**
 * Installs code-server into the cache folder (idempotent: a no-op when the marker says it is
 * done). About 30 s on a fresh machine; needs npm, node-gyp's toolchain and ripgrep (`rg`).
 */
export async function prepareCodeServer() {
  if (isPrepared()) {
    ensureRipgrep();
    return { dir: CODE_SERVER_DIR, entry: ENTRY, fresh: false };
  }
  const release = await lock();
  try {
    if (isPrepared()) return { dir: CODE_SERVER_DIR, entry: ENTRY, fresh: false }; // another process did it
    const started = Date.now();
    log(`preparing code-server ${CODE_SERVER_VERSION} in ${path.relative(process.cwd(), CODE_SERVER_DIR) || '.'} (once per version)…`);
    fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
    fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
    fs.writeFileSync(
      path.join(CODE_SERVER_DIR, 'package.json'),
      JSON.stringify({ name: 'news-lens-code-server-cache', private: true, description: 'Harness cache: see test/harness/code-server.mjs' }, null, 2),
    );
    const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];
    // Install scripts are skipped (code-server's postinstall wants a full build of everything);
    // the few native addons the server needs are rebuilt explicitly below.
    await npm(['install', '--ignore-scripts', ...npmFlags, `code-server@${CODE_SERVER_VERSION}`], CODE_SERVER_DIR);
    await npm(['install', '--omit=dev', '--ignore-scripts', ...npmFlags], VSCODE_DIR);
    await npm(['rebuild', ...npmFlags, '@vscode/spdlog', 'native-watchdog'], VSCODE_DIR);
    requireFile(path.join(VSCODE_DIR, 'node_modules/@vscode/spdlog/build/Release/spdlog.node'));
    requireFile(path.join(VSCODE_DIR, 'node_modules/native-watchdog/build/Release/watchdog.node'));
    // VS Code looks for unpacked asar modules (ripgrep, oniguruma's wasm) in node_modules.asar.
    fs.symlinkSync('node_modules', path.join(VSCODE_DIR, 'node_modules.asar'));
    ensureRipgrep();
    // argon2 (password hashing) is loaded by code-server even with --auth none.
    const argonHome = [path.join(PACKAGE_DIR, 'node_modules', 'argon2'), path.join(CODE_SERVER_DIR, 'node_modules', 'argon2')].find((d) =>
      fs.existsSync(d),
    );
    if (argonHome) {
      await npm(['rebuild', ...npmFlags, 'argon2'], path.dirname(path.dirname(argonHome)));
      if (!findFile(argonHome, 'argon2.node')) throw new Error(`argon2 did not build in ${argonHome}`);
    }
    fs.writeFileSync(MARKER, JSON.stringify({ ...wanted, preparedAt: new Date().toISOString() }, null, 2) + '\n');
    log(`prepared in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { dir: CODE_SERVER_DIR, entry: ENTRY, fresh: true };
  } finally {
    release();
  }
}

/** workspace.findFiles needs ripgrep where @vscode/ripgrep's postinstall would have put it. */
function ensureRipgrep() {
  const target = path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (fs.existsSync(target)) return;
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep (rg) is not on PATH: run `node scripts/setup-system.mjs` (Debian package: ripgrep).');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.rmSync(target, { force: true });
  fs.symlinkSync(rg, target);
}

export function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return fs.realpathSync(p);
    } catch {
      // not here
    }
  }
  return undefined;
}

function requireFile(p) {
  if (!fs.existsSync(p)) throw new Error(`expected ${p} after the build, but it is missing`);
}

function findFile(dir, name) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name === name) return path.join(e.parentPath ?? e.path, e.name);
  }
  return undefined;
}

function npm(args, cwd) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    // JOBS: node-gyp builds the native addons on every core.
    const child = spawn('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...cleanNpmEnv(), JOBS: 'max' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const where = path.relative(CODE_SERVER_DIR, cwd) || '.';
      if (code === 0) {
        log(`npm ${args.filter((a) => !a.startsWith('--')).join(' ')} (${where}): ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        resolve();
      } else {
        reject(new Error(`npm ${args.join(' ')} failed in ${cwd} (exit ${code}):\n${out.slice(-4000)}`));
      }
    });
  });
}

// Under `npm test`, npm passes its own settings down as npm_config_* variables; the nested
// installs into the cache must not inherit them (e.g. --omit or a workspace prefix).
function cleanNpmEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^npm_(config|package|lifecycle)_/i.test(k) && !/^npm_config_(cache|registry|userconfig|globalconfig|nodedir|cafile)$/i.test(k)) delete env[k];
  }
  return env;
}

/** A cross-process lock beside the cache folder, so two runs never prepare at once. */
async function lock() {
  const lockDir = `${CODE_SERVER_DIR}.lock`;
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      const release = () => fs.rmSync(lockDir, { recursive: true, force: true });
      const unregister = onCleanup(release);
      return () => {
        unregister();
        release();
      };
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
      } catch {
        // being written or removed
      }
      if (owner && !isAlive(owner)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir} (held by pid ${owner})`);
      if (!announced) log(`waiting for another process (pid ${owner}) to finish preparing…`);
      announced = true;
      await sleep(1000);
    }
  }
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** A free TCP port on the loopback interface. */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * User settings for harness runs: no welcome page, no gallery or update checks (this network
 * reaches no marketplace), no tips, no chat; quiet and the same on every run.
 */
export const HARNESS_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'typescript.disableAutomaticTypeAcquisition': true,
};

/**
 * Starts code-server in its own process group and waits until it answers. Returns
 * { url, port, pid, logFile, stop() }; stop() ends the whole tree (server, extension hosts,
 * pty host, watchers) and is also registered to run on exit, Ctrl-C and errors.
 *
 * env is added to code-server's environment, which the extension host inherits.
 */
export async function startCodeServer({
  userDataDir,
  extensionsDir,
  port,
  host = '127.0.0.1',
  env = {},
  logFile,
  echo = false,
  extraArgs = [],
  readyTimeoutMs = 60_000,
  settings,
}) {
  if (!isPrepared()) await prepareCodeServer();
  fs.mkdirSync(userDataDir, { recursive: true });
  if (settings) {
    // Written only when there is none yet, so a kept user-data folder keeps its owner's edits.
    const file = path.join(userDataDir, 'User', 'settings.json');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
    }
  }
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fixedPort = port !== undefined;
  for (let attempt = 1; ; attempt++) {
    const p = fixedPort ? port : await freePort(host);
    try {
      return await startOnce({ userDataDir, extensionsDir, port: p, host, env, logFile, echo, extraArgs, readyTimeoutMs });
    } catch (err) {
      // A free port can be taken between the probe and the bind: try another one.
      if (fixedPort || attempt >= 3 || !/EADDRINUSE/.test(String(err.message))) throw err;
      log(`port ${p} was taken, retrying on another`);
    }
  }
}

async function startOnce({ userDataDir, extensionsDir, port, host, env, logFile, echo, extraArgs, readyTimeoutMs }) {
  const args = [
    ENTRY,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Its own config file, so ~/.config/code-server is never written.
    '--config', path.join(userDataDir, 'code-server.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...extraArgs,
  ];
  const childEnv = { ...process.env };
  // Variables of an enclosing VS Code (its terminal, an extension host) would confuse this one.
  for (const k of Object.keys(childEnv)) if (/^(VSCODE_|ELECTRON_)/.test(k)) delete childEnv[k];
  Object.assign(childEnv, env);
  const out = fs.createWriteStream(logFile, { flags: 'a' });
  out.write(`\n=== ${new Date().toISOString()} node ${args.join(' ')}\n`);
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv });
  const untrack = trackProcessGroup(child.pid);
  let tail = '';
  let partial = '';
  const lineListeners = new Set();
  const onData = (d) => {
    out.write(d);
    tail = (tail + d).slice(-6000);
    const lines = (partial + d).split('\n');
    partial = lines.pop();
    for (const line of lines) for (const fn of lineListeners) fn(line);
    if (echo) process.stdout.write(String(d).replace(/^(?=.)/gm, '[code-server] '));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = false;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      const pids = [child.pid, ...descendants(child.pid)];
      const signalAll = (sig) => {
        try {
          process.kill(-child.pid, sig);
        } catch {
          // group gone
        }
        for (const pid of pids) {
          try {
            process.kill(pid, sig);
          } catch {
            // gone
          }
        }
      };
      signalAll('SIGTERM');
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && pids.some(isAlive)) await sleep(100);
      if (pids.some(isAlive)) signalAll('SIGKILL');
      await Promise.race([exitPromise, sleep(2000)]);
      untrack();
      await new Promise((r) => out.end(r));
    })();
    return stopping;
  };
  const unregister = onCleanup(stop);

  const url = `http://${host}:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) {
      unregister();
      await stop();
      throw new Error(`code-server exited before it was ready (log: ${logFile}):\n${tail}`);
    }
    if (await healthy(url)) break;
    if (Date.now() > deadline) {
      unregister();
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${readyTimeoutMs / 1000} s (log: ${logFile}):\n${tail}`);
    }
    await sleep(200);
  }
  return {
    url,
    port,
    pid: child.pid,
    logFile,
    exited: exitPromise,
    /** Calls fn with each line code-server prints (its log, and the extension hosts' exits). */
    onLine: (fn) => {
      lineListeners.add(fn);
      return () => lineListeners.delete(fn);
    },
    stop: async () => {
      unregister();
      await stop();
    },
  };
}

async function healthy(url) {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}
