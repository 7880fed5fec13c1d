// The sidebar's tree nodes, free of `vscode` so the tree models can be built and benchmarked in
// plain Node (scripts/bench/sidebar.mjs). The extension maps each node to a TreeItem.

/** Where clicking a node takes the reviewer: an article, optionally a span in it (UTF-16, end exclusive). */
export interface Target {
  document: string;
  start?: number;
  end?: number;
}

export type Expand = 'none' | 'collapsed' | 'expanded';

export interface Icon {
  /** A codicon id ("warning", "person"). */
  id: string;
  /** A theme color id ("problemsWarningIcon.foreground"). */
  color?: string;
}

export interface ViewNode {
  /** Unique in its view and stable across refreshes: VS Code keeps expansion and selection by it. */
  readonly id: string;
  /** The scheme documented in annotationsModel.ts; menus in package.json match on it. */
  contextValue: string;
  label: string;
  /** Characters of `label` to highlight (the matched filter text). */
  highlight?: [number, number];
  description?: string;
  tooltip?: string;
  icon?: Icon;
  expand: Expand;
  target?: Target;
  /** Canonical entity shown (for Copy Name, Show All Mentions and follow-cursor). */
  entityId?: string;
  /** Name to copy (Copy Name). */
  name?: string;
  parent?: ViewNode;
  /**
   * The item the node shows. Unless the listing says otherwise, refreshes compare it by identity:
   * the corpus index keeps the objects of entities and figure groups an edit did not touch, so
   * those nodes (and their expanded children) are kept as they are.
   */
  data?: unknown;
  /** What the node was made from, compared on refresh (set by LazyTree). */
  version?: unknown;
  /** For "… N more" nodes: the parent whose list it extends. */
  moreOf?: string;
}

/** How many children a node lists before a "… N more" node. */
export const PAGE_SIZE = 250;

export function moreNode(parentId: string, parent: ViewNode | undefined, remaining: number): ViewNode {
  const next = Math.min(remaining, PAGE_SIZE);
  return {
    id: `${parentId}/…more`,
    contextValue: 'more',
    label: `… ${remaining.toLocaleString('en-US')} more`,
    tooltip: `Show ${next === remaining ? 'the remaining' : `${next.toLocaleString('en-US')} more of the`} ${remaining.toLocaleString('en-US')}`,
    icon: { id: 'ellipsis' },
    expand: 'none',
    parent,
    moreOf: parentId,
  };
}

export function messageNode(id: string, label: string, parent?: ViewNode, icon = 'info'): ViewNode {
  return { id, contextValue: 'message', label, expand: 'none', parent, icon: { id: icon } };
}
