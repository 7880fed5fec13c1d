// One way for every command to change annotations: through the store, which refuses when the
// sidecar does not load; the refusal is always shown (a command never fails silently).
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Sidecar } from '../../core/annotations';
import { SIDECAR_SUFFIX } from '../../core/annotations';
import type { Mutation, WorkspaceSidecarStore } from '../services/sidecarStore';
import { notify, notifyWithOpen } from './notify';

export const newId = (): string => randomUUID();
export const now = (): string => new Date().toISOString();

/** Applies `mutation` to the article's sidecar; shows why not and returns undefined when refused. */
export function change(store: WorkspaceSidecarStore, article: vscode.Uri, mutation: Mutation): Sidecar | undefined {
  const r = store.mutate(article, mutation);
  if (r.ok) return r.sidecar;
  if (store.get(article).error) notifyWithOpen('error', r.reason, article.fsPath + SIDECAR_SUFFIX);
  else void notify('error', `News Lens: ${r.reason}`);
  return undefined;
}
