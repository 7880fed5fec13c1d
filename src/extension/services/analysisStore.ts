// Per-document analysis for open articles, cached by document version so switching editors
// never re-analyses, and refreshed on edits after a short debounce so typing stays smooth.
import * as vscode from 'vscode';
import { analyze, type ArticleAnalysis } from '../../core';
import { isArticle } from '../articles';
import type { AnalysisTransform } from './contracts';

interface Entry {
  version: number;
  analysis: ArticleAnalysis;
}

export const EDIT_DEBOUNCE_MS = 150;

export class AnalysisStore implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly transforms: AnalysisTransform[] = [];
  /** Fires when a document's analysis changed (after an edit settled, or first analysis). */
  readonly onDidUpdate = this.emitter.event;

  constructor() {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.entries.has(key(e.document))) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc)),
    );
  }

  /** The analysis for the document's current text, computed now if it is not cached. */
  get(doc: vscode.TextDocument): ArticleAnalysis | undefined {
    if (!isArticle(doc)) return undefined;
    const k = key(doc);
    const cached = this.entries.get(k);
    if (cached && cached.version === doc.version) return cached.analysis;
    let analysis = analyze(doc.getText());
    for (const t of this.transforms) analysis = t(doc, analysis);
    this.entries.set(k, { version: doc.version, analysis });
    return analysis;
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
    this.entries.delete(key(doc));
    if (this.get(doc)) this.emitter.fire(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    const k = key(doc);
    clearTimeout(this.timers.get(k));
    this.timers.set(
      k,
      setTimeout(() => {
        this.timers.delete(k);
        if (doc.isClosed) return;
        this.get(doc);
        this.emitter.fire(doc);
      }, EDIT_DEBOUNCE_MS),
    );
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
  }
}

const key = (doc: vscode.TextDocument) => doc.uri.toString();
