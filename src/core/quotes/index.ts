import type { Entity, Quote } from '../types';
import type { TextContext } from '../text/context';

/** Quoted speech with speakers. (Placeholder until the quote extractor lands.) */
export function extractQuotes(_ctx: TextContext, _entities: readonly Entity[]): Quote[] {
  return [];
}
