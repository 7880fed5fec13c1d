import type { Attribution, Entity } from '../types';
import type { TextContext } from '../text/context';

/** Who statements are credited to, named or vague. (Placeholder until the extractor lands.) */
export function extractAttributions(_ctx: TextContext, _entities: readonly Entity[]): Attribution[] {
  return [];
}
