// `news-lens annotations`: an article's annotations, re-anchored against its current text.
import { anchorAll, formatSidecarError, sidecarPathFor, type AnchoredAnnotation } from '../../core/annotations';
import { lineColumnAt } from '../../core/annotations/jsonDiagnostics';
import { readArticle } from '../../node/readArticle';
import { readSidecar, sha256Text } from '../../node/sidecarFiles';
import type { CliCommand } from '../command';

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

function describe(x: AnchoredAnnotation, text: string): string {
  const a = x.annotation;
  const where =
    x.start === undefined || x.end === undefined
      ? 'orphaned'
      : (({ line, column }) => `${line}:${column}`)(lineColumnAt(text, x.start)) + (x.state === 'moved' ? ' (moved)' : '');
  const label = a.kind === 'claim' || a.kind === 'quote' ? `${a.kind} [${a.verdict ?? 'unreviewed'}]` : a.kind === 'note' ? `note [${a.status ?? 'open'}]` : `entity${a.rejected ? ' [rejected]' : a.type ? ` [${a.type}]` : ''}`;
  const score = x.score < 1 && x.state !== 'orphaned' ? ` ~${x.score.toFixed(2)}` : '';
  return `${where.padEnd(14)} ${label.padEnd(24)} "${clip(a.target.exact, 40)}"${a.body ? ` — ${clip(a.body, 60)}` : ''}  (${a.id.slice(0, 8)}, ${a.author})${score}`;
}

export const annotationsCommand: CliCommand = {
  name: 'annotations',
  usage: 'annotations <file> [--format json|text]',
  summary: 'list an article\'s annotations, re-anchored against its current text',
  options: { format: { type: 'string', default: 'text' } },
  run({ positionals, values, out, err }) {
    if (positionals.length !== 1) throw new Error('annotations takes exactly one article file');
    if (values.format !== 'json' && values.format !== 'text') throw new Error(`--format must be json or text, not ${values.format}`);
    const file = positionals[0];
    const text = readArticle(file);
    const sidecarPath = sidecarPathFor(file);
    const loaded = readSidecar(sidecarPath);
    if (loaded.kind === 'invalid') {
      err(formatSidecarError(loaded.error));
      return 1;
    }
    if (loaded.kind === 'ok') for (const w of loaded.warnings) err(`news-lens annotations: ${w.file}: ${w.field ?? ''} ${w.message}`);
    const sidecar = loaded.kind === 'ok' ? loaded.sidecar : undefined;
    const anchored = sidecar ? anchorAll(sidecar, text) : [];
    if (values.format === 'json') {
      out(
        JSON.stringify({
          file,
          sidecar: sidecarPath,
          exists: !!sidecar,
          status: sidecar?.status ?? 'unreviewed',
          // The article changed since the sidecar was saved: positions below are re-anchored ones.
          changedSinceSaved: sidecar ? sidecar.document.sha256 !== sha256Text(text) : false,
          annotations: anchored.map((x) => ({ ...x.annotation, start: x.start ?? null, end: x.end ?? null, state: x.state, score: x.score })),
        }),
      );
      return 0;
    }
    if (!sidecar) {
      out(`${file}: no annotations (no ${sidecarPath})`);
      return 0;
    }
    const orphans = anchored.filter((x) => x.state === 'orphaned').length;
    out(`${file}: ${anchored.length} annotation${anchored.length === 1 ? '' : 's'}, status ${sidecar.status}${orphans ? `, ${orphans} orphaned` : ''}`);
    for (const x of anchored) out('  ' + describe(x, text));
    return 0;
  },
};
