// "News Lens: Open Review Report": the HTML report of the whole workspace in a webview beside the
// editor. No scripts, a nonce-only style policy, nothing remote (src/extension/export/webviewHtml).
// The panel follows the review: when annotations or the corpus index change it renders again,
// debounced so a burst of changes costs one render, and not at all while hidden (it catches up
// when shown). retainContextWhenHidden stays off: the page has no state worth the memory.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { exportHtmlReport } from '../../core/export';
import type { Services } from '../services/contracts';
import { tell } from './messages';
import { prepareInput } from './prepare';
import { workspaceArticles } from './scope';
import { webviewMessageHtml, webviewReportHtml } from './webviewHtml';

export const REPORT_VIEW_TYPE = 'newsLens.reviewReport';
const REFRESH_DEBOUNCE_MS = 800;
/** On a large corpus a render takes seconds of the extension host's time: wait at least this many
 * render times between renders, so a reviewer annotating with the report open keeps an editor
 * that answers. */
const RENDER_COST_FACTOR = 3;

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Changed while hidden: render when shown again. */
  private stale = false;
  private rendering: Promise<void> | undefined;
  private again = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** How many times the page was rendered (for tests: a refresh happened). */
  renders = 0;
  private lastRenderMs = 0;

  constructor(private readonly services: Services) {
    this.subscriptions.push(
      services.sidecars.onDidChange(() => this.changed()),
      services.corpus.onDidChange(() => this.changed()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('newsLens.organization') || e.affectsConfiguration('newsLens.export.baseUrl')) this.changed();
      }),
    );
  }

  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens the panel (or brings it forward) and resolves once it shows the current report. */
  async show(): Promise<vscode.WebviewPanel> {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      await this.render();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      REPORT_VIEW_TYPE,
      'Review Report',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, enableCommandUris: false, enableForms: false, localResourceRoots: [], retainContextWhenHidden: false },
    );
    this.panel = panel;
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      clearTimeout(this.timer);
    });
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) this.changed();
    });
    panel.webview.html = webviewMessageHtml('Review Report', 'Preparing the report…', nonce());
    await this.render();
    return panel;
  }

  private changed(): void {
    if (!this.panel) return;
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), Math.max(REFRESH_DEBOUNCE_MS, this.lastRenderMs * RENDER_COST_FACTOR));
  }

  /** One render at a time; a change during a render asks for one more afterwards. */
  private render(): Promise<void> {
    if (this.rendering) {
      this.again = true;
      return this.rendering;
    }
    this.rendering = (async () => {
      do {
        this.again = false;
        this.stale = false;
        await this.renderOnce();
      } while (this.again && this.panel);
    })().finally(() => (this.rendering = undefined));
    return this.rendering;
  }

  private async renderOnce(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const t0 = Date.now();
    let html: string;
    try {
      const uris = vscode.workspace.workspaceFolders?.length ? await workspaceArticles(this.services) : [];
      if (!uris.length) {
        html = webviewMessageHtml('Review Report', 'There are no articles in this workspace yet: open a folder of articles (see the newsLens.include setting).', nonce());
      } else {
        const collected = await prepareInput(this.services, uris);
        html = collected.input.articles.length
          ? webviewReportHtml(exportHtmlReport(collected.input), nonce())
          : webviewMessageHtml('Review Report', `No article could be read: ${collected.problems.slice(0, 3).join('; ')}`, nonce());
      }
    } catch (err: any) {
      void tell('error', `the review report could not be made: ${err?.message ?? err}`);
      html = webviewMessageHtml('Review Report', `The report could not be made: ${err?.message ?? err}`, nonce());
    }
    if (this.panel !== panel) return; // closed meanwhile
    panel.webview.html = html;
    this.renders++;
    this.lastRenderMs = Date.now() - t0;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.panel?.dispose();
  }
}

function nonce(): string {
  return randomBytes(18).toString('base64url');
}
