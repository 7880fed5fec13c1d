// Property: any valid sidecar survives export → import byte for byte (serializeSidecar).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeSidecar, type Annotation, type Sidecar } from '../../../src/core/annotations';
import { ARTICLE_STATUSES, VERDICTS } from '../../../src/core/annotations/model';
import { exportWebAnnotations, importWebAnnotations, type ExportArticle } from '../../../src/core/export';

const time = fc.integer({ min: 0, max: 4102444800000 }).map((t) => new Date(t).toISOString());
const uuid = fc.uuid();
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const url = fc.webUrl();
const ctx = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.slice(0, 32));

const base = fc.record({
  id: uuid,
  created: time,
  modified: time,
  author: text,
  start: fc.nat(5000),
  len: fc.nat(200),
  exact: text,
  prefix: ctx,
  suffix: ctx,
  body: text,
  tags: fc.array(text.filter((t) => t.length > 0), { maxLength: 3 }),
  links: fc.array(url, { maxLength: 2 }),
  replies: fc.option(fc.array(fc.record({ id: uuid, author: text, created: time, modified: time, body: text }), { maxLength: 2 }), { nil: undefined }),
  anchorScore: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});

const annotation: fc.Arbitrary<Annotation> = fc
  .tuple(
    base,
    fc.oneof(
      fc.record({ kind: fc.constant('note' as const), status: fc.option(fc.constantFrom('open' as const, 'resolved' as const), { nil: undefined }) }),
      fc.record({ kind: fc.constantFrom('claim' as const, 'quote' as const), verdict: fc.option(fc.constantFrom(...VERDICTS), { nil: undefined }) }),
      fc.record({
        kind: fc.constant('entity' as const),
        type: fc.option(fc.constantFrom('person' as const, 'place' as const, 'organization' as const), { nil: undefined }),
        name: fc.option(text.filter((t) => t.length > 0), { nil: undefined }),
        rejected: fc.option(fc.boolean(), { nil: undefined }),
      }),
    ),
  )
  .map(([b, k]) => {
    const a: any = {
      id: b.id,
      created: b.created,
      modified: b.modified,
      author: b.author,
      kind: k.kind,
      target: { start: b.start, end: b.start + b.len, exact: b.exact, prefix: b.prefix, suffix: b.suffix },
      body: b.body,
      tags: b.tags,
      links: b.links,
    };
    for (const [key, v] of Object.entries(k)) if (key !== 'kind' && v !== undefined) a[key] = v;
    if (b.replies) a.replies = b.replies;
    if (b.anchorScore !== undefined) a.anchorScore = b.anchorScore;
    return a as Annotation;
  });

const sidecars = fc.uniqueArray(
  fc.record({
    path: fc.stringMatching(/^[a-zA-Z0-9 _#%?-]{1,12}(\/[a-zA-Z0-9 ._-]{1,8})?\.txt$/),
    sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
    status: fc.constantFrom(...ARTICLE_STATUSES),
    annotations: fc.uniqueArray(annotation, { selector: (a) => a.id, maxLength: 6 }),
  }),
  { selector: (s) => s.path, minLength: 1, maxLength: 4 },
);

describe('Web Annotation round trip (property)', () => {
  it('export → import gives byte-identical sidecars', () => {
    fc.assert(
      fc.property(sidecars, fc.option(fc.constant('https://news.example/a/'), { nil: undefined }), (docs, baseUrl) => {
        // Annotation (and reply) ids are unique across the whole export, as UUIDs are.
        const ids = docs.flatMap((d) => d.annotations.flatMap((a) => [a.id, ...(a.replies ?? []).map((r) => r.id)]));
        fc.pre(new Set(ids).size === ids.length);
        const articles: ExportArticle[] = docs.map((d) => {
          const sidecar: Sidecar = { version: 1, document: { path: d.path, sha256: d.sha256 }, status: d.status, annotations: d.annotations };
          return { path: d.path, text: '', analysis: { entities: [], claims: [], quotes: [], attributions: [], stats: { words: 0, sentences: 0, paragraphs: 0 } }, sidecar };
        });
        const result = importWebAnnotations(exportWebAnnotations({ articles, generated: '2024-01-01T00:00:00.000Z', ...(baseUrl ? { baseUrl } : {}) }), { baseUrl });
        if (!result.ok) throw new Error(result.error);
        const byPath = new Map(result.sidecars.map((s, i) => [result.locations[i], serializeSidecar(s)]));
        for (const a of articles) expect(byPath.get(a.path)).toBe(serializeSidecar(a.sidecar!));
      }),
      { numRuns: 200 },
    );
  });
});
