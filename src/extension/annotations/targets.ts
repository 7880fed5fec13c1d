// What a command acts on: the claim or entity under the cursor (or overlapping the selection),
// the annotation already stored for it, or an explicit span passed by a caller (tests, the
// Annotations view).
import * as vscode from 'vscode';
import type { AnchoredAnnotation, AnnotationKind } from '../../core/annotations';
import type { Claim, Entity, Span } from '../../core/types';
import { isArticle } from '../articles';
import type { Services } from '../services/contracts';

/** Arguments a command may get instead of reading the editor (used by tests and other views). */
export interface SpanArgs {
  uri?: vscode.Uri | string;
  start?: number;
  end?: number;
}

export interface EditorSpot {
  doc: vscode.TextDocument;
  /** The selection (or the cursor, when nothing is selected), as offsets. */
  span: Span;
  /** True when a caller passed the span rather than the editor's selection. */
  explicit: boolean;
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
/** A cursor at either edge of a span counts as on it, as the reviewer sees it. */
export const touches = (a: Span, s: Span) => (s.start === s.end ? a.start <= s.start && s.start <= a.end : overlaps(a, s));

export function toUri(u: vscode.Uri | string): vscode.Uri {
  return typeof u === 'string' ? (/^[a-z][a-z0-9+.-]*:/i.test(u) ? vscode.Uri.parse(u) : vscode.Uri.file(u)) : u;
}

/** The article and span to act on, or a reason there is none (to tell the reviewer). */
export async function editorSpot(args?: SpanArgs): Promise<EditorSpot | string> {
  if (args?.uri !== undefined) {
    const doc = await vscode.workspace.openTextDocument(toUri(args.uri));
    if (!isArticle(doc)) return `${vscode.workspace.asRelativePath(doc.uri)} is not a news article (see the newsLens.include setting)`;
    const sel = vscode.window.activeTextEditor?.document === doc ? vscode.window.activeTextEditor.selection : undefined;
    const start = args.start ?? (sel ? doc.offsetAt(sel.start) : 0);
    const end = args.end ?? (args.start !== undefined ? args.start : sel ? doc.offsetAt(sel.end) : 0);
    if (start < 0 || end < start || end > doc.getText().length) return `the span ${start}-${end} is not inside ${vscode.workspace.asRelativePath(doc.uri)}`;
    return { doc, span: { start, end }, explicit: args.start !== undefined };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return 'open a news article first';
  if (!isArticle(editor.document)) return `${vscode.workspace.asRelativePath(editor.document.uri)} is not a news article (see the newsLens.include setting)`;
  const s = editor.selection;
  return { doc: editor.document, span: { start: editor.document.offsetAt(s.start), end: editor.document.offsetAt(s.end) }, explicit: false };
}

/** The engine's claim under the spot: the one containing the cursor, or overlapping the selection most. */
export function claimAt(services: Services, spot: EditorSpot): Claim | undefined {
  const claims = services.analyses.get(spot.doc)?.claims ?? [];
  return best(claims.filter((c) => touches(c, spot.span)), spot.span);
}

export function entityAt(services: Services, spot: EditorSpot): Entity | undefined {
  const entities = services.analyses.get(spot.doc)?.entities ?? [];
  return best(entities.filter((e) => touches(e, spot.span)), spot.span);
}

/** The stored annotation of a kind on a span: the same span first, else the one overlapping it most. */
export function annotationOn(services: Services, uri: vscode.Uri, kind: AnnotationKind, span: Span): AnchoredAnnotation | undefined {
  const list = services.sidecars
    .get(uri)
    .anchored.filter((x) => x.annotation.kind === kind && x.start !== undefined && x.end !== undefined && touches({ start: x.start, end: x.end }, span));
  const same = list.find((x) => x.start === span.start && x.end === span.end);
  return same ?? best(list.map((x) => ({ ...x, start: x.start!, end: x.end! })), span);
}

function best<T extends Span>(list: T[], span: Span): T | undefined {
  const shared = (x: Span) => Math.min(x.end, Math.max(span.end, span.start + 1)) - Math.max(x.start, span.start);
  return list.sort((a, b) => shared(b) - shared(a) || a.end - a.start - (b.end - b.start))[0];
}
