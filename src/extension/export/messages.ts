// Messages the export feature shows the reviewer. Each is also kept in a short log the
// integration tests read (they cannot see notifications), so "the user is told why" is asserted
// on what was actually shown.
import * as vscode from 'vscode';

export type Level = 'info' | 'warning' | 'error';

export interface ShownMessage {
  level: Level;
  message: string;
}

const LOG_LIMIT = 100;
export const exportMessages: ShownMessage[] = [];

/** Shows a message with optional actions; resolves to the action chosen (if any). */
export function tell(level: Level, message: string, options: vscode.MessageOptions = {}, ...actions: string[]): Thenable<string | undefined> {
  exportMessages.push({ level, message });
  if (exportMessages.length > LOG_LIMIT) exportMessages.splice(0, exportMessages.length - LOG_LIMIT);
  const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  return show(`News Lens: ${message}`, options, ...actions);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
