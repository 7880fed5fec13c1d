import { describe, expect, it } from 'vitest';
import { serializeSidecar } from '../../../src/core/annotations/sidecar';
import { buildWebAnnotationCollection, exportWebAnnotations, importWebAnnotations } from '../../../src/core/export';
import { SEEDS_EXIST, seedFixture, sha256 } from './fixture';

const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];
const isIri = (s: unknown) => typeof s === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(s);

describe.skipIf(!SEEDS_EXIST)('W3C Web Annotation export (seeds)', () => {
  const { input } = seedFixture();
  const collection = buildWebAnnotationCollection(input) as any;
  const items: any[] = collection.first.items;

  it('is an AnnotationCollection with the W3C context and an embedded first page', () => {
    expect(collection['@context'][0]).toBe(ANNO);
    expect(isIri(collection.id)).toBe(true);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.first.partOf).toBe(collection.id);
    expect(collection.first.startIndex).toBe(0);
    const replies = input.articles.flatMap((a) => a.sidecar?.annotations ?? []).reduce((n, a) => n + (a.replies?.length ?? 0), 0);
    const annotations = input.articles.reduce((n, a) => n + (a.sidecar?.annotations.length ?? 0), 0);
    expect(items.length).toBe(annotations + replies);
    expect(collection.total).toBe(items.length);
  });

  it('every annotation has the fields the W3C model requires, with valid selectors and bodies', () => {
    const ids = new Set<string>();
    for (const a of items) {
      expect(isIri(a.id)).toBe(true);
      expect(ids.has(a.id)).toBe(false);
      ids.add(a.id);
      expect(a.type).toBe('Annotation');
      expect(MOTIVATIONS).toContain(a.motivation);
      expect(a.creator.type).toBe('Person');
      expect(typeof a.creator.name).toBe('string');
      expect(a.created).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(a.modified).toMatch(/^\d{4}-\d\d-\d\dT/);
      for (const b of [a.body ?? []].flat()) {
        if (b.type === 'TextualBody') {
          expect(typeof b.value).toBe('string');
          expect(['commenting', 'tagging', 'assessing', 'classifying', 'identifying', 'replying']).toContain(b.purpose);
        } else {
          expect(b.type).toBe('SpecificResource');
          expect(isIri(b.source)).toBe(true);
          expect(b.purpose).toBe('linking');
        }
      }
      if (a.motivation === 'replying') {
        expect(ids.has(a.target)).toBe(true); // a reply follows the annotation it answers
        continue;
      }
      expect(typeof a.target.source).toBe('string');
      const quote = a.target.selector.find((s: any) => s.type === 'TextQuoteSelector');
      const position = a.target.selector.find((s: any) => s.type === 'TextPositionSelector');
      expect(typeof quote.exact).toBe('string');
      expect(Number.isInteger(position.start) && Number.isInteger(position.end) && position.start <= position.end).toBe(true);
      // The selectors agree with the article text.
      const article = input.articles.find((x) => x.path === decodeURIComponent(a.target.source))!;
      expect(article.text.slice(position.start, position.end)).toBe(quote.exact);
      if (quote.prefix) expect(article.text.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
      if (quote.suffix) expect(article.text.slice(position.end, position.end + quote.suffix.length)).toBe(quote.suffix);
    }
    // Claims carry their verdict as an assessing body as well as in the extension.
    const assessed = items.filter((a) => a['newslens:verdict']);
    expect(assessed.length).toBeGreaterThan(0);
    for (const a of assessed) expect(a.body.some((b: any) => b.purpose === 'assessing' && b.value === a['newslens:verdict'])).toBe(true);
  });

  it('round-trips through import to byte-identical sidecars, status and hash included', () => {
    const text = exportWebAnnotations(input);
    const result = importWebAnnotations(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.warnings).toEqual([]);
    const originals = input.articles.filter((a) => a.sidecar).map((a) => serializeSidecar(a.sidecar!));
    expect(result.sidecars.map(serializeSidecar)).toEqual(originals);
    // No sidecar appears for the article that had none.
    expect(result.sidecars.map((s) => s.document.path)).not.toContain('seeds/unannotated.txt');
  });

  it('round-trips with absolute article URLs too', () => {
    const baseUrl = 'https://news.example/articles/';
    const text = exportWebAnnotations({ ...input, baseUrl });
    expect(JSON.parse(text).first.items[0].target.source.startsWith(baseUrl)).toBe(true);
    const result = importWebAnnotations(text, { baseUrl });
    if (!result.ok) throw new Error(result.error);
    expect(result.sidecars.map(serializeSidecar)).toEqual(input.articles.filter((a) => a.sidecar).map((a) => serializeSidecar(a.sidecar!)));
  });
});

describe('W3C Web Annotation import', () => {
  const text = 'The mayor said 40 people attended. The mayor said 40 people attended again.';
  const foreign = {
    '@context': ANNO,
    id: 'https://annotations.example/collection/1',
    type: 'AnnotationCollection',
    first: {
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://annotations.example/anno/abc',
          type: 'Annotation',
          motivation: 'commenting',
          creator: { type: 'Person', nickname: 'kim' },
          created: '2024-01-02T03:04:05Z',
          body: [{ type: 'TextualBody', value: 'Which event?' }, { type: 'TextualBody', value: 'crowd size', purpose: 'tagging' }],
          // Only a quote, second occurrence picked out by its prefix.
          target: { source: 'local/mayor.txt', selector: { type: 'TextQuoteSelector', exact: '40 people', prefix: 'attended. The mayor said ' } },
        },
        {
          id: 'https://annotations.example/anno/def',
          type: 'Annotation',
          motivation: 'assessing',
          created: '2024-01-02T03:04:05Z',
          bodyValue: 'false',
          target: { source: 'local/mayor.txt', selector: [{ type: 'TextPositionSelector', start: 4, end: 9 }] },
        },
      ],
    },
  };

  it('reads another tool’s annotations as notes and claims anchored in the article', () => {
    const result = importWebAnnotations(JSON.stringify(foreign), { article: (p) => (p === 'local/mayor.txt' ? { text, sha256: sha256(text) } : undefined) });
    if (!result.ok) throw new Error(result.error);
    expect(result.sidecars).toHaveLength(1);
    const [s] = result.sidecars;
    expect(s.document).toEqual({ path: 'local/mayor.txt', sha256: sha256(text) });
    const note = s.annotations.find((a) => a.kind === 'note')!;
    expect(note.target.start).toBe(text.lastIndexOf('40 people'));
    expect(note.body).toBe('Which event?');
    expect(note.tags).toEqual(['crowd size']);
    expect(note.author).toBe('kim');
    expect(note.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const claim = s.annotations.find((a) => a.kind === 'claim')!;
    expect(claim.target.exact).toBe('mayor');
    // The same file imported twice gives the same ids.
    const again = importWebAnnotations(JSON.stringify(foreign), { article: () => ({ text, sha256: sha256(text) }) });
    expect(again.ok && again.sidecars[0].annotations.map((a) => a.id)).toEqual(s.annotations.map((a) => a.id));
  });

  it('skips, with a warning, what it cannot anchor', () => {
    const result = importWebAnnotations(JSON.stringify(foreign));
    if (!result.ok) throw new Error(result.error);
    expect(result.sidecars).toEqual([]);
    expect(result.warnings.join('\n')).toMatch(/not at hand/);
  });

  it('refuses what is not a Web Annotation document, and newer extension versions', () => {
    expect(importWebAnnotations('{').ok).toBe(false);
    expect(importWebAnnotations(JSON.stringify({ type: 'AnnotationCollection', first: { items: [] } }))).toMatchObject({ ok: false, error: expect.stringMatching(/@context/) });
    const newer = { ...foreign, '@context': [ANNO, { newslens: 'urn:news-lens:vocab:' }], 'newslens:version': 99 };
    expect(importWebAnnotations(JSON.stringify(newer))).toMatchObject({ ok: false, error: expect.stringMatching(/newer News Lens/) });
  });
});
