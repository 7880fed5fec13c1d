// Joins what the engine detected with what the reviewer decided: every detected claim, with the
// verdict of the claim annotation that covers it, plus claim annotations the engine did not
// detect. Every format that lists claims reads these rows, so they all agree.
import type { Annotation, AnchorState, ClaimStatus } from '../annotations/model';
import type { Claim } from '../types';
import type { ExportArticle } from './input';
import { disagreements, type Disagreement, type FigureLookup, type FigurePlace } from './figures';

export interface Placed {
  annotation: Annotation;
  state: AnchorState;
  /** Current offsets; absent when the annotation lost its text (orphaned). */
  start?: number;
  end?: number;
}

/** Each annotation of the article with where it sits now, in sidecar order. */
export function placedAnnotations(article: ExportArticle): Placed[] {
  const annotations = article.sidecar?.annotations ?? [];
  const anchored = new Map((article.anchored ?? []).map((a) => [a.annotation.id, a]));
  return annotations.map((annotation) => {
    const a = anchored.get(annotation.id);
    if (a) {
      return { annotation, state: a.state, ...(a.start !== undefined && a.end !== undefined ? { start: a.start, end: a.end } : {}) };
    }
    // No anchoring given: the stored offsets are the best knowledge there is.
    return { annotation, state: 'anchored', start: annotation.target.start, end: annotation.target.end };
  });
}

export interface ClaimRow {
  article: ExportArticle;
  /** The detected claim, and its index in `analysis.claims`. Absent for claims only a reviewer marked. */
  claim?: Claim;
  claimIndex?: number;
  /** The reviewer's claim annotation on it, if any. */
  review?: Placed;
  start?: number;
  end?: number;
  text: string;
  verdict: ClaimStatus;
  /** The reviewer's note (Markdown). */
  note: string;
  place?: FigurePlace;
  conflicts: Disagreement[];
}

/** Claim rows of one article in text order; reviewer-only claims follow at their positions,
 * orphaned ones last. */
export function claimRows(article: ExportArticle, figures: FigureLookup): ClaimRow[] {
  const claims = article.analysis.claims;
  const reviews = placedAnnotations(article).filter((p) => p.annotation.kind === 'claim');
  const taken = new Map<number, Placed>();
  const unmatched: Placed[] = [];
  for (const r of reviews) {
    const i = r.start === undefined ? -1 : bestOverlap(claims, r.start, r.end!, taken);
    if (i < 0) unmatched.push(r);
    else taken.set(i, r);
  }
  const rows: ClaimRow[] = claims.map((claim, claimIndex) => {
    const review = taken.get(claimIndex);
    const place = figures.place(article.path, claimIndex);
    return {
      article,
      claim,
      claimIndex,
      ...(review ? { review } : {}),
      start: claim.start,
      end: claim.end,
      text: claim.text,
      verdict: review?.annotation.verdict ?? 'unreviewed',
      note: review?.annotation.body ?? '',
      ...(place ? { place } : {}),
      conflicts: disagreements(place),
    };
  });
  for (const review of unmatched) {
    rows.push({
      article,
      review,
      ...(review.start !== undefined ? { start: review.start, end: review.end } : {}),
      text: review.annotation.target.exact,
      verdict: review.annotation.verdict ?? 'unreviewed',
      note: review.annotation.body,
      conflicts: [],
    });
  }
  return rows.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || (a.end ?? Infinity) - (b.end ?? Infinity));
}

// The detected claim a reviewer's span covers most; ties go to the earlier claim.
function bestOverlap(claims: readonly Claim[], start: number, end: number, taken: Map<number, Placed>): number {
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < claims.length; i++) {
    if (taken.has(i)) continue;
    const c = claims[i];
    const len = Math.min(end, c.end) - Math.max(start, c.start);
    const exact = c.start === start && c.end === end;
    if (exact) return i;
    if (len > bestLen) {
      best = i;
      bestLen = len;
    }
  }
  return best;
}
