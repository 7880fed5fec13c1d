// `npm start`: News Lens in a real VS Code in your browser. Starts the cached code-server with
// the extension in development mode (from this folder's dist/, built by `npm start`) and prints
// the URL to open. Ctrl-C stops it.
//
//   npm start [-- [FOLDER] [--port N] [--host ADDR] [--fresh]]
//
// FOLDER defaults to a working copy of ../shared/seeds when it exists, else of samples/, made once
// in .vscode-test/articles/ so annotations you add there neither touch the shared data nor dirty
// this repository, and survive restarts (delete the folder to start over). Settings you change in the
// browser are kept in .vscode-test/user-data (--fresh starts from a clean one). After a rebuild
// (e.g. `npm run watch` in another terminal), run "Developer: Reload Window" in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HARNESS_SETTINGS, freePort, prepareCodeServer, startCodeServer } from '../test/harness/code-server.mjs';
import { workbenchUrl } from '../test/harness/browser.mjs';
import { cleaningUp, setInterruptExitCode } from '../test/harness/cleanup.mjs';
import { ROOT, articleSource } from '../test/harness/paths.mjs';
import { tempDir } from '../test/harness/workspace.mjs';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    fresh: { type: 'boolean', default: false },
  },
});

function fail(msg) {
  console.error(`npm start: ${msg}`);
  process.exit(1);
}

if (positionals.length > 1) fail(`one folder at most (got ${positionals.join(', ')})`);
let folder;
if (positionals.length) {
  folder = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) fail(`${folder} is not a folder`);
} else {
  const src = articleSource();
  if (src.kind === 'samples') console.log(`../shared/seeds is missing: opening the samples instead.`);
  folder = path.join(ROOT, '.vscode-test', 'articles', src.kind);
  if (!fs.existsSync(folder)) {
    fs.cpSync(src.dir, folder, { recursive: true });
    // The shared data is read-only; the working copy must take edits and new sidecars.
    const writable = (p) => {
      const st = fs.statSync(p);
      fs.chmodSync(p, st.mode | (st.isDirectory() ? 0o700 : 0o600));
      if (st.isDirectory()) for (const e of fs.readdirSync(p)) writable(path.join(p, e));
    };
    writable(folder);
    console.log(`Copied ${src.dir} to ${folder} (your annotations go there).`);
  }
}
if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) fail('dist/extension.js is missing: run `npm run build` (npm start does).');

await prepareCodeServer();

// A stable default port (8080) so the URL can be bookmarked; another free one when it is taken.
let port = opts.port !== undefined ? Number(opts.port) : Number(process.env.PORT) || 8080;
if (opts.port === undefined && !(await portIsFree(port, opts.host))) port = await freePort(opts.host);

const userDataDir = opts.fresh ? path.join(tempDir('start'), 'user-data') : path.join(ROOT, '.vscode-test', 'user-data');
const logFile = path.join(ROOT, '.vscode-test', 'start.log');
fs.rmSync(logFile, { force: true });
const server = await startCodeServer({
  userDataDir,
  extensionsDir: path.join(tempDir('start-extensions'), 'extensions'),
  port,
  host: opts.host,
  logFile,
  // Quiet defaults for a new user-data folder (no welcome page, no marketplace checks); git stays on.
  settings: { ...HARNESS_SETTINGS, 'git.enabled': true, 'git.autoRepositoryDetection': true },
});
setInterruptExitCode(0);

const url = workbenchUrl(server.url, { folder, extensionDevelopmentPath: ROOT });
console.log(`
News Lens is running in VS Code (code-server ${server.url}, pid ${server.pid}).
Folder:    ${folder}
Extension: ${ROOT} (development mode)
Log:       ${path.relative(process.cwd(), logFile)}

Open this URL in a browser:

  ${url}

Press Ctrl-C to stop.`);

const { code, signal } = await server.exited;
// After Ctrl-C the cleanup handler stops the server and exits; nothing more to do here.
if (cleaningUp()) await new Promise(() => {});
console.error(`code-server exited (code ${code}, signal ${signal}); see ${logFile}`);
await server.stop();
process.exit(code || 1);

async function portIsFree(p, host) {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(p, host, () => srv.close(() => resolve(true)));
  });
}
