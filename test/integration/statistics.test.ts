// "News Lens: Show Article Statistics" returns the active article's counts: the same as
// articleStats() from src/core on the seeds, and hand-counted numbers on a fixture.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { articleStats } from '../../src/core/text/stats';
import type { ArticleStats } from '../../src/core/types';
import { CommandId } from '../../src/extension/commandIds';
import { EXTENSION_ID, closeAllEditors, openInEditor, seedArticles, workspaceUri } from './harness';

const showStatistics = () => vscode.commands.executeCommand<ArticleStats | undefined>(CommandId.ShowStatistics);

describe('Show Article Statistics', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });
  afterEach(closeAllEditors);

  it('is registered', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes(CommandId.ShowStatistics));
  });

  it('matches articleStats() from src/core on every seed article', async function () {
    const seeds = await seedArticles(this);
    for (const uri of seeds) {
      const editor = await openInEditor(uri);
      const got = await showStatistics();
      const want = articleStats(editor.document.getText());
      assert.deepStrictEqual(got, want, vscode.workspace.asRelativePath(uri));
      assert.ok(want.words > 0 && want.sentences > 0 && want.paragraphs > 0, `${uri.path}: empty counts`);
    }
  });

  it('gives hand-counted numbers for fixtures/hand-counted.news', async () => {
    // 3 paragraphs (title, two lines); "Dr." does not end a sentence, so 1 + 2 + 2 sentences;
    // "well-known", "didn't" and "3.5" are one word each: 5 + 20 + 14 words.
    await openInEditor(workspaceUri('fixtures/hand-counted.news'));
    assert.deepStrictEqual(await showStatistics(), { words: 39, sentences: 5, paragraphs: 3 });
  });

  it('returns nothing for a file that is not an article (Markdown)', async () => {
    await openInEditor(workspaceUri('fixtures/notes.md'));
    assert.strictEqual(await showStatistics(), undefined);
  });

  it('returns nothing when no editor is open', async () => {
    await closeAllEditors();
    assert.strictEqual(await showStatistics(), undefined);
  });
});
