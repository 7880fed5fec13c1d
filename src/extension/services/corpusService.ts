// The workspace's corpus index, over the Node indexer driver (src/node/corpusDriver): every
// article of the workspace analysed on worker threads (dist/index-worker.js), each analysis
// cached by content hash in the workspace's storage so a reopened window indexes in seconds, with
// progress and cancellation; afterwards one file at a time as articles are saved, changed on
// disk, created or deleted. The live index itself runs in a thread of its own: no article is
// analysed, and no index is built, on the extension host's main thread, which keeps only the
// mirrored snapshot that hovers, the sidebar and exports read.
import { availableParallelism } from 'node:os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CanonicalEntity, CorpusSnapshot, FigureGroup } from '../../core/corpus/model';
import type { CorpusLookups } from '../../core/corpus/view';
import { CorpusDriver } from '../../node/corpusDriver';
import { isArticle, LANGUAGE_ID } from '../articles';
import { AnalysisWorker } from './analysisWorker';
import type { CorpusService, IndexProgress } from './contracts';

/** Quiet time after a file event before it is re-indexed (saves and git checkouts come in bursts). */
const FILE_DEBOUNCE_MS = 300;

export class WorkspaceCorpusService implements CorpusService {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly progressEmitter = new vscode.EventEmitter<IndexProgress | undefined>();
  readonly onDidChange = this.changeEmitter.event;
  readonly onDidProgress = this.progressEmitter.event;
  readonly ready: Promise<void>;

  private readonly driver: CorpusDriver;
  private readonly worker: AnalysisWorker;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.progressEmitter];
  private watchers: vscode.Disposable[] = [];
  private run: AbortController | undefined;
  private isReady = false;
  private readonly pendingFiles = new Map<string, 'change' | 'delete'>();
  private fileTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** The last run's progress, for late listeners (the status bar). */
  progress: IndexProgress | undefined;

  constructor(context: vscode.ExtensionContext) {
    const workerScript = path.join(context.extensionPath, 'dist', 'index-worker.js');
    const storage = context.storageUri ?? context.globalStorageUri;
    let cores = 2;
    try {
      cores = availableParallelism();
    } catch {
      // keep 2
    }
    this.worker = AnalysisWorker.shared(workerScript);
    this.driver = new CorpusDriver({
      workerScript,
      // A single article (a save, a run of one) goes to the analysis worker the editor shares.
      analyzeOne: (job) => this.worker.run(job),
      // Leave a core to the editor and the extension host.
      workers: Math.max(1, Math.min(4, cores - 1)),
      cacheDir: path.join(storage.fsPath, 'index-cache'),
      // The first change after a reopen fills the live index from the cache: shown like indexing.
      onFillProgress: (p) => {
        if (this.run) return;
        this.progress = p.done < p.total ? { done: p.done, total: p.total } : undefined;
        this.progressEmitter.fire(this.progress);
      },
    });
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((doc) => this.queue(doc.uri, 'change')),
      // The first keystroke in an article of a reopened workspace starts filling the live index
      // (seconds on a large folder, off the editor's thread), so that the save finds it ready.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length || !this.isReady || this.run || !this.driver.waitsToFill) return;
        if (e.document.uri.scheme === 'file' && isArticle(e.document)) this.prepareLive();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('newsLens.include') || e.affectsConfiguration('newsLens.exclude')) {
          this.watch();
          void this.refresh();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watch();
        void this.refresh();
      }),
    );
    this.watch();
    // After activation returns: the first index never delays the editor.
    this.ready = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() => this.refresh())
      .then(() => {
        this.isReady = true;
      });
  }

  index(): CorpusLookups | undefined {
    return this.isReady ? this.driver.index : undefined;
  }

  snapshot(): CorpusSnapshot | undefined {
    return this.isReady ? this.driver.snapshot() : undefined;
  }

  documentKey(uri: vscode.Uri): string {
    return uri.fsPath;
  }

  uriFor(documentKey: string): vscode.Uri {
    return vscode.Uri.file(documentKey);
  }

  entityAt(uri: vscode.Uri, offset: number): CanonicalEntity | undefined {
    return this.index()?.entityAt(this.documentKey(uri), offset);
  }

  figureGroupFor(uri: vscode.Uri, claimIndex: number): FigureGroup | undefined {
    return this.index()?.groupForClaim(this.documentKey(uri), claimIndex);
  }

  /** Indexes every article of the workspace again (cached analyses make unchanged files cheap); cancels a run in progress. */
  async refresh(): Promise<void> {
    this.run?.abort();
    const run = (this.run = new AbortController());
    const files = await this.findArticles();
    if (run.signal.aborted || this.disposed) return;
    const paths = files.map((u) => this.documentKey(u));
    let result;
    try {
      result = await this.driver.indexFiles(paths, {
        signal: run.signal,
        // A reopened workspace shows the snapshot stored last time when no article changed.
        restore: true,
        onProgress: (p) => {
          this.progress = { done: p.done, total: p.total, ...(p.etaMs !== undefined ? { etaMs: p.etaMs } : {}) };
          this.progressEmitter.fire(this.progress);
        },
      });
    } catch (err: any) {
      void vscode.window.showErrorMessage(`News Lens: indexing the workspace failed: ${err?.message ?? err}`);
    } finally {
      if (this.run === run) {
        this.run = undefined;
        this.progress = undefined;
        this.progressEmitter.fire(undefined);
      }
    }
    if (result?.failed.length) {
      const first = result.failed[0];
      void vscode.window.showWarningMessage(
        `News Lens: ${result.failed.length} article${result.failed.length === 1 ? '' : 's'} could not be indexed (${path.basename(first.path)}: ${first.message}).`,
      );
    }
    if (!run.signal.aborted && !this.disposed) this.changeEmitter.fire();
  }

  /** The article files of the workspace: `newsLens.include` and `.news` files, minus `newsLens.exclude`. */
  async findArticles(): Promise<vscode.Uri[]> {
    const cfg = vscode.workspace.getConfiguration('newsLens');
    const include = cfg.get<string>('include', '**/*.txt');
    const exclude = cfg.get<string>('exclude', '') || undefined;
    const [a, b] = await Promise.all([vscode.workspace.findFiles(include, exclude), vscode.workspace.findFiles('**/*.news', exclude)]);
    const seen = new Map<string, vscode.Uri>();
    for (const u of [...a, ...b]) seen.set(u.toString(), u);
    return [...seen.values()].sort((x, y) => (x.fsPath < y.fsPath ? -1 : x.fsPath > y.fsPath ? 1 : 0));
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const include = vscode.workspace.getConfiguration('newsLens').get<string>('include', '**/*.txt');
    for (const glob of [include, '**/*.news']) {
      const w = vscode.workspace.createFileSystemWatcher(glob);
      this.watchers.push(
        w,
        w.onDidCreate((u) => this.queue(u, 'change')),
        w.onDidChange((u) => this.queue(u, 'change')),
        w.onDidDelete((u) => this.queue(u, 'delete')),
      );
    }
  }

  private queue(uri: vscode.Uri, what: 'change' | 'delete'): void {
    if (uri.scheme !== 'file' || !this.isArticleUri(uri)) return;
    this.pendingFiles.set(this.documentKey(uri), what);
    clearTimeout(this.fileTimer);
    this.fileTimer = setTimeout(() => void this.flushFiles(), FILE_DEBOUNCE_MS);
  }

  private isArticleUri(uri: vscode.Uri): boolean {
    if (uri.path.endsWith('.news')) return true;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return isArticle(open);
    // Not open: the same test as isArticle, on a stand-in that has only what it reads.
    return isArticle({ uri, languageId: uri.path.endsWith('.news') ? LANGUAGE_ID : 'plaintext' } as vscode.TextDocument);
  }

  private async flushFiles(): Promise<void> {
    const files = [...this.pendingFiles];
    this.pendingFiles.clear();
    let changed = false;
    try {
      for (const [p, what] of files) {
        if (this.disposed) return;
        if (what === 'delete') changed = (await this.driver.removeFile(p)) || changed;
        else changed = (await this.reindex(p)) || changed;
      }
    } catch (err: any) {
      // The index's thread could not be kept running (or the window is closing).
      if (this.disposed) return;
      if (!this.indexFailureShown) {
        this.indexFailureShown = true;
        void vscode.window.showErrorMessage(`News Lens: the corpus index could not take the changed articles in (${err?.message ?? err}). Run "Refresh" in the News Lens view to index the folder again.`);
      }
      console.error('[news-lens] corpus index update failed', err);
    }
    if (changed && this.isReady) this.changeEmitter.fire();
  }

  private preparing: Promise<void> | undefined;

  private prepareLive(): void {
    this.preparing ??= this.driver
      .prepareLive()
      // The save that follows tries again, and says so if the index still cannot run.
      .catch((err) => console.warn('[news-lens] corpus index could not be filled ahead of a save', err))
      .finally(() => (this.preparing = undefined));
  }

  /** Whether the user has been told once that the index could not take changes in. */
  private indexFailureShown = false;

  /** One article, analysed in the analysis worker; true when the index changed. */
  private async reindex(p: string): Promise<boolean> {
    const outcome = await this.driver.reindexFile(p);
    if (outcome === 'failed') {
      // Any failure but a file that is gone keeps the last good analysis.
      const why = this.driver.failed.find((f) => f.path === p)?.message;
      console.warn(`[news-lens] could not index ${p}${why ? `: ${why}` : ''}`);
    }
    return outcome === 'updated' || outcome === 'removed';
  }

  dispose(): void {
    this.disposed = true;
    this.run?.abort();
    clearTimeout(this.fileTimer);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
    this.worker.dispose();
    void this.driver.dispose();
  }
}
