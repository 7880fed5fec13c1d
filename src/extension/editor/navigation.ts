// Next / previous claim, entity, quote and conflicting figure; Go to Other Mentions (a peek
// view from the reference provider); Open Mention (the hovers' links).
import * as vscode from 'vscode';
import { isArticle } from '../articles';
import { CommandId } from '../commandIds';
import type { Services } from '../services/contracts';
import type { EditorDecorations } from './decorations';
import type { HighlightKind } from './kinds';
import type { MentionReferences } from './references';

type Target = 'claim' | 'entity' | 'quote' | 'conflict';
const KINDS: Record<Target, HighlightKind[]> = {
  claim: ['claim', 'conflict'],
  entity: ['person', 'place', 'organization'],
  quote: ['quote'],
  conflict: ['conflict'],
};
const NOUN: Record<Target, string> = { claim: 'claims', entity: 'entities', quote: 'quotes', conflict: 'figures that disagree with other articles' };

export function registerNavigation(services: Services, decorations: EditorDecorations, refs: MentionReferences): void {
  const go = (target: Target, dir: 1 | -1) => async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isArticle(editor.document)) {
      void vscode.window.showInformationMessage('News Lens: open an article to move between its highlights.');
      return undefined;
    }
    const doc = editor.document;
    await services.analyses.getAsync(doc);
    const hl = decorations.highlightsFor(doc);
    const spans = hl ? KINDS[target].flatMap((k) => hl[k]).sort((a, b) => a.start - b.start) : [];
    if (!spans.length) {
      void vscode.window.showInformationMessage(`News Lens: no ${NOUN[target]} in this article.`);
      return undefined;
    }
    // From the selection's start: after a jump the span itself is selected, and "previous" must leave it.
    const at = doc.offsetAt(editor.selection.start);
    const next = dir > 0 ? (spans.find((s) => s.start > at) ?? spans[0]) : ([...spans].reverse().find((s) => s.start < at) ?? spans[spans.length - 1]);
    const range = new vscode.Range(doc.positionAt(next.start), doc.positionAt(next.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return { start: next.start, end: next.end, text: next.text };
  };
  const r = services.register;
  r(CommandId.NextClaim, go('claim', 1));
  r(CommandId.PreviousClaim, go('claim', -1));
  r(CommandId.NextEntity, go('entity', 1));
  r(CommandId.PreviousEntity, go('entity', -1));
  r(CommandId.NextQuote, go('quote', 1));
  r(CommandId.PreviousQuote, go('quote', -1));
  r(CommandId.NextConflict, go('conflict', 1));
  r(CommandId.PreviousConflict, go('conflict', -1));

  r(CommandId.GoToOtherMentions, async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isArticle(editor.document)) {
      void vscode.window.showInformationMessage('News Lens: open an article and put the cursor on a name.');
      return [];
    }
    const pos = editor.selection.active;
    const locations = await refs.mentionsAt(editor.document, pos);
    if (!locations) {
      void vscode.window.showInformationMessage('News Lens: the cursor is not on a person, place or organization.');
      return [];
    }
    if (locations.length <= 1) {
      void vscode.window.showInformationMessage(
        services.corpus?.index() ? 'News Lens: no other mentions of this name.' : 'News Lens: no other mentions found yet — the corpus is still being indexed.',
      );
      return locations;
    }
    await vscode.commands.executeCommand('editor.action.peekLocations', editor.document.uri, pos, locations, 'peek');
    return locations;
  });

  r(CommandId.OpenMention, async (uri?: string, start?: number, end?: number) => {
    if (typeof uri !== 'string' || typeof start !== 'number' || typeof end !== 'number') {
      void vscode.window.showWarningMessage('News Lens: Open Mention needs an article and a position (it is used by the hovers).');
      return;
    }
    try {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
      await vscode.window.showTextDocument(doc, { selection: range, preview: true });
    } catch (err: any) {
      void vscode.window.showErrorMessage(`News Lens: could not open ${vscode.Uri.parse(uri).fsPath}: ${err?.message ?? err}`);
    }
  });
}
