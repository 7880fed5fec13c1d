// A small horizontal bar chart of one figure group as inline SVG: one bar per article statement,
// so a reader sees at a glance when articles disagree. Text values (dates, times) get no bar.
// Inline in HTML, so no xmlns: the HTML parser puts <svg> in the SVG namespace itself.
import type { FigureGroup } from '../corpus/model';
import { formatNumber } from './format';
import { escapeXml } from './htmlEscape';
import type { ChartPoint } from './markdownReport';

const WIDTH = 720;
const ROW = 20;
const LABEL_W = 250;
const VALUE_W = 150;
const PAD = 6;
const MAX_LABEL = 34;
// Distinct figures get distinct colours; agreeing statements share one.
const PALETTE = ['#2f6fba', '#c0392b', '#2e8b57', '#b8860b', '#7d3c98', '#117a8b', '#a0522d', '#5d6d7e'];

export function figureChartSvg(group: FigureGroup, points: ChartPoint[]): string {
  const numeric = points.filter((p) => typeof p.value === 'number' && Number.isFinite(p.value));
  const max = Math.max(0, ...numeric.map((p) => Math.abs(p.value as number)));
  const colour = new Map<string, string>();
  for (const f of group.figures) colour.set(String(f.value), PALETTE[colour.size % PALETTE.length]);
  const height = points.length * ROW + PAD * 2;
  const barSpace = WIDTH - LABEL_W - VALUE_W - PAD * 2;
  const title = `${group.subject || 'figure'}${group.unit ? ` (${group.unit})` : ''}: ${group.agreement}`;
  const rows = points.map((p, i) => {
    const y = PAD + i * ROW;
    const label = p.document.length > MAX_LABEL ? '…' + p.document.slice(-(MAX_LABEL - 1)) : p.document;
    const valueText = `${p.approx ? p.approx + ' ' : ''}${formatNumber(p.value)}`;
    const fill = colour.get(String(p.value)) ?? PALETTE[0];
    const isNum = typeof p.value === 'number' && Number.isFinite(p.value);
    const w = isNum && max > 0 ? Math.max(1, Math.round((Math.abs(p.value as number) / max) * barSpace)) : 0;
    const x = LABEL_W + PAD;
    return [
      `<g><title>${escapeXml(`${p.document}: ${valueText}`)}</title>`,
      `<text x="${LABEL_W}" y="${y + 14}" text-anchor="end">${escapeXml(label)}</text>`,
      w ? `<rect x="${x}" y="${y + 3}" width="${w}" height="${ROW - 6}" fill="${fill}"/>` : '',
      `<text x="${x + w + 4}" y="${y + 14}">${escapeXml(valueText)}</text></g>`,
    ].join('');
  });
  return (
    `<svg class="chart" role="img" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-size="12">` +
    `<title>${escapeXml(title)}</title>${rows.join('')}</svg>`
  );
}
