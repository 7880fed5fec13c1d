// Each view's sort and filter, remembered per workspace (workspaceState), so a reviewer's
// choice survives a reload of the same folder and does not leak into other folders.
import type * as vscode from 'vscode';
import { DEFAULT_OPTIONS, type ViewOptions } from './model/lazyTree';

const key = (viewId: string) => `newsLens.sidebar.options.${viewId}`;

export function loadOptions(memento: vscode.Memento, viewId: string): ViewOptions {
  const saved = memento.get<Partial<ViewOptions>>(key(viewId));
  return { ...DEFAULT_OPTIONS, ...(saved ?? {}) };
}

export function saveOptions(memento: vscode.Memento, viewId: string, o: ViewOptions): Thenable<void> {
  return memento.update(key(viewId), o);
}

export function describeOptions(o: ViewOptions, facetLabel: (f: string) => string): string | undefined {
  const parts: string[] = [];
  if (o.facets.length) parts.push(o.facets.map(facetLabel).join(', '));
  if (o.text) parts.push(`“${o.text}”`);
  return parts.length ? `Filtered: ${parts.join(' · ')}` : undefined;
}
