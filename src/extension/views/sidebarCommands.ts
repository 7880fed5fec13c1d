// The sidebar's commands: title-bar actions (refresh, filter, sort, single-article toggle),
// context-menu actions (Go to Mention, Show All Mentions, Copy Name) and "… N more".
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { Services } from '../services/contracts';
import { facetLabel, facetsOf } from './facets';
import { locationsOf, uriOfTarget } from './locations';
import { entityById } from './model/corpusData';
import { mentionsIn } from './model/crossRefsModel';
import type { SortMode } from './model/lazyTree';
import type { Target, ViewNode } from './model/node';
import { SHOW_SINGLE_KEY } from './viewIds';
import type { SidebarView, SidebarViews } from './views';
import { describeOptions, saveOptions } from './viewState';

const SORTS: { mode: SortMode; label: string }[] = [
  { mode: 'name', label: 'By name' },
  { mode: 'articles', label: 'By number of articles' },
  { mode: 'first', label: 'By first appearance' },
];

/** Per-view filter and sort commands, in view order. */
export const FILTER_COMMANDS = [CommandId.SidebarFilterTopics, CommandId.SidebarFilterCrossReferences, CommandId.SidebarFilterFigures, CommandId.SidebarFilterSources, CommandId.SidebarFilterAnnotations];
export const SORT_COMMANDS = [CommandId.SidebarSortTopics, CommandId.SidebarSortCrossReferences, CommandId.SidebarSortFigures, CommandId.SidebarSortSources, CommandId.SidebarSortAnnotations];

export function registerSidebarCommands(services: Services, views: SidebarViews, showMessage: (v: SidebarView) => void): void {
  const { register } = services;
  const persist = (v: SidebarView) => {
    void saveOptions(services.context.workspaceState, v.id, v.model.options);
    v.provider.reset();
    showMessage(v);
  };

  register(CommandId.SidebarRefresh, async () => {
    const corpus = services.corpus;
    if (!corpus) {
      void vscode.window.showWarningMessage('News Lens: the corpus index is not running, so there is nothing to refresh.');
    } else {
      await vscode.window.withProgress({ location: { viewId: views.topics.id }, title: 'Re-indexing articles' }, () => corpus.refresh());
    }
    for (const v of views.all) v.provider.reset();
  });

  views.all.forEach((v, i) => {
    register(FILTER_COMMANDS[i], () => pickFilter(v, views, persist));
    register(SORT_COMMANDS[i], () => pickSort(v, persist));
  });

  const setSingle = (on: boolean) => {
    const v = views.crossReferences;
    v.model.options = { ...v.model.options, showSingle: on };
    void vscode.commands.executeCommand('setContext', SHOW_SINGLE_KEY, on);
    persist(v);
  };
  register(CommandId.SidebarShowSingle, () => setSingle(true));
  register(CommandId.SidebarHideSingle, () => setSingle(false));

  register(CommandId.SidebarShowMore, (node?: ViewNode, viewId?: string) => {
    const v = views.all.find((x) => x.id === viewId) ?? views.all.find((x) => node && x.model.node(node.id) === node);
    if (node?.moreOf === undefined || !v) {
      void vscode.window.showInformationMessage('News Lens: click a “… more” item in the sidebar to list more.');
      return;
    }
    v.provider.fire([v.model.showMore(node!)]);
  });

  register(CommandId.GoToMention, async (node?: ViewNode) => {
    const n = node ?? selected(views);
    if (!n?.target) {
      void vscode.window.showInformationMessage('News Lens: select a mention, claim or article in the News Lens sidebar first.');
      return;
    }
    await goTo(n.target, views);
  });

  register(CommandId.ShowAllMentions, async (node?: ViewNode) => {
    const n = node ?? selected(views);
    const targets = n ? allTargets(n, views) : [];
    if (!n || !targets.length) {
      void vscode.window.showInformationMessage('News Lens: select an entity or a figure in the News Lens sidebar to see all its mentions.');
      return;
    }
    const locations = await locationsOf(targets, views.corpus);
    const anchor = n.target ?? targets[0];
    const editor = await goTo(anchor, views);
    if (!editor || !locations.length) {
      void vscode.window.showWarningMessage('News Lens: the articles of these mentions could not be opened.');
      return;
    }
    await vscode.commands.executeCommand('editor.action.peekLocations', editor.document.uri, editor.selection.start, locations, 'peek');
  });

  register(CommandId.CopyName, async (node?: ViewNode) => {
    const n = node ?? selected(views);
    const name = n && n.moreOf === undefined ? (n.name ?? n.label) : undefined;
    if (!name) {
      void vscode.window.showInformationMessage('News Lens: select an item in the News Lens sidebar to copy its name.');
      return;
    }
    await vscode.env.clipboard.writeText(name);
    vscode.window.setStatusBarMessage(`Copied “${name}”`, 3000);
  });
}

/** Opens the target's article and selects its span (the exact mention, claim or quote). */
export async function goTo(t: Target, views: SidebarViews): Promise<vscode.TextEditor | undefined> {
  const uri = uriOfTarget(t, views.corpus);
  if (!uri) {
    void vscode.window.showWarningMessage('News Lens: the corpus index is not running, so the article cannot be located.');
    return undefined;
  }
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch (err) {
    void vscode.window.showWarningMessage(`News Lens: ${vscode.workspace.asRelativePath(uri)} could not be opened (${(err as Error).message}).`);
    return undefined;
  }
  const range = t.start === undefined ? undefined : new vscode.Range(doc.positionAt(t.start), doc.positionAt(t.end ?? t.start));
  // Keep the focus in the sidebar, so the reviewer can walk the mentions with the keyboard.
  const editor = await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: true, preview: true });
  if (range) editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

function selected(views: SidebarViews): ViewNode | undefined {
  for (const v of views.all) if (v.view.visible && v.view.selection.length) return v.view.selection[0];
  return undefined;
}

/** What Show All Mentions lists for a node: an entity's mentions, or a figure group's claims. */
function allTargets(n: ViewNode, views: SidebarViews): Target[] {
  const s = views.corpus.snapshot();
  if (!s) return [];
  if (n.entityId) {
    const e = entityById(s).get(n.entityId);
    if (!e) return [];
    // The article's own mentions first, then the rest of the corpus.
    const here = n.target ? mentionsIn(e, n.target.document) : [];
    const rest = e.mentions.filter((m) => !here.includes(m));
    return [...here, ...rest].map((m) => ({ document: m.document, start: m.start, end: m.end }));
  }
  const group = n.contextValue.startsWith('figureGroup') ? n.data : n.contextValue === 'figure' ? n.parent?.data : undefined;
  const figures = (group as { figures?: { claims: { document: string; claim: { start: number; end: number } }[] }[] } | undefined)?.figures ?? [];
  return figures.flatMap((f) => f.claims.map((c) => ({ document: c.document, start: c.claim.start, end: c.claim.end })));
}

async function pickFilter(v: SidebarView, views: SidebarViews, persist: (v: SidebarView) => void): Promise<void> {
  const o = v.model.options;
  type Item = vscode.QuickPickItem & { action: 'facet' | 'text' | 'clear'; facet?: string };
  const items: Item[] = facetsOf(v, views).map((f) => ({ label: f.label, action: 'facet', facet: f.id, description: o.facets.includes(f.id) ? 'on' : undefined, picked: o.facets.includes(f.id) }));
  if (items.length) items.unshift({ label: 'By type', kind: vscode.QuickPickItemKind.Separator, action: 'facet' });
  items.push({ label: '$(search) By text…', description: o.text ? `now “${o.text}”` : undefined, action: 'text' });
  if (o.facets.length || o.text) items.push({ label: '$(clear-all) Clear filter', action: 'clear' });
  const pick = await vscode.window.showQuickPick(items, { title: `Filter ${v.title}`, placeHolder: describeOptions(o, (f) => facetLabel(v, views, f)) ?? 'Show only…' });
  if (!pick) return;
  if (pick.action === 'clear') v.model.options = { ...o, facets: [], text: '' };
  else if (pick.action === 'facet' && pick.facet) {
    // Choosing the active facet again turns it off; choosing another shows only that one.
    v.model.options = { ...o, facets: o.facets.length === 1 && o.facets[0] === pick.facet ? [] : [pick.facet] };
  } else {
    const text = await vscode.window.showInputBox({ title: `Filter ${v.title} by text`, value: o.text, prompt: 'Names containing this text (case and accents ignored); empty shows all.' });
    if (text === undefined) return;
    v.model.options = { ...o, text: text.trim() };
  }
  persist(v);
}

async function pickSort(v: SidebarView, persist: (v: SidebarView) => void): Promise<void> {
  const o = v.model.options;
  const pick = await vscode.window.showQuickPick(
    SORTS.map((s) => ({ ...s, description: s.mode === o.sort ? 'current' : undefined })),
    { title: `Sort ${v.title}`, placeHolder: 'Order the list…' },
  );
  if (!pick) return;
  v.model.options = { ...o, sort: pick.mode };
  persist(v);
}
