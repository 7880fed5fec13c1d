// A sidecar git could not merge on its own (both sides appended at the end, or edited the same
// annotation) holds conflict markers and does not load. When the user asks, it can be resolved
// the way News Lens merges anyway: rebuild each side's file from the markers, parse both, and
// merge them by annotation id (newest `modified` wins, replies united, nothing dropped).
import { mergeSidecars, type MergeResult } from './merge';
import type { Sidecar, SidecarError } from './model';
import { parseSidecar } from './sidecar';

const OURS = /^<{7}(?: |$)/;
const BASE = /^\|{7}(?: |$)/;
const SEP = /^={7}$/;
const THEIRS = /^>{7}(?: |$)/;

/** The two (or, for diff3-style markers, three) versions interleaved in a conflicted file. */
export function splitConflict(text: string): { ours: string; theirs: string; base?: string } | undefined {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  let ours = '';
  let theirs = '';
  let base = '';
  let sawBase = false;
  let sawMarker = false;
  let state: 'common' | 'ours' | 'base' | 'theirs' = 'common';
  for (const line of lines) {
    const bare = line.replace(/\r?\n$/, '');
    if (state === 'common' && OURS.test(bare)) {
      state = 'ours';
    } else if (state === 'ours' && BASE.test(bare)) {
      state = 'base';
      sawBase = true;
    } else if ((state === 'ours' || state === 'base') && SEP.test(bare)) {
      state = 'theirs';
    } else if (state === 'theirs' && THEIRS.test(bare)) {
      state = 'common';
      sawMarker = true;
    } else if (state === 'common') {
      ours += line;
      theirs += line;
      base += line;
    } else if (state === 'ours') ours += line;
    else if (state === 'base') base += line;
    else theirs += line;
  }
  if (state !== 'common' || !sawMarker) return undefined;
  return sawBase ? { ours, theirs, base } : { ours, theirs };
}

export function resolveConflictedSidecar(
  text: string,
  fileName: string,
): { ok: true; sidecar: Sidecar; merge: MergeResult } | { ok: false; error: SidecarError } {
  const sides = splitConflict(text);
  if (!sides) {
    return { ok: false, error: { file: fileName, message: 'the conflict markers are incomplete', hint: 'resolve the conflict by hand', code: 'conflict-markers' } };
  }
  const ours = parseSidecar(sides.ours, fileName);
  const theirs = parseSidecar(sides.theirs, fileName);
  for (const [side, r] of [['ours', ours], ['theirs', theirs]] as const) {
    if (!r.ok) {
      const { line: _line, column: _column, ...rest } = r.error;
      return { ok: false, error: { ...rest, message: `the "${side}" side of the conflict does not load either: ${r.error.field ? r.error.field + ' ' : ''}${r.error.message}`, hint: 'resolve the conflict by hand' } };
    }
  }
  if (!ours.ok || !theirs.ok) throw new Error('unreachable');
  const base = sides.base !== undefined ? parseSidecar(sides.base, fileName) : undefined;
  const merge = mergeSidecars(ours.sidecar, theirs.sidecar, base?.ok ? base.sidecar : undefined);
  return { ok: true, sidecar: merge.sidecar, merge };
}
