// Activation: builds the shared services, then lets each feature register itself. Kept small so
// activation stays fast; heavy parts (the tagger's model, the corpus index) load lazily.
import * as vscode from 'vscode';
import { activateAnnotations } from './annotations';
import { activateEditor } from './editor';
import { activateExport } from './export';
import { CommandId } from './commandIds';
import { activateLanguageAssignment } from './languageAssignment';
import { openSamples } from './samples';
import { AnalysisStore } from './services/analysisStore';
import type { Services } from './services/contracts';
import { WorkspaceCorpusService } from './services/corpusService';
import { WorkspaceSidecarStore } from './services/sidecarStore';
import { showStatistics } from './statistics';
import { activateSidebar } from './views/sidebar';

/** Returned from `activate`: what the integration tests (and other extensions) can read. */
export interface NewsLensApi {
  /** Commands the extension registered, for the test that every contributed command has a handler. */
  registeredCommands: string[];
  services: Services;
  /** Each feature adds its own test hooks here under its name. */
  [feature: string]: unknown;
}

export function activate(context: vscode.ExtensionContext): NewsLensApi {
  const registeredCommands: string[] = [];
  const register = (id: string, handler: (...args: any[]) => unknown) => {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
    registeredCommands.push(id);
  };

  const analyses = new AnalysisStore();
  context.subscriptions.push(analyses);
  // Filled in below by the features that own them (corpus: editor feature; sidecars: annotations).
  const services: Services = { context, analyses, corpus: new WorkspaceCorpusService(context), sidecars: new WorkspaceSidecarStore(), register };
  context.subscriptions.push(services.sidecars, services.corpus);
  const api: NewsLensApi = { registeredCommands, services };

  register(CommandId.ShowStatistics, showStatistics);
  register(CommandId.OpenSamples, () => openSamples(context));

  // Features: one line each. Each returns its test hooks.
  api.language = activateLanguageAssignment(services);
  api.editor = activateEditor(services);
  api.annotations = activateAnnotations(services);
  api.sidebar = activateSidebar(services);
  api.export = activateExport(services);

  return api;
}

export function deactivate(): void {}
