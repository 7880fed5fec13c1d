// The five tree views, their models and providers, made once at activation.
import * as vscode from 'vscode';
import type { Services } from '../services/contracts';
import { AnnotationsAdapter } from './annotationsAdapter';
import { CorpusAdapter } from './corpusAdapter';
import { AnnotationsModel } from './model/annotationsModel';
import { CrossRefsModel } from './model/crossRefsModel';
import { FiguresModel } from './model/figuresModel';
import type { LazyTree } from './model/lazyTree';
import type { ViewNode } from './model/node';
import { SourcesModel } from './model/sourcesModel';
import { TopicsModel } from './model/topicsModel';
import { ModelTreeProvider } from './treeProvider';
import { ViewId } from './viewIds';
import { loadOptions } from './viewState';

export interface SidebarView<M extends LazyTree = LazyTree> {
  id: ViewId;
  /** Short name for command titles and messages. */
  title: string;
  model: M;
  provider: ModelTreeProvider;
  view: vscode.TreeView<ViewNode>;
  /** Which data it shows: the corpus index or the annotation sidecars. */
  source: 'corpus' | 'sidecars';
}

export interface SidebarViews {
  corpus: CorpusAdapter;
  annotationsData: AnnotationsAdapter;
  topics: SidebarView<TopicsModel>;
  crossReferences: SidebarView<CrossRefsModel>;
  figures: SidebarView<FiguresModel>;
  sources: SidebarView<SourcesModel>;
  annotations: SidebarView<AnnotationsModel>;
  all: SidebarView[];
}

export function createViews(services: Services): SidebarViews {
  const corpus = new CorpusAdapter(services);
  const annotationsData = new AnnotationsAdapter(services);
  const hasCorpus = () => !!corpus.snapshot()?.documents.length;
  const hasFolder = () => !!vscode.workspace.workspaceFolders?.length;
  const make = <M extends LazyTree>(id: ViewId, title: string, model: M, source: SidebarView['source']): SidebarView<M> => {
    model.options = loadOptions(services.context.workspaceState, id);
    const provider = new ModelTreeProvider(id, model, source === 'corpus' ? hasCorpus : hasFolder);
    const view = vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: false });
    services.context.subscriptions.push(provider, view);
    return { id, title, model, provider, view, source };
  };
  const topics = make(ViewId.Topics, 'Topics', new TopicsModel(corpus), 'corpus');
  const crossReferences = make(ViewId.CrossReferences, 'Cross-references', new CrossRefsModel(corpus), 'corpus');
  const figures = make(ViewId.Figures, 'Figures', new FiguresModel(corpus), 'corpus');
  const sources = make(ViewId.Sources, 'Sources', new SourcesModel(corpus), 'corpus');
  const annotations = make(ViewId.Annotations, 'Annotations', new AnnotationsModel(annotationsData), 'sidecars');
  return { corpus, annotationsData, topics, crossReferences, figures, sources, annotations, all: [topics, crossReferences, figures, sources, annotations] };
}
