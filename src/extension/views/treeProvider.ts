// Adapts a vscode-free tree model (model/*.ts) to a TreeDataProvider: nodes become TreeItems,
// clicks run Go to Mention, and a data change fires only the nodes the model says changed.
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { Changes, LazyTree } from './model/lazyTree';
import type { ViewNode } from './model/node';

export class ModelTreeProvider implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ViewNode | ViewNode[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** How many nodes the last refresh re-read (undefined = the whole tree); for the tests. */
  lastRefresh: { root: boolean; nodes: number } | undefined;

  constructor(
    readonly viewId: string,
    readonly model: LazyTree,
    /** False while there is nothing to show (no folder, no articles): the welcome view shows instead. */
    private readonly hasData: () => boolean,
  ) {}

  getTreeItem(node: ViewNode): vscode.TreeItem {
    const item = new vscode.TreeItem(
      node.highlight ? { label: node.label, highlights: [node.highlight] } : node.label,
      node.expand === 'none' ? vscode.TreeItemCollapsibleState.None : node.expand === 'expanded' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.contextValue;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    if (node.moreOf !== undefined) {
      item.command = { command: CommandId.SidebarShowMore, title: 'Show More', arguments: [node, this.viewId] };
    } else if (node.target && node.expand === 'none') {
      // Leaves open their span; parents expand on click and open from their context menu.
      item.command = { command: CommandId.GoToMention, title: 'Go to Mention', arguments: [node] };
    }
    return item;
  }

  async getChildren(node?: ViewNode): Promise<ViewNode[]> {
    if (!this.hasData()) return [];
    await this.model.prepare(node);
    return this.model.children(node);
  }

  getParent(node: ViewNode): ViewNode | undefined {
    return node.parent;
  }

  /** After a data change: re-read only what changed. */
  refresh(): Changes {
    const changes = this.model.refresh();
    this.lastRefresh = { root: changes.root, nodes: changes.nodes.length };
    if (changes.root) this.emitter.fire(undefined);
    else if (changes.nodes.length) this.emitter.fire(changes.nodes);
    return changes;
  }

  /** After a sort or filter change, or when data first arrives: everything anew. */
  reset(): void {
    this.model.reset();
    this.lastRefresh = undefined;
    this.emitter.fire(undefined);
  }

  /** Tell VS Code these nodes' children changed (pages grew). */
  fire(nodes: (ViewNode | undefined)[]): void {
    if (nodes.some((n) => !n)) this.emitter.fire(undefined);
    else if (nodes.length) this.emitter.fire(nodes as ViewNode[]);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
