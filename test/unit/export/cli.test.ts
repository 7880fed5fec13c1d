// The export and import commands on a temporary folder holding copies of the seeds.
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation, serializeSidecar, sidecarPathFor, type Sidecar } from '../../../src/core/annotations';
import { claimsCsvPath, exportCommand, loadFolder } from '../../../src/cli/commands/export';
import { importCommand } from '../../../src/cli/commands/import';
import { SEEDS_DIR, SEEDS_EXIST, sha256 } from './fixture';

async function run(command: typeof exportCommand, positionals: string[], values: Record<string, any>) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await command.run({ positionals, values, out: (l) => stdout.push(l), err: (l) => stderr.push(l) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe.skipIf(!SEEDS_EXIST)('news-lens export / import (seeds copied to a temp folder)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'news-lens-export-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const names = ['000_2bdd9704f72ad868.txt', '001_7bde26a7f900f6da.txt', '002_e850c5367249b628.txt'];
  const now = '2024-11-05T10:00:00.000Z';
  let files: string[] = [];
  let sidecars: Sidecar[] = [];
  // In beforeAll, not the describe body: vitest runs that body even when the block is skipped.
  beforeAll(() => {
    mkdirSync(join(dir, 'desk'));
    files = names.map((n, i) => {
      const to = i === 2 ? join(dir, 'desk', n) : join(dir, n);
      copyFileSync(join(SEEDS_DIR, n), to);
      return to;
    });
    sidecars = files.slice(0, 2).map((file, i) => {
      const text = readFileSync(file, 'utf8');
      const at = text.indexOf(' ', 50);
      const sidecar: Sidecar = {
        version: 1,
        document: { path: names[i], sha256: sha256(text) },
        status: i ? 'reviewed' : 'in-review',
        annotations: [
          createAnnotation({ kind: 'note', text, start: 0, end: 12, author: 'Kim', now, id: randomUUID(), body: 'Headline | check\nthis', tags: ['x'] }),
          createAnnotation({ kind: 'claim', text, start: at + 1, end: at + 9, author: 'Kim', now, id: randomUUID(), verdict: 'false', links: ['https://example.org/'] }),
        ],
      };
      writeFileSync(sidecarPathFor(file), serializeSidecar(sidecar));
      return sidecar;
    });
  });

  it('loads every article with its sidecar and the corpus, paths relative to the folder', async () => {
    const { articles, problems, corpus } = await loadFolder(dir);
    expect(corpus.documents.sort()).toEqual(articles.map((a) => a.path).sort());
    for (const g of corpus.claimGroups) for (const f of g.figures) for (const c of f.claims) expect(articles.find((a) => a.path === c.document)?.analysis.claims[c.index]).toEqual(c.claim);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.path)).toEqual([names[0], names[1], `desk/${names[2]}`]);
    expect(articles.filter((a) => a.sidecar).length).toBe(2);
    expect(articles.every((a) => a.sha256 === sha256(a.text))).toBe(true);
  });

  it('writes CSV to --out and the claims beside it', async () => {
    const out = join(dir, 'review.csv');
    const r = await run(exportCommand, [dir], { format: 'csv', out, bom: true, generated: now });
    expect(r.code).toBe(0);
    expect(claimsCsvPath(out)).toBe(join(dir, 'review.claims.csv'));
    const rows = parse(readFileSync(out, 'utf8'), { bom: true, columns: true });
    expect(rows).toHaveLength(4);
    expect(rows.find((x: any) => x.kind === 'note').note).toBe('Headline | check\nthis');
    expect(existsSync(join(dir, 'review.claims.csv'))).toBe(true);
    // Without --out, one table on stdout.
    const claims = await run(exportCommand, [dir], { format: 'csv', table: 'claims', generated: now });
    expect(claims.stdout.startsWith('article,start,end,text,kind,value')).toBe(true);
    await expect(run(exportCommand, [dir], { format: 'csv', table: 'both' })).rejects.toThrow(/--out/);
  });

  it('refuses unknown formats', async () => {
    await expect(run(exportCommand, [dir], { format: 'pdf' })).rejects.toThrow(/--format must be one of/);
  });

  it('exports Web Annotations that import back to the same sidecars, and never overwrites work without --force', async () => {
    const wa = join(dir, 'review.jsonld');
    expect((await run(exportCommand, [dir], { format: 'webannotation', out: wa, generated: now })).code).toBe(0);
    // Same sidecars on disk: nothing to do.
    let r = await run(importCommand, [wa], { folder: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote 0 sidecars, 2 already up to date');
    // One sidecar deleted, one changed since the export.
    rmSync(sidecarPathFor(files[0]));
    const changed = { ...sidecars[1], status: 'in-review' as const };
    writeFileSync(sidecarPathFor(files[1]), serializeSidecar(changed));
    r = await run(importCommand, [wa], { folder: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/differs from the imported annotations.*--force/);
    expect(r.stderr).toContain('nothing was written');
    expect(existsSync(sidecarPathFor(files[0]))).toBe(false);
    expect(readFileSync(sidecarPathFor(files[1]), 'utf8')).toBe(serializeSidecar(changed));
    r = await run(importCommand, [wa], { folder: dir, force: true });
    expect(r.code).toBe(0);
    files.slice(0, 2).forEach((f, i) => expect(readFileSync(sidecarPathFor(f), 'utf8')).toBe(serializeSidecar(sidecars[i])));
    // A damaged sidecar is never written over, even with --force.
    writeFileSync(sidecarPathFor(files[0]), '{ "version": 1, ');
    r = await run(importCommand, [wa], { folder: dir, force: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not load/);
    expect(readFileSync(sidecarPathFor(files[0]), 'utf8')).toBe('{ "version": 1, ');
    writeFileSync(sidecarPathFor(files[0]), serializeSidecar(sidecars[0]));
  });

  it('refuses collections whose paths leave the folder', async () => {
    const evil = join(dir, 'evil.jsonld');
    const doc = JSON.parse(readFileSync(join(dir, 'review.jsonld'), 'utf8'));
    doc['newslens:documents'][0].source = '../outside.txt';
    for (const item of doc.first.items) if (item.target?.source === names[0]) item.target.source = '../outside.txt';
    writeFileSync(evil, JSON.stringify(doc));
    await expect(run(importCommand, [evil], { folder: dir, force: true })).rejects.toThrow(/outside/);
    expect(existsSync(join(dir, '..', 'outside.txt.annotations.json'))).toBe(false);
  });

  it('writes every other format', async () => {
    for (const format of ['json', 'md', 'html', 'claimreview']) {
      const r = await run(exportCommand, [dir], { format, generated: now, organization: 'Desk' });
      expect(r.code, format).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(100);
    }
  });
});
