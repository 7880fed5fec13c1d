import { describe, expect, it } from 'vitest';
import { buildClaimReviews, exportClaimReview, BEST_RATING, VERDICT_RATING, WORST_RATING } from '../../../src/core/export';
import { SEEDS_EXIST, seedFixture } from './fixture';

describe.skipIf(!SEEDS_EXIST)('schema.org ClaimReview export (seeds)', () => {
  const { input, verdicts, conflict } = seedFixture();
  const reviews = buildClaimReviews(input) as any[];

  it('has one ClaimReview per claim with a verdict, each with every required field', () => {
    expect(reviews).toHaveLength(verdicts.length);
    for (const r of reviews) {
      expect(r['@type']).toBe('ClaimReview');
      expect(typeof r.url).toBe('string');
      expect(r.url.length).toBeGreaterThan(0);
      expect(typeof r.claimReviewed).toBe('string');
      expect(r.claimReviewed.trim().length).toBeGreaterThan(0);
      expect(r.reviewRating['@type']).toBe('Rating');
      expect(r.reviewRating.bestRating).toBe(BEST_RATING);
      expect(r.reviewRating.worstRating).toBe(WORST_RATING);
      expect(r.reviewRating.ratingValue).toBeGreaterThanOrEqual(WORST_RATING);
      expect(r.reviewRating.ratingValue).toBeLessThanOrEqual(BEST_RATING);
      expect(typeof r.reviewRating.alternateName).toBe('string');
      expect(r.itemReviewed['@type']).toBe('Claim');
      expect(r.itemReviewed.appearance.length).toBeGreaterThan(0);
      for (const ap of r.itemReviewed.appearance) expect(typeof ap.url).toBe('string');
      expect(r.author).toEqual({ '@type': 'Organization', name: 'Desk & Co <Fact>' });
      expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('rates each claim by its verdict and quotes the sentence that states it', () => {
    for (const v of verdicts) {
      const article = input.articles.find((a) => a.path === v.path)!;
      const r = reviews.find((x) => x.url.endsWith('#' + v.annotation.id))!;
      expect(r.reviewRating.alternateName).toBe(VERDICT_RATING[v.verdict].label);
      expect(r.reviewRating.ratingValue).toBe(VERDICT_RATING[v.verdict].value);
      expect(r.claimReviewed).toContain(v.claim.text.replace(/\s+/g, ' '));
      expect(article.text.replace(/\s+/g, ' ')).toContain(r.claimReviewed);
      expect(r.datePublished).toBe(v.annotation.modified.slice(0, 10));
    }
    expect(VERDICT_RATING.false.value).toBe(WORST_RATING);
    expect(VERDICT_RATING.verified.value).toBe(BEST_RATING);
  });

  it('lists as appearances every article that states the same figure', () => {
    const figure = conflict.figures[0];
    const claimRef = figure.claims[0];
    const v = verdicts.find((x) => x.path === claimRef.document && x.claim.start === claimRef.claim.start)!;
    const r = reviews.find((x) => x.url.endsWith('#' + v.annotation.id))!;
    expect(r.itemReviewed.appearance.map((a: any) => a.name)).toEqual(figure.documents);
    // A claim outside every group appears only in its own article.
    const lone = reviews.filter((x) => x.itemReviewed.appearance.length === 1);
    expect(lone.length).toBeGreaterThan(0);
    for (const x of lone) expect(x.url.startsWith(x.itemReviewed.appearance[0].url + '#')).toBe(true);
  });

  it('is JSON-LD with the schema.org context, "News Lens" as the default author, absolute URLs under a base', () => {
    const doc = JSON.parse(exportClaimReview({ ...input, organization: undefined, baseUrl: 'https://desk.example/a/' }));
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph'][0].author.name).toBe('News Lens');
    for (const r of doc['@graph']) {
      expect(new URL(r.url).origin).toBe('https://desk.example');
      for (const a of r.itemReviewed.appearance) expect(a.url.startsWith('https://desk.example/a/seeds/')).toBe(true);
    }
  });
});
