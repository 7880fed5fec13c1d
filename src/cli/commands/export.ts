// `news-lens export FOLDER --format …`: the folder's review leaves the editor as a bundle, CSV,
// a Markdown or HTML report, W3C Web Annotations or schema.org ClaimReview.
//
// CSV is two tables. With --out FILE the annotations go to FILE and the claims to FILE's name with
// `.claims.csv` (report.csv → report.claims.csv). Without --out one table goes to stdout, the
// annotations unless `--table claims`, so the output is always one well-formed CSV.
import { relabelSnapshot } from '../../core/corpus/relabel';
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { analyze } from '../../core';
import type { CorpusSnapshot } from '../../core/corpus/model';
import { anchorAll, formatSidecarError, sidecarPathFor } from '../../core/annotations';
import {
  exportAnnotationsCsv,
  exportClaimReview,
  exportClaimsCsv,
  exportHtmlReport,
  exportJsonBundle,
  exportMarkdownReport,
  exportWebAnnotations,
  type ExportArticle,
  type ExportInput,
} from '../../core/export';
import { CorpusDriver } from '../../node/corpusDriver';
import { findArticles } from '../../node/findArticles';
import { readArticle } from '../../node/readArticle';
import { readSidecar, sha256Text } from '../../node/sidecarFiles';
import type { CliCommand } from '../command';

export const EXPORT_FORMATS = ['json', 'csv', 'md', 'html', 'webannotation', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface LoadOptions {
  include?: string;
  exclude?: string;
  /** Analysis cache folder (as `analyze --cache`). */
  cacheDir?: string;
  /** Worker threads for the analysis; default one per core. */
  workers?: number;
}

export interface LoadedFolder {
  articles: ExportArticle[];
  /** Figure groups, canonical entities and topics across the folder, named by `articles[].path`. */
  corpus: CorpusSnapshot;
  /** One line per article or sidecar that could not be read; those are left out of the export. */
  problems: string[];
  /** Things the sidecar loader fixed in memory (e.g. a duplicate left by a git merge). */
  warnings: string[];
}

/** Analyzes and indexes every article of `folder` (with the corpus driver, its workers and cache)
 * and reads each sidecar, anchored against the current text. Paths are relative to `folder`,
 * forward slashes, in the articles and in the corpus snapshot alike. */
export async function loadFolder(folder: string, options: LoadOptions = {}): Promise<LoadedFolder> {
  const root = resolve(folder);
  const files = findArticles([root], options);
  const problems: string[] = [];
  const warnings: string[] = [];
  // The worker bundle sits next to this one (dist/cli.js → dist/index-worker.js); under tests,
  // without it, the driver analyzes in this thread.
  const workerScript = join(__dirname, 'index-worker.js');
  const driver = new CorpusDriver({
    ...(existsSync(workerScript) ? { workerScript } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  });
  try {
    const run = await driver.indexFiles(files);
    for (const f of run.failed) problems.push(f.message.startsWith(f.path) ? f.message : `${f.path}: ${f.message}`);
  } finally {
    await driver.dispose();
  }
  const rel = (file: string) => relative(root, file).split(sep).join('/');
  const articles: ExportArticle[] = [];
  for (const file of files) {
    const indexed = driver.index.document(file);
    if (!indexed) continue;
    let text: string;
    try {
      text = readArticle(file);
    } catch (e: any) {
      problems.push(e?.message ?? String(e));
      continue;
    }
    const sha256 = sha256Text(text);
    const loaded = readSidecar(sidecarPathFor(file));
    if (loaded.kind === 'invalid') {
      // Exporting the article without its annotations would look like a review that never happened.
      problems.push(`${formatSidecarError(loaded.error)} (article left out of the export)`);
      continue;
    }
    for (const w of loaded.kind === 'ok' ? loaded.warnings : []) warnings.push(`${w.file}: ${w.field ? w.field + ': ' : ''}${w.message}`);
    const sidecar = loaded.kind === 'ok' ? loaded.sidecar : undefined;
    articles.push({
      path: rel(file),
      text,
      sha256,
      // The file changed while the folder was indexed: analyze what we export.
      analysis: indexed.hash === sha256 ? indexed.analysis : analyze(text),
      ...(sidecar ? { sidecar, anchored: anchorAll(sidecar, text) } : {}),
    });
  }
  return { articles, corpus: relabelSnapshot(driver.snapshot(), rel), problems, warnings };
}

/** The snapshot with every document name passed through `rename`. */
/** The export time: --generated, else SOURCE_DATE_EPOCH (reproducible builds), else now. */
export function exportTime(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (given) {
    const t = Date.parse(given);
    if (Number.isNaN(t)) throw new Error(`--generated must be an ISO 8601 date and time, got ${JSON.stringify(given)}`);
    return new Date(t).toISOString();
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

export function claimsCsvPath(out: string): string {
  const name = basename(out).replace(/\.csv$/i, '');
  return join(dirname(out), `${name}.claims.csv`);
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export <folder> --format json|csv|md|html|webannotation|claimreview [--out FILE] [--bom] [--organization NAME]',
  summary: 'the folder\'s annotations and analysis as a bundle, CSV, report, Web Annotations or ClaimReview',
  options: {
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    bom: { type: 'boolean' },
    raw: { type: 'boolean' },
    table: { type: 'string' },
    organization: { type: 'string' },
    'base-url': { type: 'string' },
    'annotated-only': { type: 'boolean' },
    'all-articles': { type: 'boolean' },
    cache: { type: 'string' },
    workers: { type: 'string' },
    generated: { type: 'string' },
    include: { type: 'string' },
    exclude: { type: 'string' },
  },
  async run({ positionals, values, out, err }) {
    if (positionals.length !== 1) throw new Error('export takes exactly one folder');
    const format = values.format as ExportFormat | undefined;
    if (!format || !EXPORT_FORMATS.includes(format)) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}${format ? `, not ${format}` : ''}`);
    const table = (values.table as string | undefined) ?? (values.out ? 'both' : 'annotations');
    if (!['annotations', 'claims', 'both'].includes(table)) throw new Error(`--table must be annotations, claims or both, not ${table}`);
    if (table === 'both' && !values.out) throw new Error('--table both needs --out FILE (the claims go beside it as FILE.claims.csv)');
    const baseUrl = values['base-url'] as string | undefined;
    if (baseUrl && !/^[a-z][a-z0-9+.-]*:\/\/\S+\/$/i.test(baseUrl)) throw new Error('--base-url must be an absolute URL ending with "/"');

    const workers = values.workers !== undefined ? Number(values.workers) : undefined;
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) throw new Error(`--workers takes a whole number, not '${values.workers}'`);

    const folder = positionals[0];
    const { articles, corpus, problems, warnings } = await loadFolder(folder, {
      include: values.include as string,
      exclude: values.exclude as string,
      ...(values.cache ? { cacheDir: String(values.cache) } : {}),
      ...(workers !== undefined ? { workers } : {}),
    });
    for (const p of [...problems, ...warnings]) err(`news-lens export: ${p}`);
    if (!articles.length) throw new Error(`no articles to export in ${folder}`);
    const input: ExportInput = {
      articles,
      corpus,
      generated: exportTime(values.generated as string | undefined),
      ...(values.organization ? { organization: values.organization as string } : {}),
      ...(baseUrl ? { baseUrl } : {}),
    };
    const csv = { bom: !!values.bom, escapeFormulas: !values.raw };
    // Reports: a full section per article up to 500 articles; beyond, for the articles with
    // annotations or conflicting figures, the rest in brief (--all-articles / --annotated-only).
    const report = { articles: values['annotated-only'] ? ('annotated' as const) : values['all-articles'] ? ('all' as const) : ('auto' as const) };

    const outputs: { file?: string; text: string }[] = [];
    const outFile = values.out as string | undefined;
    switch (format) {
      case 'json':
        outputs.push({ file: outFile, text: exportJsonBundle(input) });
        break;
      case 'csv':
        if (table !== 'claims') outputs.push({ file: outFile, text: exportAnnotationsCsv(input, csv) });
        if (table !== 'annotations') outputs.push({ file: outFile && (table === 'both' ? claimsCsvPath(outFile) : outFile), text: exportClaimsCsv(input, csv) });
        break;
      case 'md':
        outputs.push({ file: outFile, text: exportMarkdownReport(input, report) });
        break;
      case 'html':
        outputs.push({ file: outFile, text: exportHtmlReport(input, report) });
        break;
      case 'webannotation':
        outputs.push({ file: outFile, text: exportWebAnnotations(input) });
        break;
      case 'claimreview':
        // Publishers need absolute URLs (search engines ignore relative ones).
        if (!baseUrl) err('news-lens export: article URLs are relative to the folder; pass --base-url https://…/ where the articles are published');
        outputs.push({ file: outFile, text: exportClaimReview(input) });
        break;
    }
    for (const o of outputs) {
      if (o.file) {
        await writeFileAtomic(o.file, o.text, { encoding: 'utf8' });
        err(`news-lens export: wrote ${o.file}`);
      } else {
        out(o.text.replace(/\r?\n$/, ''));
      }
    }
    const annotations = articles.reduce((n, a) => n + (a.sidecar?.annotations.length ?? 0), 0);
    err(`news-lens export: ${articles.length} articles, ${annotations} annotations${problems.length ? `, ${problems.length} problems (above)` : ''}`);
    return problems.length ? 2 : 0;
  },
};
