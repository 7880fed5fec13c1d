// Notes as comment threads (the Comments API, as review comments in the GitHub pull-request
// extension): one thread per anchored note of an open article, its first comment the note's
// body and the rest its replies. Threads are rebuilt from the sidecar store whenever it
// changes; a thread's comments are only replaced when the note itself changed, so a comment
// being edited is not reset by typing elsewhere in the article.
import * as vscode from 'vscode';
import type { Annotation, Reply } from '../../core/annotations';
import { isArticle } from '../articles';
import type { WorkspaceSidecarStore } from '../services/sidecarStore';
import { openDocument } from './articleText';

export const CONTROLLER_ID = 'newsLens.notes';

/** One comment of a thread: the note itself (no replyId) or one of its replies. */
export class NoteComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  body: string | vscode.MarkdownString;
  author: vscode.CommentAuthorInformation;
  timestamp: Date;
  contextValue: string;
  label?: string;
  /** The body before an edit started, to restore on Cancel. */
  savedBody: string | vscode.MarkdownString;

  constructor(
    readonly article: vscode.Uri,
    readonly annotationId: string,
    readonly replyId: string | undefined,
    text: string,
    author: string,
    modified: string,
    readonly thread: () => vscode.CommentThread | undefined,
  ) {
    this.body = this.savedBody = markdown(text);
    this.author = { name: author };
    this.timestamp = new Date(modified);
    this.contextValue = replyId ? 'newsLens.reply' : 'newsLens.note';
  }
}

function markdown(text: string): vscode.MarkdownString {
  // Links in a note are the reviewer's own; commands in them are not run.
  const md = new vscode.MarkdownString(text || '*(no text)*');
  md.isTrusted = false;
  return md;
}

export const bodyText = (b: string | vscode.MarkdownString) => (typeof b === 'string' ? b : b.value);

interface Shown {
  thread: vscode.CommentThread;
  article: string;
  /** What the comments were built from, to rebuild only on a real change. */
  signature: string;
}

export class NoteThreads implements vscode.Disposable {
  readonly controller: vscode.CommentController;
  private readonly shown = new Map<string, Shown>();
  /** Notes created in this window open expanded; loaded ones start collapsed. */
  private readonly expandNext = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: WorkspaceSidecarStore) {
    this.controller = vscode.comments.createCommentController(CONTROLLER_ID, 'News Lens notes');
    this.controller.options = { prompt: 'Write a note or a reply (Markdown)…', placeHolder: 'What should a reviewer check here?' };
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (doc) => {
        if (doc.uri.scheme !== 'file' || !isArticle(doc)) return [];
        const last = doc.lineAt(doc.lineCount - 1);
        return [new vscode.Range(0, 0, last.lineNumber, last.text.length)];
      },
    };
    this.disposables.push(
      this.controller,
      store.onDidChange((uri) => this.sync(uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.sync(d.uri)),
    );
    for (const doc of vscode.workspace.textDocuments) if (isArticle(doc)) this.sync(doc.uri);
  }

  expandWhenShown(annotationId: string): void {
    this.expandNext.add(annotationId);
  }

  /** The thread showing a note, if any (for tests and commands). */
  threadOf(annotationId: string): vscode.CommentThread | undefined {
    return this.shown.get(annotationId)?.thread;
  }

  /** The note a thread shows. */
  annotationOf(thread: vscode.CommentThread): { article: vscode.Uri; id: string } | undefined {
    for (const [id, s] of this.shown) if (s.thread === thread) return { article: thread.uri, id };
    return undefined;
  }

  sync(article: vscode.Uri): void {
    const k = article.toString();
    const doc = openDocument(article);
    const notes = new Map<string, { a: Annotation; start: number; end: number }>();
    if (doc) {
      for (const x of this.store.get(article).anchored) {
        if (x.annotation.kind === 'note' && x.state !== 'orphaned' && x.start !== undefined && x.end !== undefined) {
          notes.set(x.annotation.id, { a: x.annotation, start: x.start, end: x.end });
        }
      }
    }
    for (const [id, s] of this.shown) {
      if (s.article === k && !notes.has(id)) {
        s.thread.dispose();
        this.shown.delete(id);
      }
    }
    if (!doc) return;
    for (const [id, n] of notes) {
      const range = new vscode.Range(doc.positionAt(n.start), doc.positionAt(n.end));
      let s = this.shown.get(id);
      if (!s) {
        const thread = this.controller.createCommentThread(article, range, []);
        thread.canReply = true;
        s = { thread, article: k, signature: '' };
        this.shown.set(id, s);
        thread.collapsibleState = this.expandNext.delete(id) ? vscode.CommentThreadCollapsibleState.Expanded : vscode.CommentThreadCollapsibleState.Collapsed;
      } else if (!s.thread.range?.isEqual(range)) {
        s.thread.range = range;
      }
      const signature = `${n.a.modified}|${n.a.status}|${(n.a.replies ?? []).map((r) => `${r.id}@${r.modified}`).join(',')}`;
      if (signature !== s.signature) {
        s.signature = signature;
        this.render(s.thread, article, n.a);
      }
    }
  }

  private render(thread: vscode.CommentThread, article: vscode.Uri, a: Annotation): void {
    const resolved = a.status === 'resolved';
    const get = () => thread;
    const reply = (r: Reply) => new NoteComment(article, a.id, r.id, r.body, r.author, r.modified, get);
    thread.comments = [new NoteComment(article, a.id, undefined, a.body, a.author, a.modified, get), ...(a.replies ?? []).map(reply)];
    thread.label = resolved ? 'Note (resolved)' : 'Note';
    thread.contextValue = resolved ? 'newsLens.note.resolved' : 'newsLens.note.open';
    thread.state = resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
  }

  dispose(): void {
    for (const s of this.shown.values()) s.thread.dispose();
    this.shown.clear();
    for (const d of this.disposables) d.dispose();
  }
}
