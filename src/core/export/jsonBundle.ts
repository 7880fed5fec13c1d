// One JSON file holding every article's sidecar with the identity of the text it was made on:
// a backup, or a hand-over to another News Lens user. Versioned so readers can refuse the future.
import type { Sidecar } from '../annotations/model';
import { ENGINE_NAME, ENGINE_VERSION } from '../version';
import { sortedArticles, type ExportInput } from './input';

export const BUNDLE_FORMAT = 'news-lens-bundle';
export const BUNDLE_VERSION = 1;

export interface BundleDocument {
  path: string;
  /** sha256 of the article's current text, when the caller knew it. */
  sha256?: string;
  /** True when the sidecar was saved against another version of the text. */
  stale?: boolean;
  /** Null when the article has no sidecar. */
  sidecar: Sidecar | null;
}

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  version: number;
  generated: string;
  generator: { name: string; version: string };
  organization?: string;
  documents: BundleDocument[];
}

export function buildBundle(input: ExportInput): Bundle {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    generated: input.generated,
    generator: { name: ENGINE_NAME, version: ENGINE_VERSION },
    ...(input.organization ? { organization: input.organization } : {}),
    documents: sortedArticles(input).map((a) => ({
      path: a.path,
      ...(a.sha256 ? { sha256: a.sha256 } : {}),
      ...(a.sha256 && a.sidecar ? { stale: a.sidecar.document.sha256 !== a.sha256 } : {}),
      sidecar: a.sidecar ?? null,
    })),
  };
}

export function exportJsonBundle(input: ExportInput): string {
  return JSON.stringify(buildBundle(input), null, 2) + '\n';
}

export type BundleReadResult = { ok: true; bundle: Bundle } | { ok: false; error: string };

/** Reads a bundle back, refusing other formats and newer versions. Sidecars are checked for shape
 * only; callers that write them re-validate with the sidecar parser. */
export function readJsonBundle(text: string): BundleReadResult {
  let data: any;
  try {
    data = JSON.parse(text);
  } catch (e: any) {
    return { ok: false, error: `not JSON: ${e?.message ?? e}` };
  }
  if (!data || data.format !== BUNDLE_FORMAT) return { ok: false, error: `not a News Lens bundle (format is not "${BUNDLE_FORMAT}")` };
  if (typeof data.version !== 'number' || data.version > BUNDLE_VERSION) {
    return { ok: false, error: `bundle version ${data.version} is newer than this News Lens reads (${BUNDLE_VERSION})` };
  }
  if (!Array.isArray(data.documents)) return { ok: false, error: 'bundle has no documents list' };
  for (const [i, d] of data.documents.entries()) {
    if (!d || typeof d.path !== 'string') return { ok: false, error: `document ${i} has no path` };
    if (d.sidecar !== null && (typeof d.sidecar !== 'object' || !Array.isArray(d.sidecar.annotations))) {
      return { ok: false, error: `document ${d.path}: sidecar is not an object with annotations` };
    }
  }
  return { ok: true, bundle: data as Bundle };
}
