// Context keys for the editor's context menu and keybindings: is the active editor an article
// that can be annotated, and is the cursor on a claim or an entity.
import * as vscode from 'vscode';
import { isArticle } from '../articles';
import type { Services } from '../services/contracts';
import { touches } from './targets';

export const KEYS = {
  annotatable: 'newsLens.articleAnnotatable',
  onClaim: 'newsLens.cursorOnClaim',
  onEntity: 'newsLens.cursorOnEntity',
} as const;

export function trackContextKeys(services: Services): vscode.Disposable[] {
  const last: Record<string, boolean> = {};
  const set = (key: string, value: boolean) => {
    if (last[key] === value) return;
    last[key] = value;
    void vscode.commands.executeCommand('setContext', key, value);
  };
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    const article = !!doc && doc.uri.scheme === 'file' && isArticle(doc);
    set(KEYS.annotatable, article);
    if (!article || !editor) {
      set(KEYS.onClaim, false);
      set(KEYS.onEntity, false);
      return;
    }
    const span = { start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) };
    // peek: never analyse on a cursor move; the last analysis is close enough for a menu.
    const analysis = services.analyses.peek(doc);
    const stored = services.sidecars.get(doc.uri).anchored.filter((x) => x.start !== undefined && touches({ start: x.start, end: x.end! }, span));
    set(KEYS.onClaim, !!analysis?.claims.some((c) => touches(c, span)) || stored.some((x) => x.annotation.kind === 'claim'));
    set(KEYS.onEntity, !!analysis?.entities.some((e) => touches(e, span)) || stored.some((x) => x.annotation.kind === 'entity'));
  };
  update();
  return [
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeTextEditorSelection(update),
    services.analyses.onDidUpdate(update),
  ];
}
