// schema.org ClaimReview (JSON-LD) for every claim a reviewer gave a verdict, the markup fact-check
// publishers embed so search engines and fact-check aggregators can read the verdict. The claim's
// appearances are every article in the corpus that states the same figure (its figure group).
import { sentences } from '../text/sentences';
import type { Verdict } from '../annotations/model';
import { claimRows, type ClaimRow } from './claimRows';
import { figureLookup } from './figures';
import { isoDate } from './format';
import { articleUrl, organizationOf, sortedArticles, type ExportInput } from './input';

/** The published rating scale (1 worst … 5 best). Verdicts that judge sourcing rather than truth
 * (needs-source, unverifiable) sit at the midpoint with "disputed": they say neither true nor false. */
export const VERDICT_RATING: Record<Verdict, { value: number; label: string }> = {
  false: { value: 1, label: 'False' },
  misleading: { value: 2, label: 'Misleading' },
  disputed: { value: 3, label: 'Disputed' },
  'needs-source': { value: 3, label: 'Needs source' },
  unverifiable: { value: 3, label: 'Unverifiable' },
  verified: { value: 5, label: 'Verified' },
};
export const WORST_RATING = 1;
export const BEST_RATING = 5;

export function buildClaimReviews(input: ExportInput): Record<string, unknown>[] {
  const figures = figureLookup(input.corpus);
  const org = organizationOf(input);
  const out: Record<string, unknown>[] = [];
  for (const article of sortedArticles(input)) {
    // Only reviewers give verdicts: skip the (many) articles without one before joining claims.
    if (!article.sidecar?.annotations.some((a) => a.kind === 'claim' && a.verdict !== undefined)) continue;
    const rows = claimRows(article, figures).filter((r) => r.review && r.verdict !== 'unreviewed');
    if (!rows.length) continue;
    const spans = sentences(article.text);
    for (const row of rows) {
      const annotation = row.review!.annotation;
      const verdict = row.verdict as Verdict;
      const rating = VERDICT_RATING[verdict];
      const documents = row.place ? row.place.figure.documents : [article.path];
      const appearance = [article.path, ...documents.filter((d) => d !== article.path)].map((d) => ({
        '@type': 'CreativeWork',
        url: articleUrl(input, d),
        name: d,
      }));
      out.push({
        '@type': 'ClaimReview',
        url: `${articleUrl(input, article.path)}#${encodeURIComponent(annotation.id)}`,
        claimReviewed: claimSentence(article.text, spans, row),
        reviewRating: {
          '@type': 'Rating',
          ratingValue: rating.value,
          bestRating: BEST_RATING,
          worstRating: WORST_RATING,
          alternateName: rating.label,
        },
        itemReviewed: {
          '@type': 'Claim',
          appearance,
          ...(article.analysis.date ? { datePublished: article.analysis.date } : {}),
        },
        author: { '@type': 'Organization', name: org },
        datePublished: isoDate(annotation.modified),
        ...(annotation.body ? { reviewBody: annotation.body } : {}),
      });
    }
  }
  return out;
}

export function exportClaimReview(input: ExportInput): string {
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': buildClaimReviews(input) }, null, 2) + '\n';
}

// The whole sentence states the claim; the figure alone ("9 individuals") does not.
function claimSentence(text: string, spans: ReturnType<typeof sentences>, row: ClaimRow): string {
  if (row.start !== undefined) {
    const s = spans.find((sp) => sp.start <= row.start! && row.start! < sp.end);
    if (s) return text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
  }
  return row.text.replace(/\s+/g, ' ').trim();
}
