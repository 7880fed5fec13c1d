// Human-readable renderings of analysis values shared by the reports. Locale-free on purpose:
// `toLocaleString` depends on the ICU build, and exports must be byte-for-byte reproducible.
import type { Claim } from '../types';

/** 1234567.5 → "1,234,567.5"; strings (ISO dates and times) as they are. */
export function formatNumber(value: number | string): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  const [int, frac] = String(Math.abs(value)).split('.');
  if (/e/i.test(int)) return String(value);
  let grouped = '';
  for (let i = int.length; i > 0; i -= 3) grouped = int.slice(Math.max(0, i - 3), i) + (grouped ? ',' + grouped : '');
  return (value < 0 ? '-' : '') + grouped + (frac ? '.' + frac : '');
}

/** "at least 9 individuals", "12.5 %", "2024-10-28". */
export function formatClaimValue(claim: Pick<Claim, 'value' | 'unit' | 'approx'>): string {
  const parts = [claim.approx, formatNumber(claim.value), claim.unit].filter((p) => p !== undefined && p !== '');
  return parts.join(' ');
}

/** The date part of an ISO timestamp ("2024-11-02T10:00:00Z" → "2024-11-02"). */
export function isoDate(timestamp: string): string {
  const m = /^\d{4}-\d{2}-\d{2}/.exec(timestamp);
  return m ? m[0] : timestamp;
}
