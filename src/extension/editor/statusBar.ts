// The status bar item: for the active article "N entities · N claims · N conflicts", while the
// corpus indexes its progress; a click opens the News Lens view.
import * as vscode from 'vscode';
import { isArticle } from '../articles';
import type { IndexProgress, Services } from '../services/contracts';
import type { EditorDecorations } from './decorations';

export const OPEN_VIEW_COMMAND = 'workbench.view.extension.newsLens';

export class ArticleStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('newsLens.status', vscode.StatusBarAlignment.Right, 100);
  private progress: IndexProgress | undefined;
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly services: Services,
    private readonly decorations: EditorDecorations,
  ) {
    this.item.name = 'News Lens';
    this.item.command = { command: OPEN_VIEW_COMMAND, title: 'Open the News Lens view' };
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      services.analyses.onDidUpdate(() => this.update()),
      decorations.onDidApply((e) => e.editor === vscode.window.activeTextEditor && this.update()),
    );
    this.update();
  }

  watchProgress(event: vscode.Event<IndexProgress | undefined> | undefined): void {
    if (!event) return;
    this.disposables.push(
      event((p) => {
        this.progress = p && p.done < p.total ? p : undefined;
        this.update();
      }),
    );
  }

  update(): void {
    const parts: string[] = [];
    if (this.progress) {
      const { done, total, etaMs } = this.progress;
      parts.push(`$(sync~spin) Indexing ${done}/${total}${etaMs !== undefined ? ` (~${Math.ceil(etaMs / 1000)} s)` : ''}`);
    }
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    const hl = doc && isArticle(doc) ? this.decorations.highlightsFor(doc) : undefined;
    const a = doc && hl ? this.services.analyses.peek(doc) : undefined;
    if (a && hl) {
      const n = a.entities.length;
      const c = a.claims.length;
      const x = hl.conflict.length;
      parts.push(`$(telescope) ${n} ${n === 1 ? 'entity' : 'entities'} · ${c} ${c === 1 ? 'claim' : 'claims'} · ${x} ${x === 1 ? 'conflict' : 'conflicts'}`);
      this.item.tooltip = `News Lens: ${n} people, places and organizations, ${c} numeric claims, ${x} figures that disagree with other articles. Click to open the News Lens view.`;
    } else this.item.tooltip = 'News Lens: click to open the News Lens view.';
    if (!parts.length) {
      this.item.hide();
      return;
    }
    this.item.text = parts.join('  ');
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
