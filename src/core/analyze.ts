// The one entry point of the analysis engine: pure, deterministic, offsets in UTF-16 units.
import { extractAttributions } from './attributions';
import { articleDate, extractClaims } from './claims';
import { extractEntities } from './entities';
import { extractQuotes } from './quotes';
import { makeContext } from './text/context';
import { articleStats } from './text/stats';
import type { AnalyzeOptions, ArticleAnalysis } from './types';

export function analyze(text: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  const ctx = makeContext(text, options.hardWrapped);
  const entities = extractEntities(ctx);
  const date = options.date ?? articleDate(ctx);
  const claims = extractClaims(ctx, entities, date);
  const quotes = extractQuotes(ctx, entities);
  const attributions = extractAttributions(ctx, entities);
  const stats = articleStats(text);
  return { entities, claims, quotes, attributions, stats, ...(date ? { date } : {}) };
}
