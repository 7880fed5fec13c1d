// What every extractor needs from the raw text, computed once per analysis.
import { paragraphs, sentences, type ParagraphSpan, type SentenceSpan } from './sentences';
import { tokenize, type Token } from './tokens';

export interface TextContext {
  text: string;
  tokens: Token[];
  sentences: SentenceSpan[];
  paragraphs: ParagraphSpan[];
}

export function makeContext(text: string): TextContext {
  return { text, tokens: tokenize(text), sentences: sentences(text), paragraphs: paragraphs(text) };
}
