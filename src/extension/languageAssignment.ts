// `.txt` articles (files matching newsLens.include) get the news-article language when they
// open, so they have the grammar, word wrap and everything keyed on the language. Once per file
// per session: a reviewer who switches a file back to Plain Text keeps that choice.
import * as vscode from 'vscode';
import { isArticle, LANGUAGE_ID } from './articles';
import type { Services } from './services/contracts';

export function activateLanguageAssignment(services: Services): { assigned: () => string[] } {
  const assigned = new Set<string>();
  const assign = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    if (doc.languageId !== 'plaintext' || doc.uri.scheme !== 'file' || assigned.has(key) || !isArticle(doc)) return;
    assigned.add(key);
    vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, (e) => {
      console.warn(`News Lens: could not set the article language on ${key}: ${e?.message ?? e}`);
    });
  };
  vscode.workspace.textDocuments.forEach(assign);
  services.context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(assign));
  return { assigned: () => [...assigned] };
}
