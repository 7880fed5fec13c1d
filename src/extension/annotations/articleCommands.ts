// Commands on a whole article or on any one annotation: review status, re-attaching an orphan
// to a selection, deleting an annotation, opening the sidecar file.
import * as vscode from 'vscode';
import { ARTICLE_STATUSES, makeTarget, SIDECAR_SUFFIX, type ArticleStatus } from '../../core/annotations';
import { isArticle } from '../articles';
import { CommandId } from '../commandIds';
import type { Services } from '../services/contracts';
import type { WorkspaceSidecarStore } from '../services/sidecarStore';
import { change, now } from './change';
import { deleteWithUndo, replaceAnnotation, short } from './noteCommands';
import type { NoteThreads } from './noteThreads';
import { notify } from './notify';
import { annotationsAtCursor, findAnchored, refFrom, type AnnotationRef } from './refs';
import { toUri } from './targets';

const STATUS_LABELS: Record<ArticleStatus, string> = { unreviewed: 'Unreviewed', 'in-review': 'In Review', reviewed: 'Reviewed' };

/** The article a command is about: the argument's, else the active editor's. */
function articleOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri || typeof arg === 'string') return toUri(arg);
  const o = arg as Record<string, any> | undefined;
  const u = o?.article ?? o?.uri ?? o?.resourceUri ?? o?.target?.document;
  if (u) return toUri(u);
  const doc = vscode.window.activeTextEditor?.document;
  return doc && isArticle(doc) ? doc.uri : undefined;
}

export function registerArticleCommands(services: Services, store: WorkspaceSidecarStore, threads: NoteThreads): void {
  services.register(CommandId.SetArticleStatus, async (arg?: unknown, status?: ArticleStatus) => {
    const article = articleOf(arg);
    if (!article) return void notify('info', 'Set Review Status: open a news article first.');
    const current = store.get(article).sidecar?.status ?? 'unreviewed';
    let chosen = status ?? (arg as { status?: ArticleStatus } | undefined)?.status;
    if (!chosen) {
      const pick = await vscode.window.showQuickPick(
        ARTICLE_STATUSES.map((s) => ({ label: STATUS_LABELS[s], description: s === current ? 'current' : undefined, status: s })),
        { title: `Review status of ${vscode.workspace.asRelativePath(article)}` },
      );
      if (!pick) return undefined;
      chosen = pick.status;
    }
    if (!ARTICLE_STATUSES.includes(chosen)) return void notify('warning', `Set Review Status: "${chosen}" is not one of ${ARTICLE_STATUSES.join(', ')}.`);
    const s = change(store, article, (sc) => ({ ...sc, status: chosen }));
    if (s) vscode.window.setStatusBarMessage(`News Lens: ${vscode.workspace.asRelativePath(article)} is ${STATUS_LABELS[chosen].toLowerCase()}`, 4000);
    return s?.status;
  });

  /** An annotation from the argument, else the one under the cursor, else a pick of the article's orphans. */
  const pickRef = async (arg: unknown, what: string, orphansOnly: boolean): Promise<AnnotationRef | undefined> => {
    const ref = refFrom(arg, threads);
    if (ref) return ref;
    const article = articleOf(arg);
    if (!article) return void notify('info', `${what}: open a news article, or run it on an item of the Annotations view.`);
    if (!orphansOnly) {
      const here = annotationsAtCursor(store);
      if (here?.list.length && here.article.toString() === article.toString()) return { article, id: here.list[0].annotation.id };
    }
    const list = store.get(article).anchored.filter((x) => !orphansOnly || x.state === 'orphaned');
    if (!list.length) return void notify('info', `${what}: ${orphansOnly ? 'this article has no annotations that need re-anchoring' : 'no annotation here'}.`);
    const pick = await vscode.window.showQuickPick(
      list.map((x) => ({ label: `"${short(x.annotation.target.exact)}"`, description: `${x.annotation.kind}${x.state === 'orphaned' ? ' · needs re-anchoring' : ''}`, detail: short(x.annotation.body, 80) || undefined, id: x.annotation.id })),
      { title: what },
    );
    return pick ? { article, id: pick.id } : undefined;
  };

  services.register(CommandId.ReattachAnnotation, async (arg?: unknown, range?: { start: number; end: number }) => {
    const ref = await pickRef(arg, 'Re-attach Annotation', true);
    if (!ref) return undefined;
    const x = findAnchored(store, ref);
    if (!x) return void notify('warning', 'Re-attach Annotation: that annotation is no longer there.');
    let span = range;
    if (!span) {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.uri.toString() === ref.article.toString() && !editor.selection.isEmpty) {
        span = { start: editor.document.offsetAt(editor.selection.start), end: editor.document.offsetAt(editor.selection.end) };
      } else {
        // Show the article, and let the reviewer select where the annotation belongs.
        await vscode.window.showTextDocument(ref.article, { preview: false });
        const choice = await notify('info', `Select where "${short(x.annotation.target.exact)}" belongs now, then choose Attach.`, 'Attach to Selection');
        const ed = vscode.window.activeTextEditor;
        if (choice !== 'Attach to Selection') return undefined;
        if (!ed || ed.document.uri.toString() !== ref.article.toString() || ed.selection.isEmpty) {
          return void notify('info', 'Re-attach Annotation: nothing was selected in the article; the annotation is unchanged.');
        }
        span = { start: ed.document.offsetAt(ed.selection.start), end: ed.document.offsetAt(ed.selection.end) };
      }
    }
    const sel = span;
    if (sel.end <= sel.start) return void notify('info', 'Re-attach Annotation: select some text first.');
    return change(store, ref.article, (s, ctx) =>
      replaceAnnotation(s, ref.id, (a) => {
        // Re-attaching is the reviewer's edit: it bumps `modified`, so it wins merges like any other.
        const moved = { ...a, target: makeTarget(ctx.text, sel.start, sel.end), modified: now() };
        delete moved.anchorScore;
        return moved;
      }),
    );
  });

  services.register(CommandId.DeleteAnnotation, async (arg?: unknown) => {
    const ref = await pickRef(arg, 'Delete Annotation', false);
    if (!ref) return undefined;
    const x = findAnchored(store, ref);
    const out = deleteWithUndo(store, ref, `${x ? x.annotation.kind[0].toUpperCase() + x.annotation.kind.slice(1) : 'Annotation'} deleted`);
    if (out && x?.annotation.kind === 'entity') services.analyses.refreshAll();
    return out;
  });

  services.register(CommandId.OpenSidecar, async (arg?: unknown) => {
    const article = articleOf(arg);
    if (!article) return void notify('info', 'Open Annotations File: open a news article first.');
    const file = vscode.Uri.file(article.fsPath + SIDECAR_SUFFIX);
    try {
      await vscode.workspace.fs.stat(file);
    } catch {
      return void notify('info', `${vscode.workspace.asRelativePath(article)} has no annotations yet; the file is created with the first one.`);
    }
    await vscode.window.showTextDocument(file, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    return file;
  });
}
