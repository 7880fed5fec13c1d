// A review of the seed articles made in the test: analyses built from patterns in the text (the
// engine's extractors may still be placeholders), a hand-made corpus snapshot with a conflicting
// and an agreeing figure group, and annotations of every kind with every optional field.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Annotation, Sidecar, Verdict } from '../../../src/core/annotations/model';
import { VERDICTS } from '../../../src/core/annotations/model';
import type { CorpusSnapshot, FigureGroup } from '../../../src/core/corpus/model';
import type { ExportArticle, ExportInput } from '../../../src/core/export/input';
import type { ArticleAnalysis, Attribution, Claim, Entity, Quote } from '../../../src/core/types';

export const SEEDS_DIR = resolve(__dirname, '../../../../shared/seeds');
export const SEEDS_EXIST = existsSync(SEEDS_DIR) && readdirSync(SEEDS_DIR).some((f) => f.endsWith('.txt'));
if (!SEEDS_EXIST) console.warn(`[export tests] seeds not found at ${SEEDS_DIR}: seed-based export tests are skipped`);

export const GENERATED = '2024-11-05T12:00:00.000Z';
/** Text that must stay inert in every format: Markdown, HTML, CSV formulas, external URLs. */
export const HOSTILE_NOTE =
  'Check | the *figure*\nagainst <script>alert("x")</script> and ![pixel](https://tracker.example/p.png) <img src="https://tracker.example/i.png"> [link](https://evil.example/) =HYPERLINK("https://evil.example") 👀';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function uuid(n: number): string {
  const h = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${h}`;
}

function target(text: string, start: number, end: number) {
  return { start, end, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
}

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, dozens: 24, hundreds: 200, thousands: 2000,
};

export function analysisOf(text: string): ArticleAnalysis {
  const claims: Claim[] = [];
  for (const m of text.matchAll(/\b(\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\s+([a-z]+)/gi)) {
    const value = WORDS[m[1].toLowerCase()] ?? Number(m[1].replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    claims.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'count', value, unit: m[2], subject: m[2] });
    if (claims.length >= 6) break;
  }
  const entities: Entity[] = [];
  const types = ['person', 'place', 'organization'] as const;
  for (const m of text.matchAll(/(?<=[a-z,] )[A-Z][a-z]+(?: [A-Z][a-z]+)*/g)) {
    entities.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], type: types[entities.length % 3] });
    if (entities.length >= 10) break;
  }
  const quotes: Quote[] = [...text.matchAll(/["“][^"”\n]{3,200}["”]/g)].slice(0, 4).map((m, i) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    text: m[0],
    ...(i % 2 === 0 && entities[0] ? { speaker: entities[0].text } : {}),
  }));
  const attributions: Attribution[] = [...text.matchAll(/\b(officials|reports|analysts|sources|experts)\b/gi)].slice(0, 3).map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    text: m[0],
    source: m[0].toLowerCase(),
    vague: true,
    reason: 'no named source',
  }));
  return { entities, claims, quotes, attributions, stats: { words: text.split(/\s+/).length, sentences: 1, paragraphs: 1 } };
}

export interface SeedFixture {
  input: ExportInput;
  /** The claim annotations given each verdict, by article path. */
  verdicts: { path: string; verdict: Verdict; annotation: Annotation; claim: Claim }[];
  conflict: FigureGroup;
}

const NO_SEEDS: SeedFixture = {
  input: { articles: [], generated: GENERATED },
  verdicts: [],
  conflict: { id: 'none', subject: '', agreement: 'conflict', figures: [] },
};

/** The fixture, or an empty one when the seeds are missing (vitest still runs the bodies of
 * skipped describe blocks to collect their tests, so this must not throw). */
export function seedFixture(): SeedFixture {
  if (!SEEDS_EXIST) return NO_SEEDS;
  const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
  let n = 0;
  const at = (i: number) => `2024-11-0${1 + (i % 4)}T0${i % 10}:00:00.000Z`;
  const verdicts: SeedFixture['verdicts'] = [];
  const articles: ExportArticle[] = files.map((file, fi) => {
    const text = readFileSync(resolve(SEEDS_DIR, file), 'utf8');
    const path = `seeds/${file}`;
    const analysis = analysisOf(text);
    const annotations: Annotation[] = [];
    const base = (kind: Annotation['kind'], start: number, end: number): Annotation => ({
      id: uuid(++n),
      created: at(n),
      modified: at(n + 1),
      author: fi % 2 ? 'Ana Reviewer' : 'Bo "the checker", Esq.',
      kind,
      target: target(text, start, end),
      body: '',
      tags: [],
      links: [],
    });
    // Claims: two verdicts per article cycling through all six; the third claim stays unreviewed.
    analysis.claims.slice(0, 2).forEach((claim, ci) => {
      const verdict = VERDICTS[(fi * 2 + ci) % VERDICTS.length];
      const a = { ...base('claim', claim.start, claim.end), verdict, body: ci ? HOSTILE_NOTE : `Source says ${claim.value}.`, links: ['https://example.org/source?a=1&b=2'] };
      annotations.push(a);
      verdicts.push({ path, verdict, annotation: a, claim });
    });
    // A claim the engine did not detect, marked by hand, without a verdict.
    const word = /\b[a-z]{6,}\b/.exec(text)!;
    annotations.push({ ...base('claim', word.index, word.index + word[0].length), body: 'Is this a claim?' });
    // Notes: one open with a thread, tags, links and hostile text; one resolved; one with an empty thread.
    annotations.push({
      ...base('note', 10, 40),
      body: HOSTILE_NOTE,
      status: 'open',
      tags: ['to check', 'tag,with,commas'],
      links: ['https://example.org/a', 'mailto:desk@example.org'],
      replies: [
        { id: uuid(++n), author: 'Ana Reviewer', created: at(n), modified: at(n), body: 'Agreed;\nline two' },
        { id: uuid(++n), author: 'Bo', created: at(n), modified: at(n + 1), body: '' },
      ],
    });
    annotations.push({ ...base('note', 50, 60), body: 'Resolved already.', status: 'resolved', replies: [] });
    // Entities: rejected, corrected (type and name), accepted.
    const [e0, e1, e2] = analysis.entities;
    if (e0) annotations.push({ ...base('entity', e0.start, e0.end), rejected: true, body: 'Not a name here.' });
    if (e1) annotations.push({ ...base('entity', e1.start, e1.end), type: 'organization', name: `${e1.text} Group` });
    if (e2) annotations.push({ ...base('entity', e2.start, e2.end), accepted: true, anchorScore: 0.875 });
    // A quote with a verdict.
    const q = analysis.quotes[0];
    if (q) annotations.push({ ...base('quote', q.start, q.end), verdict: 'verified', body: 'Matches the video.' });
    const sidecar: Sidecar = {
      version: 1,
      document: { path, sha256: sha256(text) },
      status: (['reviewed', 'in-review', 'unreviewed'] as const)[fi % 3],
      annotations,
    };
    return {
      path,
      text,
      sha256: fi === 4 ? sha256(text + 'edited') : sha256(text),
      analysis,
      sidecar,
      // The last article's hand-marked claim lost its text (orphaned); everything else sits where it was saved.
      anchored: annotations.map((a) =>
        fi === files.length - 1 && a.body === 'Is this a claim?'
          ? { annotation: a, state: 'orphaned' as const, score: 0 }
          : { annotation: a, state: 'anchored' as const, start: a.target.start, end: a.target.end, score: 1 },
      ),
    };
  });
  // One more article with no sidecar at all.
  articles.push({ path: 'seeds/unannotated.txt', text: 'Nothing to see: 12 apples.', analysis: analysisOf('Nothing to see: 12 apples.') });

  const ref = (a: ExportArticle, index: number) => ({ document: a.path, index, claim: a.analysis.claims[index] });
  // The groups need articles with two claims; the seeds' order decides which.
  const withClaims = articles.filter((a) => a.sidecar && a.analysis.claims.length >= 2);
  if (withClaims.length < 3) throw new Error('the seeds no longer hold three articles with two figures each: rewrite the fixture');
  const [a0, a1, a2] = withClaims;
  // An open conflict (one of its claims is unreviewed) and a settled one (all have verdicts).
  const conflict: FigureGroup = {
    id: 'g-conflict',
    subject: 'test | figure',
    unit: 'people',
    agreement: 'conflict',
    figures: [
      { value: a0.analysis.claims[0].value, documents: [a0.path], claims: [ref(a0, 0)] },
      { value: a1.analysis.claims[2].value, approx: 'at least', documents: [a1.path], claims: [ref(a1, 2)] },
    ],
  };
  const settled: FigureGroup = {
    id: 'g-settled',
    subject: 'settled figure',
    agreement: 'conflict',
    figures: [
      { value: a2.analysis.claims[1].value, documents: [a2.path], claims: [ref(a2, 1)] },
      { value: a1.analysis.claims[0].value, documents: [a1.path], claims: [ref(a1, 0)] },
    ],
  };
  const agree: FigureGroup = {
    id: 'g-agree',
    subject: 'agreed figure',
    agreement: 'agree',
    figures: [{ value: a0.analysis.claims[1].value, documents: [a0.path, a1.path], claims: [ref(a0, 1), ref(a1, 1)] }],
  };
  const corpus: CorpusSnapshot = {
    documents: articles.map((a) => a.path),
    entities: [
      {
        id: 'e1',
        name: 'Canonical <Name>',
        type: 'person',
        variants: [a0.analysis.entities[0].text],
        documents: [a0.path],
        mentions: [{ document: a0.path, start: a0.analysis.entities[0].start, end: a0.analysis.entities[0].end, text: a0.analysis.entities[0].text }],
        merges: [],
      },
    ],
    claimGroups: [conflict, settled, agree],
    topics: [],
  };
  return { input: { articles, corpus, organization: 'Desk & Co <Fact>', generated: GENERATED }, verdicts, conflict };
}
