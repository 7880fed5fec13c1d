// Turning "this JSON file is broken" into something a reviewer can act on: the line and column
// of a syntax error, the field path and line of a schema violation. Shared by the sidecar and
// the workspace lexicon.
//
// jsonc-parser is imported from its ESM build: its UMD entry hides its `require` calls from
// bundlers, so an esbuild bundle of it fails at run time ("Cannot find module './impl/format'").
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { ErrorObject } from 'ajv';
import type { SidecarError } from './model';

export type JsonPath = (string | number)[];

/** 1-based line and column of a UTF-16 offset. Lines end at \n (a \r before it belongs to the line). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** `annotations[3].target.start` from `['annotations', 3, 'target', 'start']`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += /^[A-Za-z_$][\w$]*$/.test(seg) ? (out ? '.' : '') + seg : `[${JSON.stringify(seg)}]`;
  }
  return out || '(top level)';
}

const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(?: |$)/m;

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: SidecarError };

/** Strict JSON (no comments, no trailing commas), with the first error located. */
export function parseJson(text: string, file: string, hint: string): JsonParse {
  if (!text.trim()) {
    return { ok: false, error: { file, line: 1, column: 1, message: 'the file is empty', hint, code: 'empty' } };
  }
  const marker = CONFLICT_MARKER.exec(text);
  if (marker) {
    return {
      ok: false,
      error: {
        file,
        ...lineColumnAt(text, marker.index),
        message: 'the file contains git conflict markers',
        hint: 'resolve the merge by hand: keep the annotations of both sides, delete the <<<<<<< ======= >>>>>>> lines, and make sure the JSON is valid',
        code: 'conflict-markers',
      },
    };
  }
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length) {
    const e = errors[0];
    return {
      ok: false,
      error: { file, ...lineColumnAt(text, e.offset), message: `invalid JSON: ${describeParseError(e, text)}`, hint, code: 'syntax' },
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e: any) {
    // jsonc-parser is slightly more lenient than JSON.parse in corners (e.g. control characters in strings).
    return { ok: false, error: { file, line: 1, column: 1, message: `invalid JSON: ${e?.message ?? e}`, hint, code: 'syntax' } };
  }
}

function describeParseError(e: ParseError, text: string): string {
  const code = printParseErrorCode(e.error);
  if (e.offset >= text.length || (code.endsWith('Expected') && !text.slice(e.offset).trim())) {
    return `unexpected end of file (${code}) — the file looks truncated`;
  }
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words} near ${JSON.stringify(text.slice(e.offset, e.offset + 12))}`;
}

/** Line and column of the value at `path`, or of the deepest existing parent. */
export function locate(text: string, path: JsonPath): { line?: number; column?: number } {
  const root = parseTree(text);
  if (!root) return {};
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (node) {
      // Point at the property's key rather than its value when there is one.
      const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      return lineColumnAt(text, at);
    }
  }
  return {};
}

/** JSON pointer (`/annotations/3/target`) to path segments, numbers for array indices. */
export function pointerToPath(pointer: string, value: unknown): JsonPath {
  const out: JsonPath = [];
  let cur: any = value;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key: string | number = Array.isArray(cur) && /^\d+$/.test(seg) ? Number(seg) : seg;
    out.push(key);
    cur = cur?.[key as any];
  }
  return out;
}

/** One ajv error as a SidecarError naming the field, its line, and what was expected. */
export function schemaError(err: ErrorObject, text: string, value: unknown, file: string, hint: string): SidecarError {
  const path = pointerToPath(err.instancePath, value);
  let message: string;
  const found = valueAt(value, path);
  switch (err.keyword) {
    case 'required':
      path.push((err.params as any).missingProperty);
      message = 'is missing';
      break;
    case 'additionalProperties':
      path.push((err.params as any).additionalProperty);
      message = 'is not a known field';
      break;
    case 'enum':
      message = `must be one of ${(err.params as any).allowedValues.map((v: unknown) => JSON.stringify(v)).join(', ')} (found ${preview(found)})`;
      break;
    case 'const':
      message = `must be ${JSON.stringify((err.params as any).allowedValue)} (found ${preview(found)})`;
      break;
    case 'type':
      message = `must be ${article((err.params as any).type)} (found ${typeName(found)} ${preview(found)})`;
      break;
    case 'pattern':
      message = `has the wrong form (found ${preview(found)})`;
      break;
    default:
      message = `${err.message ?? 'is invalid'} (found ${preview(found)})`;
  }
  return { file, ...locate(text, path), field: formatPath(path), message, hint, code: 'schema' };
}

function valueAt(value: unknown, path: JsonPath): unknown {
  let cur: any = value;
  for (const seg of path) cur = cur?.[seg as any];
  return cur;
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function preview(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? s.slice(0, 37) + '…' : s;
}
