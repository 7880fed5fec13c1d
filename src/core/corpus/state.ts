// A corpus snapshot in a compact form that can be stored and read back: what a reopened
// workspace shows before (or instead of) rebuilding the live index. Mentions are flat numbers,
// paths are indexes into the document list, and the merge reasons are worked out again when read.
import type { EntityType } from '../types';
import { explainMerge } from './names';
import type { CanonicalEntity, CorpusSnapshot, FigureGroup, MergeReason, Mention, Topic } from './model';

export const STATE_VERSION = 1;

export interface CorpusState {
  v: number;
  /** What the state was made from; a reader compares it with its own before trusting the state. */
  key: string;
  documents: string[];
  /** [id, name, type, variants, document indexes, mentions as [document index, start, end, form index]*] — form -1 is the name. */
  entities: [string, string, EntityType, string[], number[], number[]][];
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

function entityState(e: CanonicalEntity, index: ReadonlyMap<string, number>, readMentions: MentionReader): CorpusState['entities'][number] {
  const forms = new Map<string, number>([[e.name.toLowerCase(), -1]]);
  e.variants.forEach((v, i) => forms.set(v.toLowerCase(), i));
  const flat: number[] = [];
  readMentions(e, (document, start, end, text) => flat.push(index.get(document) ?? -1, start, end, forms.get(text.toLowerCase()) ?? -1));
  return [e.id, e.name, e.type, e.variants, e.documents.map((d) => index.get(d) ?? -1), flat];
}

/** The snapshot a state stands for. Mentions and merge reasons are made when first read. */
export function snapshotOf(state: CorpusState): CorpusSnapshot {
  const docs = state.documents;
  const entities = state.entities.map(([id, name, type, variants, documents, flat]) => {
    const e = { id, name, type, variants, documents: documents.map((i) => docs[i]) } as CanonicalEntity;
    let mentions: Mention[] | undefined;
    let merges: MergeReason[] | undefined;
    Object.defineProperty(e, 'mentions', {
      enumerable: true,
      configurable: true,
      get: () => {
        if (!mentions) {
          mentions = [];
          for (let i = 0; i < flat.length; i += 4) mentions.push({ document: docs[flat[i]], start: flat[i + 1], end: flat[i + 2], text: flat[i + 3] < 0 ? name : variants[flat[i + 3]] ?? name });
        }
        return mentions;
      },
    });
    Object.defineProperty(e, 'merges', { enumerable: true, configurable: true, get: () => (merges ??= variants.map((v) => explainMerge(v, name, type))) });
    return e;
  });
  return { documents: docs, entities, claimGroups: state.claimGroups, topics: state.topics };
}
