// Orders shared by the views: by name, by number of articles, by first appearance.
import type { SortMode } from './lazyTree';
import { fold } from './format';

export interface Sortable<T> {
  name(item: T): string;
  articles(item: T): number;
  /** [document order, offset] of the first appearance. */
  first(item: T): [number, number];
}

export function sortItems<T>(items: readonly T[], mode: SortMode, by: Sortable<T>): T[] {
  // Keys are computed once per item: sorting 100,000 entities must stay well under a second.
  const keyed = items.map((item, i) => ({ item, i, k: key(item, mode, by) }));
  keyed.sort((a, b) => cmp(a.k, b.k) || a.i - b.i);
  return keyed.map((x) => x.item);
}

function key<T>(item: T, mode: SortMode, by: Sortable<T>): (string | number)[] {
  if (mode === 'name') return [fold(by.name(item))];
  // Ties keep the list's own order (document order): folding every name costs more than it helps.
  if (mode === 'articles') return [-by.articles(item)];
  return by.first(item);
}

function cmp(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/** Whether `item`'s names contain the filter text (case- and accent-insensitive). */
export function matchesText(text: string, ...names: string[]): boolean {
  if (!text) return true;
  const t = fold(text);
  return names.some((n) => fold(n).includes(t));
}

/** The [start, end) of the filter text in a label, to highlight it. */
export function highlightOf(label: string, text: string): [number, number] | undefined {
  if (!text) return undefined;
  const i = fold(label).indexOf(fold(text));
  return i < 0 ? undefined : [i, i + text.length];
}
