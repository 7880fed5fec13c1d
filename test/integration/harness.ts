// What the integration tests share with the launcher: the results file (one JSON record a
// line, appended as tests finish, so the launcher can print progress and tell a crash from a
// finished run) and the test workspace's manifest.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export type TestState = 'passed' | 'failed' | 'skipped';

export type ResultRecord =
  | { type: 'start'; vscodeVersion: string; appName: string; appHost: string; uiKind: string; files: string[]; time: string }
  | { type: 'test'; state: TestState; title: string; fullTitle: string; file?: string; durationMs?: number; error?: { message: string; stack?: string } }
  | { type: 'notice'; message: string }
  | { type: 'error'; message: string }
  | { type: 'end'; passed: number; failed: number; skipped: number; durationMs: number };

export const EXTENSION_ID = 'newslens.news-lens';

/** Set by the launchers on code-server's (or Electron's) environment; the extension host inherits it. */
export const RESULTS_ENV = 'NEWS_LENS_TEST_RESULTS';

export function resultsFile(): string {
  // The bundles live together in out/test/integration, so __dirname is the same for all of them.
  return process.env[RESULTS_ENV] || path.join(__dirname, 'results.jsonl');
}

export function record(rec: ResultRecord): void {
  fs.appendFileSync(resultsFile(), JSON.stringify(rec) + '\n');
}

/** A line the launcher prints with the results (e.g. why a test is skipped). */
export function notice(message: string): void {
  console.log(`[news-lens tests] ${message}`);
  record({ type: 'notice', message });
}

/** The manifest the launcher writes into the test workspace (test/harness/workspace.mjs). */
export interface WorkspaceManifest {
  /** 'seeds': ../shared/seeds was copied in; 'samples': the project's samples/ stood in for it. */
  source: 'seeds' | 'samples';
  /** Workspace-relative paths of the copied articles. */
  articles: string[];
}

export const MANIFEST_PATH = 'fixtures/workspace.json';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a folder open (see test/harness/run-integration.mjs)');
  return folder.uri;
}

export function workspaceUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

let manifest: WorkspaceManifest | undefined;

export async function workspaceManifest(): Promise<WorkspaceManifest> {
  if (!manifest) {
    const bytes = await vscode.workspace.fs.readFile(workspaceUri(MANIFEST_PATH));
    manifest = JSON.parse(Buffer.from(bytes).toString('utf8')) as WorkspaceManifest;
  }
  return manifest;
}

/**
 * The seed articles in the workspace. When the seeds are missing (samples/ stood in), skips the
 * calling test or hook with a notice; call it as `await seedArticles(this)` from a `function`.
 */
export async function seedArticles(ctx: Mocha.Context): Promise<vscode.Uri[]> {
  const m = await workspaceManifest();
  const seeds = m.source === 'seeds' ? m.articles.filter((a) => /\.(txt|news)$/.test(a)) : [];
  if (!seeds.length) {
    notice(`skipped "${ctx.test?.fullTitle() ?? ctx.currentTest?.fullTitle()}": no seed articles (../shared/seeds is missing)`);
    ctx.skip();
  }
  return seeds.map(workspaceUri);
}

/** Polls until check() returns a truthy value, or fails after timeoutMs with message. */
export async function waitFor<T>(check: () => T | Promise<T>, message: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${message}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
