// Which documents are articles: the `news-article` language, or a workspace file matching
// `newsLens.include` and not `newsLens.exclude`.
import picomatch from 'picomatch';
import * as vscode from 'vscode';

export const LANGUAGE_ID = 'news-article';

let cached: { include: string; exclude: string; isIncluded: (p: string) => boolean; isExcluded: (p: string) => boolean } | undefined;

function matchers() {
  const cfg = vscode.workspace.getConfiguration('newsLens');
  const include = cfg.get<string>('include', '**/*.txt');
  const exclude = cfg.get<string>('exclude', '');
  if (!cached || cached.include !== include || cached.exclude !== exclude) {
    cached = {
      include,
      exclude,
      isIncluded: picomatch(include, { dot: true }),
      isExcluded: exclude ? picomatch(exclude, { dot: true }) : () => false,
    };
  }
  return cached;
}

export function isArticle(doc: vscode.TextDocument): boolean {
  if (doc.languageId === LANGUAGE_ID) return true;
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return false;
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (!folder) return false;
  const rel = vscode.workspace.asRelativePath(doc.uri, false);
  const m = matchers();
  return m.isIncluded(rel) && !m.isExcluded(rel);
}
