// Export and reports in a real VS Code: Export Annotations… called with its options (no pickers)
// writes the formats the core makes, from annotations made through the annotation commands; the
// review report opens in a webview under a strict content security policy and follows changes;
// Import Web Annotations… re-creates a sidecar from an export.
// The test article is text written for these tests (under export-tests/), not a seed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { ANNOTATION_COLUMNS, CLAIM_COLUMNS } from '../../src/core/export';
import { CommandId } from '../../src/extension/commandIds';
import type { ExportResult } from '../../src/extension/export/exportCommand';
import type { ImportOutcome } from '../../src/extension/export/importCommand';
import type { ShownMessage } from '../../src/extension/export/messages';
import type { NewsLensApi } from '../../src/extension/main';
import { EXTENSION_ID, closeAllEditors, waitFor, workspaceRoot } from './harness';

interface ExportApi {
  lastExport(): ExportResult | undefined;
  reportPanel(): vscode.WebviewPanel | undefined;
  reportRenders(): number;
  messages: ShownMessage[];
}

const ARTICLE = [
  'Dock strike delays grain shipments',
  '',
  'The union said 1,200 workers walked out on Monday, according to a statement from its leader.',
  '',
  'Anna Berg, who chairs the Dock Workers Union, said talks with the port authority in Rotterdam had stalled.',
  '',
  'About 40 ships were waiting outside the harbour on Tuesday, the port authority said.',
  '',
].join('\n');

const ORGANIZATION = 'Integration Desk';
let api: ExportApi;
let services: NewsLensApi['services'];
let dir: string;
let article: vscode.Uri;
let articlePath: string;

const span = (quote: string) => {
  const start = ARTICLE.indexOf(quote);
  assert.ok(start >= 0, `"${quote}" not in the text`);
  return { start, end: start + quote.length };
};

const out = (name: string) => vscode.Uri.file(path.join(dir, 'out', name));
const read = (uri: vscode.Uri) => fs.readFileSync(uri.fsPath, 'utf8').replace(/^\uFEFF/, '');
const settle = () => (services.sidecars as unknown as { settled(): Promise<void> }).settled();

async function runExport(args: Record<string, unknown>): Promise<ExportResult | undefined> {
  return vscode.commands.executeCommand<ExportResult | undefined>(CommandId.ExportAnnotations, args);
}

describe('Export and reports', function () {
  before(async () => {
    const ext = vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID)!;
    const all = await ext.activate();
    api = all.export as ExportApi;
    services = all.services;
    dir = path.join(workspaceRoot().fsPath, 'export-tests');
    fs.mkdirSync(path.join(dir, 'out'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dock-strike.txt'), ARTICLE);
    article = vscode.Uri.file(path.join(dir, 'dock-strike.txt'));
    articlePath = 'export-tests/dock-strike.txt';
    await vscode.workspace.getConfiguration('newsLens').update('organization', ORGANIZATION, vscode.ConfigurationTarget.Workspace);

    // A note and a verdict, made the way a reviewer makes them (the annotation commands).
    const note = await vscode.commands.executeCommand(CommandId.AddNote, { uri: article, ...span('Anna Berg'), body: 'Check her title with the union' });
    assert.ok(note, 'Add Note made no note');
    const verdict = await vscode.commands.executeCommand(CommandId.MarkVerified, { uri: article, ...span('1,200 workers'), note: 'Union statement, 3 March', prompt: false });
    assert.ok(verdict, 'Mark Verified made no claim annotation');
    await settle();
  });

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.getConfiguration('newsLens').update('organization', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('exports CSV (annotations + claims) of selected articles to the given file', async () => {
    const target = out('review.csv');
    const r = await runExport({ format: 'csv', scope: 'selected', articles: [article], target });
    assert.ok(r, `the export reported nothing; messages: ${JSON.stringify(api.messages.slice(-3))}`);
    assert.deepStrictEqual(r.files.map((f) => path.basename(f.fsPath)), ['review.csv', 'review.claims.csv']);
    assert.strictEqual(r.articles, 1);
    assert.strictEqual(r.annotations, 2);

    const annotations = read(r.files[0]).split('\r\n');
    assert.strictEqual(annotations[0], ANNOTATION_COLUMNS.join(','));
    const noteRow = annotations.find((l) => l.includes('Check her title with the union'));
    assert.ok(noteRow, 'no row for the note');
    assert.ok(noteRow.startsWith(`${articlePath},`), `the row does not name the article: ${noteRow}`);
    assert.ok(noteRow.includes(',note,Anna Berg,'), `the row does not hold the note's kind and quote: ${noteRow}`);

    const claims = read(r.files[1]).split('\r\n');
    assert.strictEqual(claims[0], CLAIM_COLUMNS.join(','));
    assert.ok(
      claims.some((l) => l.includes('1,200') && l.includes(',verified,') && l.includes('Union statement, 3 March')),
      `no claim row with the verdict:\n${claims.join('\n')}`,
    );
    assert.strictEqual(api.lastExport()?.files[0].fsPath, r.files[0].fsPath);
    assert.ok(api.messages.some((m) => m.message.includes('exported 1 article and 2 annotations to export-tests/out/review.csv')), 'the user was not told where the export went');
  });

  it('exports the Markdown report of the workspace with the corpus summary', async () => {
    await services.corpus.ready;
    const r = await runExport({ format: 'md', scope: 'workspace', target: out('report.md') });
    assert.ok(r, `the export reported nothing; messages: ${JSON.stringify(api.messages.slice(-3))}`);
    const md = read(r.files[0]);
    assert.ok(md.startsWith(`# Review report — ${ORGANIZATION}\n`), md.slice(0, 200));
    assert.match(md, new RegExp(`· ${r.articles} articles\\n`));
    assert.ok(r.articles >= 2, 'the workspace export should hold the seeds (or samples) and the test article');
    assert.ok(md.includes('## Summary'));
    assert.ok(md.includes('- **Annotations:**'));
    assert.ok(!md.includes('no corpus index given'), 'the report was made without the corpus index');
    assert.ok(md.includes(`\n### ${articlePath}\n`), 'no section for the annotated article');
    assert.ok(md.includes('Check her title with the union'), 'the open note is not in the report');
  });

  it('exports ClaimReview with the organization as author, and refuses when there is no verdict', async () => {
    const r = await runExport({ format: 'claimreview', scope: 'selected', articles: [article], target: out('review.claimreview.jsonld') });
    assert.ok(r);
    const doc = JSON.parse(read(r.files[0]));
    const reviews = doc['@graph'] as { author: { name: string }; reviewRating: { alternateName: string } }[];
    assert.strictEqual(reviews.length, 1);
    assert.strictEqual(reviews[0].author.name, ORGANIZATION);

    // An article without verdicts: nothing to publish, and the user is told so; no file appears.
    const plain = vscode.Uri.file(path.join(dir, 'no-verdicts.txt'));
    fs.writeFileSync(plain.fsPath, 'Nothing reviewed here.\n\nThe council met on Monday.\n');
    const before = api.messages.length;
    const none = await runExport({ format: 'claimreview', scope: 'selected', articles: [plain], target: out('none.jsonld') });
    assert.strictEqual(none, undefined);
    assert.ok(!fs.existsSync(out('none.jsonld').fsPath));
    assert.ok(api.messages.slice(before).some((m) => /no ClaimReview to publish/.test(m.message)), JSON.stringify(api.messages.slice(before)));
  });

  it('imports a Web Annotation export back into the same sidecar', async () => {
    const r = await runExport({ format: 'webannotation', scope: 'selected', articles: [article], target: out('review.webannotation.jsonld') });
    assert.ok(r);
    const sidecarFile = article.fsPath + '.annotations.json';
    const original = fs.readFileSync(sidecarFile, 'utf8');
    fs.rmSync(sidecarFile);
    await waitFor(() => !services.sidecars.get(article).sidecar, 'the store to see the sidecar gone');

    const imported = await vscode.commands.executeCommand<ImportOutcome | undefined>(CommandId.ImportWebAnnotations, { source: r.files[0] });
    assert.ok(imported, `nothing imported; messages: ${JSON.stringify(api.messages.slice(-3))}`);
    assert.strictEqual(imported.written.length, 1);
    assert.strictEqual(imported.annotations, 2);
    assert.strictEqual(fs.readFileSync(sidecarFile, 'utf8'), original, 'the re-created sidecar differs from the one exported');
    assert.strictEqual(services.sidecars.get(article).sidecar?.annotations.length, 2);

    // Importing again changes nothing, and says so.
    const again = await vscode.commands.executeCommand<ImportOutcome | undefined>(CommandId.ImportWebAnnotations, { source: r.files[0] });
    assert.ok(again);
    assert.strictEqual(again.written.length, 0);
    assert.strictEqual(again.unchanged, 1);
  });

  it('opens the review report in a webview with a strict policy and no remote resources, and refreshes it', async () => {
    await vscode.commands.executeCommand(CommandId.OpenReviewReport);
    const panel = api.reportPanel();
    assert.ok(panel, 'no report panel');
    assert.strictEqual(panel.options.retainContextWhenHidden, false);
    assert.strictEqual(panel.webview.options.enableScripts, false);
    const html = panel.webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(csp, 'no CSP meta');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src 'nonce-[A-Za-z0-9_-]+'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    assert.strictEqual((html.match(/http-equiv="Content-Security-Policy"/g) ?? []).length, 1, 'more than one policy');
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /(src|href)\s*=\s*["']?\s*(https?:)?\/\//i, 'a remote resource or link');
    assert.doesNotMatch(html, /url\(\s*["']?https?:/i);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    for (const tag of html.match(/<style[^>]*>/g) ?? []) assert.ok(tag.includes(`nonce="${nonce}"`), `a style without the nonce: ${tag}`);
    assert.ok(html.includes(`Review report — ${ORGANIZATION}`));
    assert.ok(html.includes('Check her title with the union'));

    // A new note reaches the open report without asking for it.
    const renders = api.reportRenders();
    await vscode.commands.executeCommand(CommandId.AddNote, { uri: article, ...span('Rotterdam'), body: 'Which terminal?' });
    await settle();
    await waitFor(() => api.reportRenders() > renders && api.reportPanel()?.webview.html.includes('Which terminal?'), 'the report to show the new note', 30_000);
    panel.dispose();
    assert.strictEqual(api.reportPanel(), undefined);
  });
});
