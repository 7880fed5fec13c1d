// The HTML report made fit for a webview: the core's page (self-contained, its own CSP meta
// allowing inline styles) gets a stricter policy — styles only with this render's nonce, no
// scripts, images only as data: URIs, nothing from any server — and colours from the VS Code
// theme instead of the browser's light/dark preference. Kept free of vscode so it is unit-testable.

export function reportCsp(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; font-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'`;
}

// The report's own colour variables, taken from the theme (fallbacks: the report's light colours).
const THEME_CSS = `
:root {
  --fg: var(--vscode-editor-foreground, #1d1d1f);
  --bg: var(--vscode-editor-background, #fff);
  --muted: var(--vscode-descriptionForeground, #666);
  --line: var(--vscode-editorWidget-border, var(--vscode-panel-border, #d0d0d7));
  --head: var(--vscode-editorWidget-background, #f3f3f6);
}
body { font-family: var(--vscode-font-family, system-ui, sans-serif); }
a { color: var(--vscode-textLink-foreground, inherit); }
`;

const CSP_META = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>\s*/gi;

export function webviewReportHtml(html: string, nonce: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${reportCsp(nonce)}">`;
  const theme = `<style nonce="${nonce}">${THEME_CSS}</style>`;
  const out = html.replace(CSP_META, '').replace(/<style(?![^>]*\bnonce=)([^>]*)>/gi, `<style nonce="${nonce}"$1>`);
  // The policy must come before anything it governs: first thing in <head>; the theme's colours
  // last, so they win over the page's own.
  if (!/<head(\s[^>]*)?>/i.test(out) || !/<\/head>/i.test(out)) return `${meta}\n${theme}\n${out}`;
  return out.replace(/<head(\s[^>]*)?>/i, (h) => `${h}\n${meta}`).replace(/<\/head>/i, `${theme}\n</head>`);
}

/** A page for when there is no report to show, under the same policy. */
export function webviewMessageHtml(title: string, message: string, nonce: string): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return webviewReportHtml(
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n<style>body { margin: 2rem; color: var(--fg); }</style>\n</head>\n<body>\n<h1>${esc(title)}</h1>\n<p>${esc(message)}</p>\n</body>\n</html>\n`,
    nonce,
  );
}
