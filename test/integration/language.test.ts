// The news-article language: registered, applied to .news files, and to nothing else.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openInEditor, workspaceManifest, workspaceUri } from './harness';

describe('news-article language', () => {
  afterEach(closeAllEditors);

  it('is registered', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('news-article'));
  });

  it('is applied to a .news file', async () => {
    const editor = await openInEditor(workspaceUri('fixtures/hand-counted.news'));
    assert.strictEqual(editor.document.languageId, 'news-article');
  });

  it('leaves a .md file as markdown', async () => {
    const editor = await openInEditor(workspaceUri('fixtures/notes.md'));
    assert.strictEqual(editor.document.languageId, 'markdown');
  });

  it('leaves .txt articles as plain text (they are articles by the newsLens.include setting)', async function () {
    const txt = (await workspaceManifest()).articles.find((a) => a.endsWith('.txt'));
    if (!txt) this.skip();
    const editor = await openInEditor(workspaceUri(txt!));
    assert.strictEqual(editor.document.languageId, 'plaintext');
  });
});
