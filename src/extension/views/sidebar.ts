// The News Lens sidebar: Topics, Cross-references, Figures, Sources and Annotations views over
// the corpus index and the annotation sidecars, kept current incrementally.
import * as vscode from 'vscode';
import type { Services } from '../services/contracts';
import { facetLabel } from './facets';
import { followCursor } from './followCursor';
import { registerSidebarCommands } from './sidebarCommands';
import { HAS_ARTICLES_KEY, SHOW_SINGLE_KEY } from './viewIds';
import { createViews, type SidebarView } from './views';
import { describeOptions } from './viewState';

export function activateSidebar(services: Services): Record<string, unknown> {
  const views = createViews(services);
  const subs = services.context.subscriptions;
  let progress: string | undefined;

  const showMessage = (v: SidebarView) => {
    const filtered = describeOptions(v.model.options, (f) => facetLabel(v, views, f));
    v.view.message = [v.source === 'corpus' ? progress : undefined, filtered].filter(Boolean).join(' — ') || undefined;
  };
  registerSidebarCommands(services, views, showMessage);
  void vscode.commands.executeCommand('setContext', SHOW_SINGLE_KEY, views.crossReferences.model.options.showSingle);
  for (const v of views.all) showMessage(v);

  const corpusViews = views.all.filter((v) => v.source === 'corpus');
  const corpus = services.corpus;
  let shown = false;
  const onCorpus = () => {
    const docs = views.corpus.snapshot()?.documents.length ?? 0;
    void vscode.commands.executeCommand('setContext', HAS_ARTICLES_KEY, docs > 0);
    views.corpus.clearTexts();
    // The first data replaces the empty (welcome) tree; after that only what changed is re-read.
    if (!shown) for (const v of corpusViews) v.provider.reset();
    else for (const v of corpusViews) v.provider.refresh();
    shown = docs > 0;
  };
  if (corpus) {
    subs.push(
      corpus.onDidChange(onCorpus),
      corpus.onDidProgress((p) => {
        progress = p && p.done < p.total ? `Indexing ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} articles…` : undefined;
        for (const v of corpusViews) showMessage(v);
      }),
    );
    corpus.ready.then(onCorpus, (err) => {
      progress = `The articles could not be indexed: ${(err as Error)?.message ?? err}`;
      for (const v of corpusViews) showMessage(v);
    });
  } else {
    progress = 'The corpus index is not available.';
    for (const v of corpusViews) showMessage(v);
  }

  const sidecars = services.sidecars;
  if (sidecars) subs.push(sidecars.onDidChange(() => views.annotations.provider.refresh()));
  subs.push(vscode.workspace.onDidChangeWorkspaceFolders(() => views.annotations.provider.reset()));

  const follow = followCursor(services, views);
  return {
    views: Object.fromEntries(views.all.map((v) => [v.id, v.view])),
    providers: Object.fromEntries(views.all.map((v) => [v.id, v.provider])),
    models: Object.fromEntries(views.all.map((v) => [v.id, v.model])),
    followCursor: follow,
    corpusData: views.corpus,
  };
}
