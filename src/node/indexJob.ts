// One article through the indexer: read (or take the editor's text), hash, look the analysis up
// in the cache, else analyze and digest it and store the result. Runs in a worker thread or, for
// a single re-index, in the calling thread.
import { analyze } from '../core/analyze';
import { digestArticle } from '../core/corpus/digest';
import { AnalysisCache, sha256, slimEntry, type CacheEntry } from './analysisCache';

export { slimEntry } from './analysisCache';
import { readArticle } from './readArticle';

export interface IndexJob {
  id: number;
  path: string;
  /** The text when it does not come from disk (an unsaved editor). */
  text?: string;
  /** The hash the caller already has for this path: when the text hashes the same, no entry is sent back. */
  knownHash?: string;
  /** Send back only what the corpus index keeps (digest and the compared claims), not the whole analysis. */
  slim?: boolean;
  /** Only read and hash the text (to see whether a stored snapshot still holds). */
  hashOnly?: boolean;
  /** The caller reads the entry back from the cache: when it is stored there, send none. */
  stored?: boolean;
}

export type IndexJobResult =
  | { id: number; path: string; ok: true; hash: string; unchanged?: boolean; cached: boolean; entry?: string; ms: number }
  | { id: number; path: string; ok: false; error: string; ms: number };

export interface JobContext {
  cache?: AnalysisCache;
  engineVersion: string;
}

export function runJob(job: IndexJob, ctx: JobContext): IndexJobResult {
  const t0 = performance.now();
  try {
    const text = job.text ?? readArticle(job.path);
    const hash = sha256(text);
    if (job.hashOnly) return { id: job.id, path: job.path, ok: true, hash, cached: true, ms: performance.now() - t0 };
    if (job.knownHash === hash) return { id: job.id, path: job.path, ok: true, hash, unchanged: true, cached: true, ms: performance.now() - t0 };
    const raw = ctx.cache?.readRaw(hash);
    if (raw && validEntry(raw, hash, ctx.engineVersion)) return { id: job.id, path: job.path, ok: true, hash, cached: true, ...(job.stored ? {} : { entry: job.slim ? slimEntry(raw) : raw }), ms: performance.now() - t0 };
    const analysis = analyze(text);
    const digest = digestArticle(text, analysis);
    // The compared claims come before the analysis, so a slim entry is a cut of the string.
    const entry: CacheEntry = { engine: ctx.engineVersion, hash, digest, claims: digest.claims.map((c) => [c.i, analysis.claims[c.i]]), analysis };
    const json = JSON.stringify(entry);
    const stored = !!ctx.cache?.putRaw(hash, json);
    return { id: job.id, path: job.path, ok: true, hash, cached: false, ...(job.stored && stored ? {} : { entry: job.slim ? slimEntry(json) : json }), ms: performance.now() - t0 };
  } catch (e: any) {
    return { id: job.id, path: job.path, ok: false, error: e?.message ?? String(e), ms: performance.now() - t0 };
  }
}

/** A cheap check that a cached entry belongs to this engine and text, without parsing it all. */
function validEntry(raw: string, hash: string, engine: string): boolean {
  const head = raw.slice(0, 200);
  return head.includes(`"engine":${JSON.stringify(engine)}`) && head.includes(`"hash":"${hash}"`) && raw.endsWith('}');
}
