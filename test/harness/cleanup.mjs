// One place that tears everything down: on normal completion, on Ctrl-C / SIGTERM / SIGHUP, and
// on an uncaught error. Harness pieces register a cleanup when they start something; the
// cleanups run once, newest first. A last synchronous sweep on 'exit' kills any process group
// still registered, so no code-server or extension host outlives the launcher.
import { execFileSync } from 'node:child_process';

const cleanups = [];
const groups = new Set();
let installed = false;
let running;
let interruptExitCode;

/** The exit code after Ctrl-C / SIGTERM (default 128 + signal): 0 for a server the user stops. */
export function setInterruptExitCode(code) {
  interruptExitCode = code;
}

/** Registers an async cleanup; returns a function that unregisters it. */
export function onCleanup(fn) {
  install();
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** Tracks a detached child's process group for the last-resort kill on exit. */
export function trackProcessGroup(pgid) {
  install();
  groups.add(pgid);
  return () => groups.delete(pgid);
}

/** True once the cleanups have started (after Ctrl-C, an error, or the end of a run). */
export function cleaningUp() {
  return running !== undefined;
}

/** Runs every registered cleanup (once). Errors are printed, never thrown. */
export function runCleanups() {
  if (!running) {
    running = (async () => {
      while (cleanups.length) {
        const fn = cleanups.pop();
        try {
          if (process.env.NEWS_LENS_HARNESS_DEBUG) console.error(`[harness] cleanup: ${fn.name || fn.toString().slice(0, 80)}`);
          await fn();
        } catch (err) {
          console.error(`[harness] cleanup failed: ${err?.stack ?? err}`);
        }
      }
    })();
  }
  return running;
}

/** Every descendant of a process (children first found, deepest last), from ps. */
export function descendants(pid) {
  let table;
  try {
    table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const children = new Map();
  for (const line of table.split('\n')) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    if (!p) continue;
    if (!children.has(pp)) children.set(pp, []);
    children.get(pp).push(p);
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    for (const c of children.get(queue.shift()) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

function install() {
  if (installed) return;
  installed = true;
  const onSignal = (signal, code) => {
    process.on(signal, () => {
      console.error(`\n[harness] ${signal}: stopping…`);
      // A second signal while cleaning up means "now".
      process.once(signal, () => process.exit(interruptExitCode ?? code));
      runCleanups().finally(() => process.exit(interruptExitCode ?? code));
    });
  };
  onSignal('SIGINT', 130);
  onSignal('SIGTERM', 143);
  onSignal('SIGHUP', 129);
  process.on('uncaughtException', (err) => {
    console.error(`[harness] uncaught error: ${err?.stack ?? err}`);
    runCleanups().finally(() => process.exit(1));
  });
  process.on('unhandledRejection', (err) => {
    console.error(`[harness] unhandled rejection: ${err?.stack ?? err}`);
    runCleanups().finally(() => process.exit(1));
  });
  process.on('exit', () => {
    for (const pgid of groups) killGroup(pgid, 'SIGKILL');
  });
}
