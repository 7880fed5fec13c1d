// A corpus snapshot in a compact form that can be stored and read back: what a reopened
// workspace shows before (or instead of) rebuilding the live index. Mentions are flat numbers,
// paths are indexes into the document list, and only the merge reasons the names would not give
// again are kept. The mirror (mirror.ts, entityStore.ts) reads it back.
import type { EntityType } from '../types';
import { explainMerge } from './names';
import type { CanonicalEntity, CorpusSnapshot, FigureGroup, MergeRule, Topic } from './model';

export const STATE_VERSION = 3;

export interface CorpusState {
  v: number;
  /** What the state was made from; a reader compares it with its own before trusting the state. */
  key: string;
  documents: string[];
  /**
   * [id, name, type, variants, document indexes, mentions as [document index, start, end, form index]*, other forms?, merges?]:
   * form -1 is the name, 0… the variants, then the other forms (a mention written in other capitals
   * than its variant); merges, by variant, are 0 where the reason can be worked out again from the
   * names alone and [rule, score] where an article stated it (an acronym spelled out).
   */
  entities: [string, string, EntityType, string[], number[], number[], (string[] | null)?, (0 | [MergeRule, number])[]?][];
  claimGroups: FigureGroup[];
  topics: Topic[];
}

/** Calls `emit` for each mention of an entity, without making Mention objects. */
export type MentionReader = (e: CanonicalEntity, emit: (document: string, start: number, end: number, text: string) => void) => void;

/** The snapshot as a state (entities' mentions read once, flat). */
export function stateOf(snapshot: CorpusSnapshot, key: string, readMentions: MentionReader): CorpusState {
  const index = new Map(snapshot.documents.map((d, i) => [d, i]));
  const entities: CorpusState['entities'] = snapshot.entities.map((e) => entityState(e, index, readMentions));
  return { v: STATE_VERSION, key, documents: snapshot.documents, entities, claimGroups: snapshot.claimGroups, topics: snapshot.topics };
}

/**
 * The state's JSON text, handed to `write` a piece at a time (the same text as
 * `JSON.stringify(stateOf(…))`): neither the whole state nor the whole text is ever held.
 */
export function writeStateJson(snapshot: CorpusSnapshot, key: string, readMentions: MentionReader, write: (chunk: string) => void): void {
  const index = new Map(snapshot.documents.map((d, i) => [d, i]));
  let buf = `{"v":${STATE_VERSION},"key":${JSON.stringify(key)},"documents":${JSON.stringify(snapshot.documents)}`;
  const list = <T>(name: string, items: readonly T[], json: (x: T) => string) => {
    buf += `,"${name}":[`;
    items.forEach((x, i) => {
      buf += (i ? ',' : '') + json(x);
      if (buf.length >= 1 << 16) {
        write(buf);
        buf = '';
      }
    });
    buf += ']';
  };
  list('entities', snapshot.entities, (e) => JSON.stringify(entityState(e, index, readMentions)));
  list('claimGroups', snapshot.claimGroups, (g) => JSON.stringify(g));
  list('topics', snapshot.topics, (t) => JSON.stringify(t));
  write(buf + '}');
}

/** An entity as a state holds it, with documents as numbers (`docNumber`). */
export type EntityTuple = CorpusState['entities'][number];

/** A mention's form as a number: -1 the name, 0… the variants, then the other forms as first met. */
export class FormNumbers {
  private readonly forms: Map<string, number>;
  /** The forms that are neither the name nor a variant, in order. */
  other: string[] | undefined;

  constructor(private readonly e: CanonicalEntity) {
    this.forms = new Map<string, number>([[e.name, -1]]);
    e.variants.forEach((v, i) => this.forms.set(v, i));
  }

  of(text: string): number {
    let form = this.forms.get(text);
    if (form === undefined) {
      this.other ??= [];
      form = this.e.variants.length + this.other.push(text) - 1;
      this.forms.set(text, form);
    }
    return form;
  }
}

export function entityTuple(e: CanonicalEntity, docNumber: (path: string) => number, readMentions: MentionReader): EntityTuple {
  const forms = new FormNumbers(e);
  const flat: number[] = [];
  readMentions(e, (document, start, end, text) => flat.push(docNumber(document), start, end, forms.of(text)));
  const merges = statedMerges(e);
  const other = forms.other;
  const t: EntityTuple = [e.id, e.name, e.type, e.variants, e.documents.map(docNumber), flat];
  if (other || merges) t.push(other ?? null);
  if (merges) t.push(merges);
  return t;
}

/** Only the merge reasons that the names alone would not give again (by variant; undefined when none). */
export function statedMerges(e: CanonicalEntity): (0 | [MergeRule, number])[] | undefined {
  let merges: (0 | [MergeRule, number])[] | undefined;
  e.merges.forEach((m, i) => {
    const again = explainMerge(m.variant, e.name, e.type);
    if (again.rule === m.rule && again.score === m.score) return;
    merges ??= e.variants.map(() => 0 as const);
    merges[i] = [m.rule, m.score];
  });
  return merges;
}

function entityState(e: CanonicalEntity, index: ReadonlyMap<string, number>, readMentions: MentionReader): EntityTuple {
  return entityTuple(e, (d) => index.get(d) ?? -1, readMentions);
}
