// The review report as one self-contained HTML file: the Markdown report rendered by marked, with
// inline CSS and an inline SVG chart per shared figure group. Nothing is fetched: raw HTML in the
// Markdown is shown as text, and links and images that point elsewhere become plain text, so the
// file has no external URL in any src, href or url(). A CSP meta tag forbids loading anyway.
import { Marked, type Tokens } from 'marked';
import { figureChartSvg } from './figureChart';
import { escapeXml } from './htmlEscape';
import { organizationOf, type ExportInput } from './input';
import { reportBlocks, type ReportOptions } from './markdownReport';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const CSS = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fff; --muted: #666; --line: #d0d0d7; --head: #f3f3f6; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6e6; --bg: #1e1e1e; --muted: #aaa; --line: #444; --head: #2a2a2e; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); max-width: 72rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { margin-top: 2rem; word-break: break-all; } h4 { margin: 1.2rem 0 .4rem; color: var(--muted); text-transform: uppercase; font-size: .8rem; letter-spacing: .05em; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: var(--head); } td:empty::after { content: "—"; color: var(--muted); }
.chart { display: block; max-width: 100%; height: auto; margin: .5rem 0; fill: currentColor; }
.chart rect { opacity: .85; }
`;

export function exportHtmlReport(input: ExportInput, options: ReportOptions = {}): string {
  const marked = safeMarked();
  const body = reportBlocks(input, options)
    .map((b) => (b.kind === 'markdown' ? (marked.parse(b.text) as string) : figureChartSvg(b.group, b.points)))
    .join('\n');
  const title = `Review report — ${organizationOf(input)}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="News Lens">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// A marked instance that never emits markup the report did not write itself.
function safeMarked(): Marked {
  return new Marked({
    gfm: true,
    async: false,
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeXml(text);
      },
      link({ href, tokens }: Tokens.Link) {
        const label = this.parser.parseInline(tokens);
        return href.startsWith('#') ? `<a href="${escapeXml(href)}">${label}</a>` : label;
      },
      image({ text }: Tokens.Image) {
        return escapeXml(text);
      },
    },
  });
}
