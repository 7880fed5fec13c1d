import { describe, expect, it } from 'vitest';
import { serializeSidecar } from '../../../src/core/annotations/sidecar';
import { exportJsonBundle, readJsonBundle, BUNDLE_VERSION } from '../../../src/core/export';
import { GENERATED, SEEDS_EXIST, seedFixture } from './fixture';

describe.skipIf(!SEEDS_EXIST)('JSON bundle (seeds)', () => {
  const { input } = seedFixture();
  const text = exportJsonBundle(input);

  it('holds every article’s identity and sidecar, versioned', () => {
    const b = JSON.parse(text);
    expect(b.format).toBe('news-lens-bundle');
    expect(b.version).toBe(BUNDLE_VERSION);
    expect(b.generated).toBe(GENERATED);
    expect(b.documents.map((d: any) => d.path)).toEqual(input.articles.map((a) => a.path).sort());
    for (const a of input.articles) {
      const d = b.documents.find((x: any) => x.path === a.path);
      expect(d.sha256).toBe(a.sha256);
      expect(d.sidecar === null).toBe(!a.sidecar);
      if (a.sidecar) {
        expect(serializeSidecar(d.sidecar)).toBe(serializeSidecar(a.sidecar));
        expect(d.stale).toBe(a.sha256 !== a.sidecar.document.sha256);
      }
    }
    expect(b.documents.filter((d: any) => d.stale)).toHaveLength(1);
  });

  it('reads back, and refuses other formats and newer versions', () => {
    const r = readJsonBundle(text);
    expect(r.ok && r.bundle.documents.length).toBe(input.articles.length);
    expect(readJsonBundle('[]').ok).toBe(false);
    expect(readJsonBundle(JSON.stringify({ ...JSON.parse(text), version: BUNDLE_VERSION + 1 }))).toMatchObject({ ok: false, error: expect.stringMatching(/newer/) });
  });

  it('does not depend on the order articles come in', () => {
    expect(exportJsonBundle({ ...input, articles: [...input.articles].reverse() })).toBe(text);
  });
});
