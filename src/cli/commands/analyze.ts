import { analyze, ENGINE_NAME, ENGINE_VERSION } from '../../core';
import { findArticles } from '../../node/findArticles';
import { readArticle } from '../../node/readArticle';
import type { CliCommand } from '../command';

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  usage: 'analyze <file-or-folder...> [--format json|text] [--include GLOB] [--exclude GLOB]',
  summary: 'entities, claims, quotes and attributions of articles',
  options: {
    format: { type: 'string', default: 'text' },
    include: { type: 'string' },
    exclude: { type: 'string' },
  },
  run({ positionals, values, out, err }) {
    if (!positionals.length) throw new Error('analyze needs at least one file or folder');
    const paths = findArticles(positionals, { include: values.include as string, exclude: values.exclude as string });
    if (!paths.length) throw new Error(`no articles found in ${positionals.join(', ')}`);
    let failed = 0;
    const documents = [];
    for (const path of paths) {
      try {
        const a = analyze(readArticle(path));
        documents.push({ path, entities: a.entities, claims: a.claims, quotes: a.quotes, attributions: a.attributions, stats: a.stats });
      } catch (e: any) {
        failed++;
        err(`news-lens: ${e.message ?? e}`);
      }
    }
    if (values.format === 'json') {
      out(JSON.stringify({ engine: { name: ENGINE_NAME, version: ENGINE_VERSION }, documents, entities: [], claimGroups: [], topics: [] }));
    } else {
      for (const d of documents) {
        out(`${d.path}: ${d.entities.length} entities · ${d.claims.length} claims · ${d.quotes.length} quotes`);
      }
    }
    return failed && !documents.length ? 1 : failed ? 2 : 0;
  },
};
