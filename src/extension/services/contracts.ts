// Contracts between the extension's services and its features (editor, sidebar, annotations,
// export). Features depend on these interfaces, not on each other, so each can be built and
// tested on its own.
import type * as vscode from 'vscode';
import type { AnchoredAnnotation, Sidecar } from '../../core/annotations/model';
import type { CanonicalEntity, CorpusSnapshot, FigureGroup } from '../../core/corpus/model';
import type { CorpusLookups } from '../../core/corpus/view';
import type { ArticleAnalysis } from '../../core/types';
import type { AnalysisStore } from './analysisStore';

export interface IndexProgress {
  done: number;
  total: number;
  /** Estimated milliseconds left, when known. */
  etaMs?: number;
}

/** The workspace's corpus index, built off the main thread and kept current as articles change. */
export interface CorpusService extends vscode.Disposable {
  readonly onDidChange: vscode.Event<void>;
  readonly onDidProgress: vscode.Event<IndexProgress | undefined>;
  /** Resolves when the first full index of the workspace is done. */
  readonly ready: Promise<void>;
  /** Lookups by document and offset (from the mirrored snapshot of the live index), once ready. */
  index(): CorpusLookups | undefined;
  snapshot(): CorpusSnapshot | undefined;
  /** The corpus name of an article (its absolute file-system path) and back. */
  documentKey(uri: vscode.Uri): string;
  uriFor(documentKey: string): vscode.Uri;
  entityAt(uri: vscode.Uri, offset: number): CanonicalEntity | undefined;
  figureGroupFor(uri: vscode.Uri, claimIndex: number): FigureGroup | undefined;
  /** Re-index everything (the Refresh action). */
  refresh(): Promise<void>;
  /**
   * Hook for the annotations feature (optional until implemented): a step applied to each
   * article's analysis before the index takes it — the workspace lexicon and the reviewer's
   * entity corrections — so corrections reach cross-references and topics, not only highlights.
   */
  addTransform?(t: CorpusTransform): vscode.Disposable;
  /** Re-indexes these articles now, e.g. after their corrections changed (optional until implemented). */
  reindexArticles?(articles: vscode.Uri[]): Promise<void>;
}

/** Corrects an article's analysis for the corpus index; `text` is the file's text that was analysed. */
export type CorpusTransform = (article: vscode.Uri, text: string, analysis: ArticleAnalysis) => ArticleAnalysis;

export interface SidecarState {
  /** Absent until the article has a sidecar on disk or in memory. */
  sidecar?: Sidecar;
  /** Set when the sidecar on disk could not be loaded: annotating the article is refused. */
  error?: { file: string; line?: number; column?: number; field?: string; message: string; hint: string };
  /** Annotations with their current positions in the open (or on-disk) text. */
  anchored: AnchoredAnnotation[];
}

/** Annotations of every article, loaded from and saved to the sidecar files. */
export interface SidecarStore extends vscode.Disposable {
  readonly onDidChange: vscode.Event<vscode.Uri>;
  /** State for one article (loaded lazily). */
  get(article: vscode.Uri): SidecarState;
  /** Every article that has a sidecar, for the Annotations view and exports. */
  articles(): vscode.Uri[];
}

/** What every feature receives at activation. */
export interface Services {
  context: vscode.ExtensionContext;
  analyses: AnalysisStore;
  corpus: CorpusService;
  sidecars: SidecarStore;
  /** Registers a command handler; the id must be in CommandId and package.json. */
  register(id: string, handler: (...args: any[]) => unknown): void;
}

/** A step applied to every analysis after the engine (entity corrections, the lexicon). */
export type AnalysisTransform = (doc: vscode.TextDocument, analysis: ArticleAnalysis) => ArticleAnalysis;
