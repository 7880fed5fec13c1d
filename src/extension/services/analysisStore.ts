// Per-document analysis for open articles, cached by document version so switching editors
// never re-analyses.
//
// On each edit the paragraphs the edit touched are analysed again at once (the incremental
// analyzer, a few milliseconds whatever the article's length) and `onDidChangeLive` fires, so
// highlights follow typing. When typing pauses (a short debounce) the whole article is analysed
// exactly and `onDidUpdate` fires: in this thread for ordinary articles, in a worker thread for
// long ones, so the extension host never blocks on a 50,000-word article.
import * as vscode from 'vscode';
import type { ArticleAnalysis } from '../../core';
import { IncrementalAnalyzer } from '../../core/incremental';
import { isArticle } from '../articles';
import type { AnalysisTransform } from './contracts';
import { AnalysisWorker } from './analysisWorker';

interface Entry {
  version: number;
  /** After the transforms. */
  analysis: ArticleAnalysis;
  exact: boolean;
  inc: IncrementalAnalyzer;
}

export interface LiveChange {
  document: vscode.TextDocument;
  analysis: ArticleAnalysis;
  /** The re-analysed part of the text (UTF-16 offsets). */
  window: { start: number; end: number };
  /** Milliseconds the incremental analysis took. */
  ms: number;
  /** `performance.now()` when the extension host was told of the edit (for latency figures). */
  startedAt: number;
}

export const EDIT_DEBOUNCE_MS = 150;
/** For long articles (worker analysis, seconds of CPU) typing must pause longer before it runs. */
export const LONG_EDIT_DEBOUNCE_MS = 1000;
/** Articles longer than this (UTF-16 units) are analysed in full in a worker thread. */
export const WORKER_THRESHOLD = 60_000;

export class AnalysisStore implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly liveEmitter = new vscode.EventEmitter<LiveChange>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly transforms: AnalysisTransform[] = [];
  private worker: AnalysisWorker | undefined;
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Fires when a document's analysis changed (after an edit settled, or first analysis). */
  readonly onDidUpdate = this.emitter.event;
  /** Fires on every edit with the quick, paragraph-level re-analysis (for highlights that follow typing). */
  readonly onDidChangeLive = this.liveEmitter.event;

  constructor() {
    this.disposables.push(
      this.emitter,
      this.liveEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.entries.has(key(e.document))) this.edited(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc)),
    );
  }

  /** Lets long articles be analysed in a worker thread (dist/index-worker.js). */
  useWorker(scriptPath: string): void {
    this.worker ??= AnalysisWorker.shared(scriptPath);
  }

  /**
   * The analysis for the document's current text, computed now if it is not cached — except for
   * a long article (over WORKER_THRESHOLD) seen for the first time: that is analysed in the
   * worker thread, `undefined` comes back meanwhile, and `onDidUpdate` fires when it is ready.
   */
  get(doc: vscode.TextDocument): ArticleAnalysis | undefined {
    if (!isArticle(doc)) return undefined;
    const k = key(doc);
    const cached = this.entries.get(k);
    if (cached && cached.version === doc.version) return cached.analysis;
    if (this.worker && doc.getText().length > WORKER_THRESHOLD) {
      if (cached) {
        // An older version (edited while not tracked): the quick update, the full one later.
        this.edited(doc);
        return this.entries.get(k)!.analysis;
      }
      void this.settle(doc);
      return undefined;
    }
    const inc = cached?.inc ?? new IncrementalAnalyzer();
    const analysis = this.transform(doc, inc.reset(doc.getText()));
    this.entries.set(k, { version: doc.version, analysis, exact: true, inc });
    return analysis;
  }

  /** Like `get`, but a long article not analysed yet is analysed in the worker thread. */
  async getAsync(doc: vscode.TextDocument): Promise<ArticleAnalysis | undefined> {
    if (!isArticle(doc)) return undefined;
    const cached = this.entries.get(key(doc));
    if (cached && cached.version === doc.version) return cached.analysis;
    if (this.worker && doc.getText().length > WORKER_THRESHOLD) {
      await this.settle(doc);
      const e = this.entries.get(key(doc));
      if (e && e.version === doc.version) return e.analysis;
    }
    return this.get(doc);
  }

  /** Whether the cached analysis is the full, exact one for the current text. */
  isExact(doc: vscode.TextDocument): boolean {
    const e = this.entries.get(key(doc));
    return !!e && e.version === doc.version && e.exact;
  }

  /** Adds a step run after the engine on every analysis (e.g. the reviewer's entity corrections). */
  addTransform(t: AnalysisTransform): vscode.Disposable {
    this.transforms.push(t);
    return new vscode.Disposable(() => this.transforms.splice(this.transforms.indexOf(t), 1));
  }

  /** Re-analyses every cached document and tells listeners (after corrections or settings change). */
  refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) if (this.entries.has(key(doc))) this.refresh(doc);
  }

  /** The last analysis made, even if the document has changed since (for rendering while a re-analysis is pending). */
  peek(doc: vscode.TextDocument): ArticleAnalysis | undefined {
    return this.entries.get(key(doc))?.analysis;
  }

  /** Re-analyse now and tell listeners; used when settings or the lexicon change. */
  refresh(doc: vscode.TextDocument): void {
    const e = this.entries.get(key(doc));
    if (e) e.version = -1;
    if (this.get(doc)) this.emitter.fire(doc);
  }

  private transform(doc: vscode.TextDocument, analysis: ArticleAnalysis): ArticleAnalysis {
    for (const t of this.transforms) analysis = t(doc, analysis);
    return analysis;
  }

  /** An edit: the quick paragraph-level update now, the full analysis once typing pauses. */
  private edited(doc: vscode.TextDocument): void {
    const k = key(doc);
    const entry = this.entries.get(k)!;
    const t0 = performance.now();
    const text = doc.getText();
    const u = entry.inc.update(text);
    const analysis = this.transform(doc, u.analysis);
    this.entries.set(k, { version: doc.version, analysis, exact: u.exact, inc: entry.inc });
    this.liveEmitter.fire({ document: doc, analysis, window: u.window, ms: performance.now() - t0, startedAt: t0 });
    clearTimeout(this.timers.get(k));
    this.timers.set(
      k,
      setTimeout(() => {
        this.timers.delete(k);
        if (!doc.isClosed) void this.settle(doc);
      }, this.worker && text.length > WORKER_THRESHOLD ? LONG_EDIT_DEBOUNCE_MS : EDIT_DEBOUNCE_MS),
    );
  }

  /** The full analysis of the current text; tells listeners. */
  private async settle(doc: vscode.TextDocument): Promise<void> {
    const k = key(doc);
    const running = this.inFlight.get(k);
    if (running) {
      // One full analysis at a time per article: wait, then do the latest text if it moved on.
      await running;
      const e = this.entries.get(k);
      if (!e || e.version !== doc.version || !e.exact) return this.settle(doc);
      return;
    }
    const text = doc.getText();
    const version = doc.version;
    const entry = this.entries.get(k);
    if (entry && entry.version === version && entry.exact) {
      this.emitter.fire(doc);
      return;
    }
    if (!this.worker || text.length <= WORKER_THRESHOLD) {
      const inc = entry?.inc ?? new IncrementalAnalyzer();
      this.entries.set(k, { version, analysis: this.transform(doc, inc.reset(text)), exact: true, inc });
      this.emitter.fire(doc);
      return;
    }
    const job = this.worker
      .analyze(doc.uri.fsPath || doc.uri.toString(), text)
      .then((raw) => {
        if (doc.isClosed) return;
        const inc = this.entries.get(k)?.inc ?? new IncrementalAnalyzer();
        inc.reset(text, raw);
        if (doc.version === version) {
          this.entries.set(k, { version, analysis: this.transform(doc, raw), exact: true, inc });
          this.emitter.fire(doc);
        } else {
          // Typed on meanwhile: the edits since go on top of the exact result.
          const u = inc.update(doc.getText());
          this.entries.set(k, { version: doc.version, analysis: this.transform(doc, u.analysis), exact: u.exact, inc });
        }
      })
      .catch((err) => {
        // The worker failed: analyse here rather than leave the article without highlights.
        console.error(`[news-lens] worker analysis failed, analysing in the extension host: ${err?.message ?? err}`);
        if (doc.isClosed) return;
        const inc = new IncrementalAnalyzer();
        this.entries.set(k, { version: doc.version, analysis: this.transform(doc, inc.reset(doc.getText())), exact: true, inc });
        this.emitter.fire(doc);
      })
      .finally(() => this.inFlight.delete(k));
    this.inFlight.set(k, job);
    await job;
  }

  private forget(doc: vscode.TextDocument): void {
    const k = key(doc);
    clearTimeout(this.timers.get(k));
    this.timers.delete(k);
    this.entries.delete(k);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
    this.worker?.dispose();
  }
}

const key = (doc: vscode.TextDocument) => doc.uri.toString();
