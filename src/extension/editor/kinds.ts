// The kinds of highlight, each drawn by one decoration type created once. Colours come from
// `contributes.colors` (light, dark and high-contrast defaults); every kind is also told apart
// by its shape — solid, dashed or double underline, a box, italics, a wavy line, a ≠ mark — so
// colour is never the only cue.
import * as vscode from 'vscode';

export const HIGHLIGHT_KINDS = ['person', 'place', 'organization', 'claim', 'conflict', 'quote', 'vagueAttribution'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** The setting that switches a kind on or off (conflicts follow claims). */
export function settingOf(kind: HighlightKind): string {
  return kind === 'conflict' ? 'claim' : kind;
}

const color = (kind: HighlightKind) => new vscode.ThemeColor(`newsLens.${kind}`);
const background = (kind: HighlightKind) => new vscode.ThemeColor(`newsLens.${kind}Background`);

function optionsOf(kind: HighlightKind): vscode.DecorationRenderOptions {
  const common: vscode.DecorationRenderOptions = {
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    overviewRulerColor: color(kind),
    backgroundColor: background(kind),
  };
  switch (kind) {
    case 'person':
      return { ...common, borderStyle: 'none none solid none', borderWidth: '0 0 2px 0', borderColor: color(kind), overviewRulerLane: vscode.OverviewRulerLane.Center };
    case 'place':
      return { ...common, borderStyle: 'none none dashed none', borderWidth: '0 0 2px 0', borderColor: color(kind), overviewRulerLane: vscode.OverviewRulerLane.Center };
    case 'organization':
      return { ...common, borderStyle: 'none none double none', borderWidth: '0 0 3px 0', borderColor: color(kind), overviewRulerLane: vscode.OverviewRulerLane.Center };
    case 'claim':
      return { ...common, borderStyle: 'solid', borderWidth: '1px', borderRadius: '3px', borderColor: color(kind), overviewRulerLane: vscode.OverviewRulerLane.Right };
    case 'conflict':
      return {
        ...common,
        borderStyle: 'solid',
        borderWidth: '1px 1px 3px 1px',
        borderRadius: '3px',
        borderColor: color(kind),
        fontWeight: 'bold',
        overviewRulerLane: vscode.OverviewRulerLane.Full,
        after: { contentText: ' ≠', color: color(kind), fontWeight: 'bold' },
      };
    case 'quote':
      return { ...common, fontStyle: 'italic', overviewRulerLane: vscode.OverviewRulerLane.Left };
    case 'vagueAttribution':
      // A wavy underline in the theme's colour (decorations take CSS variables in textDecoration).
      return { ...common, textDecoration: 'underline wavy var(--vscode-newsLens-vagueAttribution)', overviewRulerLane: vscode.OverviewRulerLane.Left };
  }
}

/** The decoration types, created once for the extension's lifetime and reused for every editor. */
export class DecorationTypes implements vscode.Disposable {
  readonly byKind: Record<HighlightKind, vscode.TextEditorDecorationType>;

  constructor() {
    this.byKind = Object.fromEntries(HIGHLIGHT_KINDS.map((k) => [k, vscode.window.createTextEditorDecorationType(optionsOf(k))])) as Record<
      HighlightKind,
      vscode.TextEditorDecorationType
    >;
  }

  dispose(): void {
    for (const t of Object.values(this.byKind)) t.dispose();
  }
}
