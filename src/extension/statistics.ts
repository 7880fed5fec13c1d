import * as vscode from 'vscode';
import { articleStats, type ArticleStats } from '../core';
import { isArticle } from './articles';

/** "Show Article Statistics": reports and returns the active article's counts. */
export async function showStatistics(): Promise<ArticleStats | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('News Lens: open an article first to see its statistics.');
    return undefined;
  }
  const doc = editor.document;
  if (!isArticle(doc)) {
    void vscode.window.showWarningMessage(
      `News Lens: ${vscode.workspace.asRelativePath(doc.uri)} is not an article (see the newsLens.include setting).`,
    );
    return undefined;
  }
  const s = articleStats(doc.getText());
  // Counts first: a notification is one line wide, and a long path would push them out of view.
  void vscode.window.showInformationMessage(
    `${s.words} words · ${s.sentences} sentences · ${s.paragraphs} paragraphs (${vscode.workspace.asRelativePath(doc.uri)})`,
  );
  return s;
}
