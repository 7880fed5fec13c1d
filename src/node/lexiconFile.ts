// The workspace lexicon on disk (`.newslens/lexicon.json` in a workspace folder), with the same
// rules as sidecars: size-checked reads, atomic writes, never written over when it does not load.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { LEXICON_PATH, MAX_SIDECAR_BYTES, parseLexicon, serializeLexicon, type Lexicon, type SidecarError } from '../core/annotations';
import { SidecarWriteRefused } from './sidecarFiles';

export type ReadLexiconResult =
  | { kind: 'missing'; path: string }
  | { kind: 'ok'; path: string; lexicon: Lexicon }
  | { kind: 'invalid'; path: string; error: SidecarError };

export function lexiconPathFor(root: string): string {
  return join(root, ...LEXICON_PATH.split('/'));
}

export function readLexicon(root: string): ReadLexiconResult {
  const path = lexiconPathFor(root);
  try {
    const size = statSync(path).size;
    if (size > MAX_SIDECAR_BYTES) {
      return { kind: 'invalid', path, error: { file: path, message: `the file is too large (${size} bytes)`, hint: 'move it away to start a new lexicon', code: 'too-large' } };
    }
    const r = parseLexicon(readFileSync(path, 'utf8'), path);
    return r.ok ? { kind: 'ok', path, lexicon: r.lexicon } : { kind: 'invalid', path, error: r.error };
  } catch (e: any) {
    if (e?.code === 'ENOENT') return { kind: 'missing', path };
    return { kind: 'invalid', path, error: { file: path, message: `cannot read the file (${e?.code ?? e})`, hint: 'check its permissions', code: 'io' } };
  }
}

export async function writeLexicon(root: string, lexicon: Lexicon): Promise<void> {
  const current = readLexicon(root);
  if (current.kind === 'invalid') throw new SidecarWriteRefused(current.error);
  mkdirSync(dirname(current.path), { recursive: true });
  await writeFileAtomic(current.path, serializeLexicon(lexicon), { encoding: 'utf8', fsync: true });
}
