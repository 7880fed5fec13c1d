// The extension loads in development mode, activates by itself on a folder of articles, and
// hands back its API.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NewsLensApi } from '../../src/extension/main';
import { EXTENSION_ID, waitFor, workspaceManifest } from './harness';

describe('Activation', () => {
  it('is installed under its publisher.name id', () => {
    const ext = vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not among the loaded extensions`);
    assert.strictEqual(ext.packageJSON.name, 'news-lens');
    assert.strictEqual(ext.packageJSON.publisher, 'newslens');
  });

  it('activates by itself on the workspace of articles (workspaceContains)', async () => {
    const m = await workspaceManifest();
    assert.ok(m.articles.length > 0 || m.source === 'samples', 'the workspace has no articles');
    const ext = vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID)!;
    // No test has called activate() yet when this runs first; allow a slow first start.
    await waitFor(() => ext.isActive, `${EXTENSION_ID} did not activate on its own`, 30_000);
  });

  it('exports its API from activate()', async () => {
    const ext = vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID)!;
    const api = await ext.activate();
    assert.ok(api, 'activate() returned nothing');
    assert.ok(Array.isArray(api.registeredCommands), 'api.registeredCommands is not an array');
    assert.ok(api.registeredCommands.length > 0, 'no commands registered');
    assert.strictEqual(ext.exports, api);
  });
});
