// What the corpus index knows about the spans of the open article: the canonical entity of a
// mention, the figure group of a claim, whether a claim's figure disagrees with another article.
//
// The index holds the analysis of each article as saved; the editor's analysis is of the live
// text, whose offsets and claim indices may differ while it is being edited. So spans are matched
// by what they say (an entity's text, a claim's text and value), not by position.
import type * as vscode from 'vscode';
import type { CanonicalEntity, Figure, FigureGroup } from '../../core/corpus/model';
import type { Claim, Entity } from '../../core/types';
import type { CorpusService } from '../services/contracts';

interface DocLinks {
  entities: Map<string, CanonicalEntity>;
  groups: Map<string, FigureGroup>;
}

const claimKey = (c: Claim) => `${c.text}\u0000${String(c.value)}`;

export class CorpusLinks {
  private cache = new Map<string, DocLinks>();

  constructor(private readonly corpus: () => CorpusService | undefined) {}

  /** Forget everything (the index changed). */
  clear(): void {
    this.cache.clear();
  }

  get ready(): boolean {
    return !!this.corpus()?.index();
  }

  private links(uri: vscode.Uri): DocLinks | undefined {
    const corpus = this.corpus();
    const index = corpus?.index();
    if (!corpus || !index) return undefined;
    const path = corpus.documentKey(uri);
    let l = this.cache.get(path);
    if (l) return l;
    l = { entities: new Map(), groups: new Map() };
    const doc = index.document(path);
    if (doc) {
      doc.analysis.entities.forEach((e, i) => {
        const k = `${e.type}\u0000${e.text}`;
        if (l!.entities.has(k)) return;
        const ce = index.entityOfMention(path, i);
        if (ce) l!.entities.set(k, ce);
      });
      doc.analysis.claims.forEach((c, i) => {
        const k = claimKey(c);
        if (l!.groups.has(k)) return;
        const g = corpus.figureGroupFor(uri, i);
        if (g) l!.groups.set(k, g);
      });
    }
    this.cache.set(path, l);
    return l;
  }

  /** The corpus entity a mention in the open article stands for. */
  entityFor(uri: vscode.Uri, e: Entity): CanonicalEntity | undefined {
    const hit = this.links(uri)?.entities.get(`${e.type}\u0000${e.text}`);
    if (hit) return hit;
    // Not in the saved article (typed since, or a new file): by name across the corpus.
    const snap = this.corpus()?.snapshot();
    if (!snap) return undefined;
    const names = new Set([e.text, e.canonical].filter(Boolean) as string[]);
    return (
      snap.entities.find((c) => c.type === e.type && (names.has(c.name) || c.variants.some((v) => names.has(v)))) ??
      snap.entities.find((c) => names.has(c.name) || c.variants.some((v) => names.has(v)))
    );
  }

  groupFor(uri: vscode.Uri, c: Claim): FigureGroup | undefined {
    return this.links(uri)?.groups.get(claimKey(c));
  }

  /** The figure this claim states within its group, and the figures other articles give. */
  figuresOf(uri: vscode.Uri, c: Claim): { group: FigureGroup; mine?: Figure; others: Figure[] } | undefined {
    const group = this.groupFor(uri, c);
    const corpus = this.corpus();
    if (!group || !corpus) return undefined;
    const path = corpus.documentKey(uri);
    const mine = group.figures.find((f) => f.claims.some((r) => r.document === path && r.claim.text === c.text));
    const others = group.figures.filter((f) => f !== mine && f.documents.some((d) => d !== path));
    return { group, mine, others };
  }

  /** The claim's figure disagrees with a figure another article gives for the same thing. */
  isConflict(uri: vscode.Uri, c: Claim): boolean {
    const f = this.figuresOf(uri, c);
    return !!f && f.group.agreement === 'conflict' && f.others.some((o) => String(o.value) !== String(f.mine?.value ?? c.value));
  }
}
