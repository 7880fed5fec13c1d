// `news-lens annotate`: adds one annotation with the same core code as the extension.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import {
  createAnnotation,
  emptySidecar,
  formatSidecarError,
  refreshSidecar,
  sidecarPathFor,
  type AnnotationKind,
  type Verdict,
} from '../../core/annotations';
import type { EntityType } from '../../core';
import { defaultAuthor } from '../../node/author';
import { readArticle } from '../../node/readArticle';
import { documentPathFor, readSidecar, saveSidecar, sha256Text, SidecarWriteRefused } from '../../node/sidecarFiles';
import type { CliCommand } from '../command';

function offset(name: string, v: unknown): number {
  if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new Error(`--${name} must be a character offset (a whole number ≥ 0), got ${JSON.stringify(v ?? null)}`);
  return Number(v);
}

export const annotateCommand: CliCommand = {
  name: 'annotate',
  usage: 'annotate <file> --start N --end M [--kind note|claim|entity|quote] [--verdict V] [--note TEXT] [--author NAME]',
  summary: 'add an annotation (UTF-16 offsets, end exclusive) to the article\'s sidecar; prints its id',
  options: {
    start: { type: 'string' },
    end: { type: 'string' },
    kind: { type: 'string', default: 'note' },
    verdict: { type: 'string' },
    note: { type: 'string' },
    author: { type: 'string' },
    status: { type: 'string' },
    type: { type: 'string' },
    name: { type: 'string' },
    reject: { type: 'boolean' },
    accept: { type: 'boolean' },
    tag: { type: 'string', multiple: true },
    link: { type: 'string', multiple: true },
  },
  async run({ positionals, values, out, err }) {
    if (positionals.length !== 1) throw new Error('annotate takes exactly one article file');
    const file = positionals[0];
    const text = readArticle(file);
    const start = offset('start', values.start);
    const end = offset('end', values.end);
    if (end <= start || end > text.length) throw new Error(`--start ${start} --end ${end} is not a non-empty span of ${file} (${text.length} characters)`);

    const sidecarPath = sidecarPathFor(file);
    const loaded = readSidecar(sidecarPath);
    if (loaded.kind === 'invalid') {
      err(`news-lens annotate: refusing to write ${sidecarPath}: it does not load, and writing would destroy what is in it; nothing was changed`);
      err(formatSidecarError(loaded.error));
      return 1;
    }
    if (loaded.kind === 'ok') for (const w of loaded.warnings) err(`news-lens annotate: ${w.file}: ${w.field ?? ''} ${w.message}`);

    const sha = sha256Text(text);
    const docPath = documentPathFor(resolve(file));
    const before = loaded.kind === 'ok' ? loaded.sidecar : emptySidecar(docPath, sha);
    // Targets and sha256 must describe the same text: bring the others up to date first.
    const current = refreshSidecar(before, text, sha);
    const annotation = createAnnotation({
      kind: values.kind as AnnotationKind,
      text,
      start,
      end,
      author: (values.author as string | undefined) ?? defaultAuthor(resolve(file, '..')),
      now: new Date().toISOString(),
      id: randomUUID(),
      body: values.note as string | undefined,
      verdict: values.verdict as Verdict | undefined,
      status: values.status as 'open' | 'resolved' | undefined,
      type: values.type as EntityType | undefined,
      name: values.name as string | undefined,
      rejected: values.reject ? true : undefined,
      accepted: values.accept ? true : undefined,
      tags: values.tag as string[] | undefined,
      links: values.link as string[] | undefined,
    });
    try {
      await saveSidecar(
        sidecarPath,
        { ...current, document: { path: docPath, sha256: sha }, annotations: [...current.annotations, annotation] },
        loaded.kind === 'ok' ? loaded.sidecar : undefined,
      );
    } catch (e) {
      if (!(e instanceof SidecarWriteRefused)) throw e;
      err(`news-lens annotate: ${e.message}`);
      return 1;
    }
    out(annotation.id);
    return 0;
  },
};
