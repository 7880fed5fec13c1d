// Words, sentences and paragraphs of an article: what "Show Article Statistics" and
// `news-lens stats` report, from this one function.
import type { ArticleStats } from '../types';
import { paragraphs, sentences } from './sentences';

const WORD_RE = /[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  WORD_RE.lastIndex = 0;
  while (WORD_RE.exec(text)) n++;
  return n;
}

export function articleStats(text: string): ArticleStats {
  return {
    words: countWords(text),
    sentences: sentences(text).length,
    paragraphs: paragraphs(text).length,
  };
}
