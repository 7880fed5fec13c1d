// Merging two versions of one sidecar: the one in memory (`local`, what this window is about to
// save) and the one on disk (`disk`, written meanwhile by another window, the CLI, or a git
// pull). Annotations are matched by id; when both sides have one, the later `modified` wins and
// reply threads are united, so a reply written on either side is never lost.
//
// Without a `base` (the version both sides started from), an id present on one side only is
// kept: a two-way merge cannot tell "deleted here" from "added there", and keeping is the choice
// that never loses work. With a base, deletions are honoured unless the other side edited the
// annotation after the base.
import { canonicalAnnotation, canonicalReply, sameAnnotation } from './canonical';
import type { Annotation, Reply, Sidecar } from './model';
import { compareModified, sortAnnotations } from './order';

export interface MergeConflict {
  /** The annotation's id, or null for the article's review status. */
  id: string | null;
  kept: 'local' | 'disk';
  reason: string;
}

export interface MergeSummary {
  /** Ids that only the disk version had, now added. */
  added: string[];
  /** Ids whose disk version was newer and replaced the local one. */
  updated: string[];
  /** Ids dropped because the other side deleted them (only with a base). */
  removed: string[];
  /** Ids whose reply threads were united from both sides. */
  repliesMerged: string[];
}

export interface MergeResult {
  sidecar: Sidecar;
  conflicts: MergeConflict[];
  summary: MergeSummary;
  /** True when the result differs from `local`. */
  changed: boolean;
}

/** Which of two versions of the same annotation to keep, with both sides' replies. */
export function mergeAnnotationVersions(
  local: Annotation,
  disk: Annotation,
  tie: 'local' | 'disk' = 'local',
): { annotation: Annotation; winner: 'local' | 'disk' | 'same'; repliesMerged: boolean } {
  if (sameAnnotation(local, disk)) return { annotation: local, winner: 'same', repliesMerged: false };
  const order = compareModified(local.modified, disk.modified);
  const winner = order > 0 ? 'local' : order < 0 ? 'disk' : tie;
  const kept = winner === 'local' ? local : disk;
  const replies = mergeReplies(local.replies, disk.replies);
  const keptReplies = JSON.stringify((kept.replies ?? []).map(canonicalReply));
  const repliesMerged = replies !== undefined && JSON.stringify(replies) !== keptReplies;
  return { annotation: repliesMerged ? { ...kept, replies } : kept, winner, repliesMerged };
}

function mergeReplies(a: Reply[] | undefined, b: Reply[] | undefined): Reply[] | undefined {
  if (!a && !b) return undefined;
  const byId = new Map<string, Reply>();
  for (const r of [...(a ?? []), ...(b ?? [])]) {
    const had = byId.get(r.id);
    if (!had || compareModified(r.modified, had.modified) > 0) byId.set(r.id, r);
  }
  return [...byId.values()]
    .map(canonicalReply)
    .sort((x, y) => compareModified(x.created, y.created) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

export function mergeSidecars(local: Sidecar, disk: Sidecar, base?: Sidecar): MergeResult {
  const localById = new Map(local.annotations.map((a) => [a.id, a]));
  const diskById = new Map(disk.annotations.map((a) => [a.id, a]));
  const baseById = new Map((base?.annotations ?? []).map((a) => [a.id, a]));
  const summary: MergeSummary = { added: [], updated: [], removed: [], repliesMerged: [] };
  const conflicts: MergeConflict[] = [];
  const out: Annotation[] = [];
  const changedSince = (a: Annotation, id: string) => {
    const b = baseById.get(id);
    return !b || !sameAnnotation(a, b);
  };

  for (const id of new Set([...localById.keys(), ...diskById.keys()])) {
    const l = localById.get(id);
    const d = diskById.get(id);
    if (l && d) {
      if (base && baseById.has(id) && !changedSince(d, id)) {
        out.push(l); // only this side (or neither) changed it
        continue;
      }
      if (base && baseById.has(id) && !changedSince(l, id)) {
        out.push(d);
        summary.updated.push(id);
        continue;
      }
      const m = mergeAnnotationVersions(l, d);
      out.push(m.annotation);
      if (m.repliesMerged) summary.repliesMerged.push(id);
      if (m.winner === 'disk') summary.updated.push(id);
      if (m.winner !== 'same') {
        conflicts.push({
          id,
          kept: m.winner,
          reason: `edited on both sides; kept the ${m.winner === 'local' ? 'local' : 'disk'} version (modified ${m.annotation.modified})${m.repliesMerged ? ', with the replies of both' : ''}`,
        });
      }
    } else if (l) {
      if (base && baseById.has(id)) {
        // The disk side deleted it.
        if (changedSince(l, id)) {
          out.push(l);
          conflicts.push({ id, kept: 'local', reason: 'deleted on disk but edited here; kept' });
        } else {
          summary.removed.push(id);
        }
      } else {
        out.push(l);
      }
    } else if (d) {
      if (base && baseById.has(id)) {
        // This side deleted it.
        if (changedSince(d, id)) {
          out.push(d);
          summary.added.push(id);
          conflicts.push({ id, kept: 'disk', reason: 'deleted here but edited on disk; kept' });
        }
      } else {
        out.push(d);
        summary.added.push(id);
      }
    }
  }

  let status = local.status;
  if (local.status !== disk.status) {
    if (base && local.status === base.status) status = disk.status;
    else conflicts.push({ id: null, kept: 'local', reason: `article status is "${local.status}" here and "${disk.status}" on disk; kept "${local.status}"` });
  }

  const sidecar: Sidecar = {
    version: local.version,
    document: { ...local.document },
    status,
    annotations: sortAnnotations(out.map(canonicalAnnotation)),
  };
  const changed =
    status !== local.status ||
    sidecar.annotations.length !== local.annotations.length ||
    sidecar.annotations.some((a) => {
      const l = localById.get(a.id);
      return !l || !sameAnnotation(a, l);
    });
  return { sidecar, conflicts, summary, changed };
}

/** One sentence for the user, or '' when nothing came from the disk side. */
export function describeMerge(r: MergeResult): string {
  const parts: string[] = [];
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  if (r.summary.added.length) parts.push(`${n(r.summary.added.length, 'annotation')} added`);
  if (r.summary.updated.length) parts.push(`${n(r.summary.updated.length, 'annotation')} updated`);
  if (r.summary.removed.length) parts.push(`${n(r.summary.removed.length, 'annotation')} removed`);
  if (r.summary.repliesMerged.length) parts.push(`replies united in ${n(r.summary.repliesMerged.length, 'thread')}`);
  if (r.conflicts.length) parts.push(`${n(r.conflicts.length, 'conflict')} resolved (${r.conflicts.map((c) => c.reason).join('; ')})`);
  return parts.length ? `Merged changes made on disk: ${parts.join(', ')}.` : '';
}
