// Bundles the extension (external `vscode`) and the CLI. Type-checking is `tsc --noEmit`,
// since esbuild strips types without checking them.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * esbuild's ASCII output escapes strings but leaves regular expression literals and kept comments
 * as UTF-8, and one such character makes V8 hold the whole bundle's source in two bytes a
 * character: 4.6 MB for the extension instead of 2.3, in every thread that loads it. `\uXXXX` means
 * the same in an identifier, string, regular expression or comment (no tagged template here holds
 * one), so the written bundles are made ASCII.
 */
const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      for (const out of Object.keys(result.metafile?.outputs ?? {})) {
        if (!out.endsWith('.js')) continue;
        const text = readFileSync(out, 'utf8');
        const ascii = text.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
        if (ascii !== text) writeFileSync(out, ascii);
      }
    });
  },
};

const common = {
  metafile: true,
  plugins: [asciiOnly],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Node 20 has Unicode property escapes; without this esbuild rewrites every /\p{L}/ literal
  // into a `new RegExp(...)` evaluated on each call, which costs the tokenizer dearly.
  supported: { 'regexp-unicode-property-escapes': true },
  minify: production,
  logLevel: 'info',
  // Some dependencies are ESM that read import.meta.url; in a CJS bundle it must be derived.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  {
    ...common,
    entryPoints: {
      extension: 'src/extension/main.ts',
      // The corpus indexer runs in worker threads, so it is its own entry point.
      'index-worker': 'src/node/indexWorker.ts',
      // The live corpus index's thread: no language engine in it.
      'index-host': 'src/node/indexHostWorker.ts',
    },
    outdir: 'dist',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: "#!/usr/bin/env node\nconst __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
