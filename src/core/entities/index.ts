import type { Entity } from '../types';
import type { TextContext } from '../text/context';

/** People, places and organizations, names only. (Placeholder until the tagger lands.) */
export function extractEntities(_ctx: TextContext): Entity[] {
  return [];
}
