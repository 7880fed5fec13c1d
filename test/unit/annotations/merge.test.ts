import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addReply, updateAnnotation } from '../../../src/core/annotations/create';
import { resolveConflictedSidecar } from '../../../src/core/annotations/conflicts';
import { describeMerge, mergeSidecars } from '../../../src/core/annotations/merge';
import type { Sidecar } from '../../../src/core/annotations/model';
import { parseSidecar, serializeSidecar } from '../../../src/core/annotations/sidecar';
import { id, note, sampleSidecar } from './fixtures';

const LATER = '2024-04-01T12:00:00.000Z';
const LATEST = '2024-04-02T12:00:00.000Z';

function withAnnotations(s: Sidecar, f: (list: Sidecar['annotations']) => Sidecar['annotations']): Sidecar {
  return { ...s, annotations: f(s.annotations) };
}

let hasGit = true;
try {
  execFileSync('git', ['--version'], { stdio: 'ignore' });
} catch {
  hasGit = false;
  console.warn('git is not installed: skipping the git merge-file tests');
}

describe.skipIf(!hasGit)('sidecars merged by git (git merge-file, no conflict markers)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newslens-merge-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function gitMerge(base: Sidecar, ours: Sidecar, theirs: Sidecar, style: string[] = []): { text: string; conflicts: number } {
    const [b, o, t] = ['base', 'ours', 'theirs'].map((n) => join(dir, `${n}.json`));
    writeFileSync(b, serializeSidecar(base));
    writeFileSync(o, serializeSidecar(ours));
    writeFileSync(t, serializeSidecar(theirs));
    let conflicts = 0;
    try {
      execFileSync('git', ['merge-file', ...style, o, b, t], { stdio: 'ignore' });
    } catch (e: any) {
      conflicts = e.status; // merge-file exits with the number of conflicts
    }
    return { text: readFileSync(o, 'utf8'), conflicts };
  }

  it('two reviewers adding annotations in different places: both kept', () => {
    const base = sampleSidecar();
    const ours = withAnnotations(base, (l) => [...l, note(10, 'ministry', 'Which one?')]);
    const theirs = withAnnotations(base, (l) => [...l, note(11, 'Porto', 'Check the city.')]);
    const merged = gitMerge(base, ours, theirs);
    expect(merged.conflicts).toBe(0);
    const r = parseSidecar(merged.text, 'merged.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sidecar.annotations.map((a) => a.id).sort()).toEqual([...base.annotations.map((a) => a.id), id(10), id(11)].sort());
    expect(r.warnings).toEqual([]);
  });

  it('two reviewers editing different annotations: both edits kept', () => {
    const base = sampleSidecar();
    const ours = withAnnotations(base, (l) => l.map((a) => (a.id === id(1) ? updateAnnotation(a, { verdict: 'false' }, LATER) : a)));
    const theirs = withAnnotations(base, (l) => l.map((a) => (a.id === id(5) ? updateAnnotation(a, { body: 'Confirmed on video.' }, LATER) : a)));
    const merged = gitMerge(base, ours, theirs);
    expect(merged.conflicts).toBe(0);
    const r = parseSidecar(merged.text, 'merged.json');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sidecar.annotations.find((a) => a.id === id(1))!.verdict).toBe('false');
    expect(r.sidecar.annotations.find((a) => a.id === id(5))!.body).toBe('Confirmed on video.');
  });

  it('a merge git cannot do leaves conflict markers, which load as an error naming the line', () => {
    const base = sampleSidecar();
    const ours = withAnnotations(base, (l) => [...l, note(12, 'Porto', 'ours')]);
    const theirs = withAnnotations(base, (l) => [...l, note(13, 'Porto', 'theirs')]);
    const merged = gitMerge(base, ours, theirs);
    expect(merged.conflicts).toBeGreaterThan(0);
    const r = parseSidecar(merged.text, 'merged.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('conflict-markers');
    expect(merged.text.split('\n')[r.error.line! - 1]).toMatch(/^<<<<<<< /);
  });

  for (const style of [[], ['--diff3']]) {
    it(`conflict markers${style.length ? ' (diff3)' : ''} resolved on request: both sides kept, newest edit wins`, () => {
      const base = sampleSidecar();
      const ours = withAnnotations(base, (l) => [...l.map((a) => (a.id === id(5) ? updateAnnotation(a, { body: 'ours' }, LATER) : a)), note(12, 'Porto', 'ours')]);
      const theirs = withAnnotations(base, (l) => [...l.map((a) => (a.id === id(5) ? updateAnnotation(a, { body: 'theirs' }, LATEST) : a)), note(13, 'Porto', 'theirs')]);
      const merged = gitMerge(base, ours, theirs, style);
      expect(merged.conflicts).toBeGreaterThan(0);
      const r = resolveConflictedSidecar(merged.text, 'merged.json');
      if (!r.ok) throw new Error(r.error.message);
      const ids = r.sidecar.annotations.map((a) => a.id);
      expect(ids).toEqual(expect.arrayContaining([id(12), id(13), ...base.annotations.map((a) => a.id)]));
      expect(ids).toHaveLength(base.annotations.length + 2);
      expect(r.sidecar.annotations.find((a) => a.id === id(5))!.body).toBe('theirs');
      expect(r.merge.summary.added).toEqual([id(13)]);
    });
  }
});

describe('mergeSidecars(local, disk)', () => {
  it('keeps annotations of both sides and reports what came from disk', () => {
    const base = sampleSidecar();
    const local = withAnnotations(base, (l) => [...l, note(20, 'ministry')]);
    const disk = withAnnotations(base, (l) => [...l, note(21, 'Porto')]);
    const r = mergeSidecars(local, disk);
    expect(r.sidecar.annotations.map((a) => a.id)).toContain(id(20));
    expect(r.sidecar.annotations.map((a) => a.id)).toContain(id(21));
    expect(r.summary.added).toEqual([id(21)]);
    expect(r.conflicts).toEqual([]);
    expect(r.changed).toBe(true);
    expect(describeMerge(r)).toBe('Merged changes made on disk: 1 annotation added.');
    // Sorted like a written file, so saving it is canonical.
    expect(serializeSidecar(r.sidecar)).toBe(serializeSidecar({ ...r.sidecar, annotations: [...r.sidecar.annotations].reverse() }));
  });

  it('newest modified wins per annotation, whichever side it is on', () => {
    const base = sampleSidecar();
    const local = withAnnotations(base, (l) => l.map((a) => (a.id === id(1) ? updateAnnotation(a, { verdict: 'false' }, LATEST) : a.id === id(2) ? updateAnnotation(a, { body: 'local' }, LATER) : a)));
    const disk = withAnnotations(base, (l) => l.map((a) => (a.id === id(1) ? updateAnnotation(a, { verdict: 'verified' }, LATER) : a.id === id(2) ? updateAnnotation(a, { body: 'disk' }, LATEST) : a)));
    const r = mergeSidecars(local, disk);
    const get = (n: number) => r.sidecar.annotations.find((a) => a.id === id(n))!;
    expect(get(1).verdict).toBe('false');
    expect(get(2).body).toBe('disk');
    expect(r.summary.updated).toEqual([id(2)]);
    expect(r.conflicts.map((c) => [c.id, c.kept])).toEqual([
      [id(1), 'local'],
      [id(2), 'disk'],
    ]);
  });

  it('unites reply threads, so a reply written on either side survives', () => {
    const base = sampleSidecar();
    const local = withAnnotations(base, (l) => l.map((a) => (a.id === id(2) ? addReply(a, { id: id(30), author: 'Ann', body: 'mine' }, LATER) : a)));
    const disk = withAnnotations(base, (l) => l.map((a) => (a.id === id(2) ? addReply(a, { id: id(31), author: 'Bo', body: 'theirs' }, LATEST) : a)));
    const r = mergeSidecars(local, disk);
    expect(r.sidecar.annotations.find((a) => a.id === id(2))!.replies!.map((x) => x.body)).toEqual(['mine', 'theirs']);
    expect(r.summary.repliesMerged).toEqual([id(2)]);
  });

  it('without a base, never drops an annotation; with one, honours deletions', () => {
    const base = sampleSidecar();
    const local = withAnnotations(base, (l) => l.filter((a) => a.id !== id(4)));
    expect(mergeSidecars(local, base).sidecar.annotations.map((a) => a.id)).toContain(id(4));
    const r = mergeSidecars(local, base, base);
    expect(r.sidecar.annotations.map((a) => a.id)).not.toContain(id(4));
    expect(r.changed).toBe(false);
    // Deleted here but edited on disk after the base: the edit is kept.
    const diskEdited = withAnnotations(base, (l) => l.map((a) => (a.id === id(4) ? updateAnnotation(a, { body: 'not a name' }, LATER) : a)));
    const r2 = mergeSidecars(local, diskEdited, base);
    expect(r2.sidecar.annotations.map((a) => a.id)).toContain(id(4));
    expect(r2.conflicts[0]).toMatchObject({ id: id(4), kept: 'disk' });
  });

  it('an unchanged disk side changes nothing', () => {
    const base = sampleSidecar();
    const r = mergeSidecars(base, base);
    expect(r.changed).toBe(false);
    expect(describeMerge(r)).toBe('');
  });
});
