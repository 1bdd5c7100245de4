/** LaTeX environments, Typst mat() and Mathematica lists. */
import { cx, runCases } from './helpers';
import type { Case } from './helpers';

const latex: Case[] = [
  { text: '\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}', want: [[1, 2], [3, 4]], notation: 'latex' },
  { text: '\\begin{Bmatrix} 1 & 0 \\\\ 0 & 1 \\end{Bmatrix}', want: [[1, 0], [0, 1]] },
  { text: '\\begin{Vmatrix} 1 & 0 \\\\ 0 & 1 \\end{Vmatrix}', want: [[1, 0], [0, 1]] },
  { text: '\\begin{matrix} 1 & 2 \\\\ 3 & 4 \\end{matrix}', want: [[1, 2], [3, 4]] },
  { text: '$\\left(\\begin{smallmatrix} 1 & 2 \\\\ 3 & 4 \\end{smallmatrix}\\right)$', want: [[1, 2], [3, 4]] },
  { text: '\\begin{bmatrix*}[r] -1 & 2 \\\\ 3 & -4 \\end{bmatrix*}', want: [[-1, 2], [3, -4]] },
  { text: '\\[\n\\left[\\begin{array}{cc|c} 1 & 2 & 3 \\\\ 4 & 5 & 6 \\end{array}\\right]\n\\]', want: [[1, 2, 3], [4, 5, 6]] },
  { text: '\\begin{bmatrix} \\frac{1}{2} & \\dfrac{\\sqrt{3}}{2} \\\\ -\\frac{\\sqrt{3}}{2} & \\tfrac12 \\end{bmatrix}', want: [[0.5, Math.sqrt(3) / 2], [-Math.sqrt(3) / 2, 0.5]] },
  { text: '\\begin{bmatrix} \\sqrt[3]{8} & 2\\pi \\\\ \\pi/4 & 3 \\cdot 2 \\end{bmatrix}', want: [[2, 2 * Math.PI], [Math.PI / 4, 6]] },
  { text: '\\begin{bmatrix} 1.5 \\times 10^{-3} & 2 \\times 10^{4} \\\\ 0 & 1 \\end{bmatrix}', want: [[0.0015, 20000], [0, 1]] },
  { text: '\\frac{1}{2}\\begin{bmatrix} 1 & 1 \\\\ 1 & -1 \\end{bmatrix}', want: [[0.5, 0.5], [0.5, -0.5]], note: 'scalar factor applied' },
  { text: 'H = \\frac{1}{\\sqrt{2}} \\begin{pmatrix} 1 & 1 \\\\ 1 & -1 \\end{pmatrix}', want: [[Math.SQRT1_2, Math.SQRT1_2], [Math.SQRT1_2, -Math.SQRT1_2]] },
  { text: '2\\begin{bmatrix} 1 & 2 \\end{bmatrix}', want: [[2, 4]] },
  { text: '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}^T', want: [[1, 3], [2, 4]] },
  { text: '\\begin{bmatrix} 1+i & 2 \\end{bmatrix}^{*}', want: [[cx(1, -1)], [cx(2, 0)]] },
  { text: '\\begin{bmatrix}\n  1 & 2 \\\\[2pt]\n  3 & 4 \\\\\n\\end{bmatrix}', want: [[1, 2], [3, 4]], note: 'spacing option and a trailing break' },
  { text: '\\begin{bmatrix} 1 & 2 \\\\ % first row\n 3 & 4 \\end{bmatrix}', want: [[1, 2], [3, 4]] },
  { text: '\\begin{bmatrix} \\phantom{-}1 & -2 \\\\ \\phantom{-}3 & \\phantom{-}4 \\end{bmatrix}', want: [[1, -2], [3, 4]] },
  { text: '\\begin{bmatrix} 3 + 4i & -2i \\\\ i & 0 \\end{bmatrix}', want: [[cx(3, 4), cx(-0, -2)], [cx(0, 1), cx(0, 0)]] },
  { text: '\\begin{bmatrix} 1 & 2 \\\\ 3 \\end{bmatrix}', want: { error: 'ragged' } },
  { text: '\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}', want: { error: 'symbolic' } },
  { text: '\\begin{bmatrix} \\lambda & 0 \\\\ 0 & 1 \\end{bmatrix}', want: { error: 'symbolic' } },
  { text: '\\begin{bmatrix} 1 & \\cdots & 9 \\\\ \\vdots & \\ddots & \\vdots \\end{bmatrix}', want: { error: 'unsupported' } },
  { text: '\\begin{bmatrix} 1 & \\infty \\end{bmatrix}', want: { error: 'non-finite' } },
  { text: 'A = \\begin{bmatrix} 1 \\end{bmatrix}, B = \\begin{bmatrix} 2 \\end{bmatrix}', want: { error: 'multiple' } },
  { text: '\\begin{bmatrix} \\end{bmatrix}', want: { error: 'empty' } },
  { text: '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4', want: { error: 'syntax' } },
];

const typst: Case[] = [
  { text: '$ mat(1, 2; 3, 4) $', want: [[1, 2], [3, 4]], notation: 'typst' },
  { text: '$ A = mat(1/2, sqrt(2); -1, pi) $', want: [[0.5, Math.SQRT2], [-1, Math.PI]] },
  { text: '$mat(delim: "[", 1, 0; 0, 1)$', want: [[1, 0], [0, 1]] },
  { text: '$ mat(1, 2, 3) $', want: [[1, 2, 3]] },
  { text: '$ mat(1, 2; 3, 4;) $', want: [[1, 2], [3, 4]] },
  { text: '$ mat(frac(1, 4), 2 pi; 0, 1) $', want: [[0.25, 2 * Math.PI], [0, 1]] },
  { text: '$ mat(1, 2; 3) $', want: { error: 'ragged' } },
  { text: '$ mat(1, x; 0, 1) $', want: { error: 'symbolic' } },
];

const mathematica: Case[] = [
  { text: '{{1, 2}, {3, 4}}', want: [[1, 2], [3, 4]], notation: 'mathematica' },
  { text: 'MatrixForm[{{1, 0}, {0, 1}}]', want: [[1, 0], [0, 1]] },
  { text: '{{Sqrt[2], Pi}, {E, 1/3}} // N', want: [[Math.SQRT2, Math.PI], [Math.E, 1 / 3]] },
  { text: '{{1 + 2 I, 3 I}, {-I, 4}}', want: [[cx(1, 2), cx(0, 3)], [cx(-0, -1), cx(4, 0)]] },
  { text: '{{1.5*^-3, 2*^2}, {0, 1}}', want: [[0.0015, 200], [0, 1]] },
  { text: '{{Sin[Pi/6], Cos[Pi/3]}, {2^(1/2), Exp[0]}}', want: [[Math.sin(Math.PI / 6), Math.cos(Math.PI / 3)], [Math.SQRT2, 1]] },
  { text: 'm = {{1, 2}, (* row two: *) {3, 4}};', want: [[1, 2], [3, 4]] },
  { text: '{1, 2, 3}', want: [[1, 2, 3]] },
  { text: '{{1, 2}, {3}}', want: { error: 'ragged' } },
  { text: '{{a, 1}, {0, 1}}', want: { error: 'symbolic' } },
  { text: '{{1, Infinity}, {0, 1}}', want: { error: 'non-finite' } },
  { text: '{{{1}, {2}}, {{3}, {4}}}', want: { error: 'unsupported' } },
];

describe('literals: LaTeX', () => runCases(latex));
describe('literals: Typst', () => runCases(typst));
describe('literals: Mathematica', () => runCases(mathematica));
