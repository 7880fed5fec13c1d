// Reads a W3C Web Annotation collection back into sidecars. News Lens's own exports carry every
// field in `newslens:` terms and come back exactly (export → import → serializeSidecar gives the
// same bytes). Annotations from other tools become notes (claims when `assessing`, entity
// reviews when `identifying`/`classifying`), anchored by their selectors.
import {
  ANNOTATION_KINDS,
  ARTICLE_STATUSES,
  CONTEXT_LENGTH,
  NOTE_STATUSES,
  SIDECAR_VERSION,
  VERDICTS,
  type Annotation,
  type AnnotationTarget,
  type ArticleStatus,
  type Reply,
  type Sidecar,
} from '../annotations/model';
import { formatSidecarError, parseSidecar, serializeSidecar } from '../annotations/sidecar';
import type { EntityType } from '../types';
import { pathFromUrl } from './input';
import { ANNO_CONTEXT, idFromIri, NL, WEB_ANNOTATION_EXTENSION_VERSION } from './webAnnotationVocab';

export interface ImportOptions {
  /** The base the export used for article URLs, to find paths of documents the collection does not list. */
  baseUrl?: string;
  /** The current text and hash of an article (by its path relative to the exported folder), for
   * annotations from other tools, which carry neither the document hash nor always both selectors. */
  article?: (location: string) => { text: string; sha256: string } | undefined;
}

export type ImportResult =
  /** `locations[i]`: where sidecars[i]'s article sits relative to the exported folder (its target
   * source as a path), which is where its sidecar goes; `document.path` may be relative to
   * another root (the workspace). */
  | { ok: true; sidecars: Sidecar[]; locations: string[]; warnings: string[] }
  | { ok: false; error: string };

interface DocInfo {
  location: string;
  path: string;
  sha256?: string;
  status: ArticleStatus;
  annotations: Annotation[];
}

type Json = Record<string, any>;

export function importWebAnnotations(text: string, options: ImportOptions = {}): ImportResult {
  let data: any;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e: any) {
    return { ok: false, error: `not JSON: ${e?.message ?? e}` };
  }
  const items = itemsOf(data);
  if (!items) return { ok: false, error: 'not a Web Annotation collection, page or annotation (no AnnotationCollection with embedded items)' };
  if (!hasContext(data)) return { ok: false, error: `the @context does not include ${ANNO_CONTEXT}: not a W3C Web Annotation document` };
  const version = data?.[NL.version];
  if (typeof version === 'number' && version > WEB_ANNOTATION_EXTENSION_VERSION) {
    return { ok: false, error: `written by a newer News Lens (extension version ${version}; this one reads ${WEB_ANNOTATION_EXTENSION_VERSION}): update News Lens` };
  }

  const warnings: string[] = [];
  const bySource = new Map<string, DocInfo>();
  const docs: DocInfo[] = [];
  for (const d of Array.isArray(data?.[NL.documents]) ? data[NL.documents] : []) {
    if (typeof d?.source !== 'string' || typeof d?.path !== 'string') continue;
    const info: DocInfo = {
      location: pathFromUrl(d.source, options.baseUrl) ?? d.path,
      path: d.path,
      ...(typeof d.sha256 === 'string' ? { sha256: d.sha256 } : {}),
      status: ARTICLE_STATUSES.includes(d.status) ? d.status : 'unreviewed',
      annotations: [],
    };
    bySource.set(d.source, info);
    docs.push(info);
  }

  const byIri = new Map<string, Annotation>();
  const replies: Json[] = [];
  const fallbackTime = typeof data?.generated === 'string' ? data.generated : undefined;
  for (const [i, item] of items.entries()) {
    if (!isType(item, 'Annotation')) {
      warnings.push(`item ${i}: not an Annotation; skipped`);
      continue;
    }
    if (motivations(item).includes('replying') && typeof targetIri(item) === 'string' && !hasSelector(item)) {
      replies.push(item);
      continue;
    }
    const source = sourceOf(item);
    if (!source) {
      warnings.push(`item ${i} (${item.id ?? 'no id'}): no target source; skipped`);
      continue;
    }
    let doc = bySource.get(source);
    if (!doc) {
      const path = pathFromUrl(source, options.baseUrl);
      if (!path) {
        warnings.push(`item ${i}: target ${source} is not an article of this folder; skipped`);
        continue;
      }
      doc = { location: path, path, status: 'unreviewed', annotations: [] };
      bySource.set(source, doc);
      docs.push(doc);
    }
    const annotation = toAnnotation(item, doc.location, options, fallbackTime);
    if (typeof annotation === 'string') {
      warnings.push(`item ${i} (${item.id ?? 'no id'}): ${annotation}; skipped`);
      continue;
    }
    doc.annotations.push(annotation);
    if (typeof item.id === 'string') byIri.set(item.id, annotation);
  }

  for (const r of replies) {
    const parent = byIri.get(targetIri(r) as string);
    if (!parent) {
      warnings.push(`reply ${r.id ?? ''}: its annotation ${targetIri(r)} is not in the file; skipped`);
      continue;
    }
    const created = stringOr(r.created, stringOr(r.modified, fallbackTime));
    (parent.replies ??= []).push({
      id: ownId(r),
      author: creatorName(r.creator),
      created: created ?? '',
      modified: stringOr(r.modified, created) ?? '',
      body: bodies(r).filter((b) => typeof b === 'string' || b.type === 'TextualBody' || b.value !== undefined).map(valueOf).join('\n\n'),
    } satisfies Reply);
  }

  const sidecars: Sidecar[] = [];
  const locations: string[] = [];
  for (const doc of docs) {
    const sha256 = doc.sha256 ?? options.article?.(doc.location)?.sha256;
    if (!sha256) {
      warnings.push(`${doc.path}: the article is not found, so its annotations cannot be tied to its text; skipped`);
      continue;
    }
    const sidecar: Sidecar = { version: SIDECAR_VERSION, document: { path: doc.path, sha256 }, status: doc.status, annotations: doc.annotations };
    // Whatever came in, it leaves only as a sidecar the editor will load.
    const check = parseSidecar(serializeSidecar(sidecar), `${doc.path} (imported)`);
    if (!check.ok) return { ok: false, error: formatSidecarError(check.error) };
    sidecars.push(check.sidecar);
    locations.push(doc.location);
  }
  return { ok: true, sidecars, locations, warnings };
}

function toAnnotation(item: Json, location: string, options: ImportOptions, fallbackTime?: string): Annotation | string {
  const own = item[NL.kind] !== undefined;
  const body = bodies(item);
  const withPurpose = (p: string) => body.filter((b) => typeof b === 'object' && (b.purpose === p || (Array.isArray(b.purpose) && b.purpose.includes(p))));
  const motive = motivations(item);
  const kind: Annotation['kind'] = own
    ? item[NL.kind]
    : motive.includes('assessing')
      ? 'claim'
      : motive.includes('identifying') || motive.includes('classifying')
        ? 'entity'
        : 'note';
  if (!ANNOTATION_KINDS.includes(kind)) return `unknown kind ${JSON.stringify(kind)}`;

  const target = targetOf(item, location, options);
  if (typeof target === 'string') return target;

  const comments = body.filter((b) => typeof b === 'string' || ((b.type === 'TextualBody' || b.value !== undefined) && (!b.purpose || ['commenting', 'describing', 'replying', 'editing', 'questioning'].includes(b.purpose))));
  const created = stringOr(item.created, stringOr(item.modified, fallbackTime));
  if (!created) return 'no creation time';
  const a: Annotation = {
    id: ownId(item),
    created,
    modified: stringOr(item.modified, created)!,
    author: creatorName(item.creator),
    kind,
    target,
    body: comments.map(valueOf).join('\n\n'),
    tags: withPurpose('tagging').map(valueOf).filter(Boolean),
    links: withPurpose('linking').map((b) => (typeof b.source === 'string' ? b.source : typeof b.id === 'string' ? b.id : '')).filter(Boolean),
  };
  const verdict = own ? item[NL.verdict] : withPurpose('assessing').map(valueOf).find((v) => (VERDICTS as readonly string[]).includes(v));
  if (verdict !== undefined && (kind === 'claim' || kind === 'quote')) a.verdict = verdict;
  if (own) {
    if (NOTE_STATUSES.includes(item[NL.status])) a.status = item[NL.status];
    if (item[NL.entityType] !== undefined) a.type = item[NL.entityType] as EntityType;
    if (item[NL.name] !== undefined) a.name = item[NL.name];
    if (typeof item[NL.rejected] === 'boolean') a.rejected = item[NL.rejected];
    if (typeof item[NL.accepted] === 'boolean') a.accepted = item[NL.accepted];
    if (typeof item[NL.anchorScore] === 'number') a.anchorScore = item[NL.anchorScore];
    if (item[NL.thread] === true) a.replies = [];
  } else if (kind === 'entity') {
    const type = withPurpose('classifying').map(valueOf).find((v) => v === 'person' || v === 'place' || v === 'organization');
    if (type) a.type = type as EntityType;
    const name = withPurpose('identifying').map(valueOf).find(Boolean);
    if (name) a.name = name;
  } else if (kind === 'note') {
    a.status = 'open';
  }
  return a;
}

function targetOf(item: Json, location: string, options: ImportOptions): AnnotationTarget | string {
  const target = targetObject(item);
  const selectors = flatSelectors(target?.selector);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const text = options.article?.(location)?.text;
  if (position && Number.isInteger(position.start) && Number.isInteger(position.end) && position.start >= 0 && position.end >= position.start) {
    if (quote && typeof quote.exact === 'string') {
      return { start: position.start, end: position.end, exact: quote.exact, prefix: tail(quote.prefix), suffix: head(quote.suffix) };
    }
    if (text && position.end <= text.length) return contextTarget(text, position.start, position.end);
    return 'a TextPositionSelector without a TextQuoteSelector, and the article is not at hand';
  }
  if (quote && typeof quote.exact === 'string' && quote.exact) {
    if (!text) return 'only a TextQuoteSelector, and the article is not at hand to find it in';
    const at = findQuote(text, quote.exact, quote.prefix, quote.suffix);
    if (at < 0) return `its quote “${quote.exact.slice(0, 40)}” is not in the article`;
    return contextTarget(text, at, at + quote.exact.length);
  }
  return 'no TextQuoteSelector or TextPositionSelector';
}

// The occurrence whose surroundings match the selector's prefix and suffix best.
function findQuote(text: string, exact: string, prefix?: string, suffix?: string): number {
  let best = -1;
  let bestScore = -1;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    let score = 0;
    if (prefix && text.slice(Math.max(0, at - prefix.length), at) === prefix) score += 2;
    if (suffix && text.slice(at + exact.length, at + exact.length + suffix.length) === suffix) score += 1;
    if (score > bestScore) [best, bestScore] = [at, score];
  }
  return best;
}

function contextTarget(text: string, start: number, end: number): AnnotationTarget {
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

const tail = (s: unknown) => (typeof s === 'string' ? s.slice(-CONTEXT_LENGTH) : '');
const head = (s: unknown) => (typeof s === 'string' ? s.slice(0, CONTEXT_LENGTH) : '');

function itemsOf(data: any): Json[] | undefined {
  if (Array.isArray(data)) return data;
  if (isType(data, 'AnnotationCollection')) {
    const first = data.first;
    if (first && typeof first === 'object' && Array.isArray(first.items)) {
      // Later pages are followed only when embedded (`next` as an object): nothing is fetched.
      const out = [...first.items];
      for (let page = first.next; page && typeof page === 'object' && Array.isArray(page.items); page = page.next) out.push(...page.items);
      return out;
    }
    return data.total === 0 ? [] : undefined;
  }
  if (isType(data, 'AnnotationPage') && Array.isArray(data.items)) return data.items;
  if (isType(data, 'Annotation')) return [data];
  return undefined;
}

function hasContext(data: any): boolean {
  const ctx = Array.isArray(data) ? data[0]?.['@context'] : data?.['@context'];
  const list = Array.isArray(ctx) ? ctx : [ctx];
  return list.includes(ANNO_CONTEXT) || list.includes(ANNO_CONTEXT.replace('http:', 'https:'));
}

function isType(x: any, type: string): boolean {
  if (!x || typeof x !== 'object') return false;
  const t = x.type ?? x['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

function motivations(item: Json): string[] {
  const m = item.motivation;
  return Array.isArray(m) ? m : typeof m === 'string' ? [m] : [];
}

function bodies(item: Json): any[] {
  const b = item.body ?? (typeof item.bodyValue === 'string' ? [item.bodyValue] : []);
  return Array.isArray(b) ? b : [b];
}

function valueOf(b: any): string {
  return typeof b === 'string' ? b : typeof b?.value === 'string' ? b.value : '';
}

function targetObject(item: Json): Json | undefined {
  const t = Array.isArray(item.target) ? item.target.find((x: any) => x && typeof x === 'object') : item.target;
  return t && typeof t === 'object' ? t : undefined;
}

function targetIri(item: Json): string | undefined {
  const t = Array.isArray(item.target) ? item.target[0] : item.target;
  return typeof t === 'string' ? t : typeof t?.id === 'string' && !t.selector ? t.id : undefined;
}

function hasSelector(item: Json): boolean {
  return targetObject(item)?.selector !== undefined;
}

function sourceOf(item: Json): string | undefined {
  const t = targetObject(item);
  return typeof t?.source === 'string' ? t.source : typeof t?.source?.id === 'string' ? t.source.id : undefined;
}

function flatSelectors(s: any): Json[] {
  const list = Array.isArray(s) ? s : s ? [s] : [];
  // A RangeSelector or refinedBy chain may wrap the ones we read; only the top level is used.
  return list.filter((x) => x && typeof x === 'object');
}

function creatorName(c: any): string {
  const first = Array.isArray(c) ? c[0] : c;
  if (typeof first === 'string') return first;
  // A name, even empty, is what News Lens wrote; other tools may give only a nickname.
  if (typeof first?.name === 'string') return first.name;
  return typeof first?.nickname === 'string' ? first.nickname : 'unknown';
}

function stringOr(value: unknown, fallback: string | undefined): string | undefined {
  return typeof value === 'string' && value ? value : fallback;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// News Lens ids are UUIDs. Another tool's id becomes a UUID derived from its IRI, so importing the
// same file twice gives the same ids (and no duplicates).
function ownId(item: Json): string {
  if (typeof item[NL.id] === 'string') return item[NL.id];
  const iri = typeof item.id === 'string' ? item.id : JSON.stringify(item);
  const local = idFromIri(iri);
  return UUID.test(local) ? local.toLowerCase() : nameUuid(iri);
}

function nameUuid(name: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => {
    let h = seed >>> 0;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  // Version 8 (custom), RFC 4122 variant.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
