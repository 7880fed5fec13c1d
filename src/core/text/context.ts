// What every extractor needs from the raw text, computed once per analysis.
import { isHardWrapped, paragraphs, sentences, type ParagraphSpan, type SentenceSpan } from './sentences';
import { tokenize, type Token } from './tokens';

export interface TextContext {
  text: string;
  tokens: Token[];
  sentences: SentenceSpan[];
  paragraphs: ParagraphSpan[];
}

/** `hardWrapped` is given when `text` is part of an article, whose line style decides paragraphs. */
export function makeContext(text: string, hardWrapped = isHardWrapped(text)): TextContext {
  return { text, tokens: tokenize(text), sentences: sentences(text, hardWrapped), paragraphs: paragraphs(text, hardWrapped) };
}
