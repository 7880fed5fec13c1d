// One article through the indexer: read (or take the editor's text), hash, look the analysis up
// in the cache, else analyze and digest it and store the result. Runs in a worker thread or, for
// a single re-index, in the calling thread.
import { analyze } from '../core/analyze';
import { digestArticle } from '../core/corpus/digest';
import { AnalysisCache, sha256, type CacheEntry } from './analysisCache';
import { readArticle } from './readArticle';

export interface IndexJob {
  id: number;
  path: string;
  /** The text when it does not come from disk (an unsaved editor). */
  text?: string;
  /** The hash the caller already has for this path: when the text hashes the same, no entry is sent back. */
  knownHash?: string;
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
    if (job.knownHash === hash) return { id: job.id, path: job.path, ok: true, hash, unchanged: true, cached: true, ms: performance.now() - t0 };
    const raw = ctx.cache?.readRaw(hash);
    if (raw && validEntry(raw, hash, ctx.engineVersion)) return { id: job.id, path: job.path, ok: true, hash, cached: true, entry: raw, ms: performance.now() - t0 };
    const analysis = analyze(text);
    const digest = digestArticle(text, analysis);
    const entry: CacheEntry = { engine: ctx.engineVersion, hash, analysis, digest };
    const json = JSON.stringify(entry);
    ctx.cache?.putRaw(hash, json);
    return { id: job.id, path: job.path, ok: true, hash, cached: false, entry: json, ms: performance.now() - t0 };
  } catch (e: any) {
    return { id: job.id, path: job.path, ok: false, error: e?.message ?? String(e), ms: performance.now() - t0 };
  }
}

/** A cheap check that a cached entry belongs to this engine and text, without parsing it all. */
function validEntry(raw: string, hash: string, engine: string): boolean {
  const head = raw.slice(0, 200);
  return head.includes(`"engine":${JSON.stringify(engine)}`) && head.includes(`"hash":"${hash}"`) && raw.endsWith('}');
}
