// The one order annotations are kept in, in memory and on disk: by position, then id, so that
// two people adding annotations in different places touch different lines of the sidecar.
import type { Annotation } from './model';

export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sortAnnotations(list: readonly Annotation[]): Annotation[] {
  return [...list].sort(compareAnnotations);
}

/** Later `modified` first; unparseable dates compare as strings so the order stays total. */
export function compareModified(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
  return a < b ? -1 : a > b ? 1 : 0;
}
