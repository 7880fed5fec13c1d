// The canonical shape of an annotation: a fixed key order and no undefined fields. Serializing
// and comparing both go through it, so "equal" means "would be written identically".
import type { Annotation, Reply, Sidecar } from './model';
import { sortAnnotations } from './order';

export function canonicalReply(r: Reply): Reply {
  return { id: r.id, author: r.author, created: r.created, modified: r.modified, body: r.body };
}

export function canonicalAnnotation(a: Annotation): Annotation {
  const t = a.target;
  const out: Annotation = {
    id: a.id,
    kind: a.kind,
    created: a.created,
    modified: a.modified,
    author: a.author,
    target: { start: t.start, end: t.end, exact: t.exact, prefix: t.prefix, suffix: t.suffix },
    body: a.body,
  } as Annotation;
  if (a.status !== undefined) out.status = a.status;
  if (a.verdict !== undefined) out.verdict = a.verdict;
  if (a.type !== undefined) out.type = a.type;
  if (a.name !== undefined) out.name = a.name;
  if (a.rejected !== undefined) out.rejected = a.rejected;
  if (a.accepted !== undefined) out.accepted = a.accepted;
  out.tags = [...(a.tags ?? [])];
  out.links = [...(a.links ?? [])];
  if (a.replies !== undefined) out.replies = a.replies.map(canonicalReply);
  if (a.anchorScore !== undefined) out.anchorScore = a.anchorScore;
  return out;
}

export function canonicalSidecar(s: Sidecar): Sidecar {
  return {
    version: s.version,
    document: { path: s.document.path, sha256: s.document.sha256 },
    status: s.status,
    annotations: sortAnnotations(s.annotations).map(canonicalAnnotation),
  };
}

export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return JSON.stringify(canonicalAnnotation(a)) === JSON.stringify(canonicalAnnotation(b));
}
