// Making and changing annotations. Deterministic: the caller passes the clock and the UUID, so the
// extension, the CLI and the tests build byte-identical annotations from the same inputs.
import type { EntityType } from '../types';
import { makeTarget } from './anchoring';
import { canonicalAnnotation, sameAnnotation } from './canonical';
import type { Annotation, AnnotationKind, NoteStatus, Reply, Verdict } from './model';
import { ANNOTATION_KINDS, NOTE_STATUSES, VERDICTS } from './model';

export interface CreateAnnotationOptions {
  kind: AnnotationKind;
  /** The article's current text; the span is quoted from it. */
  text: string;
  start: number;
  end: number;
  author: string;
  /** ISO timestamp (new Date().toISOString()). */
  now: string;
  /** A UUID (crypto.randomUUID()). */
  id: string;
  body?: string;
  verdict?: Verdict;
  status?: NoteStatus;
  tags?: string[];
  links?: string[];
  type?: EntityType;
  name?: string;
  rejected?: boolean;
  accepted?: boolean;
}

const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organization'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LINK = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** Throws a TypeError naming the first option that does not fit the annotation's kind. */
export function createAnnotation(opts: CreateAnnotationOptions): Annotation {
  if (!ANNOTATION_KINDS.includes(opts.kind)) throw new TypeError(`unknown annotation kind "${opts.kind}" (one of ${ANNOTATION_KINDS.join(', ')})`);
  if (!UUID.test(opts.id)) throw new TypeError(`annotation id must be a UUID, got "${opts.id}"`);
  if (opts.end <= opts.start) throw new RangeError(`an annotation needs a non-empty span (got ${opts.start}-${opts.end})`);
  const a: Annotation = {
    id: opts.id,
    kind: opts.kind,
    created: opts.now,
    modified: opts.now,
    author: opts.author,
    target: makeTarget(opts.text, opts.start, opts.end),
    body: opts.body ?? '',
    tags: [],
    links: [],
  };
  if (opts.kind === 'note') a.status = opts.status ?? 'open';
  return checked(applyPatch(a, { verdict: opts.verdict, status: opts.status, tags: opts.tags, links: opts.links, type: opts.type, name: opts.name, rejected: opts.rejected, accepted: opts.accepted }));
}

/** Fields a reviewer can change. `null` clears an optional field (a verdict back to unreviewed). */
export interface AnnotationPatch {
  body?: string;
  status?: NoteStatus | null;
  verdict?: Verdict | null;
  tags?: string[];
  links?: string[];
  type?: EntityType | null;
  name?: string | null;
  rejected?: boolean | null;
  accepted?: boolean | null;
  replies?: Reply[];
}

/**
 * A changed copy with `modified` set to `now` — or `a` itself when the patch changes nothing, so
 * that opening and closing an editor never touches the file. A user edit also clears
 * `anchorScore`: the reviewer has seen where the annotation now sits.
 */
export function updateAnnotation(a: Annotation, patch: AnnotationPatch, now: string): Annotation {
  const next = checked(applyPatch(a, patch));
  if (sameAnnotation(next, a)) return a;
  const out = { ...next, modified: now };
  delete out.anchorScore;
  return canonicalAnnotation(out);
}

/** Adds a reply to a note's thread. */
export function addReply(a: Annotation, reply: { id: string; author: string; body: string }, now: string): Annotation {
  if (!UUID.test(reply.id)) throw new TypeError(`reply id must be a UUID, got "${reply.id}"`);
  const r: Reply = { id: reply.id, author: reply.author, created: now, modified: now, body: reply.body };
  return updateAnnotation(a, { replies: [...(a.replies ?? []), r] }, now);
}

function applyPatch(a: Annotation, patch: AnnotationPatch): Annotation {
  const out: Annotation = { ...a };
  for (const key of Object.keys(patch) as (keyof AnnotationPatch)[]) {
    const v = patch[key];
    if (v === undefined) continue;
    if (v === null) delete (out as any)[key];
    else (out as any)[key] = Array.isArray(v) ? [...v] : v;
  }
  return out;
}

function checked(a: Annotation): Annotation {
  if (a.verdict !== undefined) {
    if (a.kind !== 'claim' && a.kind !== 'quote') throw new TypeError(`only claims and quotes take a verdict, not a ${a.kind}`);
    if (!VERDICTS.includes(a.verdict)) throw new TypeError(`unknown verdict "${a.verdict}" (one of ${VERDICTS.join(', ')})`);
  }
  if (a.status !== undefined) {
    if (a.kind !== 'note') throw new TypeError(`only notes have an open/resolved status, not a ${a.kind}`);
    if (!NOTE_STATUSES.includes(a.status)) throw new TypeError(`unknown note status "${a.status}" (open or resolved)`);
  }
  for (const f of ['type', 'name', 'rejected', 'accepted'] as const) {
    if (a[f] !== undefined && a.kind !== 'entity') throw new TypeError(`only entity corrections take "${f}", not a ${a.kind}`);
  }
  if (a.type !== undefined && !ENTITY_TYPES.includes(a.type)) throw new TypeError(`unknown entity type "${a.type}" (one of ${ENTITY_TYPES.join(', ')})`);
  if (a.name !== undefined && !a.name.trim()) throw new TypeError('an entity name cannot be empty');
  if (a.rejected && a.accepted) throw new TypeError('an entity cannot be both rejected and accepted');
  for (const t of a.tags) if (!t) throw new TypeError('tags cannot be empty');
  for (const l of a.links) if (!LINK.test(l)) throw new TypeError(`"${l}" is not a URL`);
  return canonicalAnnotation(a);
}
