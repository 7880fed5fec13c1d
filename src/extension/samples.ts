import * as vscode from 'vscode';

/** Opens the short sample articles shipped with the extension, for a first look without data. */
export async function openSamples(context: vscode.ExtensionContext): Promise<void> {
  const folder = vscode.Uri.joinPath(context.extensionUri, 'samples');
  try {
    await vscode.workspace.fs.stat(folder);
  } catch {
    void vscode.window.showErrorMessage('News Lens: the sample articles are missing from this installation.');
    return;
  }
  await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: false });
}
