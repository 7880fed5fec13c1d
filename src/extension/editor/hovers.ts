// Hovers on highlighted spans, in Markdown with command links: what the span is, what the
// corpus knows about it (the same person in other articles, the same figure elsewhere, figures
// that disagree), and the reviewer's verdict on a claim.
import * as path from 'path';
import * as vscode from 'vscode';
import type { CanonicalEntity } from '../../core/corpus/model';
import type { ArticleAnalysis, Attribution, Claim, Entity, Quote } from '../../core/types';
import { CommandId } from '../commandIds';
import type { Services } from '../services/contracts';
import type { CorpusLinks } from './corpusLinks';
import { claimVerdicts, verdictAt } from './highlights';

/** Quotes from other articles a speaker's hover lists, and how many articles it reads for them. */
const OTHER_QUOTES = 9;
const OTHER_ARTICLES_READ = 24;

const TYPE_LABEL: Record<Entity['type'], string> = { person: 'Person', place: 'Place', organization: 'Organization' };
const RULE_LABEL: Record<string, string> = {
  exact: 'same name',
  surname: 'surname of the full name',
  'name-part': 'part of the full name',
  'spelling-variant': 'spelling variant',
  transliteration: 'another transliteration',
  alias: 'known alias',
  acronym: 'acronym',
  lexicon: "reviewer's lexicon",
};

export function spanAt<T extends { start: number; end: number }>(list: readonly T[], offset: number): T | undefined {
  // end inclusive: a hover right after the last letter still counts
  return list.find((x) => x.start <= offset && offset <= x.end && x.end > x.start);
}

export function openLink(label: string, uri: vscode.Uri, start: number, end: number): string {
  const args = encodeURIComponent(JSON.stringify([uri.toString(), start, end]));
  return `[${escapeMd(label)}](command:${CommandId.OpenMention}?${args} "Open ${escapeMd(label)} at this mention")`;
}

export function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export function articleName(corpusPath: string): string {
  return path.basename(corpusPath);
}

export class ArticleHovers implements vscode.HoverProvider {
  constructor(
    private readonly services: Services,
    private readonly links: CorpusLinks,
  ) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const a = this.services.analyses.peek(doc) ?? this.services.analyses.get(doc);
    if (!a) return undefined;
    const md = this.markdownAt(doc, a, doc.offsetAt(pos));
    return md ? new vscode.Hover(md.value, md.range) : undefined;
  }

  /** The hover's Markdown and range at an offset (also what the tests read). */
  markdownAt(doc: vscode.TextDocument, a: ArticleAnalysis, offset: number): { value: vscode.MarkdownString; range: vscode.Range } | undefined {
    const parts: string[] = [];
    const e = spanAt(a.entities, offset);
    const c = spanAt(a.claims, offset);
    const q = spanAt(a.quotes, offset);
    const t = spanAt(a.attributions.filter((x) => x.vague), offset);
    if (c) parts.push(this.claim(doc, a, c));
    if (e) parts.push(this.entity(doc, a, e));
    if (t) parts.push(attribution(t));
    if (q && !e && !c) parts.push(this.quote(doc, a, q));
    const span = c ?? e ?? t ?? q;
    if (!span || !parts.length) return undefined;
    const md = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
    md.isTrusted = { enabledCommands: [CommandId.OpenMention, CommandId.NextConflict, CommandId.GoToOtherMentions] };
    md.supportThemeIcons = true;
    return { value: md, range: new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)) };
  }

  private entity(doc: vscode.TextDocument, a: ArticleAnalysis, e: Entity): string {
    const ce = this.links.entityFor(doc.uri, e);
    const name = ce?.name ?? e.canonical ?? e.text;
    const lines = [`**${TYPE_LABEL[ce?.type ?? e.type]}** · ${escapeMd(name)}`];
    if (e.canonical && e.canonical !== e.text) lines.push(`"${escapeMd(e.text)}" stands for ${escapeMd(e.canonical)}, named in full earlier in this article.`);
    const here = a.entities.filter((x) => (x.canonical ?? x.text) === (e.canonical ?? e.text)).length;
    if (!ce) {
      lines.push(`${here} mention${s(here)} in this article.`);
      if (!this.links.ready) lines.push('_The corpus index is not ready yet: mentions in other articles will show when it is._');
      return lines.join('\n\n');
    }
    if (ce.variants.length) {
      const why = ce.merges.map((m) => `${escapeMd(m.variant)} (${RULE_LABEL[m.rule] ?? m.rule}${m.score < 1 ? `, ${m.score.toFixed(2)}` : ''})`);
      lines.push(`Also written: ${why.length ? why.join(', ') : ce.variants.map(escapeMd).join(', ')}`);
    }
    lines.push(`${ce.mentions.length} mention${s(ce.mentions.length)} in ${ce.documents.length} article${s(ce.documents.length)}:`);
    lines.push(this.articleLinks(doc, ce));
    return lines.join('\n\n');
  }

  private articleLinks(doc: vscode.TextDocument, ce: CanonicalEntity): string {
    const corpus = this.services.corpus;
    const self = corpus.documentKey(doc.uri);
    const items: string[] = [];
    for (const d of ce.documents) {
      const ms = ce.mentions.filter((m) => m.document === d);
      const first = ms[0];
      const label = `${articleName(d)} (${ms.length})`;
      if (d === self) items.push(`- ${escapeMd(label)} — this article`);
      else if (first) items.push(`- ${openLink(label, corpus.uriFor(d), first.start, first.end)}`);
    }
    return items.join('\n');
  }

  private claim(doc: vscode.TextDocument, a: ArticleAnalysis, c: Claim): string {
    const lines = [`**Claim** · ${c.kind}: ${escapeMd(formatValue(c))}`];
    const facts: string[] = [];
    if (c.unit) facts.push(`unit: ${escapeMd(c.unit)}`);
    if (c.approx) facts.push(`hedge: "${escapeMd(c.approx)}"`);
    if (c.expected) facts.push('stated as an expectation');
    if (c.subject) facts.push(`about: ${escapeMd(c.subject)}`);
    if (facts.length) lines.push(facts.join(' · '));
    const verdict = verdictAt(claimVerdicts(this.services.sidecars, doc.uri), c.start, c.end);
    lines.push(`Review: ${verdict ? `**${escapeMd(verdict)}**` : 'unreviewed'}`);
    const f = this.links.figuresOf(doc.uri, c);
    if (!f) {
      lines.push(this.links.ready ? 'No other article gives a figure for this.' : '_The corpus index is not ready yet._');
      return lines.join('\n\n');
    }
    const corpus = this.services.corpus;
    const self = corpus.documentKey(doc.uri);
    const refs = (fig: typeof f.others[number]) =>
      fig.claims
        .filter((r) => r.document !== self)
        .map((r) => openLink(articleName(r.document), corpus.uriFor(r.document), r.claim.start, r.claim.end))
        .join(', ');
    const same = f.mine ? refs(f.mine) : '';
    lines.push(`Figure group: ${escapeMd(f.group.subject)}${f.group.unit ? ` (${escapeMd(f.group.unit)})` : ''}`);
    if (same) lines.push(`Same figure in: ${same}`);
    const conflicting = f.group.agreement === 'conflict' ? f.others.filter((o) => String(o.value) !== String(f.mine?.value ?? c.value)) : [];
    if (conflicting.length) {
      lines.push(`$(warning) **Disagrees with:**`);
      lines.push(conflicting.map((o) => `- ${escapeMd(`${o.approx ? o.approx + ' ' : ''}${String(o.value)}`)} in ${refs(o)}`).join('\n'));
    } else if (!same) lines.push('No other article gives the same figure.');
    return lines.join('\n\n');
  }

  private quote(doc: vscode.TextDocument, a: ArticleAnalysis, q: Quote): string {
    const lines = [`**Quote**${q.speaker ? ` · ${escapeMd(q.speaker)}` : ' · speaker not found'}`];
    if (!q.speaker) return lines.join('\n\n');
    const others = a.quotes.filter((x) => x !== q && x.speaker === q.speaker);
    if (others.length) {
      lines.push(`${escapeMd(q.speaker)}'s other quotes here:`);
      lines.push(others.slice(0, 8).map((x) => `- ${openLink(`“${clip(x.text, 70)}”`, doc.uri, x.start, x.end)}`).join('\n'));
    } else lines.push(`No other quote from ${escapeMd(q.speaker)} in this article.`);
    // The same speaker quoted in other articles (by the corpus's canonical name).
    const index = this.services.corpus?.index();
    if (index) {
      const ce = this.links.entityFor(doc.uri, { text: q.speaker, type: 'person', start: q.speakerStart ?? q.start, end: q.speakerEnd ?? q.start });
      const names = new Set([q.speaker, ...(ce ? [ce.name, ...ce.variants] : [])]);
      const self = this.services.corpus.documentKey(doc.uri);
      const elsewhere: string[] = [];
      // Analyses of other articles are read from the cache: a name in thousands of articles
      // must not make the hover read them all.
      let read = 0;
      for (const d of ce?.documents ?? []) {
        if (d === self) continue;
        if (elsewhere.length >= OTHER_QUOTES || ++read > OTHER_ARTICLES_READ) break;
        const other = index.document(d)?.analysis.quotes.filter((x) => x.speaker && names.has(x.speaker)) ?? [];
        for (const x of other.slice(0, 3)) elsewhere.push(`- ${openLink(`“${clip(x.text, 60)}”`, this.services.corpus.uriFor(d), x.start, x.end)} — ${escapeMd(articleName(d))}`);
      }
      if (elsewhere.length) lines.push('In other articles:', elsewhere.join('\n'));
    }
    return lines.join('\n\n');
  }
}

function attribution(t: Attribution): string {
  return [`**Vague attribution** · "${escapeMd(t.text)}"`, escapeMd(t.reason ?? `No named, checkable source stands behind "${t.source}".`)].join('\n\n');
}

function formatValue(c: Claim): string {
  if (typeof c.value === 'number') return c.value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  return c.value;
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

const s = (n: number) => (n === 1 ? '' : 's');
