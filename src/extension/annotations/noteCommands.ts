// Note commands: Add Note on a selection (or from the gutter "+"), reply, edit, delete, resolve.
import * as vscode from 'vscode';
import { addReply, createAnnotation, updateAnnotation, type Annotation, type Sidecar } from '../../core/annotations';
import { CommandId } from '../commandIds';
import type { Services } from '../services/contracts';
import type { WorkspaceSidecarStore } from '../services/sidecarStore';
import { currentAuthor } from './author';
import { change, newId, now } from './change';
import { notify } from './notify';
import { bodyText, NoteComment, type NoteThreads } from './noteThreads';
import { refFrom, type AnnotationRef } from './refs';
import { editorSpot, type SpanArgs } from './targets';

export interface AddNoteArgs extends SpanArgs {
  /** The note's text; without it a comment box opens for the reviewer to type in. */
  body?: string;
}

/** Replaces one annotation (by id) in a sidecar. */
export function replaceAnnotation(s: Sidecar, id: string, f: (a: Annotation) => Annotation | undefined): Sidecar {
  const annotations: Annotation[] = [];
  let found = false;
  for (const a of s.annotations) {
    if (a.id !== id) annotations.push(a);
    else {
      found = true;
      const next = f(a);
      if (next) annotations.push(next);
    }
  }
  if (!found) throw new Error('that annotation is no longer there (it was deleted, perhaps in another window)');
  return { ...s, annotations };
}

export function registerNoteCommands(services: Services, store: WorkspaceSidecarStore, threads: NoteThreads): void {
  const drafts = new Set<vscode.CommentThread>();

  const createNote = (article: vscode.Uri, start: number, end: number, body: string): Annotation | undefined => {
    let created: Annotation | undefined;
    const id = newId();
    // Before the change: the store's change event creates the thread, which opens expanded.
    threads.expandWhenShown(id);
    const ok = change(store, article, (s, ctx) => {
      created = createAnnotation({ kind: 'note', text: ctx.text, start, end, body, author: currentAuthor(article), now: now(), id });
      return { ...s, annotations: [...s.annotations, created] };
    });
    return ok ? created : undefined;
  };

  services.register(CommandId.AddNote, async (args?: AddNoteArgs) => {
    const spot = await editorSpot(args);
    if (typeof spot === 'string') return void notify('warning', `Add Note: ${spot}.`);
    const { doc, span } = spot;
    if (span.start === span.end) {
      return void notify('info', 'Add Note: select the text the note is about first (or click the + in the gutter next to a line).');
    }
    const state = store.get(doc.uri);
    if (state.error) return change(store, doc.uri, (s) => s); // shows the refusal
    if (args?.body !== undefined) return createNote(doc.uri, span.start, span.end, args.body);
    // An empty thread: VS Code shows its comment box, and "Add Note" there runs CreateNote.
    const range = new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
    const draft = threads.controller.createCommentThread(doc.uri, range, []);
    draft.canReply = true;
    draft.label = 'New note';
    draft.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    drafts.add(draft);
    return undefined;
  });

  services.register(CommandId.CreateNote, async (reply: vscode.CommentReply) => {
    const thread = reply?.thread;
    if (!thread?.range) return void notify('warning', 'Add Note: run it from a comment box on an article.');
    const doc = await vscode.workspace.openTextDocument(thread.uri);
    let start = doc.offsetAt(thread.range.start);
    let end = doc.offsetAt(thread.range.end);
    if (start === end) {
      // From the gutter "+": the note is about the line's text.
      const line = doc.lineAt(thread.range.start.line);
      start = doc.offsetAt(line.range.start) + line.firstNonWhitespaceCharacterIndex;
      end = doc.offsetAt(line.range.end);
    }
    if (start === end) return void notify('info', 'Add Note: that line is empty; put the note on some text.');
    const created = createNote(doc.uri, start, end, reply.text);
    if (created) {
      drafts.delete(thread);
      thread.dispose();
    }
    return created;
  });

  const noteRef = (arg: unknown): AnnotationRef | undefined => {
    const ref = refFrom(arg, threads);
    if (!ref) void notify('warning', 'News Lens: run this on a note (its comment thread, or its item in the Annotations view).');
    return ref;
  };

  services.register(CommandId.ReplyNote, (reply: vscode.CommentReply | (AnnotationRef & { text: string })) => {
    const ref = noteRef('thread' in reply ? reply.thread : reply);
    if (!ref) return undefined;
    if (!reply.text.trim()) return void notify('info', 'Reply: type something first.');
    return change(store, ref.article, (s) =>
      replaceAnnotation(s, ref.id, (a) => addReply(a, { id: newId(), author: currentAuthor(ref.article), body: reply.text }, now())),
    );
  });

  const setMode = (comment: NoteComment, mode: vscode.CommentMode) => {
    const thread = comment.thread();
    if (!thread) return;
    thread.comments = thread.comments.map((c) => {
      if (c === comment) c.mode = mode;
      return c;
    });
  };

  services.register(CommandId.EditNoteComment, (comment: NoteComment) => {
    if (!(comment instanceof NoteComment)) return void notify('warning', 'Edit: run it on a comment of a note.');
    comment.savedBody = comment.body;
    setMode(comment, vscode.CommentMode.Editing);
  });

  services.register(CommandId.CancelNoteComment, (comment: NoteComment) => {
    if (!(comment instanceof NoteComment)) return void notify('warning', 'Cancel: run it on a comment being edited.');
    comment.body = comment.savedBody;
    setMode(comment, vscode.CommentMode.Preview);
  });

  services.register(CommandId.SaveNoteComment, (comment: NoteComment | (AnnotationRef & { replyId?: string; body: string })) => {
    const ref = comment instanceof NoteComment ? { article: comment.article, id: comment.annotationId } : noteRef(comment);
    if (!ref) return undefined;
    const text = bodyText(comment.body);
    const replyId = comment instanceof NoteComment ? comment.replyId : comment.replyId;
    const t = now();
    const saved = change(store, ref.article, (s) =>
      replaceAnnotation(s, ref.id, (a) =>
        replyId
          ? updateAnnotation(a, { replies: (a.replies ?? []).map((r) => (r.id === replyId && r.body !== text ? { ...r, body: text, modified: t } : r)) }, t)
          : updateAnnotation(a, { body: text }, t),
      ),
    );
    if (comment instanceof NoteComment) {
      if (!saved) comment.body = comment.savedBody;
      setMode(comment, vscode.CommentMode.Preview);
    }
    return saved;
  });

  services.register(CommandId.DeleteNoteComment, async (comment: NoteComment | (AnnotationRef & { replyId?: string })) => {
    const ref = comment instanceof NoteComment ? { article: comment.article, id: comment.annotationId } : noteRef(comment);
    if (!ref) return undefined;
    const replyId = comment.replyId;
    if (replyId) {
      return change(store, ref.article, (s) => replaceAnnotation(s, ref.id, (a) => updateAnnotation(a, { replies: (a.replies ?? []).filter((r) => r.id !== replyId) }, now())));
    }
    return deleteWithUndo(store, ref, 'Note deleted');
  });

  const setStatus = (arg: unknown, status: 'open' | 'resolved') => {
    const ref = noteRef(arg);
    if (!ref) return undefined;
    return change(store, ref.article, (s) => replaceAnnotation(s, ref.id, (a) => updateAnnotation(a, { status }, now())));
  };
  services.register(CommandId.ResolveNote, (arg: unknown) => setStatus(arg, 'resolved'));
  services.register(CommandId.ReopenNote, (arg: unknown) => setStatus(arg, 'open'));
}

/** Deletes an annotation and offers to bring it back. */
export function deleteWithUndo(store: WorkspaceSidecarStore, ref: AnnotationRef, what: string): Sidecar | undefined {
  let removed: Annotation | undefined;
  const out = change(store, ref.article, (s) =>
    replaceAnnotation(s, ref.id, (a) => {
      removed = a;
      return undefined;
    }),
  );
  if (out && removed) {
    const gone = removed;
    void notify('info', `${what}: "${short(gone.target.exact)}".`, 'Undo').then((choice) => {
      if (choice === 'Undo') change(store, ref.article, (s) => ({ ...s, annotations: [...s.annotations.filter((a) => a.id !== gone.id), gone] }));
    });
  }
  return out;
}

export function short(s: string, n = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}
