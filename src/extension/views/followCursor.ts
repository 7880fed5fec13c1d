// Follow the cursor: when the editor's cursor rests on an entity mention or a claim, the
// matching node is revealed and selected in the Cross-references or Figures view — without
// taking the focus from the editor, and only in views that are showing.
import * as vscode from 'vscode';
import { isArticle } from '../articles';
import type { Services } from '../services/contracts';
import type { ViewNode } from './model/node';
import { FOLLOW_CURSOR_SETTING } from './viewIds';
import type { SidebarView, SidebarViews } from './views';

const SETTLE_MS = 120;

export interface FollowCursor {
  /** The last reveal (for the tests): which view, which node. */
  last?: { viewId: string; node: ViewNode };
  /** Resolves when the reveal for the latest cursor move is done. */
  pending: Promise<void>;
}

export function followCursor(services: Services, views: SidebarViews): FollowCursor {
  const state: FollowCursor = { pending: Promise.resolve() };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const enabled = () => vscode.workspace.getConfiguration('newsLens').get<boolean>(FOLLOW_CURSOR_SETTING, true);

  const onMove = (editor: vscode.TextEditor) => {
    clearTimeout(timer);
    if (!enabled() || !services.corpus || !isArticle(editor.document)) return;
    timer = setTimeout(() => {
      state.pending = follow(editor).catch((err) => console.warn('[news-lens] follow cursor:', err));
    }, SETTLE_MS);
  };

  const follow = async (editor: vscode.TextEditor) => {
    const corpus = services.corpus;
    const uri = editor.document.uri;
    const offset = editor.document.offsetAt(editor.selection.active);
    const doc = corpus.documentKey(uri);
    const entity = corpus.entityAt(uri, offset);
    if (entity) {
      const v = views.crossReferences;
      const hit = v.model.locateMention(entity, doc, offset);
      await reveal(v, hit, state);
    }
    const claims = corpus.index()?.document(doc)?.analysis.claims ?? [];
    const i = claims.findIndex((c) => c.start <= offset && offset <= c.end);
    const group = i >= 0 ? corpus.figureGroupFor(uri, i) : undefined;
    if (group) await reveal(views.figures, views.figures.model.locateClaim(group, doc, i), state);
  };

  services.context.subscriptions.push(
    // Any move, keyboard, mouse or command (Go to Next Mention); a move made from the sidebar
    // finds its node already selected and reveals nothing.
    vscode.window.onDidChangeTextEditorSelection((e) => onMove(e.textEditor)),
    { dispose: () => clearTimeout(timer) },
  );
  return state;
}

async function reveal(v: SidebarView, hit: { node?: ViewNode; grew: (ViewNode | undefined)[] }, state: FollowCursor): Promise<void> {
  // A hidden view is not touched: revealing would open it, and its reviewer is elsewhere.
  if (!hit.node || !v.view.visible) return;
  if (v.view.selection[0] === hit.node) return;
  if (hit.grew.length) v.provider.fire(hit.grew);
  await v.view.reveal(hit.node, { select: true, focus: false, expand: false });
  state.last = { viewId: v.id, node: hit.node };
}
