import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeSidecar } from '../../../src/core/annotations/sidecar';
import { documentPathFor, readSidecar, saveSidecar, sha256Text, SidecarWriteRefused, workspaceRootFor, writeSidecar } from '../../../src/node/sidecarFiles';
import { id, note, sampleSidecar } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'newslens-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sidecar files', () => {
  it('sha256 of the text as UTF-8', () => {
    expect(sha256Text('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Text('é')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c'); // UTF-8 bytes c3 a9, not UTF-16
  });

  it('document paths are relative to the workspace folder, with forward slashes', () => {
    mkdirSync(join(dir, 'ws', '.newslens'), { recursive: true });
    mkdirSync(join(dir, 'ws', 'news', '2024'), { recursive: true });
    const article = join(dir, 'ws', 'news', '2024', 'x.txt');
    expect(workspaceRootFor(article)).toBe(join(dir, 'ws'));
    expect(documentPathFor(article)).toBe('news/2024/x.txt');
  });

  it('reads missing, valid and invalid sidecars', () => {
    const p = join(dir, 'r.txt.annotations.json');
    expect(readSidecar(p).kind).toBe('missing');
    writeFileSync(p, serializeSidecar(sampleSidecar()));
    expect(readSidecar(p).kind).toBe('ok');
    writeFileSync(p, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    const r = readSidecar(p);
    expect(r.kind === 'invalid' && r.error.message).toBe('the file is not UTF-8 text');
  });

  it('refuses to write over a sidecar that does not load, leaving it unchanged', async () => {
    const p = join(dir, 'w.txt.annotations.json');
    const damaged = serializeSidecar(sampleSidecar()).slice(0, 300);
    writeFileSync(p, damaged);
    await expect(writeSidecar(p, sampleSidecar())).rejects.toBeInstanceOf(SidecarWriteRefused);
    await expect(saveSidecar(p, sampleSidecar())).rejects.toThrow(/refusing to write .*w\.txt\.annotations\.json.*invalid JSON/);
    expect(readFileSync(p, 'utf8')).toBe(damaged);
  });

  it('writes atomically, leaving no temporary file, and skips writes that change nothing', async () => {
    const sub = join(dir, 'atomic');
    mkdirSync(sub);
    const p = join(sub, 'a.txt.annotations.json');
    await writeSidecar(p, sampleSidecar());
    expect(readdirSync(sub)).toEqual(['a.txt.annotations.json']);
    expect(readFileSync(p, 'utf8')).toBe(serializeSidecar(sampleSidecar()));
    // Same content again: no rename, so the file (inode) is the same one.
    const ino = statSync(p).ino;
    await writeSidecar(p, sampleSidecar());
    expect(statSync(p).ino).toBe(ino);
    // Different content: a new file renamed into place.
    await writeSidecar(p, { ...sampleSidecar(), status: 'reviewed' });
    expect(statSync(p).ino).not.toBe(ino);
    expect(readdirSync(sub)).toEqual(['a.txt.annotations.json']);
  });

  it('save merges what another writer added to the disk meanwhile', async () => {
    const p = join(dir, 'm.txt.annotations.json');
    const base = sampleSidecar();
    writeFileSync(p, serializeSidecar(base));
    // Someone else adds a note and saves.
    writeFileSync(p, serializeSidecar({ ...base, annotations: [...base.annotations, note(40, 'Porto', 'from the CLI')] }));
    // This side, started from `base`, adds its own note and deletes one.
    const local = { ...base, annotations: [...base.annotations.filter((a) => a.id !== id(4)), note(41, 'ministry', 'from the editor')] };
    const saved = await saveSidecar(p, local, base);
    expect(saved.merge?.summary.added).toEqual([id(40)]);
    const r = readSidecar(p);
    if (r.kind !== 'ok') throw new Error('not ok');
    const ids = r.sidecar.annotations.map((a) => a.id);
    expect(ids).toContain(id(40));
    expect(ids).toContain(id(41));
    expect(ids).not.toContain(id(4));
  });
});
