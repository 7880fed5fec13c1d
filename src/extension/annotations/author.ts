// Who is annotating: the `newsLens.author` setting, else git's user.name, else the OS user
// (src/node/author.ts). The git lookup runs a process, so its answer is kept per folder.
import * as vscode from 'vscode';
import { defaultAuthor } from '../../node/author';

const fallback = new Map<string, string>();

export function currentAuthor(article?: vscode.Uri): string {
  const set = vscode.workspace.getConfiguration('newsLens').get<string>('author', '').trim();
  if (set) return set;
  const folder = (article && vscode.workspace.getWorkspaceFolder(article)) ?? vscode.workspace.workspaceFolders?.[0];
  const cwd = folder?.uri.scheme === 'file' ? folder.uri.fsPath : process.cwd();
  let name = fallback.get(cwd);
  if (!name) {
    name = defaultAuthor(cwd);
    fallback.set(cwd, name);
  }
  return name;
}
