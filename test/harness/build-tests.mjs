// Bundles the integration tests for the extension host: test/integration/index.ts (the mocha
// runner VS Code calls) and every test/integration/**/*.test.ts, each to out/test/integration/.
// `vscode` is provided by the extension host; mocha stays external and resolves from the
// project's node_modules (bundling it breaks its dynamic requires).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { onCleanup } from './cleanup.mjs';
import { ROOT, TESTS_OUT_DIR } from './paths.mjs';

const SRC = path.join(ROOT, 'test', 'integration');

export function testFiles() {
  return fs
    .readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts') && !f.split(path.sep).includes('fixtures'))
    .sort();
}

/**
 * Builds the bundles into outDir (default out/test/integration); returns the path of the runner
 * module (for extensionTestsPath). The launchers build into a folder of their own run
 * (out/test/runs/…, removed afterwards), so runs at the same time never share bundles.
 * outDir must stay inside the project: mocha resolves from its node_modules.
 */
export async function buildTests({ quiet = false, outDir = TESTS_OUT_DIR } = {}) {
  const files = testFiles();
  if (!files.length) throw new Error(`no *.test.ts files under ${SRC}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  const t0 = Date.now();
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(SRC, 'index.ts'), ...files.map((f) => path.join(SRC, f))],
    outbase: SRC,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    sourcesContent: false,
    external: ['vscode', 'mocha'],
    // Same shim as esbuild.mjs, for ESM dependencies of src/core that read import.meta.url.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  if (!quiet) console.log(`[harness] built ${files.length} integration test file(s) in ${Date.now() - t0} ms → ${path.relative(ROOT, outDir)}`);
  return path.join(outDir, 'index.js');
}

/** A fresh out/test/runs/<name>-<pid> for one run's bundles, removed at cleanup. */
export function runOutDir(name) {
  const dir = path.join(ROOT, 'out', 'test', 'runs', `${name}-${process.pid}`);
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildTests();
}
