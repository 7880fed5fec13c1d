// The text an article's annotations are anchored against: the open document's (with unsaved
// edits: what the reviewer sees) or, when it is closed, the file on disk.
import { readFileSync, statSync } from 'node:fs';
import * as vscode from 'vscode';

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

/** A stamp that changes when the file on disk changes (cheap: one stat). */
export function diskStamp(uri: vscode.Uri): string | undefined {
  try {
    const st = statSync(uri.fsPath);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return undefined;
  }
}

export function diskText(uri: vscode.Uri): string | undefined {
  try {
    // VS Code drops a UTF-8 BOM from document text; do the same so offsets agree.
    const text = readFileSync(uri.fsPath, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** The current text and what it is: an open document's version, or the disk file's stamp. */
export function currentText(uri: vscode.Uri): { text: string; source: string } | undefined {
  const doc = openDocument(uri);
  if (doc) return { text: doc.getText(), source: `v:${doc.version}` };
  const stamp = diskStamp(uri);
  const text = stamp === undefined ? undefined : diskText(uri);
  return text === undefined ? undefined : { text, source: `disk:${stamp}` };
}
