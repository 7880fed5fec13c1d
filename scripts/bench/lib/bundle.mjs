// Bundles a few TypeScript exports of this repository on the fly (as the shipped bundles are
// built), for benchmarks that time pieces the dist/ entry points do not export.
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** @param {string[]} exportLines e.g. ["export { analyze } from './src/core';"] */
export async function bundleExports(exportLines, name) {
  const outDir = join(tmpdir(), 'news-lens-bench');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${name}-${process.pid}.cjs`);
  await esbuild.build({
    stdin: { contents: exportLines.join('\n'), resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'error',
    supported: { 'regexp-unicode-property-escapes': true },
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  const mod = createRequire(import.meta.url)(outfile);
  rmSync(outfile, { force: true });
  return mod;
}
