// The owner of the live corpus index. The driver runs it in a worker thread of its own (with a
// bounded heap, so the fill and refresh garbage is collected as it is made, and the extension
// host's thread never does that work) or, without a worker bundle, in the calling thread.
// It takes analyses (or reads them from the cache), removes articles, stores the snapshot, and
// answers each change with a delta for the driver's mirrored snapshot. It never analyzes an
// article itself, so its thread does not load the language engine.
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { CorpusIndex, type CorpusIndexOptions } from '../core/corpus';
import { MirrorSource, type MirrorSeed, type SnapshotDelta } from '../core/corpus/mirror';
import type { ArticleAnalysis } from '../core/types';
import { AnalysisCache, slimEntry, type CacheEntry } from './analysisCache';
import type { IndexJobResult } from './indexJob';

export interface HostInit {
  cacheDir?: string;
  engineVersion: string;
  indexOptions?: CorpusIndexOptions;
  /** What the driver's mirror already holds (a stored snapshot read back). */
  seed?: MirrorSeed;
  /** Articles about to be added (a first fill), so the index can size its arrays for them. */
  expected?: number;
}

export interface Accepted {
  /** Articles now indexed, with their hashes. */
  indexed: [string, string][];
  cached: number;
  analyzed: number;
  unchanged: number;
  failed: { path: string; message: string }[];
  /** Articles whose analysis was to be read from the cache but is not there: the caller analyzes them. */
  missing: string[];
}

/** The host's operations: each is a message when the host runs in a worker. */
export interface HostApi {
  accept(results: IndexJobResult[]): Accepted;
  remove(paths: string[]): string[];
  saveState(key: string, file: string): boolean;
  sync(): SnapshotDelta;
}

export class IndexHost implements HostApi {
  readonly index: CorpusIndex;
  private readonly cache: AnalysisCache | undefined;
  private readonly source: MirrorSource;
  private readonly slim: boolean;

  constructor(init: HostInit) {
    this.index = new CorpusIndex(init.indexOptions);
    if (init.expected) this.index.expect(init.expected);
    this.slim = init.indexOptions?.keepAnalyses === false;
    this.cache = init.cacheDir ? new AnalysisCache(init.cacheDir, init.engineVersion) : undefined;
    this.source = new MirrorSource(init.seed);
  }

  accept(results: IndexJobResult[]): Accepted {
    const out: Accepted = { indexed: [], cached: 0, analyzed: 0, unchanged: 0, failed: [], missing: [] };
    for (const r of results) this.take(r, out);
    return out;
  }

  remove(paths: string[]): string[] {
    return paths.filter((p) => this.index.remove(p));
  }

  /** Stores the snapshot for a later run to read back, written a piece at a time and renamed into place. */
  saveState(key: string, file: string): boolean {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      const fd = openSync(tmp, 'w');
      try {
        this.index.writeState(key, (chunk) => writeSync(fd, chunk));
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, file);
      // The end of a run: a moment, on this thread, to merge the cache's packs if they are many.
      this.cache?.tidy();
      return true;
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing to clean up
      }
      return false;
    }
  }

  sync(): SnapshotDelta {
    // The articles are in when their changes are asked for: the interning table has done its
    // work, and goes before the refresh, the fullest moment of this thread (3.5 MB on Reuters).
    this.index.forgetInterned();
    return this.source.delta(this.index.snapshot(), (e, emit) => this.index.readMentions(e, emit));
  }

  private take(r: IndexJobResult, out: Accepted): void {
    if (!r.ok) {
      out.failed.push({ path: r.path, message: r.error });
      return;
    }
    if (r.unchanged) {
      out.unchanged++;
      return;
    }
    let raw = r.entry ?? this.cache?.readRaw(r.hash);
    if (raw === undefined) {
      // Stored in the cache by a worker, but not there after all (pruned meanwhile, or it could not be written).
      out.missing.push(r.path);
      return;
    }
    if (this.slim) raw = slimEntry(raw);
    let entry: CacheEntry;
    try {
      entry = JSON.parse(raw) as CacheEntry;
    } catch (e: any) {
      out.failed.push({ path: r.path, message: `bad analysis (${e?.message ?? e})` });
      return;
    }
    let analysis = entry.analysis;
    if (!analysis) {
      // A slim entry: the compared claims at their indexes, nothing else.
      const claims: ArticleAnalysis['claims'] = [];
      for (const [i, c] of entry.claims ?? []) claims[i] = c;
      analysis = { entities: [], claims, quotes: [], attributions: [], stats: { words: 0, sentences: 0, paragraphs: 0 } };
    }
    this.index.set({ path: r.path, hash: r.hash, analysis, digest: entry.digest, force: true });
    out.indexed.push([r.path, r.hash]);
    if (r.cached) out.cached++;
    else out.analyzed++;
  }
}
