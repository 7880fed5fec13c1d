// For the "Extension Tests" launch configuration (.vscode/launch.json): bundles the
// integration tests and lays out their workspace at .vscode-test/integration-workspace, the same
// as the launchers do in a temp folder.
import path from 'node:path';
import { buildTests } from './build-tests.mjs';
import { ROOT } from './paths.mjs';
import { makeTestWorkspace } from './workspace.mjs';

await buildTests();
const ws = makeTestWorkspace({ at: path.join(ROOT, '.vscode-test', 'integration-workspace') });
console.log(`[harness] test workspace: ${path.relative(ROOT, ws.dir)}`);
