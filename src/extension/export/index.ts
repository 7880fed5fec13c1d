// The export feature: Export Annotations…, Open Review Report and Import Web Annotations…, over
// the core formats (src/core/export). Returns its test hooks (api.export).
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { Services } from '../services/contracts';
import { exportAnnotations, type ExportArgs, type ExportResult } from './exportCommand';
import { importAnnotations, type ImportArgs } from './importCommand';
import { exportMessages } from './messages';
import { ReportPanel } from './reportPanel';

export function activateExport(services: Services) {
  const report = new ReportPanel(services);
  services.context.subscriptions.push(report);
  let last: ExportResult | undefined;
  services.register(CommandId.ExportAnnotations, async (args?: ExportArgs) => {
    // From a menu, VS Code passes the clicked resource: treat anything but our options as none.
    const r = await exportAnnotations(services, isArgs(args) ? args : {});
    if (r) last = r;
    return r;
  });
  services.register(CommandId.OpenReviewReport, async () => {
    await report.show();
  });
  services.register(CommandId.ImportWebAnnotations, (args?: ImportArgs) => importAnnotations(services, isArgs(args) ? args : {}));
  return {
    /** The last successful export. */
    lastExport: () => last,
    /** The report's webview panel, when open. */
    reportPanel: (): vscode.WebviewPanel | undefined => report.current,
    /** How many times the report was rendered since activation. */
    reportRenders: () => report.renders,
    /** Every message this feature showed, oldest first. */
    messages: exportMessages,
  };
}

function isArgs(x: unknown): x is Record<string, unknown> {
  return !!x && typeof x === 'object' && !(x instanceof vscode.Uri) && !Array.isArray(x);
}
