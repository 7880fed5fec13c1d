import { articleStats } from '../../core';
import { readArticle } from '../../node/readArticle';
import type { CliCommand } from '../command';

export const stats: CliCommand = {
  name: 'stats',
  usage: 'stats <file>',
  summary: 'words, sentences and paragraphs of an article',
  options: { format: { type: 'string', default: 'text' } },
  run({ positionals, values, out }) {
    if (positionals.length !== 1) throw new Error('stats takes exactly one file');
    const s = articleStats(readArticle(positionals[0]));
    if (values.format === 'json') out(JSON.stringify(s));
    else out(`${s.words} words · ${s.sentences} sentences · ${s.paragraphs} paragraphs`);
    return 0;
  },
};
