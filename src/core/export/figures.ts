// Where each detected claim sits among the corpus figure groups, and what the other articles say
// about the same subject: the basis of "conflicts with other articles" and ClaimReview appearances.
import type { CorpusSnapshot, Figure, FigureGroup } from '../corpus/model';

export interface FigurePlace {
  group: FigureGroup;
  figure: Figure;
}

export interface FigureLookup {
  /** The group and figure that hold claim `index` of `document`. */
  place(document: string, index: number): FigurePlace | undefined;
}

export function figureLookup(corpus: CorpusSnapshot | undefined): FigureLookup {
  const byClaim = new Map<string, FigurePlace>();
  for (const group of corpus?.claimGroups ?? []) {
    for (const figure of group.figures) {
      for (const ref of figure.claims) byClaim.set(key(ref.document, ref.index), { group, figure });
    }
  }
  return { place: (document, index) => byClaim.get(key(document, index)) };
}

function key(document: string, index: number): string {
  return `${index}\u0000${document}`;
}

export interface Disagreement {
  document: string;
  value: number | string;
  approx?: string;
  /** The claim's words in that article. */
  text: string;
}

/** At most this many disagreements are listed per claim: a group can hold hundreds of claims,
 * and listing all of them for each of them grows with the square of its size. */
export const MAX_DISAGREEMENTS = 12;

/** In a conflicting group, the other figures' statements: what the other articles (or this one,
 * elsewhere) say instead, at most `MAX_DISAGREEMENTS`. Empty when the group agrees. */
export function disagreements(place: FigurePlace | undefined): Disagreement[] {
  if (!place || place.group.agreement !== 'conflict') return [];
  const out: Disagreement[] = [];
  for (const figure of place.group.figures) {
    if (figure === place.figure) continue;
    for (const ref of figure.claims) {
      if (out.length === MAX_DISAGREEMENTS) return out;
      out.push({ document: ref.document, value: figure.value, ...(figure.approx ? { approx: figure.approx } : {}), text: ref.claim.text });
    }
  }
  return out;
}

/** Documents of a group, each once, in the order the group lists them. */
export function groupDocuments(group: FigureGroup): string[] {
  const seen = new Set<string>();
  for (const f of group.figures) for (const d of f.documents) seen.add(d);
  return [...seen];
}
