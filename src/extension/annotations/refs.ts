// Which annotation a command was invoked on. Commands are run from comment threads, from the
// Annotations view's items, from tests (plain objects) and from the palette (no argument: the
// annotation under the cursor), so the argument's shape varies; this reads all of them.
import * as vscode from 'vscode';
import type { AnchoredAnnotation, Annotation } from '../../core/annotations';
import type { WorkspaceSidecarStore } from '../services/sidecarStore';
import { NoteComment, type NoteThreads } from './noteThreads';
import { toUri } from './targets';

export interface AnnotationRef {
  article: vscode.Uri;
  id: string;
}

const isUri = (u: unknown): u is vscode.Uri => u instanceof vscode.Uri || (typeof u === 'object' && u !== null && 'scheme' in u && 'fsPath' in u);

/** Reads an annotation reference out of a command argument, or undefined. */
export function refFrom(arg: unknown, threads?: NoteThreads): AnnotationRef | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  if (arg instanceof NoteComment) return { article: arg.article, id: arg.annotationId };
  const o = arg as Record<string, any>;
  // A comment thread (it has a uri and comments).
  if (threads && isUri(o.uri) && Array.isArray(o.comments)) return threads.annotationOf(o as vscode.CommentThread);
  // An Annotations view node (src/extension/views/model/annotationsModel.ts): its id ends with
  // `|<annotation id>` and its target names the article by URI string.
  if (typeof o.contextValue === 'string' && o.contextValue.startsWith('annotation.') && typeof o.id === 'string' && o.target?.document) {
    return { article: toUri(o.target.document), id: o.id.slice(o.id.lastIndexOf('|') + 1) };
  }
  const uriLike = o.article ?? o.uri ?? o.resourceUri ?? o.documentUri;
  const annotation: Annotation | undefined = o.annotation?.annotation ?? o.annotation;
  const id: unknown = o.annotationId ?? annotation?.id ?? o.id;
  if (typeof id === 'string' && (isUri(uriLike) || typeof uriLike === 'string')) return { article: toUri(uriLike), id };
  return undefined;
}

export function findAnchored(store: WorkspaceSidecarStore, ref: AnnotationRef): AnchoredAnnotation | undefined {
  return store.get(ref.article).anchored.find((x) => x.annotation.id === ref.id);
}

/** The annotations of the active article under the cursor, nearest first. */
export function annotationsAtCursor(store: WorkspaceSidecarStore): { article: vscode.Uri; list: AnchoredAnnotation[] } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== 'file') return undefined;
  const at = editor.document.offsetAt(editor.selection.active);
  const list = store
    .get(editor.document.uri)
    .anchored.filter((x) => x.start !== undefined && x.end !== undefined && x.start <= at && at <= x.end)
    .sort((a, b) => a.end! - a.start! - (b.end! - b.start!));
  return { article: editor.document.uri, list };
}
