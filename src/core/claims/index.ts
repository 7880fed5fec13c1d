import type { Claim } from '../types';
import type { TextContext } from '../text/context';

/** The article's own date when the text states one (ISO yyyy-mm-dd). (Placeholder.) */
export function articleDate(_ctx: TextContext): string | undefined {
  return undefined;
}

/** Numeric claims. (Placeholder until the claim extractor lands.) */
export function extractClaims(_ctx: TextContext, _entities: readonly import('../types').Entity[], _date?: string): Claim[] {
  return [];
}
