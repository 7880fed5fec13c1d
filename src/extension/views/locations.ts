// Turning node targets (article key + UTF-16 offsets) into editor locations: open documents
// answer directly; other articles are read once to map offsets to lines.
import * as vscode from 'vscode';
import type { CorpusAdapter } from './corpusAdapter';
import type { Target } from './model/node';

/** Annotation targets name articles by URI; the corpus names them by file-system path. */
export function uriOfTarget(t: Target, corpus: CorpusAdapter): vscode.Uri | undefined {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(t.document)) return vscode.Uri.parse(t.document);
  return corpus.corpus?.uriFor(t.document);
}

/** Position of a UTF-16 offset in a text, without a TextDocument. */
export function positionIn(text: string, offset: number): vscode.Position {
  let line = 0, lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return new vscode.Position(line, offset - lineStart);
}

/** Editor locations for targets, grouped per article; at most `max` of them (a peek of 20,000 helps nobody). */
export async function locationsOf(targets: Target[], corpus: CorpusAdapter, max = 1000): Promise<vscode.Location[]> {
  const out: vscode.Location[] = [];
  for (const t of targets.slice(0, max)) {
    const uri = uriOfTarget(t, corpus);
    if (!uri || t.start === undefined) continue;
    await corpus.loadText(t.document);
    const text = corpus.text(t.document);
    if (text === undefined) continue;
    out.push(new vscode.Location(uri, new vscode.Range(positionIn(text, t.start), positionIn(text, t.end ?? t.start))));
  }
  return out;
}
