// The annotations of every article, kept in memory and in the sidecar files next to them.
//
// When it writes: on every annotation change, at once and atomically (src/node/sidecarFiles:
// temporary file + rename). The extension is the sidecar's editor; there is no "unsaved
// annotations" state for a reviewer to forget. Each write first merges whatever the disk gained
// since this window last read or wrote the file (by annotation id, newest `modified` wins), so
// a change made elsewhere is never silently overwritten, and the reviewer is told when a merge
// happened. A sidecar that does not load is never written to.
//
// Offsets: a written sidecar's targets and `document.sha256` describe the article text as it was
// in the editor at that moment — with unsaved edits, if any. When the article is saved, the
// sidecar is rewritten (only if a target moved) so that it describes the saved file; should the
// edits be discarded instead, the next load re-anchors by quote, as for any change made
// elsewhere.
//
// Live positions: while an article is open, annotations follow each edit (the change deltas of
// onDidChangeTextDocument). When VS Code reloads an open article because it changed on disk
// (git, another editor), every annotation whose text is no longer where it was is re-anchored
// from its stored quote. Closed articles are anchored against the file on disk, again when the
// file changes.
import * as vscode from 'vscode';
import {
  anchorAll,
  anchorAnnotation,
  applyEditsToAnchored,
  describeMerge,
  editFromChange,
  emptySidecar,
  formatSidecarError,
  mergeSidecars,
  retarget,
  serializeSidecar,
  sortAnnotations,
  SIDECAR_SUFFIX,
  type AnchoredAnnotation,
  type Sidecar,
  type SidecarError,
} from '../../core/annotations';
import { documentPathFor, readSidecarAsync, readSidecar, saveSidecar, sha256Text, SidecarWriteRefused } from '../../node/sidecarFiles';
import { currentText, diskStamp, openDocument } from '../annotations/articleText';
import { notify, notifyWithOpen } from '../annotations/notify';
import type { SidecarState, SidecarStore } from './contracts';

interface Entry {
  uri: vscode.Uri;
  /** The sidecar file's path. */
  path: string;
  loaded: boolean;
  /** What this window holds: the disk version plus changes not yet written. */
  sidecar?: Sidecar;
  /** What the disk held when this window last read or wrote it: the base of merges. */
  base?: Sidecar;
  error?: SidecarError;
  anchored: AnchoredAnnotation[];
  /** Which text `anchored` is for (`v:VERSION` of the open document, or `disk:STAMP`). */
  anchoredFor?: string;
  /** Reads and writes of this sidecar, one at a time. */
  chain: Promise<void>;
  /** The error last shown, so one damaged file is reported once, not on every lookup. */
  shownError?: string;
}

/** What a change to an article's annotations gets to work with. */
export interface MutationContext {
  /** The article's current text (the editor's, with unsaved edits). */
  text: string;
  /** Current positions, by annotation id. */
  anchored: AnchoredAnnotation[];
}

export type Mutation = (sidecar: Sidecar, ctx: MutationContext) => Sidecar;

export type MutationResult = { ok: true; sidecar: Sidecar } | { ok: false; reason: string };

const key = (uri: vscode.Uri) => uri.toString();

export class WorkspaceSidecarStore implements SidecarStore {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private paused: Promise<void> | undefined;
  private resume: (() => void) | undefined;
  readonly onDidChange = this.emitter.event;
  /** Resolves once the workspace's existing sidecars are known (for articles()). */
  readonly ready: Promise<void>;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => this.onDiskChange(u)),
      watcher.onDidChange((u) => this.onDiskChange(u)),
      watcher.onDidDelete((u) => this.onDiskChange(u)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onSave(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)),
      vscode.workspace.onDidOpenTextDocument((d) => this.onOpen(d)),
    );
    this.ready = this.discover();
  }

  // ---- SidecarStore -------------------------------------------------------------------------

  get(article: vscode.Uri): SidecarState {
    const e = this.entry(article);
    if (!e.loaded) this.load(e);
    this.ensureAnchored(e);
    return { sidecar: e.sidecar, error: e.error ? { ...e.error } : undefined, anchored: e.anchored };
  }

  articles(): vscode.Uri[] {
    return [...this.entries.values()].filter((e) => e.sidecar || e.error).map((e) => e.uri);
  }

  // ---- Changes ------------------------------------------------------------------------------

  /**
   * Changes an article's annotations and writes the sidecar. Refused (with the reason, which the
   * caller shows) when the sidecar on disk does not load or the article cannot be read.
   */
  mutate(article: vscode.Uri, change: Mutation): MutationResult {
    if (article.scheme !== 'file') return { ok: false, reason: 'save the article to a file first: annotations are stored next to it' };
    const e = this.entry(article);
    if (!e.loaded) this.load(e);
    if (e.error) return { ok: false, reason: `${this.label(e.path)} does not load, so News Lens will not change it: ${formatSidecarError(e.error)}` };
    const cur = currentText(article);
    if (!cur) return { ok: false, reason: `cannot read ${vscode.workspace.asRelativePath(article)}` };
    this.ensureAnchored(e);
    const start = e.sidecar ?? emptySidecar(documentPathFor(article.fsPath), sha256Text(cur.text));
    // Targets as they are in the current text, so the change can work with current offsets.
    const byId = new Map(e.anchored.map((x) => [x.annotation.id, x]));
    const current: Sidecar = {
      ...start,
      document: { ...start.document, sha256: sha256Text(cur.text) },
      annotations: start.annotations.map((a) => {
        const x = byId.get(a.id);
        return x ? retarget(x, cur.text) : a;
      }),
    };
    let next: Sidecar;
    try {
      next = change(current, { text: cur.text, anchored: e.anchored });
    } catch (err: any) {
      return { ok: false, reason: err?.message ?? String(err) };
    }
    next = { ...next, annotations: sortAnnotations(next.annotations) };
    e.sidecar = next;
    // Orphans stay orphans until someone re-attaches them; everything else sits at its target.
    e.anchored = next.annotations.map((a) => {
      const was = byId.get(a.id);
      if (was?.state === 'orphaned' && was.annotation.target === a.target) return { ...was, annotation: a };
      return anchorAnnotation(a, cur.text);
    });
    e.anchoredFor = cur.source;
    this.emitter.fire(e.uri);
    this.queueWrite(e);
    return { ok: true, sidecar: next };
  }

  /** Resolves when every queued read and write has finished (for tests and deactivation). */
  async settled(): Promise<void> {
    for (;;) {
      const chains = [...this.entries.values()].map((e) => e.chain);
      await Promise.all(chains);
      if ([...this.entries.values()].every((e, i) => e.chain === chains[i])) return;
    }
  }

  /** Test hook: hold writes (changes stay in memory) until called with false. */
  pauseWrites(pause: boolean): void {
    if (pause && !this.paused) this.paused = new Promise((r) => (this.resume = r));
    if (!pause && this.paused) {
      this.resume!();
      this.paused = this.resume = undefined;
    }
  }

  /** Re-reads one sidecar from disk now (the watcher does this on its own). */
  reload(article: vscode.Uri): Promise<void> {
    const e = this.entry(article);
    return this.enqueue(e, () => this.reloadNow(e));
  }

  // ---- Loading ------------------------------------------------------------------------------

  private entry(article: vscode.Uri): Entry {
    const k = key(article);
    let e = this.entries.get(k);
    if (!e) {
      e = { uri: article, path: article.fsPath + SIDECAR_SUFFIX, loaded: false, anchored: [], chain: Promise.resolve() };
      this.entries.set(k, e);
    }
    return e;
  }

  private async discover(): Promise<void> {
    const found = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/{node_modules,.git}/**');
    for (const u of found) {
      const article = vscode.Uri.file(u.fsPath.slice(0, -SIDECAR_SUFFIX.length));
      const e = this.entry(article);
      if (!e.loaded) this.load(e);
      this.emitter.fire(article);
    }
  }

  private load(e: Entry): void {
    e.loaded = true;
    const r = readSidecar(e.path);
    e.anchoredFor = undefined;
    if (r.kind === 'invalid') return this.setError(e, r.error);
    e.error = undefined;
    e.shownError = undefined;
    e.sidecar = e.base = r.kind === 'ok' ? r.sidecar : undefined;
    if (r.kind === 'ok' && r.warnings.length) {
      void notify('warning', `${this.label(e.path)}: ${r.warnings.map((w) => w.message).join('; ')}. The file is tidied up with the next change.`);
    }
  }

  private setError(e: Entry, error: SidecarError): void {
    e.error = error;
    const text = formatSidecarError({ ...error, file: this.label(error.file) });
    if (e.shownError === text) return;
    e.shownError = text;
    notifyWithOpen('error', `Annotations of ${vscode.workspace.asRelativePath(e.uri)} cannot be loaded: ${text}. The file was left untouched, and annotating this article is off until it loads.`, e.path);
  }

  private label(path: string): string {
    return vscode.workspace.asRelativePath(vscode.Uri.file(path));
  }

  /** Anchors the annotations against the article's current text, unless they already are. */
  private ensureAnchored(e: Entry): void {
    if (!e.sidecar) {
      e.anchored = [];
      return;
    }
    const doc = openDocument(e.uri);
    if (doc && e.anchoredFor === `v:${doc.version}`) return;
    if (!doc && e.anchoredFor?.startsWith('disk:') && e.anchoredFor === currentStamp(e.uri)) return;
    const cur = currentText(e.uri);
    if (!cur) return; // the article is gone: keep what we had
    e.anchored = anchorAll(e.sidecar, cur.text);
    e.anchoredFor = cur.source;
  }

  // ---- Editor events ------------------------------------------------------------------------

  private onEdit(ev: vscode.TextDocumentChangeEvent): void {
    const e = this.entries.get(key(ev.document.uri));
    if (!e?.sidecar || !ev.contentChanges.length || !e.anchoredFor?.startsWith('v:')) return;
    const now = `v:${ev.document.version}`;
    if (e.anchoredFor === now) {
      // Someone asked get() first and it anchored on this text already.
      this.emitter.fire(e.uri);
      return;
    }
    if (e.anchoredFor !== `v:${ev.document.version - 1}`) {
      // We missed a change: place everything again from the stored quotes.
      e.anchoredFor = undefined;
      this.emitter.fire(e.uri);
      return;
    }
    // VS Code lists a multi-cursor edit's changes last-in-text first, each valid after the
    // previous one: exactly the sequence applyEdits expects.
    let anchored = applyEditsToAnchored(e.anchored, ev.contentChanges.map(editFromChange));
    // Not dirty after a change that was no undo/redo: VS Code reloaded the file from disk (git,
    // another editor). Re-anchor, from the stored quote, whatever is no longer where it was.
    if (!ev.document.isDirty && ev.reason === undefined) {
      const text = ev.document.getText();
      anchored = anchored.map((x) =>
        x.state !== 'orphaned' && text.slice(x.start, x.end) === x.annotation.target.exact ? x : anchorAnnotation(x.annotation, text),
      );
    }
    e.anchored = anchored;
    e.anchoredFor = now;
    this.emitter.fire(e.uri);
  }

  private onSave(doc: vscode.TextDocument): void {
    const e = this.entries.get(key(doc.uri));
    if (!e?.sidecar || e.error) return;
    this.ensureAnchored(e);
    // Bring targets and the hash in line with the saved file; nothing to do if nothing moved.
    const text = doc.getText();
    const sha256 = sha256Text(text);
    const annotations = sortAnnotations(e.anchored.map((x) => retarget(x, text)));
    const next: Sidecar = { ...e.sidecar, document: { ...e.sidecar.document, sha256 }, annotations };
    if (serializeSidecar(next) === serializeSidecar(e.sidecar)) return;
    e.sidecar = next;
    this.queueWrite(e);
  }

  private onOpen(doc: vscode.TextDocument): void {
    const e = this.entries.get(key(doc.uri));
    if (e?.sidecar) {
      e.anchoredFor = undefined;
      this.emitter.fire(e.uri);
    }
  }

  private onClose(doc: vscode.TextDocument): void {
    // Unsaved edits are gone with the document: anchor against the file on disk from now on.
    const e = this.entries.get(key(doc.uri));
    if (e?.sidecar) {
      e.anchoredFor = undefined;
      this.emitter.fire(e.uri);
    }
  }

  private onDiskChange(sidecarUri: vscode.Uri): void {
    if (!sidecarUri.fsPath.endsWith(SIDECAR_SUFFIX)) return;
    const article = vscode.Uri.file(sidecarUri.fsPath.slice(0, -SIDECAR_SUFFIX.length));
    void this.reload(article);
  }

  // ---- Reading and writing, one at a time per sidecar --------------------------------------

  private enqueue(e: Entry, op: () => Promise<void>): Promise<void> {
    const next = e.chain.then(op).catch((err) => {
      void notify('error', `News Lens could not update ${this.label(e.path)}: ${err?.message ?? err}`);
    });
    e.chain = next;
    return next;
  }

  private queueWrite(e: Entry): void {
    void this.enqueue(e, () => this.writeNow(e));
  }

  private async writeNow(e: Entry): Promise<void> {
    if (this.paused) await this.paused;
    const local = e.sidecar;
    if (!local || local === e.base || e.error) return;
    try {
      const r = await saveSidecar(e.path, local, e.base);
      e.base = r.sidecar;
      if (r.merge) {
        // The disk had changes of its own; they are now part of what this window holds.
        e.sidecar = e.sidecar === local ? r.sidecar : mergeSidecars(e.sidecar!, r.sidecar, local).sidecar;
        this.reanchorAfterMerge(e);
        void notify('info', `${this.label(e.path)} had changed on disk. ${describeMerge(r.merge)}`);
        if (e.sidecar !== e.base) this.queueWrite(e);
      }
    } catch (err) {
      if (err instanceof SidecarWriteRefused) {
        this.setError(e, err.error);
        this.emitter.fire(e.uri);
        return;
      }
      throw err;
    }
  }

  private async reloadNow(e: Entry): Promise<void> {
    if (!e.loaded) {
      this.load(e);
      this.emitter.fire(e.uri);
      return;
    }
    const r = await readSidecarAsync(e.path);
    if (r.kind === 'invalid') {
      // Keep showing what was last loaded, but change nothing until the file loads again.
      this.setError(e, r.error);
      this.emitter.fire(e.uri);
      return;
    }
    const hadError = !!e.error;
    e.error = undefined;
    e.shownError = undefined;
    const local = e.sidecar;
    const unsaved = local !== undefined && local !== e.base;
    if (r.kind === 'missing') {
      // Deleted on disk (by the reviewer, or a checkout): keep only changes not yet written.
      e.base = undefined;
      if (!unsaved) e.sidecar = undefined;
      else this.queueWrite(e);
      e.anchoredFor = undefined;
      this.emitter.fire(e.uri);
      return;
    }
    if (!hadError && e.base && r.text === serializeSidecar(e.base)) return; // our own write, or no change
    if (!unsaved || !local) {
      e.sidecar = e.base = r.sidecar;
      e.anchoredFor = undefined;
    } else {
      const m = mergeSidecars(local, r.sidecar, e.base);
      e.base = r.sidecar;
      e.sidecar = m.sidecar;
      this.reanchorAfterMerge(e);
      const said = describeMerge(m);
      void notify('info', `${this.label(e.path)} changed on disk while this window had unwritten changes; both were kept. ${said}`.trim());
      this.queueWrite(e);
    }
    this.emitter.fire(e.uri);
  }

  private reanchorAfterMerge(e: Entry): void {
    e.anchoredFor = undefined;
    this.ensureAnchored(e);
    this.emitter.fire(e.uri);
  }

  dispose(): void {
    this.pauseWrites(false);
    for (const d of this.disposables) d.dispose();
  }
}

function currentStamp(uri: vscode.Uri): string {
  return `disk:${diskStamp(uri)}`;
}
