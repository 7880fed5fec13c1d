// The corpus index names articles however its driver keys them (the extension and the CLI use
// absolute file paths); exports name them by their path in the workspace or folder, as sidecars
// do. This rewrites a snapshot's document names,
// and narrows it to what concerns the exported articles: an export of three articles keeps the
// figure groups those three take part in (with what the other articles say, which is the point
// of a cross-check) but not the thousands of groups among articles it leaves out.
import type { CorpusSnapshot } from './model';

/**
 * @param name the export name of a document key (called for every key met, memoised here)
 * @param exported the keys of the exported articles; undefined when every indexed article is
 */
export function relabelSnapshot(snapshot: CorpusSnapshot, name: (key: string) => string, exported?: ReadonlySet<string>): CorpusSnapshot {
  const names = new Map<string, string>();
  const n = (key: string) => {
    let v = names.get(key);
    if (v === undefined) names.set(key, (v = name(key)));
    return v;
  };
  const inExport = (key: string) => !exported || exported.has(key);

  const entities = [];
  for (const e of snapshot.entities) {
    const mentions = e.mentions.filter((m) => inExport(m.document)).map((m) => ({ ...m, document: n(m.document) }));
    if (!mentions.length) continue;
    // Field by field: a mirrored entity's fields are getters, which a spread would not copy.
    entities.push({ id: e.id, name: e.name, type: e.type, variants: e.variants, documents: e.documents.filter(inExport).map(n), mentions, merges: e.merges });
  }

  const claimGroups = [];
  for (const g of snapshot.claimGroups) {
    if (exported && !g.figures.some((f) => f.documents.some(inExport))) continue;
    claimGroups.push({
      ...g,
      figures: g.figures.map((f) => ({ ...f, documents: f.documents.map(n), claims: f.claims.map((c) => ({ ...c, document: n(c.document) })) })),
    });
  }

  const topics = [];
  for (const t of snapshot.topics) {
    const documents = t.documents.filter(inExport).map(n);
    if (documents.length) topics.push({ ...t, documents });
  }

  return { documents: snapshot.documents.filter(inExport).map(n), entities, claimGroups, topics };
}
