// Reading a stored state back without big native buffers: the file in pieces, the key hashed
// line by line, the answer in slices. Each must give exactly what the one-piece way gave.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIGEST_VERSION, STATE_VERSION } from '../../../src/core/corpus';
import { packState } from '../../../src/core/corpus/mirror';
import { sha256 } from '../../../src/node/analysisCache';
import { postRestored, readTextInPieces, RestoredReceiver, stateKey, type ReaderMessage, type Restored } from '../../../src/node/stateReader';

const dir = mkdtempSync(join(tmpdir(), 'news-lens-state-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading a stored state back', () => {
  it('reads a file in pieces as it is, multi-byte characters across the cuts included', () => {
    // Three-byte and four-byte characters at every alignment, well past one 64 KB piece.
    let text = '';
    for (let i = 0; text.length < 300_000; i++) text += `Zelenskyy — Зеленський 🇺🇦 ${i}; `;
    const file = join(dir, 'state.json');
    writeFileSync(file, text);
    expect(readTextInPieces(file)).toBe(readFileSync(file, 'utf8'));
    writeFileSync(file, '');
    expect(readTextInPieces(file)).toBe('');
  });

  it('makes the key from the same bytes as one string of every line', () => {
    const files: [string, string][] = [
      ['/news/b.txt', 'f'.repeat(64)],
      ['/news/a.txt', 'e'.repeat(64)],
      ['/news/Київ.txt', '0'.repeat(64)],
    ];
    const lines = files.map(([p, h]) => `${p}\t${h}`).sort();
    expect(stateKey(files, 'engine-1')).toBe(sha256(`${STATE_VERSION}\nengine-1\n${DIGEST_VERSION}\n${lines.join('\n')}`));
    expect(stateKey(files, 'engine-2')).not.toBe(stateKey(files, 'engine-1'));
    expect(stateKey([], 'engine-1')).toBe(sha256(`${STATE_VERSION}\nengine-1\n${DIGEST_VERSION}\n`));
  });

  it('sends a restored state in slices that the receiver puts back together', () => {
    const restored: Restored = {
      files: [
        ['/news/a.txt', 'a'.repeat(64)],
        ['/news/b.txt', 'b'.repeat(64)],
        ['/news/c.txt', 'c'.repeat(64)],
      ],
      state: packState({
        documents: ['/news/a.txt', '/news/b.txt', '/news/c.txt'],
        entities: [
          ['person:zelensky', 'Volodymyr Zelensky', 'person', ['Zelenskiy'], [0, 1], [0, 0, 18, 0, 1, 5, 15, 1], null],
          ['place:kyiv', 'Kyiv', 'place', [], [0], [0, 40, 44, 0], null],
          ['organization:nato', 'NATO', 'organization', [], [2], [2, 3, 7, 0], null],
        ],
        claimGroups: [],
        topics: [{ id: 't1', label: 'North Korean troops', documents: ['/news/a.txt', '/news/b.txt'], terms: ['troops'], entities: ['person:zelensky'] }],
      }),
    };
    // A copy of each message, as a thread receives it; two items a message.
    const messages: ReaderMessage[] = [];
    postRestored(restored, (m) => messages.push(structuredClone(m)), () => 2);
    expect(messages.filter((m) => 'list' in m && m.list === 'files')).toHaveLength(2);
    const receiver = new RestoredReceiver();
    const got = messages.map((m) => receiver.take(m));
    expect(got.slice(0, -1).every((r) => r === null)).toBe(true);
    expect(got.at(-1)).toEqual(restored);
    // No state: one message, and the receiver says so.
    const none: ReaderMessage[] = [];
    postRestored(undefined, (m) => none.push(m));
    expect(none).toEqual([{ done: null }]);
    expect(new RestoredReceiver().take(none[0])).toBeUndefined();
  });
});
