// The workspace lexicon (`.newslens/lexicon.json`): corrections a reviewer makes once for every
// article of a folder — entities the engine misses, other spellings of a name, names that are
// never entities — and the per-article entity corrections stored as `entity` annotations.
// Both are pure functions over the engine's entity list.
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import schema from '../../../schemas/lexicon.schema.json';
import type { Entity, EntityType } from '../types';
import { formatPath, locate, parseJson, schemaError } from './jsonDiagnostics';
import type { AnchoredAnnotation, SidecarError } from './model';
import { compareModified } from './order';

export const LEXICON_PATH = '.newslens/lexicon.json';
export const LEXICON_VERSION = 1;

export interface LexiconEntity {
  name: string;
  type: EntityType;
}

export interface Lexicon {
  version: number;
  entities: LexiconEntity[];
  /** Other spelling → canonical name. */
  aliases: Record<string, string>;
  rejected: string[];
}

export function emptyLexicon(): Lexicon {
  return { version: LEXICON_VERSION, entities: [], aliases: {}, rejected: [] };
}

let validator: ValidateFunction | undefined;

export function parseLexicon(text: string, fileName: string): { ok: true; lexicon: Lexicon } | { ok: false; error: SidecarError } {
  const hint = `fix it by hand or restore it from git (git checkout -- ${fileName}); until then the lexicon is not applied and News Lens will not write to it`;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const json = parseJson(text, fileName, hint);
  if (!json.ok) return json;
  const value = json.value as any;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: { file: fileName, line: 1, column: 1, message: 'the top level must be a JSON object', hint, code: 'schema' } };
  }
  if (value.version !== LEXICON_VERSION && 'version' in value) {
    return {
      ok: false,
      error: { file: fileName, ...locate(text, ['version']), field: 'version', message: `is ${JSON.stringify(value.version)}, a lexicon format this News Lens does not know (it reads version ${LEXICON_VERSION})`, hint, code: 'version' },
    };
  }
  validator ??= new Ajv2020({ strict: true }).compile(schema);
  if (!validator(json.value)) return { ok: false, error: schemaError(validator.errors![0], text, value, fileName, hint) };
  const seen = new Map<string, number>();
  const entities: LexiconEntity[] = value.entities ?? [];
  for (let i = 0; i < entities.length; i++) {
    const j = seen.get(entities[i].name);
    if (j !== undefined && entities[j].type !== entities[i].type) {
      const path = ['entities', i, 'type'];
      return { ok: false, error: { file: fileName, ...locate(text, path), field: formatPath(path), message: `"${entities[i].name}" is already listed as a ${entities[j].type} (entities[${j}])`, hint, code: 'schema' } };
    }
    seen.set(entities[i].name, i);
  }
  return { ok: true, lexicon: { version: value.version, entities, aliases: value.aliases ?? {}, rejected: value.rejected ?? [] } };
}

/** Canonical layout: sorted and de-duplicated, so two reviewers' additions merge line by line. */
export function serializeLexicon(l: Lexicon): string {
  const entities = new Map<string, LexiconEntity>();
  for (const e of l.entities) entities.set(e.name, { name: e.name, type: e.type });
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const aliases: Record<string, string> = {};
  for (const k of Object.keys(l.aliases).sort(byName)) aliases[k] = l.aliases[k];
  const out = {
    version: l.version,
    entities: [...entities.values()].sort((a, b) => byName(a.name, b.name)),
    aliases,
    rejected: [...new Set(l.rejected)].sort(byName),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** Edits a reviewer makes from the editor ("add to workspace lexicon"). Each returns a new lexicon. */
export function addLexiconEntity(l: Lexicon, e: LexiconEntity): Lexicon {
  return { ...l, entities: [...l.entities.filter((x) => x.name !== e.name), e], rejected: l.rejected.filter((r) => r !== e.name) };
}
export function addLexiconAlias(l: Lexicon, alias: string, canonical: string): Lexicon {
  return { ...l, aliases: { ...l.aliases, [alias]: canonical } };
}
export function rejectLexiconName(l: Lexicon, name: string): Lexicon {
  return { ...l, rejected: [...l.rejected.filter((r) => r !== name), name], entities: l.entities.filter((x) => x.name !== name) };
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function atWordBoundaries(text: string, start: number, end: number): boolean {
  return !(start > 0 && WORD_CHAR.test(text[start - 1])) && !(end < text.length && WORD_CHAR.test(text[end]));
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const byPosition = (a: Entity, b: Entity) => a.start - b.start || a.end - b.end;

/**
 * The engine's entities corrected by the lexicon:
 * - entities whose text is a rejected name are dropped (and rejected names are never added);
 * - every occurrence of a lexicon name or of an alias of one becomes an entity of the lexicon's
 *   type, replacing engine entities it overlaps — unless an engine entity already contains it
 *   (the lexicon's "Kyiv" does not break up the engine's "Kyiv Post");
 * - an entity whose text is an alias gets the alias's canonical name.
 */
export function applyLexicon(entities: readonly Entity[], text: string, lexicon: Lexicon): Entity[] {
  const rejected = new Set(lexicon.rejected.map(norm));
  const typeOf = new Map(lexicon.entities.map((e) => [e.name, e.type]));
  let out = entities.filter((e) => !rejected.has(norm(e.text)));

  // Names to look for: lexicon entities and the aliases that point at one, longest first.
  const names: { name: string; type: EntityType; canonical?: string }[] = lexicon.entities.map((e) => ({ name: e.name, type: e.type }));
  for (const [alias, canonical] of Object.entries(lexicon.aliases)) {
    const type = typeOf.get(canonical);
    if (type && alias !== canonical) names.push({ name: alias, type, canonical });
  }
  names.sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : 1));

  const found: Entity[] = [];
  for (const n of names) {
    if (rejected.has(norm(n.name)) || !n.name) continue;
    for (let i = text.indexOf(n.name); i !== -1; i = text.indexOf(n.name, i + 1)) {
      const m: Entity = { start: i, end: i + n.name.length, text: n.name, type: n.type, ...(n.canonical ? { canonical: n.canonical } : {}) };
      if (!atWordBoundaries(text, m.start, m.end) || found.some((f) => overlaps(f, m))) continue;
      if (out.some((e) => e.start <= m.start && e.end >= m.end && (e.start !== m.start || e.end !== m.end))) continue;
      found.push(m);
    }
  }
  out = out.filter((e) => !found.some((f) => overlaps(f, e))).concat(found);

  return out
    .map((e) => {
      const canonical = lexicon.aliases[e.text] ?? lexicon.aliases[norm(e.text)];
      if (!canonical || canonical === e.text) return e;
      const type = typeOf.get(canonical) ?? e.type;
      return { ...e, type, canonical };
    })
    .sort(byPosition);
}

/**
 * The entities corrected by one article's `entity` annotations (orphans are skipped: their text
 * is gone). A correction acts on the engine entities its span overlaps:
 * - `rejected`: they are removed;
 * - `type` and/or `name`: they are replaced by one entity spanning exactly the annotated text
 *   (so a correction also fixes boundaries), with the corrected type and canonical name;
 *   on text where the engine found nothing, a correction with a type adds the entity;
 * - `accepted` alone changes nothing: the reviewer confirmed the engine.
 * Later corrections (by `modified`) win over earlier ones on the same text.
 * `text` is the article's current text; without it the stored quote stands in.
 */
export function applyCorrections(entities: readonly Entity[], anchored: readonly AnchoredAnnotation[], text?: string): Entity[] {
  let out = [...entities];
  const corrections = anchored
    .filter((x) => x.annotation.kind === 'entity' && x.state !== 'orphaned' && x.start !== undefined && x.end !== undefined)
    .sort((a, b) => compareModified(a.annotation.modified, b.annotation.modified));
  for (const x of corrections) {
    const a = x.annotation;
    const span = { start: x.start!, end: x.end! };
    const hit = out.filter((e) => overlaps(e, span));
    if (a.rejected) {
      out = out.filter((e) => !hit.includes(e));
      continue;
    }
    if (a.type === undefined && a.name === undefined) continue;
    const base = hit.find((e) => e.start === span.start && e.end === span.end) ?? hit[0];
    const type = a.type ?? base?.type;
    if (!type) continue;
    const spanText = text !== undefined ? text.slice(span.start, span.end) : a.target.exact;
    const canonical = a.name ?? base?.canonical;
    const corrected: Entity = { ...span, text: spanText, type, ...(canonical && canonical !== spanText ? { canonical } : {}) };
    out = out.filter((e) => !hit.includes(e)).concat(corrected);
  }
  return out.sort(byPosition);
}
