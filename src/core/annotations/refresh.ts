// Bringing stored targets up to date with the article's current text before a save, so that
// `document.sha256` and every target describe the same text. Orphans keep their old target: it
// is all that is left of what they pointed at. `modified` is left alone (the reviewer changed
// nothing), so merges still rank annotations by real edits.
import { anchorAll, makeTarget } from './anchoring';
import type { AnchoredAnnotation, Annotation, Sidecar } from './model';
import { sortAnnotations } from './order';

export function retarget(x: AnchoredAnnotation, text: string): Annotation {
  const a = x.annotation;
  if (x.state === 'orphaned' || x.start === undefined || x.end === undefined) return a;
  const target = makeTarget(text, x.start, x.end);
  const t = a.target;
  const sameTarget = t.start === target.start && t.end === target.end && t.exact === target.exact && t.prefix === target.prefix && t.suffix === target.suffix;
  if (sameTarget) return a;
  const out: Annotation = { ...a, target };
  // A fuzzy re-anchor is recorded so the reviewer can be asked to check it.
  if (x.score < 1) out.anchorScore = Math.round(x.score * 1000) / 1000;
  return out;
}

/** The sidecar as it should be saved against `text` (whose sha256 is `sha256`). Unchanged when the text is. */
export function refreshSidecar(s: Sidecar, text: string, sha256: string): Sidecar {
  if (s.document.sha256 === sha256) return s;
  const annotations = sortAnnotations(anchorAll(s, text).map((x) => retarget(x, text)));
  return { ...s, document: { ...s.document, sha256 }, annotations };
}
