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
  void vscode.window.showInformationMessage(
    `${vscode.workspace.asRelativePath(doc.uri)}: ${s.words} words · ${s.sentences} sentences · ${s.paragraphs} paragraphs`,
  );
  return s;
}
