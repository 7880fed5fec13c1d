// Which articles an export covers: the one in the active editor, the whole workspace, or a
// selection the reviewer ticks in a multi-select quick pick.
import * as vscode from 'vscode';
import { isArticle } from '../articles';
import type { Services } from '../services/contracts';
import { exportPath } from './collect';

export const EXPORT_SCOPES = ['article', 'workspace', 'selected'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

export function isExportScope(x: unknown): x is ExportScope {
  return typeof x === 'string' && (EXPORT_SCOPES as readonly string[]).includes(x);
}

/** The article in the active editor; when the focus is elsewhere (the report's webview, a panel),
 * the one article on screen, if exactly one is. */
export function activeArticle(): vscode.Uri | undefined {
  const ok = (doc: vscode.TextDocument | undefined) => !!doc && doc.uri.scheme === 'file' && isArticle(doc);
  const active = vscode.window.activeTextEditor?.document;
  if (active) return ok(active) ? active.uri : undefined;
  const visible = new Map(vscode.window.visibleTextEditors.filter((e) => ok(e.document)).map((e) => [e.document.uri.toString(), e.document.uri]));
  return visible.size === 1 ? [...visible.values()][0] : undefined;
}

/** Every article of the workspace, in path order: the corpus service's own list when it offers
 * one (the same files it indexes), else the same globs searched here. */
export async function workspaceArticles(services: Services): Promise<vscode.Uri[]> {
  const corpus = services.corpus as { findArticles?: () => Promise<vscode.Uri[]> };
  if (typeof corpus.findArticles === 'function') return corpus.findArticles();
  const cfg = vscode.workspace.getConfiguration('newsLens');
  const exclude = cfg.get<string>('exclude', '') || undefined;
  const [a, b] = await Promise.all([vscode.workspace.findFiles(cfg.get<string>('include', '**/*.txt'), exclude), vscode.workspace.findFiles('**/*.news', exclude)]);
  const seen = new Map<string, vscode.Uri>();
  for (const u of [...a, ...b]) seen.set(u.toString(), u);
  return [...seen.values()].sort((x, y) => (x.fsPath < y.fsPath ? -1 : x.fsPath > y.fsPath ? 1 : 0));
}

interface ArticleItem extends vscode.QuickPickItem {
  uri: vscode.Uri;
}

/** A multi-select list of the workspace's articles; those with annotations first and ticked
 * with the active article, since they are what a reviewer most likely wants to hand over. */
export async function pickArticles(services: Services, all: vscode.Uri[]): Promise<vscode.Uri[] | undefined> {
  const annotated = new Set(services.sidecars.articles().map((u) => u.toString()));
  const active = activeArticle()?.toString();
  const items: ArticleItem[] = all.map((uri) => {
    const count = annotated.has(uri.toString()) ? services.sidecars.get(uri).sidecar?.annotations.length ?? 0 : 0;
    return {
      uri,
      label: exportPath(uri),
      description: count ? `${count} annotation${count === 1 ? '' : 's'}` : undefined,
      picked: uri.toString() === active,
    };
  });
  items.sort((a, b) => Number(!!b.description) - Number(!!a.description) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Export: which articles?',
    placeHolder: 'Tick the articles to export (type to filter)',
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked?.map((p) => p.uri);
}
