#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping at the first failure, and a
// closing line `N passed, N failed` that sums the unit and integration counts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npx = (args) => ['npx', ['--no-install', ...args]];
const totals = { passed: 0, failed: 0, skipped: 0 };
const tmp = mkdtempSync(join(tmpdir(), 'news-lens-test-'));
const vitestJson = join(tmp, 'vitest.json');

function run(title, [cmd, args], { capture = false } = {}) {
  console.log(`\n=== ${title}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: capture ? ['inherit', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (capture && r.stdout) process.stdout.write(r.stdout);
  console.log(`=== ${title}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r;
}

function finish(code) {
  rmSync(tmp, { recursive: true, force: true });
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(code);
}

const steps = [
  ['system packages', ['node', ['scripts/setup-system.mjs']]],
  ['build', ['node', ['esbuild.mjs']]],
  ['type-check', npx(['tsc', '--noEmit'])],
  ['lint', npx(['eslint', 'src', 'test', 'scripts'])],
];
for (const [title, cmd] of steps) {
  if (run(title, cmd).status !== 0) {
    totals.failed++;
    finish(1);
  }
}

const unit = run('unit tests (vitest)', npx(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]));
try {
  const j = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += j.numPassedTests;
  totals.failed += j.numFailedTests;
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
} catch {
  totals.failed++;
}
if (unit.status !== 0) finish(1);

const integration = run('integration tests (real VS Code)', ['node', ['test/harness/run-integration.mjs']], { capture: true });
const m = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/m.exec(integration.stdout ?? '');
if (m) {
  totals.passed += Number(m[1]);
  totals.failed += Number(m[2]);
  totals.skipped += Number(m[3] ?? 0);
} else {
  totals.failed++;
}
finish(integration.status === 0 && m ? 0 : 1);
