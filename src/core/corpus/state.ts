// A corpus snapshot in a compact form that can be stored and read back: what a reopened
// workspace shows before (or instead of) rebuilding the live index. Mentions are flat numbers,
// paths are indexes into the document list, and the merge reasons are worked out again when read.
import type { EntityType } from '../types';
import { explainMerge } from './names';
import type { CanonicalEntity, CorpusSnapshot, FigureGroup, MergeReason, MergeRule, Mention, Topic } from './model';

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

export function entityTuple(e: CanonicalEntity, docNumber: (path: string) => number, readMentions: MentionReader): EntityTuple {
  const forms = new Map<string, number>([[e.name, -1]]);
  e.variants.forEach((v, i) => forms.set(v, i));
  const flat: number[] = [];
  let other: string[] | undefined;
  readMentions(e, (document, start, end, text) => {
    let form = forms.get(text);
    if (form === undefined) {
      other ??= [];
      form = e.variants.length + other.push(text) - 1;
      forms.set(text, form);
    }
    flat.push(docNumber(document), start, end, form);
  });
  // Only the merge reasons that the names alone would not give again.
  let merges: (0 | [MergeRule, number])[] | undefined;
  e.merges.forEach((m, i) => {
    const again = explainMerge(m.variant, e.name, e.type);
    if (again.rule === m.rule && again.score === m.score) return;
    merges ??= e.variants.map(() => 0 as const);
    merges[i] = [m.rule, m.score];
  });
  const t: EntityTuple = [e.id, e.name, e.type, e.variants, e.documents.map(docNumber), flat];
  if (other || merges) t.push(other ?? null);
  if (merges) t.push(merges);
  return t;
}

function entityState(e: CanonicalEntity, index: ReadonlyMap<string, number>, readMentions: MentionReader): EntityTuple {
  return entityTuple(e, (d) => index.get(d) ?? -1, readMentions);
}

/** Where an entity made from a tuple keeps it (and what is made from it when first read). */
const SOURCE = Symbol('entity tuple');

interface Source {
  t: EntityTuple;
  docs: readonly string[];
  mentions?: Mention[];
  merges?: MergeReason[];
}

// One getter for every entity (not a closure each): tens of thousands of entities share them.
function mentionsOfSource(this: { [SOURCE]: Source }): Mention[] {
  const s = this[SOURCE];
  if (!s.mentions) {
    const [, name, , variants, , flat, other] = s.t;
    const docs = s.docs;
    const mentions: Mention[] = [];
    for (let i = 0; i < flat.length; i += 4) {
      const f = flat[i + 3];
      mentions.push({ document: docs[flat[i]], start: flat[i + 1], end: flat[i + 2], text: f < 0 ? name : f < variants.length ? variants[f] : other?.[f - variants.length] ?? name });
    }
    s.mentions = mentions;
  }
  return s.mentions;
}

function mergesOfSource(this: { [SOURCE]: Source }): MergeReason[] {
  const s = this[SOURCE];
  const [, name, type, variants, , , , stated] = s.t;
  return (s.merges ??= variants.map((v, i) => {
    const m = stated?.[i];
    return m ? { variant: v, rule: m[0], score: m[1] } : explainMerge(v, name, type);
  }));
}

/**
 * The entity a tuple stands for, its documents numbered into `docs`. Mentions and merge reasons
 * are made when first read.
 */
export function entityOfTuple(t: EntityTuple, docs: readonly string[]): CanonicalEntity {
  const e = { id: t[0], name: t[1], type: t[2], variants: t[3], documents: t[4].map((i) => docs[i]) } as CanonicalEntity;
  Object.defineProperty(e, SOURCE, { value: { t, docs } satisfies Source, enumerable: false });
  Object.defineProperty(e, 'mentions', { get: mentionsOfSource, enumerable: true, configurable: true });
  Object.defineProperty(e, 'merges', { get: mergesOfSource, enumerable: true, configurable: true });
  return e;
}

/** The tuple an entity was made from by `entityOfTuple`. */
export function tupleOfEntity(e: CanonicalEntity): EntityTuple | undefined {
  return (e as unknown as { [SOURCE]?: Source })[SOURCE]?.t;
}

/** The snapshot a state stands for. Mentions and merge reasons are made when first read. */
export function snapshotOf(state: CorpusState): CorpusSnapshot {
  const docs = state.documents;
  return { documents: docs, entities: state.entities.map((t) => entityOfTuple(t, docs)), claimGroups: state.claimGroups, topics: state.topics };
}
