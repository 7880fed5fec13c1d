// What every export and the report start from: the settings, the current time, and the articles'
// analyses. A few articles are analysed on the spot when the corpus index is not ready yet; for
// more, the export waits for the index, which analyses on worker threads, rather than freeze the
// extension host analysing thousands of articles on its main thread.
import * as vscode from 'vscode';
import type { Services } from '../services/contracts';
import { collectInput, type Collected } from './collect';

/** Above this many articles, an export waits for the corpus index instead of analysing now. */
export const ANALYSE_NOW_LIMIT = 25;

export interface ExportSettings {
  organization?: string;
  baseUrl?: string;
  /** Why `newsLens.export.baseUrl` was not usable as given, if it was not. */
  baseUrlProblem?: string;
}

export function exportSettings(): ExportSettings {
  const cfg = vscode.workspace.getConfiguration('newsLens');
  const organization = cfg.get<string>('organization', '').trim() || undefined;
  let baseUrl = cfg.get<string>('export.baseUrl', '').trim() || undefined;
  let baseUrlProblem: string | undefined;
  if (baseUrl) {
    // Article paths are resolved against it, so it must be a folder URL.
    if (!baseUrl.endsWith('/')) baseUrl += '/';
    if (!/^[a-z][a-z0-9+.-]*:\/\/\S+\/$/i.test(baseUrl)) {
      baseUrlProblem = `newsLens.export.baseUrl is not an absolute URL (${JSON.stringify(baseUrl)}); article links are left relative`;
      baseUrl = undefined;
    }
  }
  return { ...(organization ? { organization } : {}), ...(baseUrl ? { baseUrl } : {}), ...(baseUrlProblem ? { baseUrlProblem } : {}) };
}

type Progress = vscode.Progress<{ message?: string; increment?: number }>;

export async function prepareInput(
  services: Services,
  uris: vscode.Uri[],
  opts: { token?: vscode.CancellationToken; progress?: Progress; now?: Date } = {},
): Promise<Collected & { settings: ExportSettings }> {
  if (!services.corpus.index() && uris.length > ANALYSE_NOW_LIMIT) {
    opts.progress?.report({ message: 'waiting for the workspace index (analysing the articles)…' });
    await untilCancelled(services.corpus.ready, opts.token);
  }
  const settings = exportSettings();
  let last = 0;
  const collected = await collectInput(services, uris, {
    generated: (opts.now ?? new Date()).toISOString(),
    ...(settings.organization ? { organization: settings.organization } : {}),
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
    token: opts.token,
    onProgress: (done, total) => {
      const pct = Math.floor((done / total) * 80);
      opts.progress?.report({ message: `reading ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} articles`, increment: pct - last });
      last = pct;
    },
  });
  return { ...collected, settings };
}

function untilCancelled<T>(p: Promise<T>, token: vscode.CancellationToken | undefined): Promise<T> {
  if (!token) return p;
  return new Promise<T>((resolve, reject) => {
    const sub = token.onCancellationRequested(() => {
      sub.dispose();
      reject(new vscode.CancellationError());
    });
    p.then(
      (v) => {
        sub.dispose();
        resolve(v);
      },
      (e) => {
        sub.dispose();
        reject(e);
      },
    );
  });
}
