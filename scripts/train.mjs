#!/usr/bin/env node
// Trains the entity tagger on CoNLL-2003 train.txt and writes src/core/entities/weights.ts.
//   npm run train [-- --data PATH/train.txt --epochs N --dev PATH/dev.jsonl]
// The trainer is TypeScript (it shares the feature code with the engine), so it is bundled
// with esbuild into a temporary file first and run from there.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'news-lens-train-'));
const out = join(dir, 'train.mjs');
try {
  await esbuild.build({
    entryPoints: [join(root, 'scripts', 'train', 'train.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'warning',
  });
  const { main } = await import(pathToFileURL(out).href);
  await main(root, process.argv.slice(2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
