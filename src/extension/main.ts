// Activation: wires each feature to VS Code. Kept small so activation stays fast; features
// load their heavy parts (the tagger's model, the corpus index) lazily.
import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { openSamples } from './samples';
import { showStatistics } from './statistics';

export interface NewsLensApi {
  /** Commands the extension registered, for the test that every contributed command has a handler. */
  registeredCommands: string[];
}

export function activate(context: vscode.ExtensionContext): NewsLensApi {
  const registeredCommands: string[] = [];
  const register = (id: CommandId, handler: (...args: any[]) => unknown) => {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
    registeredCommands.push(id);
  };

  register(CommandId.ShowStatistics, showStatistics);
  register(CommandId.OpenSamples, () => openSamples(context));

  return { registeredCommands };
}

export function deactivate(): void {}
