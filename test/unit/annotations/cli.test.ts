// The annotation commands as users run them: `node dist/cli.js` in temporary folders.
// Builds the bundle first (node esbuild.mjs), as the project's test script does.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSidecar, serializeSidecar } from '../../../src/core/annotations/sidecar';
import { TEXT, id, note, sampleSidecar } from './fixtures';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const hasGit = spawnSync('git', ['--version']).status === 0;
if (!hasGit) console.warn('git is not installed: skipping the conflict-marker CLI test');

let dir: string;
beforeAll(() => {
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'ignore' });
  dir = mkdtempSync(join(tmpdir(), 'newslens-cli-'));
  mkdirSync(join(dir, '.newslens'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('news-lens annotate / annotations / check', () => {
  it('annotate creates the sidecar next to the article and prints the new id', () => {
    writeFileSync(join(dir, 'a.txt'), TEXT);
    const start = TEXT.indexOf('1,200 workers');
    const r = run(['annotate', 'a.txt', '--start', String(start), '--end', String(start + 13), '--kind', 'claim', '--verdict', 'needs-source', '--note', 'Which ministry?', '--author', 'Ann'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const id = r.out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const text = readFileSync(join(dir, 'a.txt.annotations.json'), 'utf8');
    const p = parseSidecar(text, 'a.txt.annotations.json');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(serializeSidecar(p.sidecar)).toBe(text); // written in the canonical layout
    expect(p.sidecar.document.path).toBe('a.txt');
    expect(p.sidecar.annotations).toHaveLength(1);
    expect(p.sidecar.annotations[0]).toMatchObject({ id, kind: 'claim', verdict: 'needs-source', body: 'Which ministry?', author: 'Ann', target: { start, end: start + 13, exact: '1,200 workers' } });
    // No temporary files left behind by the atomic write.
    expect(readdirSync(dir).filter((f) => f.startsWith('a.txt'))).toEqual(['a.txt', 'a.txt.annotations.json']);
  });

  it('annotate adds to an existing sidecar; the author defaults to something', () => {
    const start = TEXT.indexOf('Maria Costa');
    const r = run(['annotate', 'a.txt', '--start', String(start), '--end', String(start + 11), '--kind', 'entity'], dir);
    expect(r.code).toBe(0);
    const p = parseSidecar(readFileSync(join(dir, 'a.txt.annotations.json'), 'utf8'), 'x');
    if (!p.ok) throw new Error(p.error.message);
    expect(p.sidecar.annotations).toHaveLength(2);
    expect(p.sidecar.annotations[1].author.length).toBeGreaterThan(0);
  });

  it('annotate rejects bad options without touching the sidecar', () => {
    const before = readFileSync(join(dir, 'a.txt.annotations.json'), 'utf8');
    expect(run(['annotate', 'a.txt', '--start', '5', '--end', '99999'], dir).code).toBe(1);
    const r = run(['annotate', 'a.txt', '--start', '0', '--end', '3', '--kind', 'note', '--verdict', 'false'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/only claims and quotes take a verdict/);
    expect(readFileSync(join(dir, 'a.txt.annotations.json'), 'utf8')).toBe(before);
  });

  it('annotations lists them re-anchored against the current text', () => {
    writeFileSync(join(dir, 'a.txt'), 'Editor\'s note: updated.\n' + TEXT.replace('said Maria Costa, who', 'a spokeswoman said; she'));
    const r = run(['annotations', 'a.txt', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.changedSinceSaved).toBe(true);
    const [claim, entity] = j.annotations;
    expect(claim).toMatchObject({ kind: 'claim', state: 'moved', start: claim.target.start + 24, end: claim.target.end + 24, score: 1 });
    expect(entity.state).toBe('orphaned');
    expect(entity.start).toBeNull();
    const t = run(['annotations', 'a.txt'], dir);
    expect(t.out).toMatch(/2 annotations, status unreviewed, 1 orphaned/);
    expect(t.out).toMatch(/claim \[needs-source\]\s+"1,200 workers" — Which ministry\?/);
  });

  it('check reports orphans and passes when every sidecar loads', () => {
    const r = run(['check', '.'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^orphaned: .*a\.txt\.annotations\.json: annotation [0-9a-f-]{36} "Maria Costa" is no longer in the article$/m);
    expect(r.out).toMatch(/1 sidecar: 1 valid, 0 invalid; 2 annotations, 1 moved, 1 orphaned/);
  });

  it('a damaged sidecar: check fails naming file and line; annotate refuses and leaves it byte for byte', () => {
    writeFileSync(join(dir, 'b.txt'), TEXT);
    const damaged = '{\n  "version": 1,\n  "document": {\n    "path": "b.txt",\n    "sha256": 12\n  },\n';
    writeFileSync(join(dir, 'b.txt.annotations.json'), damaged);
    const c = run(['check', '.'], dir);
    expect(c.code).toBe(1);
    expect(c.out).toMatch(/^invalid: .*b\.txt\.annotations\.json:7:1: invalid JSON: unexpected end of file/m);
    expect(c.out).toMatch(/2 sidecars: 1 valid, 1 invalid/);

    const a = run(['annotate', 'b.txt', '--start', '0', '--end', '3'], dir);
    expect(a.code).toBe(1);
    expect(a.out).toBe('');
    expect(a.err).toMatch(/refusing to write b\.txt\.annotations\.json/);
    expect(a.err).toMatch(/b\.txt\.annotations\.json:7:1: invalid JSON/);
    expect(readFileSync(join(dir, 'b.txt.annotations.json'), 'utf8')).toBe(damaged);

    // Valid JSON, wrong type: the field is named.
    const wrongType = damaged + '  "status": "unreviewed",\n  "annotations": []\n}\n';
    writeFileSync(join(dir, 'b.txt.annotations.json'), wrongType);
    const a2 = run(['annotate', 'b.txt', '--start', '0', '--end', '3'], dir);
    expect(a2.code).toBe(1);
    expect(a2.err).toMatch(/b\.txt\.annotations\.json:5:5: document\.sha256 must be a string \(found a number 12\)/);
    expect(readFileSync(join(dir, 'b.txt.annotations.json'), 'utf8')).toBe(wrongType);
    const l = run(['annotations', 'b.txt'], dir);
    expect(l.code).toBe(1);
    expect(l.err).toMatch(/document\.sha256/);
    rmSync(join(dir, 'b.txt.annotations.json'));
  });

  it('a sidecar over the size limit is refused unread', () => {
    writeFileSync(join(dir, 'c.txt'), TEXT);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    writeFileSync(join(dir, 'c.txt.annotations.json'), big);
    const a = run(['annotate', 'c.txt', '--start', '0', '--end', '3'], dir);
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/too large \(10485761 bytes/);
    expect(readFileSync(join(dir, 'c.txt.annotations.json')).equals(big)).toBe(true);
    rmSync(join(dir, 'c.txt.annotations.json'));
  });

  it('check validates the workspace lexicon', () => {
    writeFileSync(join(dir, '.newslens', 'lexicon.json'), '{ "version": 1, "rejected": "Monday" }\n');
    const c = run(['check', '.'], dir);
    expect(c.code).toBe(1);
    expect(c.out).toMatch(/invalid: .*lexicon\.json:1:\d+: rejected must be an array/);
    rmSync(join(dir, '.newslens', 'lexicon.json'));
  });

  it.skipIf(!hasGit)('check --resolve-conflicts rewrites a sidecar left with git conflict markers as the merge of both sides', () => {
    writeFileSync(join(dir, 'd.txt'), TEXT);
    const base = sampleSidecar();
    const files = ['base', 'ours', 'theirs'].map((n) => join(dir, `${n}.tmp`));
    writeFileSync(files[0], serializeSidecar(base));
    writeFileSync(files[1], serializeSidecar({ ...base, annotations: [...base.annotations, note(12, 'Porto', 'ours')] }));
    writeFileSync(files[2], serializeSidecar({ ...base, annotations: [...base.annotations, note(13, 'Porto', 'theirs')] }));
    spawnSync('git', ['merge-file', files[1], files[0], files[2]]);
    const conflicted = readFileSync(files[1], 'utf8');
    for (const f of files) rmSync(f);
    writeFileSync(join(dir, 'd.txt.annotations.json'), conflicted);

    const c = run(['check', '.'], dir);
    expect(c.code).toBe(1);
    expect(c.out).toMatch(/d\.txt\.annotations\.json:\d+:1: the file contains git conflict markers/);
    expect(readFileSync(join(dir, 'd.txt.annotations.json'), 'utf8')).toBe(conflicted);

    const r = run(['check', '.', '--resolve-conflicts'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^resolved: .*d\.txt\.annotations\.json: kept both sides of the git conflict \(7 annotations; from the other side: 1 annotation added\)$/m);
    const p = parseSidecar(readFileSync(join(dir, 'd.txt.annotations.json'), 'utf8'), 'd');
    if (!p.ok) throw new Error(p.error.message);
    expect(p.sidecar.annotations.map((a) => a.id)).toEqual(expect.arrayContaining([id(12), id(13)]));
    rmSync(join(dir, 'd.txt.annotations.json'));
  });
});
