// The editor feature in a real VS Code: highlights per kind with their ranges, hovers with the
// corpus behind them, highlights that follow edits, survive editor switches and the toggle,
// per-kind settings, navigation, references, the Outline, the status bar and the CodeLens, and
// nothing at all in a file that is not an article.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { CommandId } from '../../src/extension/commandIds';
import type { AppliedDecorations, ApplyEvent } from '../../src/extension/editor/decorations';
import type { NewsLensApi } from '../../src/extension/main';
import { EXTENSION_ID, closeAllEditors, openInEditor, seedArticles, waitFor, workspaceUri } from './harness';

interface EditorApi {
  applied(editor: vscode.TextEditor): AppliedDecorations | undefined;
  nextApply(editor: vscode.TextEditor, accept?: (e: ApplyEvent) => boolean, timeoutMs?: number): Promise<ApplyEvent>;
  hoverText(doc: vscode.TextDocument, offset: number): string | undefined;
  status: { item: vscode.StatusBarItem };
}

let api: NewsLensApi;
let editorApi: EditorApi;

const allSpans = (a: AppliedDecorations) => Object.values(a.kinds).flat();

/** Waits until the editor shows the complete highlights of its current version. */
async function drawn(editor: vscode.TextEditor): Promise<AppliedDecorations> {
  return waitFor(() => {
    const a = editorApi.applied(editor);
    return a && a.complete && a.version === editor.document.version && api.services.analyses.isExact(editor.document) ? a : undefined;
  }, `highlights of ${editor.document.uri.path}`);
}

async function seed(ctx: Mocha.Context, prefix: string): Promise<vscode.Uri> {
  const uri = (await seedArticles(ctx)).find((u) => u.path.split('/').pop()!.startsWith(prefix));
  assert.ok(uri, `seed ${prefix} in the workspace`);
  return uri;
}

function assertSpansMatchText(doc: vscode.TextDocument, a: AppliedDecorations): void {
  const text = doc.getText();
  for (const s of allSpans(a)) assert.strictEqual(text.slice(s.start, s.end), s.text, `span ${s.start}-${s.end}`);
}

describe('Editor: highlights, hovers, navigation', function () {
  before(async () => {
    api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as NewsLensApi;
    editorApi = api.editor as EditorApi;
    await api.services.corpus.ready;
  });
  afterEach(closeAllEditors);

  it('highlights a seed article by kind, with the right ranges', async function () {
    const editor = await openInEditor(await seed(this, '000'));
    const a = await drawn(editor);
    const text = editor.document.getText();
    const claims = [...a.kinds.claim, ...a.kinds.conflict];
    assert.ok(claims.some((c) => c.text === 'approximately 10,000 soldiers'), 'the claim "approximately 10,000 soldiers"');
    const martschenko = a.kinds.person.find((p) => p.text === 'Dmytro Martschenko');
    assert.ok(martschenko, 'the person "Dmytro Martschenko"');
    assert.strictEqual(martschenko.start, text.indexOf('Dmytro Martschenko'));
    const major = text.indexOf('Major General');
    assert.ok(major >= 0);
    assert.ok(!allSpans(a).some((s) => s.start <= major && major < s.end), 'no highlight on "Major"');
    assert.ok(a.kinds.place.length > 0 && a.kinds.organization.length > 0 && a.kinds.quote.length > 0, 'places, organizations and quotes');
    assert.ok(a.kinds.vagueAttribution.some((v) => v.text === 'reportedly'), 'the vague attribution "reportedly"');
    assertSpansMatchText(editor.document, a);
  });

  it('hovers on "Zelensky" list the articles that mention him: 000, 001 and 002', async function () {
    const editor = await openInEditor(await seed(this, '000'));
    await drawn(editor);
    const text = editor.document.getText();
    const at = text.lastIndexOf('Zelensky') + 2;
    const md = editorApi.hoverText(editor.document, at);
    assert.ok(md, 'a hover on Zelensky');
    assert.match(md, /Person/);
    for (const n of ['000', '001', '002']) assert.match(md, new RegExp(`${n}\\\\?_`), `hover lists article ${n}:\n${md}`);
    // The real hover provider answers too.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at));
    assert.ok(hovers.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('001'))), 'the hover provider shows it');
  });

  it('hovers on a claim give its value and unit; on a vague attribution, what is vague', async function () {
    const editor = await openInEditor(await seed(this, '000'));
    await drawn(editor);
    const text = editor.document.getText();
    const claim = editorApi.hoverText(editor.document, text.indexOf('approximately 10,000 soldiers') + 15);
    assert.ok(claim && /Claim/.test(claim) && /10,000/.test(claim) && /soldiers/.test(claim) && /approximately/.test(claim), claim);
    const vague = editorApi.hoverText(editor.document, text.indexOf('reportedly') + 2);
    assert.ok(vague && /Vague attribution/.test(vague), vague);
  });

  it('moves and updates the highlights as the document is edited', async function () {
    const editor = await openInEditor(await seed(this, '000'));
    const before = await drawn(editor);
    const person = before.kinds.person.find((p) => p.text === 'Dmytro Martschenko')!;
    const prefix = 'UPDATE: ';
    const live = editorApi.nextApply(editor, (e) => e.latencyMs !== undefined);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), prefix)));
    const ev = await live;
    assert.strictEqual(ev.version, editor.document.version);
    const moved = editorApi.applied(editor)!;
    assert.ok(moved.kinds.person.some((p) => p.text === person.text && p.start === person.start + prefix.length), 'the person moved with the edit');
    // A new sentence with a figure gets its own highlight.
    const end = editor.document.positionAt(editor.document.getText().length);
    assert.ok(await editor.edit((b) => b.insert(end, '\nOfficials said at least 345 tanks were lost.')));
    const after = await drawn(editor);
    assert.ok([...after.kinds.claim, ...after.kinds.conflict].some((c) => c.text.includes('345 tanks')), 'the new claim is highlighted');
    assertSpansMatchText(editor.document, after);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('the first keystroke in an article of a reopened folder starts filling the corpus index, ahead of the save', async function () {
    const corpus = api.services.corpus as unknown as { driver: { waitsToFill: boolean; dispose(): Promise<void>; host?: Promise<unknown> } };
    // As after a reopen: the live index's thread stopped, to be filled from the cache when needed.
    await corpus.driver.dispose();
    assert.strictEqual(corpus.driver.waitsToFill, true);
    const editor = await openInEditor(await seed(this, '001'));
    await drawn(editor);
    assert.strictEqual(corpus.driver.waitsToFill, true, 'opening an article does not start it');
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'UPDATE: ')));
    await waitFor(() => (corpus.driver.waitsToFill ? undefined : true), 'the corpus index filling after the first keystroke');
    await corpus.driver.host;
    await vscode.commands.executeCommand('workbench.action.files.revert');
    // Filled, it answers as before (nothing was saved): Zelensky across the three articles.
    const other = await openInEditor(await seed(this, '000'));
    await drawn(other);
    const md = editorApi.hoverText(other.document, other.document.getText().lastIndexOf('Zelensky') + 2) ?? '';
    for (const n of ['001', '002']) assert.match(md, new RegExp(`${n}\\\\?_`), `hover lists article ${n}:\n${md}`);
  });

  it('keeps the highlights when switching editors and back, without analysing again', async function () {
    const first = await openInEditor(await seed(this, '000'));
    const a = await drawn(first);
    const analysis = api.services.analyses.peek(first.document);
    await openInEditor(await seed(this, '001'));
    const back = await openInEditor(first.document.uri);
    const b = await waitFor(() => {
      const x = editorApi.applied(back);
      return x?.complete ? x : undefined;
    }, 'highlights after switching back');
    assert.deepStrictEqual(b.kinds, a.kinds);
    assert.strictEqual(api.services.analyses.peek(back.document), analysis, 'the cached analysis was reused');
  });

  it('the toggle clears all highlights and brings them back', async function () {
    const editor = await openInEditor(await seed(this, '000'));
    const on = await drawn(editor);
    assert.strictEqual(await vscode.commands.executeCommand(CommandId.ToggleHighlights), false);
    const off = editorApi.applied(editor)!;
    assert.strictEqual(allSpans(off).length, 0);
    assert.strictEqual(await vscode.commands.executeCommand(CommandId.ToggleHighlights), true);
    const again = await drawn(editor);
    assert.deepStrictEqual(again.kinds, on.kinds);
  });

  it('a per-kind setting switches that kind off at once, without reload', async function () {
    const editor = await openInEditor(await seed(this, '000'));
    const on = await drawn(editor);
    const cfg = vscode.workspace.getConfiguration('newsLens');
    await cfg.update('highlight.person', false, vscode.ConfigurationTarget.Workspace);
    try {
      const off = await waitFor(() => (editorApi.applied(editor)?.kinds.person.length === 0 ? editorApi.applied(editor) : undefined), 'people switched off');
      assert.deepStrictEqual(off.kinds.claim, on.kinds.claim, 'claims stay');
    } finally {
      await cfg.update('highlight.person', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => (editorApi.applied(editor)?.kinds.person.length ?? 0) > 0, 'people back');
  });

  it('a Markdown file outside newsLens.include gets no highlights, hovers or CodeLens', async () => {
    const editor = await openInEditor(workspaceUri('fixtures/notes.md'));
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(editorApi.applied(editor), undefined);
    assert.strictEqual(api.services.analyses.get(editor.document), undefined);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    assert.ok(!lenses.some((l) => l.command?.title.includes('News Lens')));
  });

  it('next/previous claim and entity move the selection onto them', async function () {
    const editor = await openInEditor(await seed(this, '000'));
    const a = await drawn(editor);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const claim = await vscode.commands.executeCommand<{ start: number; text: string }>(CommandId.NextClaim);
    const claims = [...a.kinds.claim, ...a.kinds.conflict].sort((x, y) => x.start - y.start);
    assert.strictEqual(claim.start, claims[0].start);
    assert.strictEqual(editor.document.getText(editor.selection), claims[0].text);
    const prev = await vscode.commands.executeCommand<{ start: number }>(CommandId.PreviousClaim);
    assert.strictEqual(prev.start, claims[claims.length - 1].start, 'wraps around to the last claim');
    const entity = await vscode.commands.executeCommand<{ text: string }>(CommandId.NextEntity);
    assert.ok(entity && editor.document.getText(editor.selection) === entity.text);
  });

  it('references of an entity (Shift+F12) include the other articles', async function () {
    const editor = await openInEditor(await seed(this, '000'));
    await drawn(editor);
    const at = editor.document.positionAt(editor.document.getText().lastIndexOf('Zelensky') + 1);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, at);
    const files = new Set(refs.map((r) => r.uri.path.split('/').pop()!.slice(0, 3)));
    for (const n of ['000', '001', '002']) assert.ok(files.has(n), `references in ${n}: ${[...files].join(', ')}`);
  });

  it('the Outline lists the paragraphs with their entities and claims', async function () {
    const editor = await openInEditor(await seed(this, '000'));
    await drawn(editor);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const stats = await vscode.commands.executeCommand<{ paragraphs: number }>(CommandId.ShowStatistics);
    assert.strictEqual(symbols.length, stats.paragraphs);
    const children = symbols.flatMap((s) => s.children.map((c) => c.name));
    assert.ok(children.includes('Dmytro Martschenko') && children.includes('approximately 10,000 soldiers'), children.join(', '));
  });

  it('the status bar counts the active article, and the CodeLens summarises it', async function () {
    const editor = await openInEditor(await seed(this, '000'));
    await drawn(editor);
    const a = api.services.analyses.peek(editor.document)!;
    await waitFor(() => editorApi.status.item.text.includes(`${a.entities.length} entities · ${a.claims.length} claims`), `status bar: ${editorApi.status.item.text}`);
    assert.match(editorApi.status.item.text, /\d+ conflicts?/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 5);
    assert.ok(lenses.some((l) => l.range.start.line === 0 && l.command?.title.includes(`${a.claims.length} figures`)), lenses.map((l) => l.command?.title).join(' | '));
  });
});
