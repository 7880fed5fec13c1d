// What the views read of each article's analysis (quotes, attributions, how many figures), kept
// by content hash. Whole analyses come from the index's cache on disk: a view over every article
// (Sources) reads each one once, not on every refresh.
import { sourcesOfAnalysis, type CorpusLookups } from '../../../core/corpus/view';
import type { ArticleSourcesData } from './corpusData';

export class SourcesCache {
  private kept = new Map<string, { hash: string; data: ArticleSourcesData }>();

  get(index: CorpusLookups, doc: string): ArticleSourcesData | undefined {
    const hash = index.hashOf(doc);
    if (!hash) {
      this.kept.delete(doc);
      return undefined;
    }
    const kept = this.kept.get(doc);
    if (kept?.hash === hash) return kept.data;
    const a = index.sources ? undefined : index.document(doc)?.analysis;
    const data = index.sources ? index.sources(doc) : a && sourcesOfAnalysis(a);
    if (!data) return undefined;
    // Articles taken out of the index since are let go now and then.
    if (this.kept.size > index.size + 64) for (const d of this.kept.keys()) if (!index.has(d)) this.kept.delete(d);
    this.kept.set(doc, { hash, data });
    return data;
  }
}
