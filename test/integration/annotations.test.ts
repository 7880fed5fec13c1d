// Annotations in a real VS Code: notes become sidecars and comment threads, verdicts reach the
// claim's hover, annotations follow edits and re-anchor after changes on disk, damaged sidecars
// are reported and left untouched, and parallel edits of one sidecar are merged.
// Each test writes its own small article (text written for these tests, not the seeds) under
// annotations-tests/ in the test workspace.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { createAnnotation, parseSidecar, serializeSidecar, type Annotation, type Sidecar } from '../../src/core/annotations';
import { CommandId } from '../../src/extension/commandIds';
import type { NewsLensApi } from '../../src/extension/main';
import type { WorkspaceSidecarStore } from '../../src/extension/services/sidecarStore';
import type { NoteThreads } from '../../src/extension/annotations/noteThreads';
import type { ShownMessage } from '../../src/extension/annotations/notify';
import type { LexiconService } from '../../src/extension/annotations/lexiconService';
import { EXTENSION_ID, closeAllEditors, notice, openInEditor, waitFor, workspaceRoot } from './harness';

interface AnnotationsApi {
  store: WorkspaceSidecarStore;
  threads: NoteThreads;
  lexicons: LexiconService;
  messages: ShownMessage[];
}

const ARTICLE = [
  'Harbour strike enters second week',
  '',
  'The ministry said 1,200 workers lost their jobs in March, according to a union leader.',
  '',
  'Maria Lopez, who heads the Harbour Workers Union, said talks with the port authority in Valencia had stalled.',
  '',
  'Officials expect about 300 ships to be delayed by Friday, the port authority said.',
  '',
].join('\n');

const AUTHOR = 'Integration Reviewer';
let api: AnnotationsApi;
let dir: string;

function article(name: string, text = ARTICLE): vscode.Uri {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

const sidecarPath = (uri: vscode.Uri) => uri.fsPath + '.annotations.json';

function readSidecarFile(uri: vscode.Uri): Sidecar {
  const r = parseSidecar(fs.readFileSync(sidecarPath(uri), 'utf8'), sidecarPath(uri));
  if (!r.ok) throw new Error(`sidecar does not load: ${r.error.message}`);
  return r.sidecar;
}

const span = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `"${quote}" not in the text`);
  return { start, end: start + quote.length };
};

async function addNote(uri: vscode.Uri, quote: string, body: string, text = ARTICLE): Promise<Annotation> {
  const a = await vscode.commands.executeCommand<Annotation>(CommandId.AddNote, { uri, ...span(text, quote), body });
  assert.ok(a, 'Add Note returned nothing');
  await api.store.settled();
  return a;
}

const anchoredOf = (uri: vscode.Uri, id: string) => api.store.get(uri).anchored.find((x) => x.annotation.id === id);

function messagesSince(n: number): ShownMessage[] {
  return api.messages.slice(n);
}

describe('Annotations', function () {
  before(async () => {
    const ext = vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID)!;
    const all = await ext.activate();
    api = all.annotations as AnnotationsApi;
    dir = path.join(workspaceRoot().fsPath, 'annotations-tests');
    fs.mkdirSync(dir, { recursive: true });
    await vscode.workspace.getConfiguration('newsLens').update('author', AUTHOR, vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('newsLens').update('author', undefined, vscode.ConfigurationTarget.Workspace);
    // The suites after this one count the workspace's articles: take ours out of the corpus again.
    await closeAllEditors();
    fs.rmSync(dir, { recursive: true, force: true });
    const corpus = all().corpus;
    if (corpus) {
      await corpus.refresh();
      await waitFor(() => !(corpus.index()?.paths() ?? []).some((p) => p.startsWith(dir)), 'the test articles are still in the corpus index', 20_000);
    }
  });
  afterEach(async () => {
    api.store.pauseWrites(false);
    await closeAllEditors();
    await api.store.settled();
  });

  it('Add Note writes the sidecar next to the article and shows a comment thread', async () => {
    const uri = article('note.txt');
    await openInEditor(uri);
    const a = await addNote(uri, 'a union leader', 'Which union? Name the source.');
    const s = readSidecarFile(uri);
    assert.strictEqual(s.version, 1);
    assert.ok(s.document.path.endsWith('note.txt') && !path.isAbsolute(s.document.path), s.document.path);
    assert.match(s.document.sha256, /^[0-9a-f]{64}$/);
    assert.strictEqual(s.annotations.length, 1);
    const got = s.annotations[0];
    assert.deepStrictEqual(
      { id: got.id, kind: got.kind, body: got.body, status: got.status, author: got.author, exact: got.target.exact, start: got.target.start },
      { id: a.id, kind: 'note', body: 'Which union? Name the source.', status: 'open', author: AUTHOR, exact: 'a union leader', start: ARTICLE.indexOf('a union leader') },
    );
    assert.ok(got.target.prefix.endsWith('according to '), got.target.prefix);
    const thread = api.threads.threadOf(a.id);
    assert.ok(thread, 'no comment thread for the note');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(doc.getText(thread.range!), 'a union leader');
    assert.strictEqual(thread.comments.length, 1);

    // Reply and resolve through the thread's commands.
    await vscode.commands.executeCommand(CommandId.ReplyNote, { thread, text: 'Asked the reporter.' });
    await vscode.commands.executeCommand(CommandId.ResolveNote, thread);
    await api.store.settled();
    const after = readSidecarFile(uri).annotations[0];
    assert.strictEqual(after.status, 'resolved');
    assert.deepStrictEqual(after.replies?.map((r) => [r.body, r.author]), [['Asked the reporter.', AUTHOR]]);
    assert.strictEqual(api.threads.threadOf(a.id)?.comments.length, 2);
    assert.strictEqual(api.threads.threadOf(a.id)?.state, vscode.CommentThreadState.Resolved);
  });

  it('Mark as Disputed stores the verdict and the claim hover shows it', async function () {
    const uri = article('verdict.txt');
    const editor = await openInEditor(uri);
    const claims = await waitFor(() => all().analyses.get(editor.document)?.claims, 'no analysis');
    assert.ok(claims.length, 'the engine found no claims in the test article');
    const claim = claims[0];
    const pos = editor.document.positionAt(claim.start + 1);
    editor.selection = new vscode.Selection(pos, pos);
    const a = await vscode.commands.executeCommand<Annotation>(CommandId.MarkDisputed, { prompt: false, note: 'The union says 900.', link: 'https://example.org/union' });
    assert.ok(a, 'Mark as Disputed returned nothing');
    await api.store.settled();
    const stored = readSidecarFile(uri).annotations;
    assert.deepStrictEqual(
      stored.map((x) => [x.kind, x.verdict, x.target.start, x.target.end, x.body, x.links]),
      [['claim', 'disputed', claim.start, claim.end, 'The union says 900.', ['https://example.org/union']]],
    );
    // Marking again updates the same annotation rather than adding one.
    await vscode.commands.executeCommand(CommandId.MarkFalse, { prompt: false });
    await api.store.settled();
    assert.deepStrictEqual(readSidecarFile(uri).annotations.map((x) => x.verdict), ['false']);

    const hoverText = async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    const text = await hoverText();
    if (!/claim|figure/i.test(text)) {
      notice('the claim hover is not there (the editor feature is not active in this build): verdict-in-hover check skipped');
      this.skip();
    }
    assert.match(text, /false/i, `the hover does not show the verdict:\n${text}`);
  });

  it('annotations follow edits made in the editor, and the sidecar follows the save', async () => {
    const uri = article('edit.txt');
    const editor = await openInEditor(uri);
    const a = await addNote(uri, 'Maria Lopez', 'Spelling?');
    const before = anchoredOf(uri, a.id)!.start!;
    const insert = 'BREAKING: ';
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), insert));
    const moved = anchoredOf(uri, a.id)!;
    assert.deepStrictEqual([moved.start, moved.end, moved.state], [before + insert.length, before + insert.length + 'Maria Lopez'.length, 'moved']);
    assert.strictEqual(editor.document.getText(api.threads.threadOf(a.id)!.range!), 'Maria Lopez');
    // Typing inside the span grows it; the saved sidecar then describes the saved text.
    const inside = editor.document.positionAt(moved.start! + 'Maria'.length);
    await editor.edit((e) => e.insert(inside, ' J.'));
    assert.strictEqual(editor.document.getText().slice(anchoredOf(uri, a.id)!.start, anchoredOf(uri, a.id)!.end), 'Maria J. Lopez');
    await editor.document.save();
    await waitFor(async () => {
      await api.store.settled();
      return readSidecarFile(uri).annotations[0].target.exact === 'Maria J. Lopez';
    }, 'the sidecar was not updated after saving the article');
    const s = readSidecarFile(uri);
    assert.strictEqual(s.annotations[0].target.start, editor.document.getText().indexOf('Maria J. Lopez'));
    assert.strictEqual(s.annotations[0].modified, a.modified, 'moving an annotation is no edit of it');
  });

  it('re-anchors after the article is rewritten on disk (closed and open)', async () => {
    const uri = article('disk.txt');
    const a = await addNote(uri, '300 ships', 'Which port?');
    const b = await addNote(uri, 'talks with the port authority', 'Named?');
    const paragraph = 'A new first paragraph, added by another editor.\n\n';
    // Closed: anchored against the file on disk.
    const text1 = paragraph + ARTICLE;
    fs.writeFileSync(uri.fsPath, text1);
    await waitFor(() => anchoredOf(uri, a.id)?.start === text1.indexOf('300 ships'), `not re-anchored: ${JSON.stringify(anchoredOf(uri, a.id))}`, 20_000);
    assert.strictEqual(anchoredOf(uri, a.id)!.state, 'moved');
    // Open, then changed by someone else: VS Code reloads it and the notes follow.
    const editor = await openInEditor(uri);
    const text2 = paragraph + paragraph + ARTICLE.replace('Officials expect', 'Officials now expect');
    fs.writeFileSync(uri.fsPath, text2);
    await waitFor(() => editor.document.getText() === text2, 'VS Code did not reload the article', 20_000);
    await waitFor(() => anchoredOf(uri, a.id)?.start === text2.indexOf('300 ships'), `note not re-anchored: ${JSON.stringify(anchoredOf(uri, a.id))}`);
    assert.strictEqual(anchoredOf(uri, b.id)!.start, text2.indexOf('talks with the port authority'));
    // Nothing was written on load: the stored targets are the old ones until the next change.
    assert.strictEqual(readSidecarFile(uri).annotations.length, 2);
  });

  it('keeps an annotation whose text is gone as an orphan, and re-attaches it to a selection', async () => {
    const uri = article('orphan.txt');
    const a = await addNote(uri, 'Maria Lopez, who heads the Harbour Workers Union', 'Check title');
    const rewritten = ARTICLE.replace(/Maria Lopez[^\n]*\n/, 'A spokesperson declined to comment.\n');
    fs.writeFileSync(uri.fsPath, rewritten);
    const x = await waitFor(() => (anchoredOf(uri, a.id)?.state === 'orphaned' ? anchoredOf(uri, a.id) : undefined), 'the note did not become an orphan', 20_000);
    assert.ok(api.store.articles().some((u) => u.toString() === uri.toString()));
    assert.strictEqual(x.annotation.target.exact, 'Maria Lopez, who heads the Harbour Workers Union', 'the orphan keeps its quote');
    const target = span(rewritten, 'A spokesperson');
    await vscode.commands.executeCommand(CommandId.ReattachAnnotation, { article: uri, id: a.id }, target);
    await api.store.settled();
    assert.deepStrictEqual([anchoredOf(uri, a.id)!.state, anchoredOf(uri, a.id)!.start], ['anchored', target.start]);
    const stored = readSidecarFile(uri).annotations[0];
    assert.deepStrictEqual([stored.target.exact, stored.body], ['A spokesperson', 'Check title']);
  });

  it('reports a truncated sidecar, leaves it byte for byte, refuses to annotate that article only', async () => {
    const uri = article('damaged.txt');
    await addNote(uri, 'a union leader', 'First');
    const file = sidecarPath(uri);
    const whole = fs.readFileSync(file, 'utf8');
    const truncated = whole.slice(0, Math.floor(whole.length / 2));
    const seen = api.messages.length;
    fs.writeFileSync(file, truncated);
    await waitFor(() => api.store.get(uri).error, 'the damaged sidecar was not noticed', 20_000);
    const err = api.store.get(uri).error!;
    assert.ok(err.line !== undefined && err.column !== undefined, `no line/column: ${JSON.stringify(err)}`);
    const shown = messagesSince(seen).find((m) => m.level === 'error' && m.message.includes('damaged.txt.annotations.json'));
    assert.ok(shown, `no error naming the file: ${JSON.stringify(messagesSince(seen))}`);
    assert.match(shown.message, new RegExp(`:${err.line}:${err.column}`));

    const refused = await vscode.commands.executeCommand(CommandId.AddNote, { uri, ...span(ARTICLE, '300 ships'), body: 'Second' });
    assert.strictEqual(refused, undefined);
    await vscode.commands.executeCommand(CommandId.SetArticleStatus, uri, 'reviewed');
    await api.store.settled();
    assert.strictEqual(fs.readFileSync(file, 'utf8'), truncated, 'the damaged sidecar was changed');

    // Other articles keep working.
    const other = article('undamaged.txt');
    await addNote(other, '300 ships', 'Fine');
    assert.strictEqual(readSidecarFile(other).annotations.length, 1);

    // Restored (as `git checkout` would): it loads again and annotating works.
    fs.writeFileSync(file, whole);
    await waitFor(() => !api.store.get(uri).error, 'the restored sidecar did not load again', 20_000);
    await addNote(uri, '300 ships', 'Second');
    assert.strictEqual(readSidecarFile(uri).annotations.length, 2);
  });

  it('loads a sidecar merged by git from two parallel edits with both sides', async function () {
    try {
      execFileSync('git', ['--version']);
    } catch {
      notice('git is not installed: the git merge test is skipped');
      this.skip();
    }
    const uri = article('merged.txt');
    await addNote(uri, 'Maria Lopez', 'Base note');
    const base = fs.readFileSync(sidecarPath(uri), 'utf8');
    const sideA = readSidecarFile(uri);
    const sideB = readSidecarFile(uri);
    const make = (quote: string, body: string, kind: 'note' | 'claim', when: string) =>
      createAnnotation({ kind, text: ARTICLE, ...span(ARTICLE, quote), body, author: kind === 'note' ? 'A' : 'B', now: when, id: cryptoId(), ...(kind === 'claim' ? { verdict: 'verified' as const } : {}) });
    sideA.annotations.push(make('Harbour strike', 'Headline ok?', 'note', '2030-01-01T00:00:00.000Z'));
    sideB.annotations.push(make('300 ships', '', 'claim', '2030-01-01T00:00:01.000Z'));
    const tmp = fs.mkdtempSync(path.join(dir, 'merge-'));
    const [fa, fb, fbase] = ['a.json', 'b.json', 'base.json'].map((f) => path.join(tmp, f));
    fs.writeFileSync(fa, serializeSidecar({ ...sideA, annotations: [...sideA.annotations] }));
    fs.writeFileSync(fb, serializeSidecar(sideB));
    fs.writeFileSync(fbase, base);
    // git merge-file exits with the number of conflicts; 0 here: the sides touched different lines.
    execFileSync('git', ['merge-file', fa, fbase, fb]);
    const merged = fs.readFileSync(fa, 'utf8');
    assert.ok(!merged.includes('<<<<<<<'), 'git left conflict markers');
    fs.writeFileSync(sidecarPath(uri), merged);
    await waitFor(() => api.store.get(uri).sidecar?.annotations.length === 3, 'the merged sidecar was not loaded with 3 annotations', 20_000);
    const kinds = api.store.get(uri).anchored.map((x) => [x.annotation.kind, x.annotation.body, x.state]);
    assert.deepStrictEqual(kinds, [
      ['note', 'Headline ok?', 'anchored'],
      ['note', 'Base note', 'anchored'],
      ['claim', '', 'anchored'],
    ]);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('merges a change on disk with a change not yet written, by id, and says so', async () => {
    const uri = article('parallel.txt');
    await addNote(uri, 'Maria Lopez', 'Base');
    const disk = readSidecarFile(uri);
    api.store.pauseWrites(true);
    const seen = api.messages.length;
    const mine = await vscode.commands.executeCommand<Annotation>(CommandId.AddNote, { uri, ...span(ARTICLE, '300 ships'), body: 'Mine' });
    const theirs = createAnnotation({ kind: 'note', text: ARTICLE, ...span(ARTICLE, 'Valencia'), body: 'Theirs', author: 'Other window', now: new Date().toISOString(), id: cryptoId() });
    fs.writeFileSync(sidecarPath(uri), serializeSidecar({ ...disk, annotations: [...disk.annotations, theirs] }));
    api.store.pauseWrites(false);
    await api.store.settled();
    const ids = readSidecarFile(uri).annotations.map((a) => a.body).sort();
    assert.deepStrictEqual(ids, ['Base', 'Mine', 'Theirs']);
    assert.ok(mine && api.store.get(uri).anchored.some((x) => x.annotation.id === theirs.id));
    assert.ok(
      messagesSince(seen).some((m) => /changed on disk/.test(m.message) && /1 annotation added/.test(m.message)),
      `the reviewer was not told: ${JSON.stringify(messagesSince(seen))}`,
    );
  });

  it('entity corrections change the highlights at once, per article and for all articles', async () => {
    const uri = article('entities.txt');
    const editor = await openInEditor(uri);
    const entities = () => all().analyses.get(editor.document)?.entities ?? [];
    const valencia = await waitFor(() => entities().find((e) => e.text === 'Valencia'), `Valencia not found: ${JSON.stringify(entities())}`);
    // Reject in this article.
    const ok = await vscode.commands.executeCommand<boolean>(CommandId.RejectEntity, { uri, start: valencia.start, end: valencia.end });
    assert.strictEqual(ok, true);
    assert.ok(!entities().some((e) => e.text === 'Valencia'), 'the rejected entity is still highlighted');
    await api.store.settled();
    assert.deepStrictEqual(readSidecarFile(uri).annotations.map((a) => [a.kind, a.rejected, a.target.exact]), [['entity', true, 'Valencia']]);
    // Change a type, through the cursor.
    const maria = entities().find((e) => e.text.startsWith('Maria'));
    if (maria) {
      const newType = maria.type === 'person' ? 'organization' : 'person';
      editor.selection = new vscode.Selection(editor.document.positionAt(maria.start + 1), editor.document.positionAt(maria.start + 1));
      const seen = api.messages.length;
      const changed = await vscode.commands.executeCommand(CommandId.ChangeEntityType, { type: newType });
      const now = entities().filter((e) => e.start >= maria.start && e.start < maria.end);
      assert.deepStrictEqual(now.map((e) => [e.text, e.type]), [[maria.text, newType]], JSON.stringify({ changed, maria, messages: messagesSince(seen), stored: api.store.get(uri).anchored }));
    }
    // Add an entity for every article: the workspace lexicon.
    const other = article('entities-other.txt');
    const otherEditor = await openInEditor(other);
    await vscode.commands.executeCommand(CommandId.AddEntity, { uri: other, ...span(ARTICLE, 'port authority'), type: 'organization', scope: 'workspace' });
    const lexicon = JSON.parse(fs.readFileSync(path.join(workspaceRoot().fsPath, '.newslens', 'lexicon.json'), 'utf8'));
    assert.deepStrictEqual(lexicon.entities, [{ name: 'port authority', type: 'organization' }]);
    const found = (doc: vscode.TextDocument) => (all().analyses.get(doc)?.entities ?? []).filter((e) => e.text === 'port authority').length;
    assert.strictEqual(found(otherEditor.document), 2);
    assert.strictEqual(found(editor.document), 2, 'the lexicon entry did not reach the other article');
    fs.rmSync(path.join(workspaceRoot().fsPath, '.newslens'), { recursive: true, force: true });
  });

  it('sets the article review status', async () => {
    const uri = article('status.txt');
    await openInEditor(uri);
    assert.strictEqual(await vscode.commands.executeCommand(CommandId.SetArticleStatus, uri, 'in-review'), 'in-review');
    await api.store.settled();
    assert.strictEqual(readSidecarFile(uri).status, 'in-review');
  });

  it('tells the reviewer why a note cannot be added without a selection', async () => {
    const uri = article('nosel.txt');
    await openInEditor(uri);
    const seen = api.messages.length;
    assert.strictEqual(await vscode.commands.executeCommand(CommandId.AddNote), undefined);
    assert.ok(messagesSince(seen).some((m) => /select the text/.test(m.message)));
    assert.ok(!fs.existsSync(sidecarPath(uri)), 'a sidecar was written for nothing');
  });
});

function all(): NewsLensApi['services'] {
  return (vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID)!.exports as NewsLensApi).services;
}

function cryptoId(): string {
  return randomUUID();
}
