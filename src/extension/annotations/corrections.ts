// Entity corrections as an analysis step: the workspace lexicon first, then the article's own
// `entity` annotations (core applyLexicon / applyCorrections), so a correction changes the
// highlights, hovers and everything else that reads the analysis at once.
import * as vscode from 'vscode';
import { anchorAll, applyCorrections, applyLexicon } from '../../core/annotations';
import type { Entity } from '../../core/types';
import type { AnalysisTransform, CorpusTransform, Services } from '../services/contracts';
import type { WorkspaceSidecarStore } from '../services/sidecarStore';
import type { LexiconService } from './lexiconService';

/** The engine's entities for `text` (the article's current text) after every correction. */
export function correctEntities(store: WorkspaceSidecarStore, lexicons: LexiconService, article: vscode.Uri, text: string, entities: Entity[]): Entity[] {
  if (article.scheme !== 'file') return entities;
  const lexicon = lexicons.forArticle(article);
  let out = lexicon ? applyLexicon(entities, text, lexicon) : entities;
  const anchored = store.get(article).anchored;
  if (anchored.some((x) => x.annotation.kind === 'entity')) out = applyCorrections(out, anchored, text);
  return out;
}

/** The same for the corpus index, which analyses the file on disk: corrections anchored on `text`. */
export function correctEntitiesOnDisk(store: WorkspaceSidecarStore, lexicons: LexiconService, article: vscode.Uri, text: string, entities: Entity[]): Entity[] {
  if (article.scheme !== 'file') return entities;
  const lexicon = lexicons.forArticle(article);
  let out = lexicon ? applyLexicon(entities, text, lexicon) : entities;
  const sidecar = store.get(article).sidecar;
  const corrections = sidecar?.annotations.filter((a) => a.kind === 'entity') ?? [];
  if (sidecar && corrections.length) out = applyCorrections(out, anchorAll({ ...sidecar, annotations: corrections }, text), text);
  return out;
}

export function registerCorrections(services: Services, store: WorkspaceSidecarStore, lexicons: LexiconService): vscode.Disposable[] {
  const transform: AnalysisTransform = (doc, analysis) => {
    const entities = correctEntities(store, lexicons, doc.uri, doc.getText(), analysis.entities);
    return entities === analysis.entities ? analysis : { ...analysis, entities };
  };
  // Re-analyse when a sidecar's corrections change (here, on disk, or by a merge); not on every
  // keystroke, which only moves them (the analysis store re-analyses edits by itself).
  const seen = new Map<string, string>();
  const signature = (uri: vscode.Uri) =>
    store
      .get(uri)
      .sidecar?.annotations.filter((a) => a.kind === 'entity')
      .map((a) => `${a.id}@${a.modified}`)
      .join(',') ?? '';
  // The corpus index (cross-references, topics) takes the corrections too, once its service
  // offers the hook (contracts: CorpusService.addTransform / reindexArticles).
  const corpusTransform: CorpusTransform = (uri, text, analysis) => {
    const entities = correctEntitiesOnDisk(store, lexicons, uri, text, analysis.entities);
    return entities === analysis.entities ? analysis : { ...analysis, entities };
  };
  const corpusHook = services.corpus?.addTransform?.(corpusTransform);
  return [
    ...(corpusHook ? [corpusHook] : []),
    services.analyses.addTransform(transform),
    store.onDidChange((uri) => {
      const k = uri.toString();
      const sig = signature(uri);
      if ((seen.get(k) ?? '') === sig) return;
      seen.set(k, sig);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === k);
      if (doc) services.analyses.refresh(doc);
      if (corpusHook) void services.corpus.reindexArticles?.([uri]);
    }),
    lexicons.onDidChange(() => {
      services.analyses.refreshAll();
      if (corpusHook) void services.corpus.refresh();
    }),
  ];
}
