/** MATLAB/Octave source and display output, Julia source and REPL output, mathjs expressions. */
import { cx, runCases } from './helpers';
import type { Case } from './helpers';

const matlab: Case[] = [
  { text: 'A = [1 2; 3 4];', want: [[1, 2], [3, 4]], notation: 'matlab' },
  { text: '[2 - 1]', want: [[1]], note: 'binary minus with spaces on both sides' },
  { text: '[2 -1]', want: [[2, -1]], note: 'sign glued to the number starts a new entry' },
  { text: '[2 - -1]', want: [[3]] },
  { text: '[1 +2]', want: [[1, 2]] },
  { text: '[1, 2, 3\n 4, 5, 6]', want: [[1, 2, 3], [4, 5, 6]], note: 'newline is a row break' },
  { text: 'M = [1 2 ...\n     3 4];', want: [[1, 2, 3, 4]], note: 'continuation joins lines' },
  { text: 'M = [1 2 ... the rest\n     3 4; 5 6 7 8];', want: [[1, 2, 3, 4], [5, 6, 7, 8]] },
  { text: 'x = [1 2 3]\'', want: [[1], [2], [3]] },
  { text: "z = [1+2i, 3-4j]'", want: [[cx(1, -2)], [cx(3, 4)]], note: "' conjugates" },
  { text: "z = [1+2i, 3-4j].'", want: [[cx(1, 2)], [cx(3, -4)]] },
  { text: '[sqrt(2)/2 -sqrt(2)/2; pi/4 exp(1)]', want: [[Math.SQRT1_2, -Math.SQRT1_2], [Math.PI / 4, Math.E]] },
  { text: '[1e3 2.5e-3; -1E2 .25]', want: [[1000, 0.0025], [-100, 0.25]] },
  { text: 'B = [1, 2; ...\n     3, 4]; % comment [5 6]', want: [[1, 2], [3, 4]] },
  { text: '%{\nblock comment [9 9]\n%}\nC = [1 2; 3 4];', want: [[1, 2], [3, 4]] },
  { text: '>> A = [4 -2; 1 1]', want: [[4, -2], [1, 1]], note: 'MATLAB prompt' },
  { text: '[[1 2]; [3 4]]', want: [[1, 2], [3, 4]] },
  { text: '[[1 2] [3 4]]', want: [[1, 2, 3, 4]], note: 'MATLAB concatenation of row blocks' },
  { text: '[1 2; 3]', want: { error: 'ragged' } },
  { text: '[1 NaN; 3 4]', want: { error: 'non-finite' } },
  { text: '[1 Inf]', want: { error: 'non-finite' } },
  { text: '[1 a; 3 4]', want: { error: 'symbolic' } },
  { text: 'A = [1 2; 3 4]; B = [5 6; 7 8];', want: { error: 'multiple' } },
  { text: 'x = [];', want: { error: 'empty' } },
];

const octave: Case[] = [
  { text: 'ans =\n\n   1   2\n   3   4\n', want: [[1, 2], [3, 4]], notation: 'octave-output' },
  { text: 'A =\n\n   1.5000  -2.0000\n   0.2500   4.0000\n\n', want: [[1.5, -2], [0.25, 4]] },
  { text: 'z =\n\n   1 + 2i   3 - 1i\n   0 + 0i   1 + 0i\n', want: [[cx(1, 2), cx(3, -1)], [cx(0, 0), cx(1, 0)]], note: 'Octave complex display with spaces' },
  { text: 'A =\n\n   1.0e+03  *\n\n   1.2000   0.0034\n   0.0010   2.0000\n', want: [[1200, 3.4], [1, 2000]], note: 'common scale factor' },
  { text: 'x =\n\n Columns 1 through 3:\n\n   1   2   3\n   4   5   6\n\n Columns 4 and 5:\n\n   7   8\n   9  10\n', want: [[1, 2, 3, 7, 8], [4, 5, 6, 9, 10]] },
  { text: 'a =\n\n   1   2\n   3\n', want: { error: 'ragged' } },
  { text: 'a =\n\n   1   NaN\n   3   4\n', want: { error: 'non-finite' } },
  { text: 'b =\n\n  -1  -2\n  -3  -4\n', want: [[-1, -2], [-3, -4]] },
];

const julia: Case[] = [
  { text: 'A = [1 2; 3 4]', want: [[1, 2], [3, 4]] },
  { text: 'A = [1.0 2.0\n     3.0 4.0]', want: [[1, 2], [3, 4]] },
  { text: '[[1,2] [3,4]]', want: [[1, 3], [2, 4]], options: { notation: 'julia' }, note: 'hcat of Julia column vectors' },
  { text: 'B = [[1.0, 2.0] [3.0, 4.0]] # Float64 π', want: [[1, 3], [2, 4]], note: 'julia cue (π) in a comment' },
  { text: '[1+2im 3-im; 2im 1]', want: [[cx(1, 2), cx(3, -1)], [cx(0, 2), cx(1, 0)]] },
  { text: '[1//2 1//3; 2π 1]', want: [[0.5, 1 / 3], [2 * Math.PI, 1]] },
  { text: '[√2 1; 0 √3]', want: [[Math.SQRT2, 1], [0, Math.sqrt(3)]] },
  { text: 'v = [1, 2, 3]', want: [[1, 2, 3]], note: '1-D vector as a 1×n row' },
  { text: 'v = [1; 2; 3]', want: [[1], [2], [3]] },
  { text: '2×2 Matrix{Float64}:\n 1.0  2.0\n 3.0  4.0', want: [[1, 2], [3, 4]], notation: 'julia-repl' },
  { text: '2×2 Matrix{Int64}:\n 1  -2\n 3   4', want: [[1, -2], [3, 4]] },
  { text: '2×2 Matrix{ComplexF64}:\n 1.0+2.0im  0.0-1.0im\n 3.0+0.0im  4.0+0.0im', want: [[cx(1, 2), cx(0, -1)], [cx(3, 0), cx(4, 0)]] },
  { text: '3-element Vector{Float64}:\n 1.0\n 2.5\n -3.0', want: [[1, 2.5, -3]] },
  { text: '3×3 Matrix{Float64}:\n 1.0  2.0\n 3.0  4.0', want: { error: 'shape-mismatch' } },
  { text: '2×3 Matrix{Float64}:\n 1.0  2.0  …  3.0\n 4.0  5.0  …  6.0', want: { error: 'unsupported' } },
  { text: 'julia> A = [1 2; 3 4]', want: [[1, 2], [3, 4]] },
  { text: '[1 2; 3 4] # comment 5 6', want: [[1, 2], [3, 4]] },
];

const mathjsExpr: Case[] = [
  { text: '[1, 2; 3, 4]', want: [[1, 2], [3, 4]] },
  { text: 'a = [1, 2, 3; 4, 5, 6]', want: [[1, 2, 3], [4, 5, 6]] },
  { text: '[1.5, -2; 0, 1e-3]', want: [[1.5, -2], [0, 0.001]] },
  { text: '[1, 2 - 1; 3, 4]', want: [[1, 1], [3, 4]] },
  { text: '[1, 2;\n 3, 4]', want: [[1, 2], [3, 4]] },
  { text: '[1, 2; 3, 4;]', want: [[1, 2], [3, 4]] },
  { text: '[1, 2; 3]', want: { error: 'ragged' } },
  { text: '[sqrt(4), 2^3; 1/4, -pi]', want: [[2, 8], [0.25, -Math.PI]] },
];

describe('literals: MATLAB', () => runCases(matlab));
describe('literals: Octave / MATLAB display output', () => runCases(octave));
describe('literals: Julia', () => runCases(julia));
describe('literals: mathjs expression syntax', () => runCases(mathjsExpr));
