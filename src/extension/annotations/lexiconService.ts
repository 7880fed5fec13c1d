// The workspace lexicon (`.newslens/lexicon.json` in each workspace folder): loaded on first use,
// reloaded when it changes on disk, written atomically, and — like a sidecar — never written
// over when it does not load (the reviewer is told which line to fix).
import { join } from 'node:path';
import * as vscode from 'vscode';
import { emptyLexicon, formatSidecarError, LEXICON_PATH, type Lexicon, type SidecarError } from '../../core/annotations';
import { readLexicon, writeLexicon } from '../../node/lexiconFile';
import { workspaceRootFor } from '../../node/sidecarFiles';
import { notify, notifyWithOpen } from './notify';

interface Loaded {
  lexicon?: Lexicon;
  error?: SidecarError;
}

export class LexiconService implements vscode.Disposable {
  private readonly cache = new Map<string, Loaded>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Fires when any folder's lexicon changed (here or on disk). */
  readonly onDidChange = this.emitter.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${LEXICON_PATH}`);
    const reload = (u: vscode.Uri) => {
      const root = join(u.fsPath, '..', '..');
      this.cache.delete(root);
      this.emitter.fire();
    };
    this.disposables.push(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
  }

  /** The folder whose lexicon applies to an article: its workspace folder. */
  rootFor(article: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(article);
    return folder?.uri.scheme === 'file' ? folder.uri.fsPath : workspaceRootFor(article.fsPath);
  }

  /** The lexicon for an article, or undefined when there is none or it does not load. */
  forArticle(article: vscode.Uri): Lexicon | undefined {
    return this.load(this.rootFor(article)).lexicon;
  }

  private load(root: string): Loaded {
    let l = this.cache.get(root);
    if (!l) {
      const r = readLexicon(root);
      l = r.kind === 'ok' ? { lexicon: r.lexicon } : r.kind === 'invalid' ? { error: r.error } : {};
      this.cache.set(root, l);
      if (l.error) {
        notifyWithOpen('error', `The workspace lexicon cannot be loaded and is not applied: ${formatSidecarError({ ...l.error, file: vscode.workspace.asRelativePath(l.error.file) })}.`, l.error.file);
      }
    }
    return l;
  }

  /** Changes the lexicon of the article's folder; false (with the reason shown) when refused. */
  async update(article: vscode.Uri, f: (l: Lexicon) => Lexicon): Promise<boolean> {
    const root = this.rootFor(article);
    this.cache.delete(root);
    const l = this.load(root);
    if (l.error) {
      notifyWithOpen('error', `The workspace lexicon does not load, so News Lens will not change it: ${formatSidecarError(l.error)}`, l.error.file);
      return false;
    }
    let next: Lexicon;
    try {
      next = f(l.lexicon ?? emptyLexicon());
      await writeLexicon(root, next);
    } catch (err: any) {
      void notify('error', `News Lens could not write the workspace lexicon: ${err?.message ?? err}`);
      this.cache.delete(root);
      return false;
    }
    this.cache.set(root, { lexicon: next });
    this.emitter.fire();
    return true;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
