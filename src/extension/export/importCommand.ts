// "News Lens: Import Web Annotations…": a W3C Web Annotation collection (a News Lens export, or
// another tool's annotations of the same articles) becomes sidecars again, through the core
// importer. Never loses work: a sidecar that differs from what the file would write is replaced
// only after the reviewer confirms, and a sidecar that does not load is never written over.
import { compareImport } from '../../node/importComparison';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { sidecarPathFor, type Sidecar } from '../../core/annotations';
import { importWebAnnotations } from '../../core/export';
import { sha256Text, writeSidecar } from '../../node/sidecarFiles';
import type { Services } from '../services/contracts';
import { plural, tell } from './messages';

export interface ImportArgs {
  /** The .jsonld file (skips the open dialog). */
  source?: vscode.Uri;
  /** Replace differing sidecars without asking (for tests and other extensions). */
  replace?: boolean;
}

export interface ImportPlan {
  location: string;
  article: vscode.Uri;
  sidecarFile: string;
  sidecar: Sidecar;
  action: 'create' | 'unchanged' | 'replace' | 'differs' | 'invalid';
  detail?: string;
}

export interface ImportOutcome {
  written: ImportPlan[];
  unchanged: number;
  annotations: number;
  warnings: string[];
}

export async function importAnnotations(services: Services, args: ImportArgs = {}): Promise<ImportOutcome | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) return fail('open the folder of the annotated articles first: imported annotations are saved next to them.', 'warning');
  const source = args.source ?? (await pickSource(folders[0].uri));
  if (!source) return undefined;
  const name = vscode.workspace.asRelativePath(source);

  let text: string;
  try {
    text = Buffer.from(await vscode.workspace.fs.readFile(source)).toString('utf8');
  } catch (err: any) {
    return fail(`${name} cannot be read: ${err?.message ?? err}`);
  }
  // Articles are named relative to the exported folder: the workspace folder (in a multi-root
  // workspace the export names the folder first, and so does the lookup).
  const resolveLocation = (location: string): vscode.Uri | undefined => {
    if (!location || location.startsWith('/') || /^[a-z]:/i.test(location) || location.split('/').some((s) => s === '..')) return undefined;
    if (folders.length > 1) {
      const [first, ...rest] = location.split('/');
      const f = folders.find((x) => x.name === first);
      if (f && rest.length) return vscode.Uri.joinPath(f.uri, ...rest);
    }
    const home = vscode.workspace.getWorkspaceFolder(source) ?? folders[0];
    return vscode.Uri.joinPath(home.uri, ...location.split('/'));
  };
  const articleText = (location: string) => {
    const uri = resolveLocation(location);
    if (!uri) return undefined;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    try {
      let t = open ? open.getText() : readFileSync(uri.fsPath, 'utf8');
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      return { text: t, sha256: sha256Text(t) };
    } catch {
      return undefined;
    }
  };

  const result = importWebAnnotations(text, { baseUrl: vscode.workspace.getConfiguration('newsLens').get<string>('export.baseUrl', '').trim() || undefined, article: articleText });
  if (!result.ok) return fail(`${name} cannot be imported: ${result.error}`);
  if (!result.sidecars.length) return fail(`${name} holds no annotations to import.`, 'warning');

  // Let the sidecar store finish its own writes first, so the comparison is with the disk as it will stay.
  const settled = (services.sidecars as { settled?: () => Promise<void> }).settled;
  if (settled) await settled.call(services.sidecars);

  const plans: ImportPlan[] = [];
  const warnings = [...result.warnings];
  for (const [i, sidecar] of result.sidecars.entries()) {
    const location = result.locations[i];
    const article = resolveLocation(location);
    if (!article) return fail(`${name} names an article outside the workspace (${JSON.stringify(location)}); nothing was imported.`);
    const sidecarFile = sidecarPathFor(article.fsPath);
    const cmp = compareImport(sidecarFile, sidecar);
    const action: ImportPlan['action'] = cmp.action;
    const detail = cmp.detail;
    const now = articleText(location);
    if (!now) warnings.push(`${location}: the article is not in the workspace; its annotations are saved anyway and will anchor when it is`);
    else if (now.sha256 !== sidecar.document.sha256) warnings.push(`${location}: the article changed since these annotations were made; they are re-anchored by their quotes`);
    plans.push({ location, article, sidecarFile, sidecar, action, ...(detail ? { detail } : {}) });
  }

  const invalid = plans.filter((p) => p.action === 'invalid');
  if (invalid.length) {
    return fail(
      `nothing was imported: ${invalid.map((p) => `the annotations of ${p.location} do not load (${p.detail})`).join('; ')}. News Lens never writes over a damaged annotations file: fix it or move it away, then import again.`,
    );
  }
  const differs = plans.filter((p) => p.action === 'differs');
  if (differs.length && !args.replace) {
    const list = differs.slice(0, 5).map((p) => `${p.location}: ${p.detail}`).join('\n');
    const choice = await tell(
      'warning',
      `${plural(differs.length, 'article')} already ${differs.length === 1 ? 'has' : 'have'} different annotations than ${name}. Replace them with the imported ones?`,
      { modal: true, detail: `${list}${differs.length > 5 ? `\n… and ${differs.length - 5} more` : ''}\n\nNothing is written unless you choose Replace.` },
      'Replace',
    );
    if (choice !== 'Replace') return fail(`nothing was imported: ${plural(differs.length, 'annotations file')} would have been replaced.`, 'info');
  }
  for (const p of differs) p.action = 'replace';

  const written: ImportPlan[] = [];
  try {
    for (const p of plans) {
      if (p.action === 'unchanged') continue;
      await writeSidecar(p.sidecarFile, p.sidecar);
      written.push(p);
    }
  } catch (err: any) {
    return fail(`the import stopped after ${plural(written.length, 'annotations file')}: ${err?.message ?? err}`);
  }
  // Read them back now rather than when the file watcher gets to it, so views update at once.
  const reload = (services.sidecars as { reload?: (u: vscode.Uri) => Promise<void> }).reload;
  if (reload) await Promise.all(written.map((p) => reload.call(services.sidecars, p.article)));

  const annotations = written.reduce((n, p) => n + p.sidecar.annotations.length, 0);
  const unchanged = plans.length - written.length;
  const created = written.filter((p) => p.action === 'create').length;
  const parts = [
    `imported ${plural(annotations, 'annotation')} into ${plural(written.length, 'article')} from ${name}`,
    created && created < written.length ? `(${created} new, ${written.length - created} replaced)` : '',
    unchanged ? `; ${plural(unchanged, 'article')} already had ${unchanged === 1 ? 'its' : 'their'} annotations` : '',
  ].filter(Boolean);
  const message = `${parts.join(' ')}.${warnings.length ? ` ${warnings.slice(0, 2).join('; ')}${warnings.length > 2 ? `; and ${warnings.length - 2} more` : ''}.` : ''}`;
  for (const w of warnings) console.warn(`[news-lens import] ${w}`);
  if (written.length === 1) {
    void tell(warnings.length ? 'warning' : 'info', message, {}, 'Open Article').then((c) => {
      if (c === 'Open Article') void vscode.window.showTextDocument(written[0].article, { preview: false });
    });
  } else {
    void tell(warnings.length ? 'warning' : 'info', written.length ? message : `${name}: every article already has these annotations; nothing to import.`);
  }
  return { written, unchanged, annotations, warnings };
}

function fail(message: string, level: 'error' | 'warning' | 'info' = 'error'): undefined {
  void tell(level, message);
  return undefined;
}

async function pickSource(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    defaultUri: folder,
    canSelectMany: false,
    canSelectFiles: true,
    canSelectFolders: false,
    openLabel: 'Import',
    title: 'Import W3C Web Annotations',
    filters: { 'Web Annotations (JSON-LD)': ['jsonld', 'json'], 'All files': ['*'] },
  });
  return picked?.[0];
}
