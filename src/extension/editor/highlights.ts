// From an article's analysis to the spans each highlight kind draws: entities by type, claims
// (a distinct kind when the figure disagrees with another article, and the reviewer's verdict
// once there is one), quotes, and vague attributions. Pure of editors: the decorations, the
// navigation commands and the CodeLens all read the same list.
import type * as vscode from 'vscode';
import type { ArticleAnalysis } from '../../core/types';
import type { SidecarStore } from '../services/contracts';
import type { CorpusLinks } from './corpusLinks';
import type { HighlightKind } from './kinds';

export interface Highlight {
  kind: HighlightKind;
  start: number;
  end: number;
  text: string;
  /** The reviewer's verdict on a claim. */
  verdict?: string;
}

export type HighlightsByKind = Record<HighlightKind, Highlight[]>;

export function emptyByKind(): HighlightsByKind {
  return { person: [], place: [], organization: [], claim: [], conflict: [], quote: [], vagueAttribution: [] };
}

/** Claim verdicts from the article's sidecar, as [start, end, verdict] (empty until the annotations feature lands). */
export function claimVerdicts(sidecars: SidecarStore | undefined, uri: vscode.Uri): [number, number, string][] {
  if (!sidecars) return [];
  try {
    const out: [number, number, string][] = [];
    for (const a of sidecars.get(uri).anchored) {
      if (a.annotation.kind === 'claim' && a.annotation.verdict && a.start !== undefined && a.end !== undefined) out.push([a.start, a.end, a.annotation.verdict]);
    }
    return out;
  } catch {
    return [];
  }
}

export function verdictAt(verdicts: readonly [number, number, string][], start: number, end: number): string | undefined {
  for (const [s, e, v] of verdicts) if (s < end && start < e) return v;
  return undefined;
}

export function highlightsOf(
  uri: vscode.Uri,
  a: ArticleAnalysis,
  links: CorpusLinks | undefined,
  verdicts: readonly [number, number, string][],
): HighlightsByKind {
  const out = emptyByKind();
  for (const e of a.entities) out[e.type].push({ kind: e.type, start: e.start, end: e.end, text: e.text });
  for (const c of a.claims) {
    const kind: HighlightKind = links?.isConflict(uri, c) ? 'conflict' : 'claim';
    const verdict = verdictAt(verdicts, c.start, c.end);
    out[kind].push({ kind, start: c.start, end: c.end, text: c.text, ...(verdict ? { verdict } : {}) });
  }
  for (const q of a.quotes) out.quote.push({ kind: 'quote', start: q.start, end: q.end, text: q.text });
  for (const t of a.attributions) if (t.vague) out.vagueAttribution.push({ kind: 'vagueAttribution', start: t.start, end: t.end, text: t.text });
  return out;
}
