// Gathers what an export reads (src/core/export ExportInput) from the running editor: each
// article's current text (the open editor's, with unsaved edits, else the file), its analysis
// (the corpus index's when it was made from that very text, else the open editor's, else made
// now), its sidecar with live anchors from the sidecar store, and the corpus snapshot.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { analyze } from '../../core';
import type { ExportArticle, ExportInput } from '../../core/export';
import { sha256Text } from '../../node/sidecarFiles';
import type { Services } from '../services/contracts';
import { relabelSnapshot } from '../../core/corpus/relabel';

export interface Collected {
  input: ExportInput;
  /** One line per article left out (unreadable, or a sidecar that does not load). */
  problems: string[];
  annotations: number;
  /** Articles analysed now because the index had no analysis of their current text. */
  analysedNow: number;
}

export interface CollectOptions {
  generated: string;
  organization?: string;
  baseUrl?: string;
  token?: vscode.CancellationToken;
  /** Called after each batch of articles, for progress. */
  onProgress?: (done: number, total: number) => void;
}

/** How exports and sidecars name an article: its path in its workspace folder, forward slashes;
 * in a multi-root workspace prefixed by the folder's name. */
export function exportPath(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return uri.path.split('/').pop() ?? uri.path;
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  const rel = uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path.split('/').pop()!;
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/${rel}` : rel;
}

const BATCH = 64;

export async function collectInput(services: Services, uris: vscode.Uri[], opts: CollectOptions): Promise<Collected> {
  // The store discovers existing sidecars asynchronously at start-up; wait for it when it says so.
  const ready = (services.sidecars as { ready?: Promise<void> }).ready;
  if (ready) await ready;
  const withSidecar = new Set(services.sidecars.articles().map((u) => u.toString()));
  const index = services.corpus.index();
  const open = new Map(vscode.workspace.textDocuments.filter((d) => !d.isClosed).map((d) => [d.uri.toString(), d]));

  const articles: ExportArticle[] = [];
  const problems: string[] = [];
  let annotations = 0;
  let analysedNow = 0;
  const included = new Set<string>();

  const one = async (uri: vscode.Uri): Promise<ExportArticle | undefined> => {
    const path = exportPath(uri);
    const doc = open.get(uri.toString());
    let text: string;
    if (doc) text = doc.getText();
    else {
      try {
        text = await readFile(uri.fsPath, 'utf8');
      } catch (e: any) {
        problems.push(`${path}: cannot be read (${e?.code ?? e?.message ?? e}); left out`);
        return undefined;
      }
      // VS Code drops a UTF-8 BOM from document text; so do the sidecars' offsets.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const sha256 = sha256Text(text);
    let sidecarPart: Pick<ExportArticle, 'sidecar' | 'anchored'> = {};
    if (withSidecar.has(uri.toString())) {
      const state = services.sidecars.get(uri);
      if (state.error) {
        // Exporting the article without its annotations would look like a review that never happened.
        problems.push(`${path}: its annotations do not load (${state.error.message}); left out`);
        return undefined;
      }
      if (state.sidecar) {
        sidecarPart = { sidecar: state.sidecar, anchored: state.anchored };
        annotations += state.sidecar.annotations.length;
      }
    }
    const indexed = index?.document(services.corpus.documentKey(uri));
    let analysis = indexed && indexed.hash === sha256 ? indexed.analysis : undefined;
    if (!analysis && doc) analysis = services.analyses.get(doc);
    if (!analysis) {
      analysis = analyze(text);
      analysedNow++;
    }
    included.add(services.corpus.documentKey(uri));
    return { path, text, sha256, analysis, ...sidecarPart };
  };

  for (let i = 0; i < uris.length; i += BATCH) {
    if (opts.token?.isCancellationRequested) throw new vscode.CancellationError();
    const batch = await Promise.all(uris.slice(i, i + BATCH).map(one));
    for (const a of batch) if (a) articles.push(a);
    opts.onProgress?.(Math.min(uris.length, i + BATCH), uris.length);
  }

  const snapshot = services.corpus.snapshot();
  const everyIndexed = snapshot ? snapshot.documents.every((d) => included.has(d)) : false;
  const corpus = snapshot && relabelSnapshot(snapshot, (key) => exportPath(services.corpus.uriFor(key)), everyIndexed ? undefined : included);

  const input: ExportInput = {
    articles,
    generated: opts.generated,
    ...(corpus ? { corpus } : {}),
    ...(opts.organization ? { organization: opts.organization } : {}),
    ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
  };
  return { input, problems, annotations, analysedNow };
}
