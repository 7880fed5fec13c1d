// Messages to the reviewer. Every one is also kept in a short log that the integration tests
// read (they cannot see notifications), so "the error shows" is asserted on what was shown.
import * as vscode from 'vscode';

export type Level = 'info' | 'warning' | 'error';

export interface ShownMessage {
  level: Level;
  message: string;
  time: number;
}

const LOG_LIMIT = 200;
export const shownMessages: ShownMessage[] = [];

/** Shows a message with optional actions; resolves to the action chosen (if any). */
export function notify(level: Level, message: string, ...actions: string[]): Thenable<string | undefined> {
  shownMessages.push({ level, message, time: Date.now() });
  if (shownMessages.length > LOG_LIMIT) shownMessages.splice(0, shownMessages.length - LOG_LIMIT);
  const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  return show(message, ...actions);
}

/** A message with an "Open File" action that opens `file`. */
export function notifyWithOpen(level: Level, message: string, file: string): void {
  void notify(level, message, 'Open File').then((choice) => {
    if (choice === 'Open File') void vscode.window.showTextDocument(vscode.Uri.file(file));
  });
}
