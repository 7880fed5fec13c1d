// References of a name (Shift+F12, Go to Other Mentions): every mention of the same person,
// place or organization in this article (live offsets) and in the other articles of the corpus.
import * as vscode from 'vscode';
import type { Services } from '../services/contracts';
import type { CorpusLinks } from './corpusLinks';
import { spanAt } from './hovers';
import type { Locations } from './locations';

export class MentionReferences implements vscode.ReferenceProvider {
  constructor(
    private readonly services: Services,
    private readonly links: CorpusLinks,
    private readonly locations: Locations,
  ) {}

  async provideReferences(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Location[] | undefined> {
    return this.mentionsAt(doc, pos);
  }

  /** Undefined when no entity is at `pos`. */
  async mentionsAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Location[] | undefined> {
    const a = this.services.analyses.peek(doc) ?? (await this.services.analyses.getAsync(doc));
    if (!a) return undefined;
    const e = spanAt(a.entities, doc.offsetAt(pos));
    if (!e) return undefined;
    const ce = this.links.entityFor(doc.uri, e);
    const names = new Set([e.canonical ?? e.text, e.text, ...(ce ? [ce.name, ...ce.variants] : [])]);
    const here = a.entities.filter((x) => x.type === e.type && (names.has(x.text) || (x.canonical !== undefined && names.has(x.canonical))));
    const out = here.map((x) => new vscode.Location(doc.uri, new vscode.Range(doc.positionAt(x.start), doc.positionAt(x.end))));
    if (!ce) return out;
    const corpus = this.services.corpus;
    const self = corpus.documentKey(doc.uri);
    const byDoc = new Map<string, { start: number; end: number }[]>();
    for (const m of ce.mentions) if (m.document !== self) byDoc.set(m.document, [...(byDoc.get(m.document) ?? []), m]);
    for (const [d, spans] of byDoc) out.push(...(await this.locations.locations(corpus.uriFor(d), spans)));
    return out;
  }
}
