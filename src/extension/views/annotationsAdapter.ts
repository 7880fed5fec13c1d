// The Annotations view's data over the SidecarStore (absent until the annotations feature is on).
import * as vscode from 'vscode';
import type { Services } from '../services/contracts';
import type { AnnotationArticle, AnnotationsData } from './model/annotationsModel';

export class AnnotationsAdapter implements AnnotationsData {
  private uris = new Map<string, vscode.Uri>();

  constructor(private readonly services: Services) {}

  articles(): string[] {
    const store = this.services.sidecars;
    if (!store) return [];
    return store.articles().map((uri) => {
      const key = uri.toString();
      this.uris.set(key, uri);
      return key;
    });
  }

  get(doc: string): AnnotationArticle {
    const store = this.services.sidecars;
    if (!store) return { anchored: [] };
    const st = store.get(this.uri(doc));
    return { status: st.sidecar?.status, error: st.error ? `${st.error.message} ${st.error.hint}`.trim() : undefined, anchored: st.anchored };
  }

  displayName(doc: string): string {
    return vscode.workspace.asRelativePath(this.uri(doc), false);
  }

  /** Annotation nodes are keyed by URI string; the corpus views by file-system path. */
  uri(doc: string): vscode.Uri {
    return this.uris.get(doc) ?? vscode.Uri.parse(doc);
  }
}
