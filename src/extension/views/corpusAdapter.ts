// The view models' CorpusData over the CorpusService, plus the article texts mention context
// needs (open documents first, else read from disk, a few kept).
import * as vscode from 'vscode';
import type { CorpusService, Services } from '../services/contracts';
import type { ArticleSourcesData, CorpusData } from './model/corpusData';
import { sourcesOfAnalysis } from '../../core/corpus/view';
import { SourcesCache } from './model/sourcesCache';

const TEXTS_KEPT = 64;

export class CorpusAdapter implements CorpusData {
  private texts = new Map<string, string>();

  constructor(private readonly services: Services) {}

  get corpus(): CorpusService | undefined {
    return this.services.corpus;
  }

  snapshot() {
    try {
      return this.corpus?.snapshot();
    } catch {
      return undefined;
    }
  }

  sources(doc: string): ArticleSourcesData | undefined {
    const index = this.corpus?.index();
    const kept = index ? this.sourcesKept.get(index, doc) : undefined;
    if (kept) return kept;
    // Not indexed (yet): an open article still has its analysis.
    const open = this.openDocument(doc);
    const a = open ? this.services.analyses.get(open) : undefined;
    return a ? sourcesOfAnalysis(a) : undefined;
  }

  private sourcesKept = new SourcesCache();

  displayName(doc: string): string {
    const c = this.corpus;
    return c ? vscode.workspace.asRelativePath(c.uriFor(doc), false) : doc;
  }

  text(doc: string): string | undefined {
    const open = this.openDocument(doc);
    return open ? open.getText() : this.texts.get(doc);
  }

  async loadText(doc: string): Promise<void> {
    const c = this.corpus;
    if (!c || this.text(doc) !== undefined) return;
    try {
      const bytes = await vscode.workspace.fs.readFile(c.uriFor(doc));
      if (this.texts.size >= TEXTS_KEPT) this.texts.delete(this.texts.keys().next().value!);
      this.texts.set(doc, new TextDecoder('utf-8').decode(bytes));
    } catch {
      // Gone since it was indexed: mentions show their own text instead of a line of context.
    }
  }

  /** Forget the cached texts (articles changed on disk). */
  clearTexts(): void {
    this.texts.clear();
  }

  entityAt(doc: string, offset: number) {
    return this.corpus?.index()?.entityAt(doc, offset);
  }

  private openDocument(doc: string): vscode.TextDocument | undefined {
    const c = this.corpus;
    if (!c) return undefined;
    const uri = c.uriFor(doc).toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  }
}
