// The sidecar file (`ARTICLE.annotations.json`): parsing with errors a reviewer can act on, and
// serializing in one canonical layout so git diffs and merges stay small and line-local.
//
// Layout: two-space indent, fixed key order, annotations sorted by position then id, each
// annotation a block of lines, trailing newline. Parsing never rewrites timestamps, so
// parse → serialize is byte-identical for every file serializeSidecar wrote.
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import schema from '../../../schemas/annotations.schema.json';
import { canonicalSidecar } from './canonical';
import { formatPath, locate, parseJson, schemaError } from './jsonDiagnostics';
import { mergeAnnotationVersions } from './merge';
import {
  MAX_SIDECAR_BYTES,
  SIDECAR_SUFFIX,
  SIDECAR_VERSION,
  type Annotation,
  type Sidecar,
  type SidecarError,
  type SidecarWarning,
} from './model';

export type { SidecarError, SidecarWarning } from './model';

export type ParseSidecarResult =
  | { ok: true; sidecar: Sidecar; warnings: SidecarWarning[] }
  | { ok: false; error: SidecarError };

const HINT_FIX = 'fix it by hand or restore it from git (git checkout -- FILE); News Lens will not write to it until it loads';

let validator: ValidateFunction | undefined;
function validate(value: unknown): ValidateFunction {
  // Compiled on first use: ajv generates code, which costs a few milliseconds we need not pay at load.
  validator ??= new Ajv2020({ allErrors: false, strict: true }).compile(schema);
  validator(value);
  return validator;
}

export function parseSidecar(text: string, fileName: string): ParseSidecarResult {
  const fail = (error: SidecarError): ParseSidecarResult => ({ ok: false, error });
  const hint = HINT_FIX.replace('FILE', fileName);
  // UTF-8 takes at least one byte per UTF-16 unit, so this only refuses files that are over the
  // byte limit; src/node checks the exact size before reading.
  if (text.length > MAX_SIDECAR_BYTES) {
    return fail({
      file: fileName,
      message: `the file is too large (${text.length} characters; the limit is ${MAX_SIDECAR_BYTES} bytes)`,
      hint: 'News Lens never writes sidecars that large; check what the file is, or move it away to start a new one',
      code: 'too-large',
    });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const json = parseJson(text, fileName, hint);
  if (!json.ok) return json;
  const value = json.value as any;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail({ file: fileName, line: 1, column: 1, message: 'the top level must be a JSON object', hint, code: 'schema' });
  }
  if (!('version' in value)) {
    return fail({ file: fileName, ...locate(text, []), field: 'version', message: 'is missing', hint, code: 'schema' });
  }
  if (value.version !== SIDECAR_VERSION) {
    const newer = typeof value.version === 'number' && value.version > SIDECAR_VERSION;
    return fail({
      file: fileName,
      ...locate(text, ['version']),
      field: 'version',
      message: `is ${JSON.stringify(value.version)}, a sidecar format this News Lens does not know (it reads version ${SIDECAR_VERSION})`,
      hint: newer
        ? 'it was written by a newer News Lens: update News Lens to read it; this version will not change the file'
        : hint,
      code: 'version',
    });
  }
  const v = validate(value);
  if (v.errors?.length) return fail(schemaError(v.errors[0], text, value, fileName, hint));

  const annotations = value.annotations as Annotation[];
  for (let i = 0; i < annotations.length; i++) {
    const problem = checkAnnotation(annotations[i]);
    if (problem) {
      const path = ['annotations', i, ...problem.path];
      return fail({ file: fileName, ...locate(text, path), field: formatPath(path), message: problem.message, hint, code: 'schema' });
    }
  }

  const warnings: SidecarWarning[] = [];
  const sidecar: Sidecar = {
    version: value.version,
    document: value.document,
    status: value.status,
    annotations: dedupe(annotations.map(withDefaults), fileName, warnings),
  };
  return { ok: true, sidecar, warnings };
}

/** Rules the schema states badly: which fields belong to which kind, and ordered offsets. */
function checkAnnotation(a: Annotation): { path: (string | number)[]; message: string } | undefined {
  if (a.target.start > a.target.end) return { path: ['target', 'end'], message: `is before target.start (${a.target.end} < ${a.target.start})` };
  if (a.status !== undefined && a.kind !== 'note') return { path: ['status'], message: `only notes have a status; this is a ${a.kind} (use "verdict" for claims)` };
  if (a.verdict !== undefined && a.kind !== 'claim' && a.kind !== 'quote') return { path: ['verdict'], message: `only claims and quotes have a verdict; this is a ${a.kind}` };
  for (const f of ['type', 'name', 'rejected', 'accepted'] as const) {
    if (a[f] !== undefined && a.kind !== 'entity') return { path: [f], message: `only entity corrections have "${f}"; this is a ${a.kind}` };
  }
  if (a.rejected && a.accepted) return { path: ['accepted'], message: 'an entity cannot be both rejected and accepted' };
  return undefined;
}

function withDefaults(a: Annotation): Annotation {
  return a.tags && a.links ? a : { ...a, tags: a.tags ?? [], links: a.links ?? [] };
}

// A git merge of two sidecars can leave two copies of one annotation when one side moved its
// block (its position changed) and the other edited it in place. Keep the later edit.
function dedupe(list: Annotation[], file: string, warnings: SidecarWarning[]): Annotation[] {
  const byId = new Map<string, Annotation>();
  for (const a of list) {
    const had = byId.get(a.id);
    if (!had) {
      byId.set(a.id, a);
      continue;
    }
    // Ties go to the later copy in the file, whichever side of the merge that was.
    const m = mergeAnnotationVersions(had, a, 'disk');
    byId.set(a.id, m.annotation);
    warnings.push({
      file,
      field: `annotations (id ${a.id})`,
      message: m.winner === 'same' ? 'the same annotation appears twice; one copy is kept' : `two versions of one annotation; kept the one modified ${m.annotation.modified}`,
    });
  }
  return byId.size === list.length ? list : [...byId.values()];
}

export function serializeSidecar(s: Sidecar): string {
  return JSON.stringify(canonicalSidecar(s), null, 2) + '\n';
}

export function emptySidecar(path: string, sha256: string): Sidecar {
  return { version: SIDECAR_VERSION, document: { path, sha256 }, status: 'unreviewed', annotations: [] };
}

export function sidecarPathFor(articlePath: string): string {
  return articlePath + SIDECAR_SUFFIX;
}

/** The article a sidecar belongs to, or undefined when the name is not a sidecar's. */
export function articlePathFor(sidecarPath: string): string | undefined {
  return sidecarPath.endsWith(SIDECAR_SUFFIX) && sidecarPath.length > SIDECAR_SUFFIX.length
    ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length)
    : undefined;
}

/** `file:line:col: field: message — hint`, on one line. */
export function formatSidecarError(e: SidecarError): string {
  const where = [e.file, e.line, e.line !== undefined ? e.column : undefined].filter((x) => x !== undefined).join(':');
  return `${where}: ${e.field ? e.field + ' ' : ''}${e.message} — ${e.hint}`;
}
