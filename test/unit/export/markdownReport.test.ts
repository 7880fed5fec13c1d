import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { exportMarkdownReport } from '../../../src/core/export';
import { formatNumber } from '../../../src/core/export/format';
import { mdText } from '../../../src/core/export/markdownEscape';
import { GENERATED, HOSTILE_NOTE, SEEDS_EXIST, seedFixture } from './fixture';

describe('Markdown escaping', () => {
  it('keeps user text inert and on one line', () => {
    const html = marked.parse(`| a |\n| --- |\n| ${mdText(HOSTILE_NOTE)} |`, { async: false }) as string;
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<em>');
    expect(html).not.toContain('<a ');
    expect(marked.parse(mdText('see https://x.example and www.y.example'), { async: false })).toBe('<p>see https://x.example and www.y.example</p>\n');
    // One row of one cell: the pipe and the line break did not split the table.
    expect(html.match(/<td>/g)).toHaveLength(1);
    expect(mdText('a\r\nb\nc')).toBe('a b c');
    expect(mdText('AT&T &amp; co')).toBe('AT&T \\&amp; co');
  });
});

describe.skipIf(!SEEDS_EXIST)('Markdown review report (seeds)', () => {
  const { input, verdicts, conflict } = seedFixture();
  const md = exportMarkdownReport(input);
  const sections = md.split(/^### /m);
  const section = (path: string) => sections.find((s) => s.startsWith(mdText(path)))!;

  it('opens with the corpus summary: articles reviewed, claims by verdict, open conflicts', () => {
    expect(md.startsWith('# Review report — Desk \\& Co \\<Fact\\>')).toBe(false); // & stays readable: not an entity
    expect(md.startsWith('# Review report — Desk & Co \\<Fact\\>')).toBe(true);
    expect(md).toContain(`Generated ${GENERATED} · ${input.articles.length} articles`);
    const reviewed = input.articles.filter((a) => a.sidecar?.status === 'reviewed').length;
    expect(md).toContain(`**Articles reviewed:** ${reviewed} of ${input.articles.length}`);
    for (const verdict of new Set(verdicts.map((v) => v.verdict))) {
      const n = verdicts.filter((v) => v.verdict === verdict).length;
      expect(md).toMatch(new RegExp(`^\\| ${verdict} \\| ${n} \\|$`, 'm'));
    }
    expect(md).toContain('**Open conflicts:** 1 of 2 conflicting figure groups');
    expect(md).toMatch(/### Open conflicts\n\n.*\n\n\| Subject .*\n.*\n\| test \\\| figure \| people \| [^\n]*\|\n\n/);
    expect(md).toContain('test \\| figure');
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## Articles'));
  });

  it('has a section per article with status, claims (verdict, note, conflicts), entities, quotes, attributions, open notes', () => {
    for (const a of input.articles) {
      const s = section(a.path);
      expect(s, a.path).toBeDefined();
      expect(s).toContain(`**Status:** ${a.sidecar?.status ?? 'unreviewed'}`);
      for (const h of ['#### Claims', '#### Entities', '#### Quotes', '#### Vague attributions', '#### Open notes']) expect(s).toContain(h);
      for (const q of a.analysis.quotes) expect(s).toContain(mdText(q.text));
      for (const at of a.analysis.attributions) expect(s).toContain(mdText(at.text));
    }
    for (const v of verdicts) {
      const row = section(v.path).split('\n').find((l) => l.startsWith(`| ${mdText(v.claim.text)} |`))!;
      expect(row).toContain(`| ${v.verdict} |`);
      expect(row).toContain(mdText(v.annotation.body));
    }
    // The conflicting claim names the other article and its figure.
    const [mine, theirs] = conflict.figures;
    const row = section(mine.claims[0].document).split('\n').find((l) => l.startsWith(`| ${mdText(mine.claims[0].claim.text)} |`))!;
    expect(row).toContain(`${mdText(theirs.documents[0])}: at least ${formatNumber(theirs.value)}`);
    // Corpus canonical names replace the surface form; reviewer corrections are listed.
    const first = input.corpus!.entities[0];
    expect(section(first.documents[0])).toContain(mdText(first.name));
    expect(md).toContain('rejected as an entity');
    expect(md).toMatch(/renamed to “.+ Group”, typed as organization/);
  });

  it('lists open notes, not resolved ones, and flags orphans and changed text', () => {
    expect(md).toContain(mdText(HOSTILE_NOTE));
    expect(md).not.toContain('Resolved already.');
    expect(md).toContain('2 replies');
    expect(md).toContain('**1 orphaned**');
    expect(md).toContain('text changed since the annotations were saved');
    expect(md).toContain('**Orphaned annotations:** 1');
  });

  it('can list only the annotated articles', () => {
    const only = exportMarkdownReport(input, { articles: 'annotated' });
    expect(only).not.toContain('### seeds/unannotated.txt');
    expect(only).toContain(`${input.articles.length - 1} of ${input.articles.length} articles`);
    expect(md).toContain('### seeds/unannotated.txt');
  });

  it('in brief mode gives sections to articles with annotations or conflicts and lists the rest in one table', () => {
    const brief = exportMarkdownReport(input, { articles: 'relevant' });
    expect(brief).not.toContain('### seeds/unannotated.txt');
    expect(brief).toContain('## Other articles');
    expect(brief).toMatch(/^\| seeds\/unannotated\.txt \| 1 \| 0 \| 0 \| 0 \|$/m);
    for (const a of input.articles.filter((x) => x.sidecar)) expect(brief).toContain(`### ${mdText(a.path)}`);
  });

  it('is deterministic', () => {
    expect(exportMarkdownReport(seedFixture().input)).toBe(md);
  });
});
