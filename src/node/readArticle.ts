// Reading an article from disk with the checks a user needs to hear about in one line:
// missing, a folder, unreadable, or not text at all.
import { readFileSync, statSync } from 'node:fs';

export class ArticleReadError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`${path}: ${reason}`);
  }
}

/** Refuse files that are clearly binary: a NUL byte, or invalid UTF-8 in the first 8 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.length < bytes.length ? trimPartialChar(head) : head);
    return false;
  } catch {
    return true;
  }
}

// A cut at 8 KB can split a multi-byte character; drop the partial tail before validating.
function trimPartialChar(b: Uint8Array): Uint8Array {
  const end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = b[end - i];
    if ((byte & 0xc0) === 0xc0) return b.subarray(0, end - i);
    if ((byte & 0x80) === 0) break;
  }
  return b;
}

export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

export function readArticle(path: string): string {
  let st;
  try {
    st = statSync(path);
  } catch (e: any) {
    throw new ArticleReadError(path, e?.code === 'ENOENT' ? 'no such file' : `cannot read (${e?.code ?? e})`);
  }
  if (st.isDirectory()) throw new ArticleReadError(path, 'is a folder, not an article');
  if (!st.isFile()) throw new ArticleReadError(path, 'is not a regular file');
  if (st.size > MAX_ARTICLE_BYTES) throw new ArticleReadError(path, `too large (${st.size} bytes; the limit is ${MAX_ARTICLE_BYTES})`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e: any) {
    throw new ArticleReadError(path, `cannot read (${e?.code ?? e})`);
  }
  if (looksBinary(bytes)) throw new ArticleReadError(path, 'is a binary file, not a text article');
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}
