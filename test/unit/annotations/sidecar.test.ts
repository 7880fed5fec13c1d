import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import schema from '../../../schemas/annotations.schema.json';
import { MAX_SIDECAR_BYTES } from '../../../src/core/annotations/model';
import { emptySidecar, formatSidecarError, parseSidecar, serializeSidecar, sidecarPathFor, articlePathFor } from '../../../src/core/annotations/sidecar';
import { sampleSidecar } from './fixtures';

const FILE = 'ministry.txt.annotations.json';

function errorOf(text: string) {
  const r = parseSidecar(text, FILE);
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
}

/** 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('sidecar serialization', () => {
  const written = serializeSidecar(sampleSidecar());

  it('is canonical: two-space indent, fixed key order, sorted by position, trailing newline', () => {
    expect(written.endsWith('}\n')).toBe(true);
    expect(written.split('\n')[1]).toBe('  "version": 1,');
    const obj = JSON.parse(written);
    expect(Object.keys(obj)).toEqual(['version', 'document', 'status', 'annotations']);
    expect(Object.keys(obj.annotations[0]).slice(0, 7)).toEqual(['id', 'kind', 'created', 'modified', 'author', 'target', 'body']);
    const starts = obj.annotations.map((a: any) => a.target.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Each annotation is its own block of lines: opens with "    {" and closes with "    }".
    expect(written.match(/^ {4}\{$/gm)).toHaveLength(obj.annotations.length);
  });

  it('round-trips byte for byte, and the order of input keys and annotations does not matter', () => {
    const r = parseSidecar(written, FILE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(serializeSidecar(r.sidecar)).toBe(written);
    const shuffled = { ...r.sidecar, annotations: [...r.sidecar.annotations].reverse().map((a) => Object.fromEntries(Object.entries(a).reverse())) };
    expect(serializeSidecar(shuffled as any)).toBe(written);
  });

  it('never rewrites timestamps on load', () => {
    const r = parseSidecar(written, FILE);
    if (!r.ok) throw new Error('parse failed');
    expect(r.sidecar.annotations.map((a) => a.modified)).toEqual(JSON.parse(written).annotations.map((a: any) => a.modified));
  });

  it('writes what the JSON Schema accepts', () => {
    const validate = new Ajv2020({ strict: true }).compile(schema);
    expect(validate(JSON.parse(written))).toBe(true);
    expect(validate(JSON.parse(serializeSidecar(emptySidecar('a.txt', 'ab'.repeat(32)))))).toBe(true);
  });

  it('names the sidecar after its article', () => {
    expect(sidecarPathFor('news/000_x.txt')).toBe('news/000_x.txt.annotations.json');
    expect(articlePathFor('news/000_x.txt.annotations.json')).toBe('news/000_x.txt');
    expect(articlePathFor('news/000_x.txt')).toBeUndefined();
  });
});

describe('damaged sidecars', () => {
  const written = serializeSidecar(sampleSidecar());

  it('truncated file: the line and column where the file ends', () => {
    const cut = written.slice(0, written.indexOf('"body"', 600));
    const e = errorOf(cut);
    expect(e.code).toBe('syntax');
    expect(e.file).toBe(FILE);
    expect(e.line).toBe(cut.split('\n').length);
    expect(e.message).toMatch(/truncated/);
    expect(formatSidecarError(e)).toMatch(new RegExp(`^${FILE.replace(/\./g, '\\.')}:${e.line}:\\d+: invalid JSON`));
  });

  it('stray comma: the exact position', () => {
    const broken = written.replace('"status": "in-review",', '"status": "in-review",,');
    const e = errorOf(broken);
    expect(e.line).toBe(lineOf(broken, ',,'));
    expect(e.column).toBe(broken.split('\n')[e.line! - 1].indexOf(',,') + 2);
  });

  it('wrong type: the field path and its line', () => {
    const broken = written.replace(/"start": (\d+)/, '"start": "$1"');
    const e = errorOf(broken);
    expect(e.code).toBe('schema');
    expect(e.field).toBe('annotations[0].target.start');
    expect(e.line).toBe(lineOf(broken, '"start": "'));
    expect(e.message).toMatch(/must be an integer \(found a string/);
  });

  it('unknown enum value, unknown field, missing field', () => {
    let e = errorOf(written.replace('"needs-source"', '"fals"'));
    expect(e.field).toMatch(/^annotations\[\d\]\.verdict$/);
    expect(e.message).toMatch(/must be one of .*"false"/);
    e = errorOf(written.replace('"body": "Vague source.",', '"body": "Vague source.",\n      "verdit": "false",'));
    expect(e.field).toMatch(/\.verdit$/);
    expect(e.message).toMatch(/not a known field/);
    e = errorOf(written.replace(/\n {6}"author": "Ann",/, ''));
    expect(e.field).toMatch(/^annotations\[\d\]\.author$/);
    expect(e.message).toBe('is missing');
  });

  it('fields that do not belong to the kind', () => {
    const obj = JSON.parse(written);
    obj.annotations.find((a: any) => a.kind === 'note').verdict = 'false';
    const e = errorOf(JSON.stringify(obj, null, 2));
    expect(e.field).toMatch(/^annotations\[\d\]\.verdict$/);
    expect(e.message).toMatch(/only claims and quotes/);
  });

  it('unknown version: says to update, names the field', () => {
    const e = errorOf(written.replace('"version": 1', '"version": 2'));
    expect(e.code).toBe('version');
    expect(e.field).toBe('version');
    expect(e.line).toBe(2);
    expect(e.hint).toMatch(/newer News Lens/);
  });

  it('too large, empty, not an object, git conflict markers', () => {
    expect(errorOf(' '.repeat(MAX_SIDECAR_BYTES + 1)).code).toBe('too-large');
    expect(errorOf('').code).toBe('empty');
    expect(errorOf('[]').message).toMatch(/top level must be a JSON object/);
    const lines = written.split('\n');
    lines.splice(5, 0, '<<<<<<< HEAD');
    const e = errorOf(lines.join('\n'));
    expect(e.code).toBe('conflict-markers');
    expect(e.line).toBe(6);
  });

  it('formats an error on one line with what to do', () => {
    const e = errorOf(written.replace('"version": 1', '"version": "one"'));
    const line = formatSidecarError(e);
    expect(line.includes('\n')).toBe(false);
    expect(line).toMatch(/^ministry\.txt\.annotations\.json:2:3: version is "one".* — /);
  });
});

describe('files left by a git merge', () => {
  it('loads two copies of one annotation (moved on one side, edited on the other) as the newer one, with a warning', () => {
    const s = sampleSidecar();
    const older = s.annotations[1];
    const newer = { ...older, body: 'Vague source: which union?', modified: '2024-03-05T08:00:00.000Z' };
    const text = serializeSidecar(s).replace(/\n  \]\n\}\n$/, ',\n' + JSON.stringify(newer, null, 2).replace(/^/gm, '    ') + '\n  ]\n}\n');
    const r = parseSidecar(text, FILE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sidecar.annotations.filter((a) => a.id === older.id)).toEqual([newer]);
    expect(r.sidecar.annotations).toHaveLength(s.annotations.length);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].message).toMatch(/kept the one modified 2024-03-05/);
  });
});
