// Bundles the extension (external `vscode`) and the CLI. Type-checking is `tsc --noEmit`,
// since esbuild strips types without checking them.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
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
