/**
 * Small SVG charts drawn with DOM calls (no HTML strings, no inline style
 * attributes), coloured by CSS classes that map to the theme's chart colours.
 */
import { percent } from '../../concepts/explainSvd';

const NS = 'http://www.w3.org/2000/svg';

export interface Bar {
  label: string;
  value: number;
  /** Tooltip text. */
  caption: string;
}

function svgEl(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * A bar chart of non-negative values with an optional overlaid line in [0, 1]
 * (for instance cumulative energy). At most 40 bars are drawn; the rest are summarised.
 */
/** Axis label short enough for the left margin: 4.00, 0.125, 1e308, 3e-7. */
export function tickLabel(x: number): string {
  const a = Math.abs(x);
  return a !== 0 && (a >= 1e4 || a < 1e-2) ? x.toExponential(0).replace('e+', 'e') : x.toPrecision(3);
}

export function barChart(bars: Bar[], title: string, line?: number[]): SVGElement {
  const shown = bars.slice(0, 40);
  const W = 560;
  const H = 180;
  const padL = 44; // room for a five-character axis label such as 1e308
  const padB = 26;
  const padT = 20;
  const plotW = W - padL - 36;
  const plotH = H - padB - padT;
  const max = Math.max(...shown.map((b) => b.value), Number.MIN_VALUE);
  const step = plotW / Math.max(shown.length, 1);
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'chart' });
  svg.appendChild(svgEl('title', {}, title));
  svg.appendChild(svgEl('line', { x1: padL, y1: padT + plotH, x2: padL + plotW, y2: padT + plotH, class: 'axis' }));
  svg.appendChild(svgEl('text', { x: padL - 6, y: padT + 8, class: 'tick', 'text-anchor': 'end' }, tickLabel(max)));
  svg.appendChild(svgEl('text', { x: padL - 6, y: padT + plotH, class: 'tick', 'text-anchor': 'end' }, '0'));
  // Bars never grow wider than 56 px, so two singular values do not look like a wall.
  const barW = Math.min(Math.max(step * 0.7, 1), 56);
  shown.forEach((b, i) => {
    const h = (b.value / max) * plotH;
    const x = padL + i * step + (step - barW) / 2;
    const rect = svgEl('rect', { x, y: padT + plotH - h, width: barW, height: Math.max(h, 0.5), class: 'bar' });
    rect.appendChild(svgEl('title', {}, `${b.label}: ${b.caption}`));
    svg.appendChild(rect);
    if (shown.length <= 20) {
      svg.appendChild(svgEl('text', { x: x + barW / 2, y: H - 8, class: 'tick', 'text-anchor': 'middle' }, b.label));
    }
  });
  if (line && line.length) {
    const pts = line.slice(0, shown.length).map((v, i) => `${padL + i * step + step / 2},${padT + plotH - v * plotH}`);
    svg.appendChild(svgEl('polyline', { points: pts.join(' '), class: 'energy' }));
    if (shown.length <= 20) {
      line.slice(0, shown.length).forEach((v, i) => {
        const cx = padL + i * step + step / 2;
        const cy = padT + plotH - v * plotH;
        const dot = svgEl('circle', { cx, cy, r: 3, class: 'energy-dot' });
        dot.appendChild(svgEl('title', {}, `top ${i + 1}: ${percent(v)} of the energy`));
        svg.appendChild(dot);
      });
    }
    svg.appendChild(svgEl('text', { x: padL + plotW + 4, y: padT + 4, class: 'tick energy-label' }, '100%'));
    svg.appendChild(svgEl('line', { x1: padL, y1: padT, x2: padL + plotW, y2: padT, class: 'guide' }));
  }
  if (bars.length > shown.length) {
    svg.appendChild(svgEl('text', { x: padL + plotW, y: H - 8, class: 'tick', 'text-anchor': 'end' }, `+${bars.length - shown.length} more`));
  }
  return svg;
}
