// Articles made by hand for the corpus index tests: the text, and the entities and claims an
// analysis would give, placed at their offsets (the n-th occurrence of each phrase).
import { CorpusIndex, type CorpusIndexOptions } from '../../../src/core/corpus';
import type { ArticleAnalysis, Claim, ClaimKind, Entity, EntityType } from '../../../src/core/types';

export type E = [text: string, type: EntityType, canonical?: string];

export interface C {
  text: string;
  value: number | string;
  kind?: ClaimKind;
  unit?: string;
  approx?: string;
  subject?: string;
  expected?: boolean;
}

/** Every occurrence of each entity phrase (as a whole word) becomes a mention. */
export function article(text: string, entities: E[], claims: C[] = []): { text: string; analysis: ArticleAnalysis } {
  const ents: Entity[] = [];
  for (const [t, type, canonical] of entities) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    let m: RegExpExecArray | null;
    let found = false;
    while ((m = re.exec(text))) {
      // A shorter name inside a longer one already listed is not a mention of its own.
      const start = m.index, end = start + t.length;
      if (ents.some((e) => e.start <= start && end <= e.end)) continue;
      ents.push({ text: t, type, start, end, ...(canonical ? { canonical } : {}) });
      found = true;
    }
    if (!found) throw new Error(`"${t}" is not in the text`);
  }
  ents.sort((a, b) => a.start - b.start);
  const cls: Claim[] = claims.map((c) => {
    const start = text.indexOf(c.text);
    if (start < 0) throw new Error(`"${c.text}" is not in the text`);
    return {
      start,
      end: start + c.text.length,
      text: c.text,
      kind: c.kind ?? 'count',
      value: c.value,
      ...(c.unit ? { unit: c.unit } : {}),
      ...(c.approx ? { approx: c.approx } : {}),
      ...(c.subject ? { subject: c.subject } : {}),
      ...(c.expected ? { expected: true } : {}),
    };
  });
  return {
    text,
    analysis: { entities: ents, claims: cls, quotes: [], attributions: [], stats: { words: text.split(/\s+/).length, sentences: 1, paragraphs: 1 } },
  };
}

export function indexOf(docs: Record<string, ReturnType<typeof article>>, opts?: CorpusIndexOptions): CorpusIndex {
  const index = new CorpusIndex(opts);
  for (const [path, d] of Object.entries(docs)) index.set({ path, hash: path + ':' + d.text.length, analysis: d.analysis, text: d.text });
  return index;
}

/** The entity whose name or variants include `name`. */
export function entityNamed(index: CorpusIndex, name: string) {
  return index.snapshot().entities.filter((e) => e.name === name || e.variants.includes(name));
}
