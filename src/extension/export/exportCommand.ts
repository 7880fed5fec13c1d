// "News Lens: Export Annotations…": format, scope (this article, the workspace, ticked articles),
// where to save, then the file(s) through vscode.workspace.fs and a notification to open or
// reveal them. Other extensions and the tests call it with `{ format, scope, target }` and get
// the result back instead of going through the pickers.
import * as vscode from 'vscode';
import type { Services } from '../services/contracts';
import { claimsFileName, defaultFileName, FORMATS, formatInfo, isExportFormat, render, type ExportFormat } from './formats';
import { plural, tell } from './messages';
import { prepareInput } from './prepare';
import { activeArticle, isExportScope, pickArticles, workspaceArticles, type ExportScope } from './scope';

export interface ExportArgs {
  format?: ExportFormat;
  scope?: ExportScope;
  /** Where to write (skips the save dialog). CSV also writes NAME.claims.csv beside it. */
  target?: vscode.Uri;
  /** With scope 'selected': the articles (skips the multi-select). */
  articles?: vscode.Uri[];
}

export interface ExportResult {
  format: ExportFormat;
  files: vscode.Uri[];
  articles: number;
  annotations: number;
  /** Articles left out, and why. */
  problems: string[];
}

/** Why the export stopped, already told to the user. */
type Outcome = ExportResult | undefined;

export async function exportAnnotations(services: Services, args: ExportArgs = {}): Promise<Outcome> {
  if (args.format !== undefined && !isExportFormat(args.format)) return fail(`unknown export format ${JSON.stringify(args.format)}`);
  if (args.scope !== undefined && !isExportScope(args.scope)) return fail(`unknown export scope ${JSON.stringify(args.scope)}`);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = activeArticle();
  if (!folders.length && !active) return fail('open a folder of articles (or an article) to export its review.', 'warning');

  const format = args.format ?? (await pickFormat());
  if (!format) return undefined; // dismissed: nothing to say
  const scope = args.scope ?? (await pickScope(!!active, !!folders.length));
  if (!scope) return undefined;

  let uris: vscode.Uri[];
  if (scope === 'article') {
    if (!active) return fail('no article is open in the editor; choose "the workspace" or "selected articles" instead.', 'warning');
    uris = [active];
  } else {
    if (!folders.length) return fail('no folder is open, so there is no workspace to export; open the articles\' folder first.', 'warning');
    const all = await workspaceArticles(services);
    if (!all.length) return fail('the workspace has no articles to export (see the newsLens.include setting).', 'warning');
    if (scope === 'workspace') uris = all;
    else {
      const picked = args.articles ?? (await pickArticles(services, all));
      if (!picked) return undefined;
      uris = picked;
    }
  }
  if (!uris.length) return fail('no articles were selected, so nothing was exported.', 'warning');

  const now = new Date();
  const target = args.target ?? (await pickTarget(format, now, uris[0]));
  if (!target) return undefined;

  let result: Outcome;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `News Lens: exporting ${formatInfo(format).label}`, cancellable: true },
      async (progress, token) => {
        const collected = await prepareInput(services, uris, { token, progress, now });
        for (const p of collected.problems) console.warn(`[news-lens export] ${p}`);
        if (!collected.input.articles.length) {
          return void fail(`nothing was exported: ${collected.problems.length ? collected.problems.slice(0, 3).join('; ') : 'no article could be read'}.`);
        }
        const empty = emptyReason(format, collected.annotations, collected.input);
        if (empty) return void fail(empty, 'warning');
        progress.report({ message: 'writing…' });
        const files: vscode.Uri[] = [];
        for (const f of render(format, collected.input)) {
          const uri = f.sibling === 'claims' ? siblingUri(target, claimsFileName(baseName(target))) : target;
          await vscode.workspace.fs.writeFile(uri, Buffer.from(f.text, 'utf8'));
          files.push(uri);
        }
        if (collected.settings.baseUrlProblem) void tell('warning', collected.settings.baseUrlProblem);
        else if (format === 'claimreview' && !collected.settings.baseUrl) {
          void tell('warning', 'the ClaimReview links to the articles by relative paths; set newsLens.export.baseUrl to where they are published, since search engines ignore relative URLs.');
        }
        return { format, files, articles: collected.input.articles.length, annotations: collected.annotations, problems: collected.problems };
      },
    );
  } catch (err: any) {
    if (err instanceof vscode.CancellationError) return fail('the export was cancelled; no file was written.', 'info');
    return fail(`the export could not be written to ${vscode.workspace.asRelativePath(target)}: ${err?.message ?? err}`);
  }
  if (result) announce(result);
  return result;
}

function fail(message: string, level: 'error' | 'warning' | 'info' = 'error'): undefined {
  void tell(level, message);
  return undefined;
}

/** Formats that would be an empty file say so instead of writing one. */
function emptyReason(format: ExportFormat, annotations: number, input: { articles: { sidecar?: { annotations: { kind: string; verdict?: string }[] } }[] }): string | undefined {
  if (format === 'webannotation' && annotations === 0) return 'these articles have no annotations, so there is nothing to export as Web Annotations.';
  if (format === 'claimreview') {
    const verdicts = input.articles.some((a) => a.sidecar?.annotations.some((x) => x.verdict !== undefined));
    if (!verdicts) return 'none of these articles has a verdict on a claim yet, so there is no ClaimReview to publish (mark claims Verified, False, … first).';
  }
  return undefined;
}

function announce(r: ExportResult): void {
  const names = r.files.map((f) => vscode.workspace.asRelativePath(f)).join(' and ');
  const left = r.problems.length ? ` ${plural(r.problems.length, 'article')} left out: ${r.problems.slice(0, 2).join('; ')}${r.problems.length > 2 ? '; …' : ''}.` : '';
  void tell(r.problems.length ? 'warning' : 'info', `exported ${plural(r.articles, 'article')} and ${plural(r.annotations, 'annotation')} to ${names}.${left}`, {}, 'Open', 'Reveal in Explorer').then(
    (choice) => {
      if (choice === 'Open') void openExported(r.format, r.files[0]);
      if (choice === 'Reveal in Explorer') void reveal(r.files[0]);
    },
  );
}

export async function openExported(format: ExportFormat, uri: vscode.Uri): Promise<void> {
  if (format === 'md') {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return;
  }
  if (format === 'html' && vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName) {
    // A standalone page: the browser shows it as it will be read.
    if (await vscode.env.openExternal(uri)) return;
  }
  await vscode.window.showTextDocument(uri, { preview: false });
}

async function reveal(uri: vscode.Uri): Promise<void> {
  if (vscode.workspace.getWorkspaceFolder(uri)) await vscode.commands.executeCommand('revealInExplorer', uri);
  else await vscode.commands.executeCommand('revealFileInOS', uri);
}

interface FormatItem extends vscode.QuickPickItem {
  id: ExportFormat;
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const items: FormatItem[] = FORMATS.map((f) => ({ id: f.id, label: f.label, detail: f.detail }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Export Annotations: format', placeHolder: 'Choose the export format', matchOnDetail: true });
  return picked?.id;
}

interface ScopeItem extends vscode.QuickPickItem {
  id: ExportScope;
}

async function pickScope(hasArticle: boolean, hasWorkspace: boolean): Promise<ExportScope | undefined> {
  const items: ScopeItem[] = [];
  const active = activeArticle();
  if (hasArticle && active) items.push({ id: 'article', label: 'This article', description: vscode.workspace.asRelativePath(active) });
  if (hasWorkspace) {
    items.push({ id: 'workspace', label: 'The workspace', description: 'every article' });
    items.push({ id: 'selected', label: 'Selected articles…', description: 'tick them in a list' });
  }
  if (items.length === 1) return items[0].id;
  const picked = await vscode.window.showQuickPick(items, { title: 'Export Annotations: which articles?', placeHolder: 'Choose what to export' });
  return picked?.id;
}

async function pickTarget(format: ExportFormat, now: Date, first: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(first)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.joinPath(first, '..');
  const info = formatInfo(format);
  return vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(folder, defaultFileName(format, now)),
    filters: info.filter,
    saveLabel: 'Export',
    title: `Export ${info.label}`,
  });
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function siblingUri(uri: vscode.Uri, name: string): vscode.Uri {
  return uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/') + 1) + name });
}
