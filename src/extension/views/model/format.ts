// Short labels for counts, figures and spans, shared by the view models.
import type { EntityType } from '../../../core/types';

export const count = (n: number, one: string, many = one + 's') => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export const TYPE_LABEL: Record<EntityType, string> = { person: 'People', place: 'Places', organization: 'Organizations' };
export const TYPE_ICON: Record<EntityType, string> = { person: 'person', place: 'location', organization: 'organization' };
export const ENTITY_TYPES: EntityType[] = ['person', 'place', 'organization'];

/** "10,000", "3.5", or an ISO date as it is. */
export function formatValue(value: number | string): string {
  if (typeof value === 'string') return value;
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** The line of `text` around [start, end), trimmed to about `width` characters, for a mention's context. */
export function lineContext(text: string, start: number, end: number, width = 100): string {
  let a = text.lastIndexOf('\n', start - 1) + 1;
  let b = text.indexOf('\n', end);
  if (b < 0) b = text.length;
  const room = Math.max(0, width - (end - start));
  let pre = '', post = '';
  if (start - a > room / 2) {
    a = start - Math.floor(room / 2);
    pre = '…';
  }
  if (b - end > room - (start - a)) {
    b = end + Math.max(0, room - (start - a));
    post = '…';
  }
  return (pre + text.slice(a, b) + post).replace(/\s+/g, ' ').trim();
}

/** Clips a label to `max` characters. */
export function clip(s: string, max = 80): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

/** Case- and accent-insensitive key for text filters. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
