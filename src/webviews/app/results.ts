// @entry — browser side of the results panel (bundled to dist/webview/results.js).
// Renders the host's ResultsState with KaTeX; user-derived text only ever goes
// through textContent. Keeps the last state with setState so a reload restores it.
import katex from 'katex';
import type { HostToView, ResultsState, ViewToHost, CopyTarget } from '../results/protocol';
import type { SvdView } from '../results/protocol';
import { numberToTex } from '../../linalg/tex';
import { explainSvd, energyProfile, percent } from '../../concepts/explainSvd';
import { vscodeApi, el } from './vscodeApi';
import { barChart } from './charts';

const vscode = vscodeApi<ResultsState, ViewToHost>();
const root = document.getElementById('app') as HTMLElement;
let lastSeq = -1;

function tex(source: string, display = true): HTMLElement {
  const span = el(display ? 'div' : 'span', { cls: display ? 'math display' : 'math' });
  katex.render(source, span, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
  return span;
}

function section(title: string, id: string, children: Node[]): HTMLElement {
  return el('section', { attrs: { 'aria-labelledby': `h-${id}`, 'data-testid': `section-${id}` } }, [
    el('h2', { text: title, attrs: { id: `h-${id}` } }),
    ...children,
  ]);
}

function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : 'NaN';
  if (x === 0) return '0';
  const ax = Math.abs(x);
  return ax >= 1e-3 && ax < 1e6 ? String(Number(x.toPrecision(digits))) : x.toExponential(digits - 1);
}

function copyButton(target: CopyTarget, label: string, notationLabel: string): HTMLElement {
  const b = el('button', { text: `Copy ${label}`, attrs: { type: 'button', title: `Copy ${label} to the clipboard as ${notationLabel}`, 'data-copy': target } });
  b.addEventListener('click', () => vscode.postMessage({ type: 'copy', target }));
  return b;
}

function header(state: ResultsState): HTMLElement {
  const r = state.view;
  const reveal = el('button', { cls: 'link', text: `${state.source.file}:${state.source.line}`, attrs: { type: 'button', title: 'Show the literal in its editor' } });
  reveal.addEventListener('click', () => vscode.postMessage({ type: 'reveal' }));
  return el('header', {}, [
    el('h1', { text: 'Singular value decomposition' }),
    el('p', { cls: 'meta' }, [
      el('span', { text: `${r.rows}×${r.cols} matrix · ${state.source.notationLabel} · from ` }),
      reveal,
    ]),
  ]);
}

function verificationTable(r: SvdView): HTMLElement {
  const v = r.verification;
  const rows: [string, string, number | null][] = [
    ['Reconstruction', '\\lVert A - U\\Sigma V^{\\top}\\rVert_F \\,/\\, \\lVert A\\rVert_F', v.reconstruction],
    ['U has orthonormal columns', '\\lVert U^{\\top}U - I\\rVert_F', v.orthogonalityU],
    ['V has orthonormal columns', '\\lVert V^{\\top}V - I\\rVert_F', v.orthogonalityV],
  ];
  const table = el('table', { cls: 'verify', attrs: { 'data-testid': 'verification' } });
  table.appendChild(el('thead', {}, [el('tr', {}, [el('th', { text: 'Check' }), el('th', { text: 'Residual' }), el('th', { text: 'Value' }), el('th', { text: 'Verdict' })])]));
  const body = el('tbody');
  for (const [label, t, value] of rows) {
    const ok = value !== null && value <= v.tolerance;
    body.appendChild(
      el('tr', { attrs: { 'data-ok': String(ok) } }, [
        el('td', { text: label }),
        el('td', {}, [tex(t, false)]),
        el('td', { cls: 'num', text: value === null ? 'not finite' : value.toExponential(2) }),
        el('td', { cls: ok ? 'pass' : 'fail', text: ok ? '✓ at machine precision' : '✗ above tolerance' }),
      ]),
    );
  }
  table.appendChild(body);
  const note = el('p', { cls: 'note', text: `Tolerance: 100 · max(m, n) · ε = ${v.tolerance.toExponential(2)} (ε = 2.22·10⁻¹⁶).` });
  return el('div', {}, [el('div', { cls: 'verify-wrap' }, [table]), note]);
}

function renderSvd(state: ResultsState): void {
  const r = state.view;
  const d = state.digits;
  const k = r.S.length;
  const parts: Node[] = [header(state)];
  parts.push(section('Input', 'input', [tex(`A = ${r.tex.A}`)]));
  parts.push(
    section('Factors', 'factors', [
      tex(`A = U\\,\\Sigma\\,V^{\\top}`),
      // Each factor is its own block, so a narrow panel wraps them instead of clipping.
      el('div', { cls: 'factors' }, [tex(`U = ${r.tex.U}`), tex(`\\Sigma = ${r.tex.Sigma}`), tex(`V^{\\top} = ${r.tex.Vh}`)]),
      el('p', {
        cls: 'note',
        text: `Thin SVD: U is ${r.rows}×${k}, Σ is ${k}×${k}, Vᵀ is ${k}×${r.cols}. Singular values are sorted in descending order; each pair (uᵢ, vᵢ) is unique only up to a common sign.`,
      }),
      el('div', { cls: 'toolbar' }, [
        copyButton('U', 'U', state.source.notationLabel),
        copyButton('Sigma', 'Σ', state.source.notationLabel),
        copyButton('Vh', 'Vᵀ', state.source.notationLabel),
        copyButton('S', 'singular values', state.source.notationLabel),
      ]),
    ]),
  );
  const sv = el('ol', { cls: 'sv', attrs: { 'data-testid': 'singular-values', 'data-values': JSON.stringify(r.S) } });
  r.S.slice(0, 24).forEach((s, i) => sv.appendChild(el('li', {}, [tex(`\\sigma_{${i + 1}} = ${numberToTex(s, d)}`, false)])));
  if (r.S.length > 24) sv.appendChild(el('li', { cls: 'note', text: `… and ${r.S.length - 24} more (all of them are in the chart and in Copy singular values)` }));
  const energy = energyProfile(r.S);
  parts.push(
    section('Singular values', 'singular', [
      sv,
      barChart(
        r.S.map((s, i) => ({ label: `σ${i + 1}`, value: s, caption: `${fmt(s)} · ${percent(energy[i])} cumulative energy` })),
        'Singular values (bars) and the cumulative share of the energy Σσᵢ² they keep (line)',
        energy,
      ),
      el('p', { cls: 'legend' }, [
        el('span', {}, [el('span', { cls: 'swatch bar' }), document.createTextNode('singular value σᵢ')]),
        el('span', {}, [el('span', { cls: 'swatch energy' }), document.createTextNode('share of the energy Σσᵢ² kept by the top i values')]),
      ]),
      el('p', {
        cls: 'note',
        attrs: { 'data-testid': 'energy' },
        text: 'Energy kept: ' + energy.slice(0, 6).map((e, i) => `top ${i + 1} → ${percent(e)}`).join(', ') + (energy.length > 6 ? ', …' : ''),
      }),
    ]),
  );
  const cond = r.cond !== null && Number.isFinite(r.cond) ? numberToTex(r.cond, 4) : '\\infty';
  parts.push(
    section('Properties', 'properties', [
      el('dl', { cls: 'facts' }, [
        el('dt', { text: 'Rank' }),
        el('dd', { text: `${r.rank} (singular values above ${(r.rankTol ?? Infinity).toExponential(2)})`, attrs: { 'data-testid': 'rank' } }),
        el('dt', { text: 'Condition number κ₂' }),
        el('dd', { attrs: { 'data-testid': 'cond' } }, [tex(`\\sigma_1/\\sigma_{${k}} = ${cond}`, false)]),
        el('dt', { text: 'Spectral norm' }),
        el('dd', {}, [tex(`\\lVert A\\rVert_2 = \\sigma_1 = ${numberToTex(r.S[0] ?? 0, d)}`, false)]),
        el('dt', { text: 'Frobenius norm' }),
        el('dd', {}, [tex(`\\lVert A\\rVert_F = \\sqrt{\\textstyle\\sum \\sigma_i^2} = ${numberToTex(r.normF ?? Infinity, d)}`, false)]),
      ]),
    ]),
  );
  parts.push(section('Verification', 'verification', [verificationTable(r)]));
  const ex = explainSvd({ ...r, cond: r.cond ?? Infinity });
  parts.push(
    section('What it means for ML', 'explain', [
      ...ex.paragraphs.map((p) => el('p', { text: p })),
      el('p', { cls: 'note', text: `Series: ${ex.related.join(' · ')}` }),
    ]),
  );
  root.replaceChildren(...parts);
}

/** Shows a failure above the last result (dimmed), so a typo never throws away what was computed. */
function renderError(title: string, message: string): void {
  root.querySelector('[data-testid="error"]')?.remove();
  const note = lastSeq >= 0 ? [el('p', { cls: 'note', text: 'The last result is still shown below.' })] : [];
  root.prepend(el('div', { cls: 'error', attrs: { role: 'alert', 'data-testid': 'error' } }, [el('h2', { text: title }), el('p', { text: message }), ...note]));
  if (lastSeq < 0) root.querySelectorAll('.busy').forEach((b) => b.remove());
}

/** Draws a result; a drawing failure is shown in the panel (never a silently stale panel). */
function safeRender(state: ResultsState): void {
  try {
    renderSvd(state);
  } catch (e) {
    console.error('LinAlg Lens: could not draw the result', e);
    lastSeq = -1;
    root.replaceChildren();
    renderError('Could not show this result', `The panel failed to draw it (${e instanceof Error ? e.message : String(e)}). Please report the matrix.`);
  }
}

function onMessage(m: HostToView): void {
  switch (m.type) {
    case 'show':
      // postMessage keeps order, so the newest message always wins; seq only marks "a result is shown".
      lastSeq = m.state.seq;
      vscode.setState(m.state);
      safeRender(m.state);
      return;
    case 'error':
      renderError(m.title, m.message);
      return;
    case 'busy':
      root.replaceChildren(el('p', { cls: 'busy', text: m.label, attrs: { 'data-testid': 'busy' } }));
      return;
  }
}

window.addEventListener('message', (e: MessageEvent<HostToView>) => onMessage(e.data));
const saved = vscode.getState();
if (saved) {
  lastSeq = saved.seq;
  safeRender(saved);
}
else root.replaceChildren(el('p', { cls: 'busy', text: 'Waiting for a result…' }));
vscode.postMessage({ type: 'ready' });
