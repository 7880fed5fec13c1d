// The per-article analysis cache: one JSON entry per article content, keyed by the sha256 of the
// engine version and the text, in pack files (packStore.ts) under a folder named for the engine
// and digest versions. A new engine finds no entries of its own (and clears the old folders); a
// changed file has a new hash; a deleted file's entry is left for `prune` to remove.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DIGEST_VERSION, type DocumentDigest } from '../core/corpus';
import type { ArticleAnalysis, Attribution, Quote } from '../core/types';
import { ENGINE_VERSION } from '../core/version';
import { PackStore } from './packStore';

export interface CacheEntry {
  engine: string;
  /** sha256 of the article text. */
  hash: string;
  digest: DocumentDigest;
  /** The claims the digest compares, [index in analysis.claims, claim]: what a slim entry keeps. */
  claims?: [number, ArticleAnalysis['claims'][number]][];
  /** Last in the JSON, so a slim entry (without it) is a cut of the text. Absent in slim entries. */
  analysis: ArticleAnalysis;
}

/** The entry without its (last) "analysis" member. JSON escapes quotes in strings, so the key cannot occur inside one. */
export function slimEntry(json: string): string {
  const cut = json.indexOf(',"analysis":');
  return cut < 0 ? json : json.slice(0, cut) + '}';
}

/**
 * An entry's quotes, attributions and figure count, parsed from its end alone (a fifth of the
 * work of parsing it all, for views over every article). The keys are found by their quoted
 * names, which a JSON string cannot contain unescaped; undefined when the entry is not laid out
 * as `runJob` writes it.
 */
export function sourcesOfEntry(raw: string): { quotes: Quote[]; attributions: Attribution[]; claims: number } | undefined {
  const analysis = raw.lastIndexOf(',"analysis":{');
  const claims = analysis < 0 ? -1 : raw.indexOf(',"claims":[', analysis);
  const quotes = raw.lastIndexOf(',"quotes":[');
  const stats = raw.lastIndexOf(',"stats":');
  if (analysis < 0 || claims < 0 || quotes < claims || stats < quotes) return undefined;
  try {
    const part = JSON.parse('{' + raw.slice(quotes + 1, stats) + '}') as { quotes?: Quote[]; attributions?: Attribution[] };
    if (!Array.isArray(part.quotes) || !Array.isArray(part.attributions)) return undefined;
    // Every claim has one "kind": counted, not parsed.
    let n = 0;
    for (let i = raw.indexOf('"kind":', claims); i >= 0 && i < quotes; i = raw.indexOf('"kind":', i + 7)) n++;
    return { quotes: part.quotes, attributions: part.attributions, claims: n };
  } catch {
    return undefined;
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class AnalysisCache {
  readonly dir: string;
  private readonly store: PackStore;

  constructor(
    root: string,
    readonly engineVersion: string = ENGINE_VERSION,
  ) {
    // "-p": entries in packs (a folder of one file per entry, from before, is another layout).
    this.dir = join(root, `engine-${safe(engineVersion)}-digest-${DIGEST_VERSION}-p`);
    this.store = new PackStore(this.dir);
  }

  /** The cache key of an article: sha256 over the engine version and the text's own hash. */
  key(contentHash: string): string {
    return sha256(`${this.engineVersion}\n${DIGEST_VERSION}\n${contentHash}`);
  }

  /** The entry's JSON text, or undefined on a miss. */
  readRaw(contentHash: string): string | undefined {
    return this.store.get(this.key(contentHash));
  }

  get(contentHash: string): CacheEntry | undefined {
    const raw = this.readRaw(contentHash);
    if (!raw) return undefined;
    try {
      const e = JSON.parse(raw) as CacheEntry;
      return e.engine === this.engineVersion && e.hash === contentHash && e.digest?.v === DIGEST_VERSION ? e : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores an entry. Returns its JSON text. */
  put(entry: CacheEntry): string {
    const raw = JSON.stringify(entry);
    this.putRaw(entry.hash, raw);
    return raw;
  }

  /** Stores an entry's JSON text; false when it could not be stored (a cache that cannot be written is only slower). */
  putRaw(contentHash: string, raw: string): boolean {
    return this.store.put(this.key(contentHash), raw);
  }

  has(contentHash: string): boolean {
    return this.store.has(this.key(contentHash));
  }

  /**
   * Removes the folders of other engine or digest versions under the same root, off the calling
   * thread (tens of thousands of files took 2 s to delete, which the extension host's thread
   * would have waited for at the first start after an update). Resolves with the names removed.
   */
  async clearOtherVersions(root: string): Promise<string[]> {
    let names: string[] = [];
    try {
      names = readdirSync(root);
    } catch {
      return [];
    }
    const mine = this.dir.slice(root.length).replace(/^[\\/]+/, '');
    const removed: string[] = [];
    for (const n of names) {
      if (n === mine || !n.startsWith('engine-')) continue;
      try {
        await rm(join(root, n), { recursive: true, force: true });
        removed.push(n);
      } catch {
        // Still in use elsewhere: leave it.
      }
    }
    return removed;
  }

  /** Drops every entry whose content hash is not in `keep` (the packs rewritten without them). Returns how many were dropped. */
  prune(keep: Iterable<string>): number {
    const keys: string[] = [];
    for (const h of keep) keys.push(this.key(h));
    return this.store.compact(keys);
  }

  /** Merges the packs into one when there are more than a few (each run's writers add theirs). */
  tidy(): void {
    this.store.compact(undefined, 8);
  }
}

function safe(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, '_');
}
