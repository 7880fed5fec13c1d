// The News Lens sidebar in a real VS Code, through its tree providers: the seeds' cross-references
// and figures, revealing a mention into the editor, and follow-cursor.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CanonicalEntity, Figure } from '../../src/core/corpus/model';
import type { NewsLensApi } from '../../src/extension/main';
import type { ViewNode } from '../../src/extension/views/model/node';
import type { ModelTreeProvider } from '../../src/extension/views/treeProvider';
import { ViewId } from '../../src/extension/views/viewIds';
import { closeAllEditors, EXTENSION_ID, notice, openInEditor, seedArticles, waitFor } from './harness';

interface SidebarApi {
  views: Record<string, vscode.TreeView<ViewNode>>;
  providers: Record<string, ModelTreeProvider>;
  followCursor: { pending: Promise<void> };
}

const base = (p: string) => p.split(/[\\/]/).pop()!;

describe('Sidebar', function () {
  this.timeout(60_000);
  let api: NewsLensApi;
  let sidebar: SidebarApi;

  before(async function () {
    api = await vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID)!.activate();
    sidebar = api.sidebar as SidebarApi;
    assert.ok(sidebar, 'activate() returned no sidebar hooks');
  });

  it('contributes the five views in the News Lens container, each with a provider', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const ids = (ext.packageJSON.contributes.views.newsLens as { id: string }[]).map((v) => v.id);
    assert.deepStrictEqual(ids, Object.values(ViewId));
    for (const id of ids) assert.ok(sidebar.providers[id] && sidebar.views[id], `no provider or view for ${id}`);
  });

  it('has a welcome for an empty window and one for a folder without articles', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const welcomes = (ext.packageJSON.contributes.viewsWelcome as { view: string; contents: string; when: string }[]).filter((w) => w.view === ViewId.Topics);
    const empty = welcomes.find((w) => w.when === 'workbenchState == empty');
    assert.ok(empty && /command:vscode\.openFolder/.test(empty.contents) && /command:newsLens\.openSamples/.test(empty.contents), 'no empty-window welcome with Open Folder and Open Sample Articles');
    const none = welcomes.find((w) => /newsLens\.hasArticles == false/.test(w.when));
    assert.ok(none && /newsLens\.include/.test(none.contents), 'no "no articles" welcome linking the newsLens.include setting');
  });

  describe('on the seed articles', () => {
    let seeds: vscode.Uri[];
    const corpus = () => api.services.corpus;

    before(async function () {
      seeds = await seedArticles(this);
      if (!corpus()) {
        notice('skipped the sidebar tests on the seeds: services.corpus is not set (the corpus index has not landed)');
        this.skip();
      }
      await corpus().ready;
      await waitFor(async () => (await provider(ViewId.CrossReferences).getChildren()).length > 0, 'the Cross-references view stayed empty after indexing', 30_000);
    });

    after(closeAllEditors);

    const provider = (id: string) => sidebar.providers[id];
    const children = (id: string, node?: ViewNode) => provider(id).getChildren(node);
    const seedKey = (prefix: string) => corpus().documentKey(seeds.find((u) => base(u.path).startsWith(prefix))!);

    async function zelenskyNode(): Promise<ViewNode> {
      const types = await children(ViewId.CrossReferences);
      const people = types.find((t) => t.label === 'People');
      assert.ok(people, `no People group (groups: ${types.map((t) => t.label).join(', ')})`);
      const nodes = (await children(ViewId.CrossReferences, people)).filter((n) => n.label === 'Volodymyr Zelensky');
      assert.strictEqual(nodes.length, 1, 'expected exactly one "Volodymyr Zelensky" node');
      return nodes[0];
    }

    it('lists one "Volodymyr Zelensky" spanning articles 000, 001, 002, with "Zelenskiy" among its variants', async () => {
      const node = await zelenskyNode();
      const entity = node.data as CanonicalEntity;
      assert.ok(entity.variants.includes('Zelenskiy'), `variants: ${entity.variants.join(', ')}`);
      assert.match(node.tooltip ?? '', /Zelenskiy/);
      assert.match(node.description ?? '', new RegExp(`^${entity.documents.length} articles · ${entity.mentions.length} mentions$`));
      const articles = await children(ViewId.CrossReferences, node);
      const keys = articles.map((a) => a.target!.document);
      for (const p of ['000', '001', '002']) assert.ok(keys.includes(seedKey(p)), `article ${p} is not under Volodymyr Zelensky (${articles.map((a) => a.label).join(', ')})`);
      // Each article lists its mentions, each with its line of context around the mention's text.
      const mentions = await children(ViewId.CrossReferences, articles[0]);
      assert.strictEqual(mentions.length, entity.mentions.filter((m) => m.document === keys[0]).length);
      for (const m of mentions) {
        assert.strictEqual(m.contextValue, 'mention');
        const text = entity.mentions.find((x) => x.document === keys[0] && x.start === m.target!.start)!.text;
        assert.ok(m.label.includes(text), `mention label "${m.label}" lacks "${text}"`);
      }
    });

    it('lists the 10,000 / 3,000 / 12,000 figures with their articles, conflicts first', async () => {
      const groups = await children(ViewId.Figures);
      assert.ok(groups.length > 0, 'the Figures view is empty');
      const firstOther = groups.findIndex((g) => g.contextValue !== 'figureGroup.conflict');
      const lastConflict = groups.map((g) => g.contextValue).lastIndexOf('figureGroup.conflict');
      assert.ok(firstOther < 0 || lastConflict < firstOther, 'a conflict is listed after a group without one');
      const figures: ViewNode[] = [];
      for (const g of groups) figures.push(...(await children(ViewId.Figures, g)));
      const missing: string[] = [];
      for (const value of [10000, 3000, 12000]) {
        const node = figures.find((f) => (f.data as Figure).value === value);
        if (!node) {
          missing.push(value.toLocaleString('en-US'));
          continue;
        }
        const f = node.data as Figure;
        assert.ok(node.label.includes(value.toLocaleString('en-US')), `figure label "${node.label}"`);
        for (const doc of f.documents) assert.ok(node.description!.includes(base(doc)), `${node.label}: article ${base(doc)} missing from "${node.description}"`);
        const claims = await children(ViewId.Figures, node);
        assert.deepStrictEqual(claims.map((c) => c.target!.document).sort(), f.claims.map((c) => c.document).sort());
      }
      assert.deepStrictEqual(missing, [], `no figure node for ${missing.join(', ')} (figure groups: ${groups.map((g) => `${g.label}: ${g.description}`).join('; ')})`);
    });

    it('reveals a mention from the tree and selects its exact range in the editor', async () => {
      const node = await zelenskyNode();
      const [article] = await children(ViewId.CrossReferences, node);
      const [mention] = await children(ViewId.CrossReferences, article);
      const view = sidebar.views[ViewId.CrossReferences];
      await vscode.commands.executeCommand(`${ViewId.CrossReferences}.focus`);
      await view.reveal(mention, { select: true, focus: false });
      assert.strictEqual(view.selection[0]?.id, mention.id, 'the revealed mention is not selected in the tree');
      await vscode.commands.executeCommand('newsLens.goToMention', mention);
      const editor = await waitFor(() => vscode.window.activeTextEditor, 'no editor opened');
      assert.strictEqual(editor.document.uri.toString(), corpus().uriFor(mention.target!.document).toString());
      const sel = editor.selection;
      assert.deepStrictEqual([editor.document.offsetAt(sel.start), editor.document.offsetAt(sel.end)], [mention.target!.start, mention.target!.end]);
      const entity = node.data as CanonicalEntity;
      assert.strictEqual(editor.document.getText(sel), entity.mentions.find((m) => m.document === mention.target!.document && m.start === mention.target!.start)!.text);
    });

    it('follows the cursor: a move onto a mention selects its node, without taking the focus', async () => {
      const entity = (await zelenskyNode()).data as CanonicalEntity;
      const doc = seedKey('001');
      const mention = entity.mentions.filter((m) => m.document === doc).at(-1)!;
      assert.ok(mention, 'no mention of Volodymyr Zelensky in article 001');
      await vscode.commands.executeCommand(`${ViewId.CrossReferences}.focus`);
      const editor = await openInEditor(corpus().uriFor(doc));
      const at = editor.document.positionAt(mention.start + 1);
      editor.selection = new vscode.Selection(at, at);
      const view = sidebar.views[ViewId.CrossReferences];
      const sel = await waitFor(
        () => view.selection.find((n) => n.entityId === entity.id && n.target?.document === doc && n.target.start === mention.start),
        `follow-cursor did not select the mention at ${mention.start} (selected: ${view.selection.map((n) => n.id).join(', ') || 'nothing'})`,
      );
      assert.strictEqual(sel.contextValue, 'mention');
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the editor lost the focus');
    });

    it('follows the cursor onto a claim in the Figures view', async () => {
      const groups = await children(ViewId.Figures);
      const g = groups[0];
      if (!g) return assert.fail('the Figures view is empty');
      const f = (g.data as { figures: Figure[] }).figures[0];
      const ref = f.claims[0];
      await vscode.commands.executeCommand(`${ViewId.Figures}.focus`);
      const editor = await openInEditor(corpus().uriFor(ref.document));
      const at = editor.document.positionAt(ref.claim.start + 1);
      editor.selection = new vscode.Selection(at, at);
      const view = sidebar.views[ViewId.Figures];
      await waitFor(
        () => view.selection.find((n) => n.contextValue === 'claim' && n.target?.document === ref.document && n.target.start === ref.claim.start),
        `follow-cursor did not select the claim "${ref.claim.text}" (selected: ${view.selection.map((n) => n.id).join(', ') || 'nothing'})`,
      );
    });

    it('lists quoted speakers and flags vague attributions in the Sources view', async () => {
      const articles = await children(ViewId.Sources);
      assert.ok(articles.length > 0, 'the Sources view is empty');
      let vague = 0, speakers = 0;
      for (const a of articles) {
        for (const section of await children(ViewId.Sources, a)) {
          for (const n of await children(ViewId.Sources, section)) {
            if (n.contextValue === 'attribution.vague') {
              vague++;
              assert.match(n.description ?? '', /vague/);
            }
            if (n.contextValue.startsWith('speaker')) speakers++;
          }
        }
      }
      const analyses = seeds.map((u) => corpus().index()!.document(corpus().documentKey(u))?.analysis);
      assert.strictEqual(vague, analyses.reduce((n, x) => n + (x?.attributions.filter((t) => t.vague).length ?? 0), 0));
      assert.ok(speakers > 0 || analyses.every((x) => !x?.quotes.length), 'quotes in the seeds but no speaker nodes');
    });
  });
});
