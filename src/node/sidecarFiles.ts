// Sidecar files on disk, for the CLI and the extension alike. Two promises:
// - a sidecar that does not load is never written over (the reviewer's work in it is recoverable
//   by hand, and we cannot know what we would destroy);
// - a write is atomic (write-file-atomic: temporary file in the same folder, fsync, rename), so a
//   crash or a full disk leaves the old file or the new one, never half of one.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import {
  MAX_SIDECAR_BYTES,
  formatSidecarError,
  mergeSidecars,
  parseSidecar,
  serializeSidecar,
  type MergeResult,
  type Sidecar,
  type SidecarError,
  type SidecarWarning,
} from '../core/annotations';

export type ReadSidecarResult =
  | { kind: 'missing'; path: string }
  | { kind: 'ok'; path: string; sidecar: Sidecar; text: string; warnings: SidecarWarning[] }
  | { kind: 'invalid'; path: string; error: SidecarError };

/** Thrown instead of writing over a sidecar that does not load. */
export class SidecarWriteRefused extends Error {
  constructor(readonly error: SidecarError) {
    super(`refusing to write ${error.file}: it does not load (${formatSidecarError(error)}); nothing was changed`);
  }
}

export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function ioError(path: string, e: any): SidecarError {
  return { file: path, message: `cannot read the file (${e?.code ?? e})`, hint: 'check its permissions; News Lens will not write to it meanwhile', code: 'io' };
}

function notAFile(path: string): SidecarError {
  return { file: path, message: 'is not a regular file', hint: 'move it away; News Lens will not write to it', code: 'io' };
}

function tooLarge(path: string, size: number): SidecarError {
  return {
    file: path,
    message: `the file is too large (${size} bytes; the limit is ${MAX_SIDECAR_BYTES})`,
    hint: 'News Lens never writes sidecars that large; check what the file is, or move it away to start a new one',
    code: 'too-large',
  };
}

function decode(path: string, bytes: Uint8Array): ReadSidecarResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'invalid', path, error: { file: path, message: 'the file is not UTF-8 text', hint: 'restore it from git or move it away; News Lens will not write to it', code: 'syntax' } };
  }
  const r = parseSidecar(text, path);
  return r.ok ? { kind: 'ok', path, sidecar: r.sidecar, text, warnings: r.warnings } : { kind: 'invalid', path, error: r.error };
}

/** Reads and parses a sidecar; the size is checked before reading. */
export function readSidecar(path: string): ReadSidecarResult {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { kind: 'invalid', path, error: notAFile(path) };
    size = st.size;
  } catch (e: any) {
    return e?.code === 'ENOENT' ? { kind: 'missing', path } : { kind: 'invalid', path, error: ioError(path, e) };
  }
  if (size > MAX_SIDECAR_BYTES) return { kind: 'invalid', path, error: tooLarge(path, size) };
  try {
    return decode(path, readFileSync(path));
  } catch (e: any) {
    return e?.code === 'ENOENT' ? { kind: 'missing', path } : { kind: 'invalid', path, error: ioError(path, e) };
  }
}

export async function readSidecarAsync(path: string): Promise<ReadSidecarResult> {
  try {
    const st = await stat(path);
    if (!st.isFile()) return { kind: 'invalid', path, error: notAFile(path) };
    if (st.size > MAX_SIDECAR_BYTES) return { kind: 'invalid', path, error: tooLarge(path, st.size) };
    return decode(path, await readFile(path));
  } catch (e: any) {
    return e?.code === 'ENOENT' ? { kind: 'missing', path } : { kind: 'invalid', path, error: ioError(path, e) };
  }
}

/**
 * Writes `sidecar` atomically, unless the file on disk exists and does not load
 * (SidecarWriteRefused). Skips the write when the bytes would not change.
 * `replaceDamaged` is only for an explicit user request (e.g. "resolve this conflict").
 */
export async function writeSidecar(path: string, sidecar: Sidecar, opts: { replaceDamaged?: boolean } = {}): Promise<void> {
  const current = await readSidecarAsync(path);
  if (current.kind === 'invalid' && !opts.replaceDamaged) throw new SidecarWriteRefused(current.error);
  const text = serializeSidecar(sidecar);
  if (current.kind === 'ok' && current.text === text) return;
  await writeFileAtomic(path, text, { encoding: 'utf8', fsync: true });
}

export interface SaveResult {
  /** What is now on disk. */
  sidecar: Sidecar;
  /** Set when the disk had changes of its own that were merged in; tell the user (describeMerge). */
  merge?: MergeResult;
}

/**
 * Saves `local`, first merging whatever the disk version gained since `base` (the version this
 * side loaded; without one, nothing on disk is ever dropped). Refuses over a sidecar that does
 * not load.
 */
export async function saveSidecar(path: string, local: Sidecar, base?: Sidecar): Promise<SaveResult> {
  const disk = await readSidecarAsync(path);
  if (disk.kind === 'invalid') throw new SidecarWriteRefused(disk.error);
  let result: SaveResult = { sidecar: local };
  if (disk.kind === 'ok' && !(base && disk.text === serializeSidecar(base))) {
    const merge = mergeSidecars(local, disk.sidecar, base);
    result = { sidecar: merge.sidecar, merge: merge.summary.added.length || merge.summary.updated.length || merge.summary.removed.length || merge.conflicts.length || merge.summary.repliesMerged.length ? merge : undefined };
  }
  await writeSidecar(path, result.sidecar);
  return result;
}

/**
 * The folder an article's `document.path` is relative to: the nearest ancestor holding a
 * `.newslens` folder or a git repository, else the article's own folder.
 */
export function workspaceRootFor(articlePath: string): string {
  const start = dirname(resolve(articlePath));
  for (let dir = start; ; ) {
    if (existsSync(resolve(dir, '.newslens')) || existsSync(resolve(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return start;
    dir = up;
  }
}

/** `document.path`: relative to the workspace folder, forward slashes. */
export function documentPathFor(articlePath: string, root: string = workspaceRootFor(articlePath)): string {
  return relative(root, resolve(articlePath)).split(sep).join('/');
}
