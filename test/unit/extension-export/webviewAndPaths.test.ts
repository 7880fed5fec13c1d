// The vscode-free parts of the export feature: the report page made fit for a webview (one strict
// policy, nonce on every style, nothing remote even from hostile notes), and the corpus
// snapshot renamed to workspace paths and narrowed to the exported articles.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core';
import { createAnnotation } from '../../../src/core/annotations';
import type { CorpusSnapshot, FigureGroup } from '../../../src/core/corpus/model';
import { exportHtmlReport, type ExportInput } from '../../../src/core/export';
import { relabelSnapshot } from '../../../src/core/corpus/relabel';
import { reportCsp, webviewMessageHtml, webviewReportHtml } from '../../../src/extension/export/webviewHtml';

const TEXT = 'Port strike\n\nThe union said 1,200 workers walked out on Monday.\n\nAnna Berg said talks in Rotterdam had stalled.\n';
const HOSTILE = 'See <script>alert(1)</script> ![x](https://tracker.example/p.png) <img src="https://tracker.example/i.png"> [l](https://evil.example/)';
const NONCE = 'abcDEF123_-xyz';

function input(): ExportInput {
  const start = TEXT.indexOf('Anna Berg');
  const note = createAnnotation({ id: '00000000-0000-4000-8000-000000000001', kind: 'note', text: TEXT, start, end: start + 9, author: 'Tester', body: HOSTILE, now: '2024-11-05T12:00:00.000Z' });
  return {
    generated: '2024-11-05T12:00:00.000Z',
    organization: 'Desk',
    articles: [
      {
        path: 'news/port.txt',
        text: TEXT,
        analysis: analyze(TEXT),
        sidecar: { version: 1, document: { path: 'news/port.txt', sha256: 'x' }, status: 'in-review', annotations: [note] } as any,
      },
    ],
  };
}

describe('webviewReportHtml', () => {
  const html = webviewReportHtml(exportHtmlReport(input()), NONCE);

  it('carries exactly one policy, first in <head>, nonce-only for styles, no scripts', () => {
    const metas = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g) ?? [];
    expect(metas).toHaveLength(1);
    expect(metas[0]!).toContain(reportCsp(NONCE));
    expect(html.indexOf(metas[0]!)).toBeLessThan(html.indexOf('<style'));
    expect(reportCsp(NONCE)).toMatch(/^default-src 'none'; style-src 'nonce-abcDEF123_-xyz'; img-src data:;/);
    expect(reportCsp(NONCE)).not.toMatch(/unsafe|https?:/);
  });

  it('puts the nonce on every style element, the theme colours included', () => {
    const styles = html.match(/<style[^>]*>/g) ?? [];
    expect(styles.length).toBeGreaterThanOrEqual(2);
    for (const s of styles) expect(s).toBe(`<style nonce="${NONCE}">`);
    expect(html).toContain('--vscode-editor-foreground');
  });

  it('leaves hostile notes inert: no script, no remote src/href', () => {
    expect(html).toContain('Anna Berg');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
  });

  it('also secures a page that had no policy or head', () => {
    const out = webviewReportHtml('<p>hi</p><style>p{}</style>', NONCE);
    expect(out.startsWith('<meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(out).toContain(`<style nonce="${NONCE}">p{}`);
  });

  it('escapes the message page', () => {
    const out = webviewMessageHtml('T', '<b>x</b> & "y"', NONCE);
    expect(out).toContain('&#60;b&#62;x&#60;/b&#62; &#38; &#34;y&#34;');
    expect(out).not.toContain('<b>');
  });
});

describe('relabelSnapshot', () => {
  const claim = { text: 'c', start: 0, end: 1, kind: 'count', value: 1 } as any;
  const group = (id: string, docs: string[]): FigureGroup => ({
    id,
    subject: id,
    agreement: 'conflict',
    figures: docs.map((d, i) => ({ value: i + 1, documents: [d], claims: [{ document: d, index: 0, claim }] })),
  });
  const snapshot: CorpusSnapshot = {
    documents: ['/w/a.txt', '/w/b.txt', '/w/c.txt'],
    entities: [
      { id: 'e1', name: 'Anna Berg', type: 'person', variants: [], documents: ['/w/a.txt', '/w/c.txt'], mentions: [{ document: '/w/a.txt', start: 0, end: 4, text: 'Anna' }, { document: '/w/c.txt', start: 5, end: 9, text: 'Anna' }], merges: [] },
      { id: 'e2', name: 'Rotterdam', type: 'place', variants: [], documents: ['/w/c.txt'], mentions: [{ document: '/w/c.txt', start: 0, end: 9, text: 'Rotterdam' }], merges: [] },
    ],
    claimGroups: [group('g1', ['/w/a.txt', '/w/b.txt']), group('g2', ['/w/b.txt', '/w/c.txt'])],
    topics: [{ id: 't', label: 't', documents: ['/w/a.txt', '/w/c.txt'], terms: [], entities: [] }, { id: 'u', label: 'u', documents: ['/w/c.txt'], terms: [], entities: [] }],
  };
  const name = (k: string) => k.replace('/w/', 'news/');

  it('renames every document when the whole corpus is exported', () => {
    const out = relabelSnapshot(snapshot, name);
    expect(out.documents).toEqual(['news/a.txt', 'news/b.txt', 'news/c.txt']);
    expect(out.claimGroups).toHaveLength(2);
    expect(out.claimGroups[1].figures.flatMap((f) => f.claims.map((c) => c.document))).toEqual(['news/b.txt', 'news/c.txt']);
    expect(JSON.stringify(out)).not.toContain('/w/');
  });

  it('keeps what concerns the exported articles, with what the others say about their figures', () => {
    const out = relabelSnapshot(snapshot, name, new Set(['/w/a.txt']));
    expect(out.documents).toEqual(['news/a.txt']);
    expect(out.claimGroups.map((g) => g.id)).toEqual(['g1']);
    expect(out.claimGroups[0].figures.flatMap((f) => f.documents)).toEqual(['news/a.txt', 'news/b.txt']);
    expect(out.entities.map((e) => e.id)).toEqual(['e1']);
    expect(out.entities[0].mentions.map((m) => m.document)).toEqual(['news/a.txt']);
    expect(out.topics.map((t) => [t.id, t.documents])).toEqual([['t', ['news/a.txt']]]);
  });
});
