// Every command in package.json's contributes.commands has a handler, and every handler is
// contributed: checked against activate()'s API, VS Code's own command list and CommandId.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { CommandId } from '../../src/extension/commandIds';
import type { NewsLensApi } from '../../src/extension/main';
import { EXTENSION_ID } from './harness';

interface Contributed {
  command: string;
  title?: string;
  category?: string;
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe('Commands', () => {
  let ext: vscode.Extension<NewsLensApi>;
  let api: NewsLensApi;
  let contributed: Contributed[];

  before(async () => {
    ext = vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID)!;
    api = await ext.activate();
    contributed = ext.packageJSON.contributes?.commands ?? [];
  });

  it('contributes at least one command, each titled in the News Lens category', () => {
    assert.ok(contributed.length > 0);
    for (const c of contributed) {
      assert.match(c.command, /^newsLens\.[A-Za-z0-9.]+$/, `bad command id ${c.command}`);
      assert.ok(c.title, `${c.command} has no title`);
      assert.strictEqual(c.category, 'News Lens', `${c.command} is not in the News Lens category`);
    }
  });

  it('registers a handler for every contributed command and nothing else', () => {
    const ids = sorted(contributed.map((c) => c.command));
    const registered = sorted(api.registeredCommands);
    assert.deepStrictEqual(
      { missingHandlers: ids.filter((id) => !registered.includes(id)), notContributed: registered.filter((id) => !ids.includes(id)) },
      { missingHandlers: [], notContributed: [] },
    );
  });

  it("matches VS Code's list of newsLens.* commands", async () => {
    // VS Code adds <viewId>.focus, <viewId>.resetViewLocation, … for each contributed view.
    const viewIds: string[] = Object.values<{ id: string }[]>(ext.packageJSON.contributes?.views ?? {})
      .flat()
      .map((v) => v.id);
    const all = await vscode.commands.getCommands(true);
    const ours = sorted(all.filter((id) => id.startsWith('newsLens.') && !viewIds.some((v) => id.startsWith(`${v}.`))));
    assert.deepStrictEqual(ours, sorted(contributed.map((c) => c.command)));
  });

  it('lists the same ids in CommandId (src/extension/commandIds.ts)', () => {
    assert.deepStrictEqual(sorted(Object.values(CommandId)), sorted(contributed.map((c) => c.command)));
  });
});
