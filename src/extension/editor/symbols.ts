// The Outline (Ctrl+Shift+O): the article's paragraphs, each with the names, figures and quotes
// in it.
import * as vscode from 'vscode';
import { isHardWrapped, paragraphs } from '../../core/text/sentences';
import type { Services } from '../services/contracts';

const ENTITY_KIND: Record<string, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Field,
  place: vscode.SymbolKind.Struct,
  organization: vscode.SymbolKind.Class,
};

export class ArticleSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly services: Services) {}

  async provideDocumentSymbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const a = this.services.analyses.peek(doc) ?? (await this.services.analyses.getAsync(doc));
    if (!a) return [];
    const text = doc.getText();
    const range = (s: number, e: number) => new vscode.Range(doc.positionAt(s), doc.positionAt(e));
    const out: vscode.DocumentSymbol[] = [];
    const items = [
      ...a.entities.map((e) => ({ start: e.start, end: e.end, sym: new vscode.DocumentSymbol(e.canonical ?? e.text, e.type, ENTITY_KIND[e.type], range(e.start, e.end), range(e.start, e.end)) })),
      ...a.claims.map((c) => ({ start: c.start, end: c.end, sym: new vscode.DocumentSymbol(c.text, `${c.kind}${c.unit ? ' · ' + c.unit : ''}`, vscode.SymbolKind.Number, range(c.start, c.end), range(c.start, c.end)) })),
      ...a.quotes.map((q) => ({ start: q.start, end: q.end, sym: new vscode.DocumentSymbol(`“${clip(q.text, 50)}”`, q.speaker ?? 'quote', vscode.SymbolKind.String, range(q.start, q.end), range(q.start, q.end)) })),
    ].sort((x, y) => x.start - y.start);
    let k = 0;
    paragraphs(text, isHardWrapped(text)).forEach((p, i) => {
      const r = range(p.start, p.end);
      const sym = new vscode.DocumentSymbol(clip(text.slice(p.start, p.end), 60), `¶ ${i + 1}`, vscode.SymbolKind.Module, r, range(p.start, Math.min(p.end, p.start + 1)));
      while (k < items.length && items[k].start < p.start) k++;
      for (; k < items.length && items[k].end <= p.end; k++) sym.children.push(items[k].sym);
      out.push(sym);
    });
    return out;
  }
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}
