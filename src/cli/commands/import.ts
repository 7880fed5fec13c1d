// `news-lens import FILE.jsonld [--folder DIR]`: re-creates sidecars from a W3C Web Annotation
// collection (a News Lens export, or another tool's annotations of the same articles).
// Never loses work: if any existing sidecar differs from what the file would write, nothing is
// written unless --force, and a sidecar that does not load is never written over at all.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { sidecarPathFor, type Sidecar } from '../../core/annotations';
import { importWebAnnotations } from '../../core/export';
import { readArticle } from '../../node/readArticle';
import { compareImport } from '../../node/importComparison';
import { sha256Text, writeSidecar } from '../../node/sidecarFiles';
import type { CliCommand } from '../command';

interface Plan {
  location: string;
  file: string;
  sidecar: Sidecar;
  action: 'create' | 'unchanged' | 'overwrite' | 'differs' | 'invalid';
  detail?: string;
}

/** The article `location` names under `root`, or undefined when it would leave the folder. */
function inside(root: string, location: string): string | undefined {
  if (!location || isAbsolute(location) || location.split('/').includes('..')) return undefined;
  const file = resolve(root, location);
  const rel = relative(root, file);
  return rel && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel) ? file : undefined;
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import <file.jsonld> [--folder DIR] [--force] [--base-url URL] [--dry-run]',
  summary: 're-create annotation sidecars from a W3C Web Annotation collection',
  options: {
    folder: { type: 'string', default: '.' },
    force: { type: 'boolean' },
    'base-url': { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  async run({ positionals, values, out, err }) {
    if (positionals.length !== 1) throw new Error('import takes exactly one Web Annotation file (.jsonld)');
    const root = resolve(values.folder as string);
    let text: string;
    try {
      text = readFileSync(positionals[0], 'utf8');
    } catch (e: any) {
      throw new Error(`${positionals[0]}: ${e?.code === 'ENOENT' ? 'no such file' : `cannot read (${e?.code ?? e})`}`);
    }
    const articleCache = new Map<string, { text: string; sha256: string } | undefined>();
    const article = (location: string) => {
      if (!articleCache.has(location)) {
        const file = inside(root, location);
        let found: { text: string; sha256: string } | undefined;
        if (file && existsSync(file)) {
          try {
            const t = readArticle(file);
            found = { text: t, sha256: sha256Text(t) };
          } catch {
            found = undefined;
          }
        }
        articleCache.set(location, found);
      }
      return articleCache.get(location);
    };
    const result = importWebAnnotations(text, { baseUrl: values['base-url'] as string | undefined, article });
    if (!result.ok) throw new Error(`${positionals[0]}: ${result.error}`);
    for (const w of result.warnings) err(`news-lens import: ${w}`);

    const plans: Plan[] = [];
    for (const [i, sidecar] of result.sidecars.entries()) {
      const location = result.locations[i];
      const articleFile = inside(root, location);
      if (!articleFile) throw new Error(`${positionals[0]}: article path ${JSON.stringify(location)} lies outside ${root}; nothing was written`);
      const file = sidecarPathFor(articleFile);
      const cmp = compareImport(file, sidecar);
      const action: Plan['action'] = cmp.action === 'differs' && values.force ? 'overwrite' : cmp.action;
      const detail = cmp.detail;
      const now = article(location);
      if (!now) err(`news-lens import: ${location}: the article is not in ${root}; its sidecar is written anyway and will anchor when the article is there`);
      else if (now.sha256 !== sidecar.document.sha256) err(`news-lens import: ${location}: the article changed since these annotations were saved; they will be re-anchored when opened`);
      plans.push({ location, file, sidecar, action, ...(detail ? { detail } : {}) });
    }

    const blocked = plans.filter((p) => p.action === 'differs' || p.action === 'invalid');
    for (const p of blocked) {
      err(
        p.action === 'invalid'
          ? `news-lens import: ${p.file} does not load (${p.detail}); it is never written over: fix it or move it away`
          : `news-lens import: ${p.file} differs from the imported annotations (${p.detail}); use --force to replace it`,
      );
    }
    if (blocked.length) {
      err(`news-lens import: nothing was written (${blocked.length} of ${plans.length} sidecars would have been replaced)`);
      return 1;
    }
    let written = 0;
    for (const p of plans) {
      if (p.action === 'unchanged') continue;
      if (!values['dry-run']) await writeSidecar(p.file, p.sidecar);
      written++;
      out(`${p.action === 'create' ? 'created' : 'replaced'} ${p.file} (${p.sidecar.annotations.length} annotations)`);
    }
    const unchanged = plans.length - written;
    err(`news-lens import: ${values['dry-run'] ? 'would write' : 'wrote'} ${written} sidecar${written === 1 ? '' : 's'}${unchanged ? `, ${unchanged} already up to date` : ''}`);
    return 0;
  },
};
