// The news-article language: registered, applied to .news files, and to nothing else.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openInEditor, waitFor, workspaceManifest, workspaceUri } from './harness';

/** Opens a .txt article and waits until News Lens has given it the news-article language. */
async function openAsArticle(relPath: string): Promise<vscode.TextDocument> {
  await openInEditor(workspaceUri(relPath));
  return waitFor(
    () => vscode.workspace.textDocuments.find((d) => d.uri.fsPath === workspaceUri(relPath).fsPath && d.languageId === 'news-article'),
    `${relPath} never became a news-article document`,
    15_000,
  );
}

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

  it('is given to .txt articles matched by newsLens.include, with word wrap on', async function () {
    const txt = (await workspaceManifest()).articles.find((a) => a.endsWith('.txt'));
    if (!txt) this.skip();
    const doc = await openAsArticle(txt!);
    assert.strictEqual(vscode.workspace.getConfiguration('editor', doc).get('wordWrap'), 'on');
  });

  it('respects a reviewer who switches an article back to Plain Text', async function () {
    const txt = (await workspaceManifest()).articles.find((a) => a.endsWith('.txt'));
    if (!txt) this.skip();
    const doc = await openAsArticle(txt!);
    const plain = await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    await new Promise((r) => setTimeout(r, 500));
    assert.strictEqual(plain.languageId, 'plaintext');
    assert.ok(
      vscode.workspace.textDocuments.some((d) => d.uri.fsPath === plain.uri.fsPath && d.languageId === 'plaintext'),
      'the article was switched back to news-article against the reviewer’s choice',
    );
  });
});
