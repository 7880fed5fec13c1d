#!/usr/bin/env node
// `npm run bench`: every benchmark module in scripts/bench/*.mjs, in name order, each in its own
// Node process (so one's memory and warm caches do not colour the next). Each prints its own table.
// Arguments after `--` go to every module (e.g. `npm run bench -- --limit 2000`); `--only NAME`
// runs the modules whose file name contains NAME.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : undefined;
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const m of modules) {
  console.log(`\n=== bench: ${m}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(dir, m), ...args], { stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed++;
    console.log(`=== bench: ${m} FAILED (exit ${r.status ?? r.signal}) after ${secs} s`);
  } else console.log(`=== bench: ${m} done in ${secs} s`);
}
console.log(`\n${modules.length - failed} of ${modules.length} benchmark modules ran${failed ? `, ${failed} failed` : ''}`);
process.exit(failed ? 1 : 0);
