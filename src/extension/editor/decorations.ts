// Draws the highlights in every visible article editor. The decoration types are made once; on
// each change only the ranges are set again. Switching editors re-applies the cached analysis
// (never re-analyses); an edit re-draws from the quick paragraph-level analysis at once and from
// the full one when typing pauses. In a long article the visible part is drawn first and the
// rest when idle, up to `newsLens.highlight.maxDecorations`.
import * as vscode from 'vscode';
import type { ArticleAnalysis } from '../../core/types';
import { isArticle } from '../articles';
import type { Services } from '../services/contracts';
import type { CorpusLinks } from './corpusLinks';
import { claimVerdicts, emptyByKind, highlightsOf, type Highlight, type HighlightsByKind } from './highlights';
import { DecorationTypes, HIGHLIGHT_KINDS, settingOf, type HighlightKind } from './kinds';

/** Up to this many highlights an article is drawn in one go; above it, visible part first. */
const ALL_AT_ONCE = 1500;
/** Lines around the visible ones drawn in the first pass. */
const MARGIN_LINES = 60;
/** Quiet time before the rest of a long article is drawn (each pass re-sends thousands of ranges). */
const IDLE_MS = 1000;
const STATE_KEY = 'newsLens.highlightsOn';

export interface AppliedDecorations {
  uri: string;
  version: number;
  /** False after a visible-part-only pass, until the idle pass drew the rest. */
  complete: boolean;
  kinds: Record<HighlightKind, { start: number; end: number; text: string; verdict?: string }[]>;
}

export interface ApplyEvent {
  editor: vscode.TextEditor;
  version: number;
  complete: boolean;
  /** From the extension host learning of the edit to the decorations being set (live updates only). */
  latencyMs?: number;
  analysisMs?: number;
}

export class EditorDecorations implements vscode.Disposable {
  private readonly types = new DecorationTypes();
  private readonly applied = new Map<vscode.TextEditor, AppliedDecorations>();
  private readonly idle = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  private readonly cache = new Map<string, { analysis: ArticleAnalysis; highlights: HighlightsByKind }>();
  private readonly applyEmitter = new vscode.EventEmitter<ApplyEvent>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidApply = this.applyEmitter.event;
  private on: boolean;

  constructor(
    private readonly services: Services,
    private readonly links: CorpusLinks,
  ) {
    this.on = services.context.globalState.get<boolean>(STATE_KEY, true);
    const { analyses } = services;
    this.disposables.push(
      this.types,
      this.applyEmitter,
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const ed of [...this.applied.keys()]) if (!editors.includes(ed)) this.forget(ed);
        for (const ed of editors) this.show(ed);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        const st = this.applied.get(e.textEditor);
        if (st && !st.complete) this.show(e.textEditor);
      }),
      analyses.onDidChangeLive((c) => {
        for (const ed of vscode.window.visibleTextEditors) {
          if (ed.document === c.document) this.render(ed, c.analysis, { startedAt: c.startedAt, analysisMs: c.ms });
        }
      }),
      analyses.onDidUpdate((doc) => this.redrawDocument(doc)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('newsLens')) this.redrawAll();
      }),
    );
  }

  /** Called once the corpus and sidecar services exist (they may land after this feature). */
  watch(event: vscode.Event<unknown> | undefined, uriOf?: (x: unknown) => vscode.Uri | undefined): void {
    if (!event) return;
    this.disposables.push(
      event((x) => {
        const uri = uriOf?.(x);
        if (uri) {
          for (const ed of vscode.window.visibleTextEditors) if (ed.document.uri.toString() === uri.toString()) this.redrawDocument(ed.document);
        } else this.redrawAll();
      }),
    );
  }

  get enabled(): boolean {
    return this.on;
  }

  async setEnabled(on: boolean): Promise<void> {
    this.on = on;
    await this.services.context.globalState.update(STATE_KEY, on);
    this.redrawAll();
  }

  /** What is drawn in the editor (offsets), for the tests. */
  appliedTo(editor: vscode.TextEditor): AppliedDecorations | undefined {
    return this.applied.get(editor);
  }

  /** The highlights of an article's current analysis (whether drawn or not). */
  highlightsFor(doc: vscode.TextDocument): HighlightsByKind | undefined {
    const a = this.services.analyses.peek(doc);
    return a ? this.highlights(doc, a) : undefined;
  }

  redrawAll(): void {
    this.cache.clear();
    for (const ed of vscode.window.visibleTextEditors) this.show(ed);
  }

  redrawDocument(doc: vscode.TextDocument): void {
    this.cache.delete(doc.uri.toString());
    for (const ed of vscode.window.visibleTextEditors) if (ed.document === doc) this.show(ed);
  }

  /** Draws the editor from the cached analysis, analysing only when there is none yet. */
  show(editor: vscode.TextEditor): void {
    const doc = editor.document;
    if (!isArticle(doc)) {
      if (this.applied.has(editor)) this.clear(editor);
      return;
    }
    const a = this.services.analyses.peek(doc);
    if (a) this.render(editor, a);
    else void this.services.analyses.getAsync(doc).then((x) => x && !doc.isClosed && this.render(editor, x));
  }

  private highlights(doc: vscode.TextDocument, a: ArticleAnalysis): HighlightsByKind {
    const k = doc.uri.toString();
    const c = this.cache.get(k);
    if (c && c.analysis === a) return c.highlights;
    const highlights = highlightsOf(doc.uri, a, this.links, claimVerdicts(this.services.sidecars, doc.uri));
    this.cache.set(k, { analysis: a, highlights });
    return highlights;
  }

  private render(editor: vscode.TextEditor, a: ArticleAnalysis, live?: { startedAt: number; analysisMs: number }): void {
    const doc = editor.document;
    clearTimeout(this.idle.get(editor));
    this.idle.delete(editor);
    const cfg = vscode.workspace.getConfiguration('newsLens', doc);
    const kinds = HIGHLIGHT_KINDS.filter((k) => this.on && cfg.get<boolean>(`highlight.${settingOf(k)}`, true));
    const max = Math.max(0, cfg.get<number>('highlight.maxDecorations', 5000));
    const all = this.highlights(doc, a);
    const total = kinds.reduce((n, k) => n + all[k].length, 0);
    if (total <= Math.min(ALL_AT_ONCE, max)) {
      this.apply(editor, all, kinds, true, live);
      return;
    }
    // Visible part now, the rest (up to the cap, nearest first) when idle.
    const [from, to] = this.visibleOffsets(editor);
    const near = emptyByKind();
    for (const k of kinds) near[k] = within(all[k], from, to);
    this.apply(editor, near, kinds, false, live);
    this.idle.set(
      editor,
      setTimeout(() => {
        this.idle.delete(editor);
        if (doc.isClosed || this.services.analyses.peek(doc) !== a) return;
        this.apply(editor, capped(all, kinds, max, (from + to) / 2), kinds, true);
      }, IDLE_MS),
    );
  }

  private visibleOffsets(editor: vscode.TextEditor): [number, number] {
    const doc = editor.document;
    const vr = editor.visibleRanges.length ? editor.visibleRanges : [new vscode.Range(0, 0, 50, 0)];
    const first = Math.max(0, vr[0].start.line - MARGIN_LINES);
    const last = Math.min(doc.lineCount - 1, vr[vr.length - 1].end.line + MARGIN_LINES);
    return [doc.offsetAt(new vscode.Position(first, 0)), doc.offsetAt(doc.lineAt(last).range.end)];
  }

  private apply(editor: vscode.TextEditor, hl: HighlightsByKind, kinds: readonly HighlightKind[], complete: boolean, live?: { startedAt: number; analysisMs: number }): void {
    const doc = editor.document;
    const drawn = emptyByKind();
    for (const k of HIGHLIGHT_KINDS) {
      const list = kinds.includes(k) ? hl[k] : [];
      drawn[k] = list;
      editor.setDecorations(this.types.byKind[k], list.map((h) => optionsFor(doc, h)));
    }
    this.applied.set(editor, {
      uri: doc.uri.toString(),
      version: doc.version,
      complete,
      kinds: Object.fromEntries(HIGHLIGHT_KINDS.map((k) => [k, drawn[k].map(({ start, end, text, verdict }) => ({ start, end, text, ...(verdict ? { verdict } : {}) }))])) as AppliedDecorations['kinds'],
    });
    this.applyEmitter.fire({
      editor,
      version: doc.version,
      complete,
      ...(live ? { latencyMs: performance.now() - live.startedAt, analysisMs: live.analysisMs } : {}),
    });
  }

  private clear(editor: vscode.TextEditor): void {
    for (const k of HIGHLIGHT_KINDS) editor.setDecorations(this.types.byKind[k], []);
    this.forget(editor);
  }

  private forget(editor: vscode.TextEditor): void {
    clearTimeout(this.idle.get(editor));
    this.idle.delete(editor);
    this.applied.delete(editor);
  }

  dispose(): void {
    for (const t of this.idle.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

function optionsFor(doc: vscode.TextDocument, h: Highlight): vscode.DecorationOptions {
  const range = new vscode.Range(doc.positionAt(h.start), doc.positionAt(h.end));
  if (!h.verdict) return { range };
  const mark = h.kind === 'conflict' ? ` ≠ [${h.verdict}]` : ` [${h.verdict}]`;
  return { range, renderOptions: { after: { contentText: mark } } };
}

/** Spans overlapping [from, to), by binary search (spans sorted by start). */
function within(list: readonly Highlight[], from: number, to: number): Highlight[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end <= from) lo = mid + 1;
    else hi = mid;
  }
  const out: Highlight[] = [];
  for (let i = lo; i < list.length && list[i].start < to; i++) if (list[i].end > from) out.push(list[i]);
  return out;
}

/** At most `max` spans over all kinds, the nearest to `center` first. */
function capped(all: HighlightsByKind, kinds: readonly HighlightKind[], max: number, center: number): HighlightsByKind {
  const out = emptyByKind();
  const every: Highlight[] = [];
  for (const k of kinds) every.push(...all[k]);
  if (every.length > max) {
    every.sort((a, b) => Math.abs(a.start - center) - Math.abs(b.start - center));
    every.length = max;
    every.sort((a, b) => a.start - b.start);
  }
  for (const h of every) out[h.kind].push(h);
  return out;
}
