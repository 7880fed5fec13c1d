import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { annotationRows, claimCsvRows, exportAnnotationsCsv, exportClaimsCsv, ANNOTATION_COLUMNS, CLAIM_COLUMNS } from '../../../src/core/export';
import { HOSTILE_NOTE, SEEDS_EXIST, seedFixture } from './fixture';

// What a spreadsheet-safe cell looks like: csv-stringify's formula escape prefixes a quote.
const escaped = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v));

describe.skipIf(!SEEDS_EXIST)('CSV export (seeds)', () => {
  const { input, verdicts, conflict } = seedFixture();

  it('annotations CSV parses back to the same rows, one per annotation', () => {
    const csv = exportAnnotationsCsv(input);
    const rows = annotationRows(input);
    const parsed: string[][] = parse(csv, { bom: true, relax_column_count: false });
    expect(parsed[0]).toEqual([...ANNOTATION_COLUMNS]);
    const total = input.articles.reduce((n, a) => n + (a.sidecar?.annotations.length ?? 0), 0);
    expect(parsed.length - 1).toBe(total);
    expect(parsed.slice(1)).toEqual(rows.map((r) => ANNOTATION_COLUMNS.map((c) => escaped(r[c]))));
    // The hostile note survived whole: pipes, quotes, the line break and the emoji.
    expect(parsed.some((r) => r[ANNOTATION_COLUMNS.indexOf('note')] === HOSTILE_NOTE)).toBe(true);
  });

  it('is RFC 4180: CRLF records, quoted fields with doubled quotes and embedded line breaks', () => {
    const csv = exportAnnotationsCsv(input);
    expect(csv.startsWith('article,id,kind,')).toBe(true);
    expect(csv.split('\r\n').length).toBeGreaterThan(10);
    expect(csv).toContain('"Bo ""the checker"", Esq."');
    // The reply-less links cell holds two URLs separated by a line break, inside quotes.
    expect(csv).toContain('"https://example.org/a\nmailto:desk@example.org"');
    const raw: string[][] = parse(exportAnnotationsCsv(input, { escapeFormulas: false }));
    expect(raw.slice(1)).toEqual(annotationRows(input).map((r) => ANNOTATION_COLUMNS.map((c) => String(r[c]))));
  });

  it('writes a UTF-8 BOM only when asked', () => {
    expect(exportAnnotationsCsv(input).charCodeAt(0)).not.toBe(0xfeff);
    const withBom = exportAnnotationsCsv(input, { bom: true });
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(withBom, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parse(withBom, { bom: true })[0][0]).toBe('article');
  });

  it('claims CSV lists every detected claim with value, verdict and conflicts', () => {
    const csv = exportClaimsCsv(input);
    const parsed: string[][] = parse(csv);
    expect(parsed[0]).toEqual([...CLAIM_COLUMNS]);
    const rows = claimCsvRows(input);
    expect(parsed.slice(1)).toEqual(rows.map((r) => CLAIM_COLUMNS.map((c) => escaped(r[c]))));
    const detected = input.articles.reduce((n, a) => n + a.analysis.claims.length, 0);
    const handMarked = input.articles.filter((a) => a.sidecar).length;
    expect(parsed.length - 1).toBe(detected + handMarked);
    const col = (name: (typeof CLAIM_COLUMNS)[number]) => CLAIM_COLUMNS.indexOf(name);
    for (const v of verdicts) {
      const row = parsed.find((r) => r[col('article')] === v.path && r[col('start')] === String(v.claim.start));
      expect(row?.[col('verdict')]).toBe(v.verdict);
      expect(row?.[col('value')]).toBe(String(v.claim.value));
    }
    // The first article's first claim conflicts with what the second article says.
    const [first, second] = conflict.figures;
    const row = parsed.find((r) => r[col('article')] === first.claims[0].document && r[col('start')] === String(first.claims[0].claim.start))!;
    expect(row[col('agreement')]).toBe('conflict');
    expect(row[col('conflicts')]).toBe(`${second.documents[0]}: at least ${second.value}`);
    // Every claim that no one reviewed says so.
    expect(parsed.slice(1).filter((r) => r[col('verdict')] === 'unreviewed').length).toBe(rows.length - verdicts.length);
  });
});
