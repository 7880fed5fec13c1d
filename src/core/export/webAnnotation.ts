// W3C Web Annotation Data Model export: one AnnotationCollection whose first page holds every
// annotation (and every reply, as a `replying` annotation on its parent), with TextQuoteSelector
// and TextPositionSelector targets and TextualBody bodies that other annotation tools read.
// What W3C has no term for (kind, verdict, entity corrections, note status, article status,
// document sha256) travels in `newslens:` extension terms so `importWebAnnotations` can re-create
// the sidecars exactly.
//
// TextPositionSelector offsets are UTF-16 code units, as the DOM and the browser annotation tools
// (Hypothesis, Apache Annotator) count them and as News Lens stores them.
import type { Annotation, Reply } from '../annotations/model';
import { ENGINE_NAME, ENGINE_VERSION } from '../version';
import { articleUrl, sortedArticles, type ExportInput } from './input';
import { ANNO_CONTEXT, annotationIri, NEWSLENS_NS, NEWSLENS_PREFIX, NL, WEB_ANNOTATION_EXTENSION_VERSION } from './webAnnotationVocab';

type Json = Record<string, unknown>;

export const MOTIVATION: Record<Annotation['kind'], string> = {
  note: 'commenting',
  claim: 'assessing',
  entity: 'identifying',
  quote: 'highlighting',
};

export interface WebAnnotationOptions {
  /** IRI of the collection; default a URN made from the export time. */
  collectionId?: string;
}

export function buildWebAnnotationCollection(input: ExportInput, options: WebAnnotationOptions = {}): Json {
  const id = options.collectionId ?? `urn:news-lens:export:${encodeURIComponent(input.generated)}`;
  const documents: Json[] = [];
  const items: Json[] = [];
  for (const article of sortedArticles(input)) {
    const sidecar = article.sidecar;
    // Articles without a sidecar have nothing to carry; importing must not create one for them.
    if (!sidecar) continue;
    const source = articleUrl(input, article.path);
    documents.push({
      source,
      path: sidecar.document.path,
      sha256: sidecar.document.sha256,
      status: sidecar.status,
      sidecarVersion: sidecar.version,
    });
    for (const a of sidecar.annotations) {
      items.push(annotationJson(a, source));
      for (const r of a.replies ?? []) items.push(replyJson(r, a, source));
    }
  }
  return {
    '@context': [ANNO_CONTEXT, { [NEWSLENS_PREFIX]: NEWSLENS_NS }],
    id,
    type: 'AnnotationCollection',
    label: 'News Lens annotations',
    total: items.length,
    generator: { type: 'Software', name: `${ENGINE_NAME} ${ENGINE_VERSION}` },
    generated: input.generated,
    [NL.version]: WEB_ANNOTATION_EXTENSION_VERSION,
    [NL.documents]: documents,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
  };
}

export function exportWebAnnotations(input: ExportInput, options: WebAnnotationOptions = {}): string {
  return JSON.stringify(buildWebAnnotationCollection(input, options), null, 2) + '\n';
}

function annotationJson(a: Annotation, source: string): Json {
  const t = a.target;
  const quote: Json = { type: 'TextQuoteSelector', exact: t.exact };
  if (t.prefix) quote.prefix = t.prefix;
  if (t.suffix) quote.suffix = t.suffix;
  const body: Json[] = [];
  if (a.body) body.push({ type: 'TextualBody', value: a.body, format: 'text/markdown', purpose: 'commenting' });
  if (a.verdict !== undefined) body.push({ type: 'TextualBody', value: a.verdict, purpose: 'assessing' });
  if (a.type !== undefined) body.push({ type: 'TextualBody', value: a.type, purpose: 'classifying' });
  if (a.name !== undefined) body.push({ type: 'TextualBody', value: a.name, purpose: 'identifying' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  for (const link of a.links) body.push({ type: 'SpecificResource', source: link, purpose: 'linking' });
  const out: Json = {
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation: MOTIVATION[a.kind],
    creator: { type: 'Person', name: a.author },
    created: a.created,
    modified: a.modified,
    ...(body.length ? { body } : {}),
    target: {
      source,
      selector: [quote, { type: 'TextPositionSelector', start: t.start, end: t.end }],
    },
    [NL.id]: a.id,
    [NL.kind]: a.kind,
  };
  if (a.verdict !== undefined) out[NL.verdict] = a.verdict;
  if (a.status !== undefined) out[NL.status] = a.status;
  if (a.type !== undefined) out[NL.entityType] = a.type;
  if (a.name !== undefined) out[NL.name] = a.name;
  if (a.rejected !== undefined) out[NL.rejected] = a.rejected;
  if (a.accepted !== undefined) out[NL.accepted] = a.accepted;
  if (a.anchorScore !== undefined) out[NL.anchorScore] = a.anchorScore;
  if (a.replies !== undefined) out[NL.thread] = true;
  return out;
}

function replyJson(r: Reply, parent: Annotation, _source: string): Json {
  return {
    id: annotationIri(r.id),
    type: 'Annotation',
    motivation: 'replying',
    creator: { type: 'Person', name: r.author },
    created: r.created,
    modified: r.modified,
    body: { type: 'TextualBody', value: r.body, format: 'text/markdown', purpose: 'replying' },
    target: annotationIri(parent.id),
    [NL.id]: r.id,
  };
}
