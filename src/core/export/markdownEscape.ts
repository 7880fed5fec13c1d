// Makes user text (quotes, notes, names, paths) inert in Markdown: it shows as typed and can
// neither break a table nor become a link, an emphasis, a heading or raw HTML.

// The marks that open or close inline syntax (code, emphasis, links, raw HTML and autolinks,
// strikethrough), `|` for GFM tables, `&` where it would start a character reference, and the
// `:` of `://` and `.` of `www.` that start GFM's bare-URL autolinks. Marks that only act at the
// start of a line (# - + 1.) are safe because user text never starts one.
const INLINE_SPECIAL = /[\\`*_[\]<>|~]|&(?=#?[a-z0-9]+;)|:(?=\/\/)|(?<=\bwww)\./gi;

/** One line of inert inline text: line breaks become spaces, so it fits a table cell or list item.
 * Callers never put it at the start of a line (a prefix such as "- " or "| " comes first). */
export function mdText(value: string): string {
  return value
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(INLINE_SPECIAL, '\\$&');
}

/** A table cell: inert text, never empty (an empty cell is fine but "—" reads better). */
export function mdCell(value: string | number | undefined, empty = '—'): string {
  const s = value === undefined ? '' : String(value);
  return s.trim() ? mdText(s) : empty;
}

/** A GFM table; every cell must already be escaped. */
export function mdTable(header: string[], rows: string[][], align?: ('left' | 'right')[]): string {
  const sep = header.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(sep), ...rows.map(line)].join('\n');
}
