import { describe, expect, it } from 'vitest';
import { exportHtmlReport } from '../../../src/core/export';
import { SEEDS_EXIST, seedFixture } from './fixture';

describe.skipIf(!SEEDS_EXIST)('HTML review report (seeds)', () => {
  const { input, conflict } = seedFixture();
  const html = exportHtmlReport(input);

  it('loads nothing from outside: no external URL in any src, href or url()', () => {
    // Attributes of real tags only: escaped user text (&lt;img src=…) is text, not markup.
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    const refs = tags.flatMap((t) => [...t.matchAll(/\s(?:src|href|action|poster|data|xlink:href|srcset|background)\s*=\s*["']?([^"'\s>]*)/gi)].map((m) => m[1]));
    expect(tags.length).toBeGreaterThan(100);
    for (const r of refs) expect(r, r).toMatch(/^(#|data:)/);
    expect(html).not.toMatch(/url\(\s*["']?(?!data:|#)/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<(script|iframe|object|embed|link|img|base|form)\b/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
  });

  it('escapes everything user-provided', () => {
    expect(html).toContain('&lt;script&gt;alert');
    expect(html).toContain('Desk &amp; Co &lt;Fact&gt;');
    expect(html).not.toContain('<em>figure</em>');
    expect(html).toContain('*figure*');
  });

  it('renders the report with a chart per shared figure group', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<h2>Summary</h2>');
    expect(html).toContain('<table>');
    const charts = html.match(/<svg class="chart"/g) ?? [];
    expect(charts).toHaveLength(input.corpus!.claimGroups.length);
    const chart = html.split('</svg>').find((c) => c.includes('<title>test | figure (people): conflict</title>'))!;
    // One bar per statement, the two values in two colours.
    expect(chart.match(/<rect /g)).toHaveLength(conflict.figures.reduce((n, f) => n + f.claims.length, 0));
    expect(new Set(chart.match(/fill="#[0-9a-f]{6}"/g)).size).toBe(2);
  });
});
