import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ENGINE_NAME, ENGINE_VERSION } from '../../core';
import type { CanonicalEntity, CorpusSnapshot, FigureGroup, Topic } from '../../core/corpus/model';
import { CorpusDriver, type IndexProgress } from '../../node/corpusDriver';
import { findArticles } from '../../node/findArticles';
import type { CliCommand } from '../command';

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  usage: 'analyze <file-or-folder...> [--format json|text] [--cache DIR] [--workers N] [--include GLOB] [--exclude GLOB]',
  summary: 'entities, claims, quotes and attributions of articles, linked across them',
  options: {
    format: { type: 'string', default: 'text' },
    include: { type: 'string' },
    exclude: { type: 'string' },
    cache: { type: 'string' },
    workers: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  },
  async run({ positionals, values, out, err }) {
    if (!positionals.length) throw new Error('analyze needs at least one file or folder');
    const format = String(values.format ?? 'text');
    if (format !== 'json' && format !== 'text') throw new Error(`unknown format '${format}' (json or text)`);
    const paths = findArticles(positionals, { include: values.include as string, exclude: values.exclude as string });
    if (!paths.length) throw new Error(`no articles found in ${positionals.join(', ')}`);
    const workers = values.workers !== undefined ? Number(values.workers) : undefined;
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) throw new Error(`--workers takes a whole number, not '${values.workers}'`);

    // The worker bundle sits next to this one (dist/cli.js → dist/index-worker.js).
    const workerScript = join(__dirname, 'index-worker.js');
    const driver = new CorpusDriver({
      ...(existsSync(workerScript) ? { workerScript } : {}),
      ...(workers !== undefined ? { workers } : {}),
      ...(values.cache ? { cacheDir: String(values.cache) } : {}),
      // Text output needs no per-article analyses: keep only what the index needs.
      ...(format === 'text' ? { indexOptions: { keepAnalyses: false } } : {}),
    });
    const bar = process.stderr.isTTY && !values.quiet ? progressBar() : undefined;
    let run;
    try {
      // Text output reads only the snapshot: with a cache, a stored one serves when no file changed.
      run = await driver.indexFiles(paths, { ...(bar ? { onProgress: bar.update } : {}), ...(format === 'text' && values.cache ? { restore: true } : {}) });
    } finally {
      bar?.done();
      await driver.dispose();
    }
    for (const f of run.failed) err(`news-lens: ${f.message.startsWith(f.path) ? f.message : `${f.path}: ${f.message}`}`);
    const snap = driver.snapshot();
    if (!snap.documents.length) {
      err('news-lens: none of the articles could be analyzed');
      return 1;
    }

    if (format === 'json') {
      const documents = snap.documents.map((path) => {
        const a = driver.index.document(path)!.analysis;
        return {
          path,
          entities: a.entities.map((e) => {
            const ce = driver.index.entityAt(path, e.start);
            return ce ? { ...e, id: ce.id } : e;
          }),
          claims: a.claims.map((c, i) => {
            const g = driver.index.groupForClaim(path, i);
            return g ? { ...c, group: g.id } : c;
          }),
          quotes: a.quotes,
          attributions: a.attributions,
          stats: a.stats,
          ...(a.date ? { date: a.date } : {}),
        };
      });
      out(JSON.stringify({ engine: { name: ENGINE_NAME, version: ENGINE_VERSION }, documents, entities: snap.entities, claimGroups: snap.claimGroups, topics: snap.topics }));
    } else {
      for (const line of textReport(snap, run.cached + run.unchanged, run.elapsedMs)) out(line);
    }
    return run.failed.length ? 2 : 0;
  },
};

// ---- text output

const LIMIT = 40;

function textReport(snap: CorpusSnapshot, cached: number, ms: number): string[] {
  // Paths relative to the folder all the articles are in (named once at the top).
  const base = commonFolder(snap.documents);
  const short = (p: string) => {
    const r = relative(base, p);
    return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
  };
  const lines: string[] = [];
  const where = relative(process.cwd(), base) || '.';
  lines.push(`${snap.documents.length} article${snap.documents.length === 1 ? '' : 's'} in ${where.startsWith('..') ? base : where}, analyzed${cached ? ` (${cached} from cache)` : ''} in ${(ms / 1000).toFixed(1)} s`);

  const shared = snap.entities.filter((e) => e.documents.length > 1);
  lines.push('', `Cross-references: ${shared.length} entit${shared.length === 1 ? 'y' : 'ies'} in more than one article`);
  for (const e of shared.slice(0, LIMIT)) lines.push(...entityLines(e, short));
  if (shared.length > LIMIT) lines.push(`  … and ${shared.length - LIMIT} more (--format json lists them all)`);

  const conflicts = snap.claimGroups.filter((g) => g.agreement === 'conflict');
  const distinct = snap.claimGroups.filter((g) => g.agreement === 'distinct');
  const agreeing = snap.claimGroups.filter((g) => g.agreement === 'agree');
  lines.push('', `Figure conflicts: ${conflicts.length}`);
  for (const g of conflicts.slice(0, LIMIT)) lines.push(...groupLines(g, short));
  if (conflicts.length > LIMIT) lines.push(`  … and ${conflicts.length - LIMIT} more`);
  if (distinct.length) {
    lines.push('', `Figures that differ where one is an expectation: ${distinct.length}`);
    for (const g of distinct.slice(0, LIMIT)) lines.push(...groupLines(g, short));
    if (distinct.length > LIMIT) lines.push(`  … and ${distinct.length - LIMIT} more`);
  }
  lines.push('', `Figures reported in several articles: ${agreeing.length}`);
  for (const g of agreeing.slice(0, LIMIT)) lines.push(...groupLines(g, short));
  if (agreeing.length > LIMIT) lines.push(`  … and ${agreeing.length - LIMIT} more`);

  lines.push('', `Topics: ${snap.topics.length}`);
  for (const t of snap.topics.slice(0, LIMIT)) lines.push(...topicLines(t, snap, short));
  if (snap.topics.length > LIMIT) lines.push(`  … and ${snap.topics.length - LIMIT} more`);
  return lines;
}

function commonFolder(paths: readonly string[]): string {
  if (!paths.length) return process.cwd();
  let parts = dirname(paths[0]).split(sep);
  for (const p of paths) {
    const q = dirname(p).split(sep);
    let i = 0;
    while (i < parts.length && i < q.length && parts[i] === q[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
}

const RULE_WORDS: Record<string, string> = {
  exact: 'same name',
  surname: 'surname',
  'name-part': 'part of the name',
  'spelling-variant': 'spelling variant',
  transliteration: 'transliteration',
  alias: 'other name',
  acronym: 'acronym',
  lexicon: 'same entity',
  'place-kind': 'place kind',
};

function entityLines(e: CanonicalEntity, short: (p: string) => string): string[] {
  const docs = e.documents.map(short);
  const out = [`  ${e.name} (${e.type}) — ${docs.length} articles: ${list(docs, 6)}`];
  const variants = e.merges.filter((m) => m.rule !== 'exact').map((m) => `${m.variant} (${RULE_WORDS[m.rule] ?? m.rule})`);
  if (variants.length) out.push(`      also written: ${list(variants, 8)}`);
  return out;
}

function groupLines(g: FigureGroup, short: (p: string) => string): string[] {
  const mark = g.agreement === 'conflict' ? '✗' : g.agreement === 'distinct' ? '≠' : '✓';
  const head = `  ${mark} ${g.subject || '(figure)'}${g.unit && !g.subject.includes(g.unit) ? ` [${g.unit}]` : ''}`;
  const figs = g.figures.map((f) => {
    const text = f.claims[0]?.claim.text.replace(/\s+/g, ' ') ?? String(f.value);
    return `      ${text}${f.expected ? ' (expected)' : ''} — ${list(f.documents.map(short), 4)}`;
  });
  return [head, ...figs];
}

function topicLines(t: Topic, snap: CorpusSnapshot, short: (p: string) => string): string[] {
  const names = t.entities.map((id) => snap.entities.find((e) => e.id === id)?.name).filter(Boolean);
  const terms = t.terms.filter((x) => !names.includes(x));
  return [`  ${t.label} — ${t.documents.length} articles: ${list(t.documents.map(short), 6)}`, `      about: ${list([...names, ...terms] as string[], 8)}`];
}

function list(xs: readonly string[], max: number): string {
  return xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')}, … (${xs.length - max} more)`;
}

// ---- progress on stderr

function progressBar(): { update: (p: IndexProgress) => void; done: () => void } {
  let shown = false;
  const width = 30;
  return {
    update(p) {
      const frac = p.total ? p.done / p.total : 1;
      const filled = Math.round(frac * width);
      const eta = p.etaMs !== undefined && p.done < p.total ? ` · ${formatMs(p.etaMs)} left` : '';
      const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${p.done}/${p.total}${p.cached ? ` (${p.cached} cached)` : ''}${eta}`;
      process.stderr.write(`\r${line}\x1b[K`);
      shown = true;
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

function formatMs(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
