// A one-line summary above the article's first line (newsLens.codeLens.enabled): counts, and a
// link to the figures that disagree with other articles.
import * as vscode from 'vscode';
import { isArticle } from '../articles';
import { CommandId } from '../commandIds';
import type { Services } from '../services/contracts';
import type { EditorDecorations } from './decorations';
import { OPEN_VIEW_COMMAND } from './statusBar';

export class SummaryCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(
    private readonly services: Services,
    private readonly decorations: EditorDecorations,
  ) {
    this.disposables.push(
      services.analyses.onDidUpdate(() => this.emitter.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('newsLens') && this.emitter.fire()),
    );
  }

  refresh(): void {
    this.emitter.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!isArticle(doc) || !vscode.workspace.getConfiguration('newsLens', doc).get<boolean>('codeLens.enabled', true)) return [];
    const a = this.services.analyses.peek(doc) ?? this.services.analyses.get(doc);
    const hl = this.decorations.highlightsFor(doc);
    if (!a || !hl) return [];
    const range = new vscode.Range(0, 0, 0, 0);
    const people = hl.person.length;
    const lenses = [
      new vscode.CodeLens(range, {
        title: `News Lens: ${a.entities.length} names (${people} of people) · ${a.claims.length} figures · ${a.quotes.length} quotes`,
        tooltip: 'Open the News Lens view',
        command: OPEN_VIEW_COMMAND,
      }),
    ];
    const x = hl.conflict.length;
    if (x) {
      lenses.push(
        new vscode.CodeLens(range, {
          title: `$(warning) ${x} figure${x === 1 ? '' : 's'} disagree${x === 1 ? 's' : ''} with other articles`,
          tooltip: 'Go to the first figure that disagrees with another article',
          command: CommandId.NextConflict,
        }),
      );
    }
    const vague = hl.vagueAttribution.length;
    if (vague) lenses.push(new vscode.CodeLens(range, { title: `${vague} vague attribution${vague === 1 ? '' : 's'}`, command: '' }));
    return lenses;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
