// Names shared by the W3C Web Annotation exporter and importer: the contexts, the News Lens
// extension terms, and the IRIs annotations and collections get.
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Prefix of the News Lens extension terms. A URN: an identifier only, nothing to fetch. */
export const NEWSLENS_PREFIX = 'newslens';
export const NEWSLENS_NS = 'urn:news-lens:vocab:';
/** Version of the extension: an importer refuses collections from a newer one. */
export const WEB_ANNOTATION_EXTENSION_VERSION = 1;

/** Extension terms, written as compact IRIs (`newslens:kind`). */
export const NL = {
  version: `${NEWSLENS_PREFIX}:version`,
  documents: `${NEWSLENS_PREFIX}:documents`,
  id: `${NEWSLENS_PREFIX}:id`,
  kind: `${NEWSLENS_PREFIX}:kind`,
  verdict: `${NEWSLENS_PREFIX}:verdict`,
  status: `${NEWSLENS_PREFIX}:status`,
  entityType: `${NEWSLENS_PREFIX}:entityType`,
  name: `${NEWSLENS_PREFIX}:name`,
  rejected: `${NEWSLENS_PREFIX}:rejected`,
  accepted: `${NEWSLENS_PREFIX}:accepted`,
  anchorScore: `${NEWSLENS_PREFIX}:anchorScore`,
  /** Present when the annotation has a (possibly empty) reply list. */
  thread: `${NEWSLENS_PREFIX}:thread`,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An annotation's (or reply's) IRI: `urn:uuid:` for UUIDs, a News Lens URN otherwise. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:news-lens:annotation:${encodeURIComponent(id)}`;
}

/** The local id an IRI stands for, for annotations made by other tools (no `newslens:id`). */
export function idFromIri(iri: string): string {
  if (/^urn:uuid:/i.test(iri)) return iri.slice('urn:uuid:'.length);
  const m = /^urn:news-lens:annotation:(.*)$/.exec(iri);
  if (m) {
    try {
      return decodeURIComponent(m[1]);
    } catch {
      return m[1];
    }
  }
  // Another tool's IRI (https://host/annotations/abc): its last path segment, else the whole IRI.
  const last = iri.replace(/[?#].*$/, '').split('/').filter(Boolean).pop();
  return last || iri;
}
