// The in-editor experience of an article: highlights, hovers, navigation, references, the
// Outline, the status bar and the summary CodeLens. Returns its test hooks (api.editor).
import * as path from 'path';
import * as vscode from 'vscode';
import { isArticle, LANGUAGE_ID } from '../articles';
import { CommandId } from '../commandIds';
import type { Services } from '../services/contracts';
import { SummaryCodeLens } from './codeLens';
import { CorpusLinks } from './corpusLinks';
import { EditorDecorations, type ApplyEvent } from './decorations';
import { ArticleHovers } from './hovers';
import { Locations } from './locations';
import { registerNavigation } from './navigation';
import { MentionReferences } from './references';
import { ArticleStatus } from './statusBar';
import { ArticleSymbols } from './symbols';

const IS_ARTICLE_KEY = 'newsLens.isArticle';

export function activateEditor(services: Services) {
  const { context } = services;
  // Long articles get their full analysis in a worker thread (the corpus indexer's bundle).
  services.analyses.useWorker(path.join(context.extensionPath, 'dist', 'index-worker.js'));

  const links = new CorpusLinks(() => services.corpus);
  const locations = new Locations();
  const decorations = new EditorDecorations(services, links);
  const hovers = new ArticleHovers(services, links);
  const refs = new MentionReferences(services, links, locations);
  const symbols = new ArticleSymbols(services);
  const status = new ArticleStatus(services, decorations);
  const codeLens = new SummaryCodeLens(services, decorations);
  context.subscriptions.push(decorations, status, codeLens);

  // Every text document: the providers themselves answer only for articles (isArticle), since
  // `newsLens.include` is a workspace glob a document selector cannot follow as it changes.
  const selector: vscode.DocumentSelector = [{ language: LANGUAGE_ID }, { scheme: 'file' }, { scheme: 'untitled' }];
  const onlyArticles = <T>(f: (doc: vscode.TextDocument) => T, none: T) => (doc: vscode.TextDocument) => (isArticle(doc) ? f(doc) : none);
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(selector, { provideHover: (doc, pos) => onlyArticles((d) => hovers.provideHover(d, pos), undefined)(doc) }),
    vscode.languages.registerReferenceProvider(selector, { provideReferences: (doc, pos) => onlyArticles((d) => refs.provideReferences(d, pos), undefined)(doc) }),
    vscode.languages.registerDocumentSymbolProvider(selector, { provideDocumentSymbols: (doc) => onlyArticles((d) => symbols.provideDocumentSymbols(d), Promise.resolve([] as vscode.DocumentSymbol[]))(doc) }, { label: 'News Lens' }),
    vscode.languages.registerCodeLensProvider(selector, codeLens),
  );

  services.register(CommandId.ToggleHighlights, async () => {
    await decorations.setEnabled(!decorations.enabled);
    void vscode.window.setStatusBarMessage(`News Lens: highlights ${decorations.enabled ? 'on' : 'off'}`, 2500);
    return decorations.enabled;
  });
  registerNavigation(services, decorations, refs);

  // The corpus and the sidecars may be built after this feature: hook them up when they exist.
  const hookServices = () => {
    if (services.corpus && !hooked.corpus) {
      hooked.corpus = true;
      context.subscriptions.push(
        services.corpus.onDidChange(() => {
          links.clear();
          locations.clear();
          decorations.redrawAll();
          codeLens.refresh();
          status.update();
        }),
      );
      status.watchProgress(services.corpus.onDidProgress);
    }
    if (services.sidecars && !hooked.sidecars) {
      hooked.sidecars = true;
      decorations.watch(services.sidecars.onDidChange as vscode.Event<unknown>, (u) => u as vscode.Uri);
    }
  };
  const hooked = { corpus: false, sidecars: false };
  hookServices();
  setTimeout(hookServices, 0);

  // The context key for the keybindings and menus.
  const setKey = () => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', IS_ARTICLE_KEY, !!doc && isArticle(doc));
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(setKey),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('newsLens') && setKey()),
  );
  setKey();
  for (const ed of vscode.window.visibleTextEditors) decorations.show(ed);

  // Test hooks.
  return {
    decorations,
    hovers,
    references: refs,
    symbols,
    status,
    codeLens,
    /** What is drawn in the editor, by kind (offsets and text). */
    applied: (editor: vscode.TextEditor) => decorations.appliedTo(editor),
    /** Resolves at the next decoration pass of `editor` that matches. */
    nextApply: (editor: vscode.TextEditor, accept: (e: ApplyEvent) => boolean = () => true, timeoutMs = 10_000) =>
      new Promise<ApplyEvent>((resolve, reject) => {
        const timer = setTimeout(() => {
          sub.dispose();
          reject(new Error(`no decoration pass within ${timeoutMs} ms`));
        }, timeoutMs);
        const sub = decorations.onDidApply((e) => {
          if (e.editor !== editor || !accept(e)) return;
          clearTimeout(timer);
          sub.dispose();
          resolve(e);
        });
      }),
    /** The hover Markdown at an offset of the document, or undefined. */
    hoverText: (doc: vscode.TextDocument, offset: number) => {
      const a = services.analyses.peek(doc) ?? services.analyses.get(doc);
      return a ? hovers.markdownAt(doc, a, offset)?.value.value : undefined;
    },
  };
}
