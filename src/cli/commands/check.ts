// `news-lens check`: validates every sidecar (and the workspace lexicon) under folders, reports
// orphaned annotations, and fails when any file does not load — for CI and pre-commit hooks.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { anchorAll, articlePathFor, describeMerge, formatSidecarError, resolveConflictedSidecar, SIDECAR_SUFFIX } from '../../core/annotations';
import { readLexicon } from '../../node/lexiconFile';
import { readArticle } from '../../node/readArticle';
import { readSidecar, writeSidecar } from '../../node/sidecarFiles';
import type { CliCommand } from '../command';

interface SidecarReport {
  path: string;
  valid: boolean;
  error?: string;
  annotations: number;
  moved: number;
  orphaned: { id: string; exact: string }[];
  warnings: string[];
}

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check <folder...> [--format json|text] [--resolve-conflicts]',
  summary: 'validate every annotation sidecar and the lexicon; report orphans; exit 1 if any is invalid',
  options: { format: { type: 'string', default: 'text' }, 'resolve-conflicts': { type: 'boolean' } },
  async run({ positionals, values, out }) {
    if (!positionals.length) throw new Error('check needs at least one folder');
    const reports: SidecarReport[] = [];
    const lexicons: { path: string; valid: boolean; error?: string }[] = [];
    for (const folder of positionals) {
      if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
      const lex = readLexicon(folder);
      if (lex.kind !== 'missing') lexicons.push({ path: lex.path, valid: lex.kind === 'ok', error: lex.kind === 'invalid' ? formatSidecarError(lex.error) : undefined });
      const found = globSync([`**/*${SIDECAR_SUFFIX}`], { cwd: folder, absolute: true, dot: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] }).sort();
      for (const path of found) {
        if (values['resolve-conflicts']) {
          const resolved = await resolveConflicts(path);
          if (resolved) out(resolved);
        }
        reports.push(checkOne(path));
      }
    }
    const invalid = reports.filter((r) => !r.valid).length + lexicons.filter((l) => !l.valid).length;
    const orphaned = reports.reduce((n, r) => n + r.orphaned.length, 0);
    if (values.format === 'json') {
      out(JSON.stringify({ sidecars: reports, lexicons, invalid, orphaned }));
    } else {
      for (const l of lexicons) if (!l.valid) out(`invalid: ${l.error}`);
      for (const r of reports) {
        if (!r.valid) out(`invalid: ${r.error}`);
        for (const w of r.warnings) out(`warning: ${r.path}: ${w}`);
        for (const o of r.orphaned) out(`orphaned: ${r.path}: annotation ${o.id} "${o.exact.length > 50 ? o.exact.slice(0, 49) + '…' : o.exact}" is no longer in the article`);
      }
      const annotations = reports.reduce((n, r) => n + r.annotations, 0);
      const moved = reports.reduce((n, r) => n + r.moved, 0);
      out(`${reports.length} sidecar${reports.length === 1 ? '' : 's'}: ${reports.length - reports.filter((r) => !r.valid).length} valid, ${reports.filter((r) => !r.valid).length} invalid; ${annotations} annotations, ${moved} moved, ${orphaned} orphaned${lexicons.length ? `; lexicon ${lexicons.every((l) => l.valid) ? 'valid' : 'invalid'}` : ''}`);
    }
    return invalid ? 1 : 0;
  },
};

/** Rewrites a sidecar holding git conflict markers as the merge of its two sides, when both load. */
async function resolveConflicts(path: string): Promise<string | undefined> {
  const r = readSidecar(path);
  if (r.kind !== 'invalid' || r.error.code !== 'conflict-markers') return undefined;
  const resolved = resolveConflictedSidecar(readFileSync(path, 'utf8'), path);
  if (!resolved.ok) return `not resolved: ${formatSidecarError(resolved.error)}`;
  await writeSidecar(path, resolved.sidecar, { replaceDamaged: true });
  const how = describeMerge(resolved.merge).replace('Merged changes made on disk: ', '').replace(/\.$/, '');
  return `resolved: ${path}: kept both sides of the git conflict (${resolved.sidecar.annotations.length} annotations${how ? '; from the other side: ' + how : ''})`;
}

function checkOne(path: string): SidecarReport {
  const report: SidecarReport = { path, valid: true, annotations: 0, moved: 0, orphaned: [], warnings: [] };
  const r = readSidecar(path);
  if (r.kind !== 'ok') {
    report.valid = false;
    report.error = r.kind === 'invalid' ? formatSidecarError(r.error) : `${path}: disappeared while checking`;
    return report;
  }
  report.warnings.push(...r.warnings.map((w) => `${w.field ?? ''} ${w.message}`.trim()));
  report.annotations = r.sidecar.annotations.length;
  const article = articlePathFor(path)!;
  let text: string;
  try {
    text = readArticle(article);
  } catch (e: any) {
    report.warnings.push(`its article cannot be read (${e?.message ?? e}); its ${report.annotations} annotations are kept`);
    return report;
  }
  for (const x of anchorAll(r.sidecar, text)) {
    if (x.state === 'orphaned') report.orphaned.push({ id: x.annotation.id, exact: x.annotation.target.exact });
    else if (x.state === 'moved') report.moved++;
  }
  return report;
}
