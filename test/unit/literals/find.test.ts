/** findLiterals / findLiteralAt on realistic multi-literal files. */
import * as assert from 'assert';
import { findLiteralAt, findLiterals, parseLiteral } from '../../../src/literals';

function spanOf(doc: string, needle: string): { start: number; end: number } {
  const start = doc.indexOf(needle);
  assert.ok(start >= 0, `fixture contains ${needle}`);
  return { start, end: start + needle.length };
}

function at(doc: string, needle: string, inside: string, lang: string): { start: number; end: number } | null {
  return findLiteralAt(doc, doc.indexOf(needle) + needle.indexOf(inside) + 1, lang);
}

const PY = `import numpy as np

def rotation(theta):
    return np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])

A = np.array([[3, 1], [1, 3]])  # symmetric [not a literal]
x = data[0]
B = [[1, 2],
     [3, 4]]
names: list[str] = ["a", "b"]
T = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float32)
`;

const MATLAB = `% test matrices
A = [4 -2; 1 1];
b = A(1, :);
K = [ 2 -1  0
     -1  2 -1
      0 -1  2 ];
`;

const TEX = `We have
\\[ A = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix} \\]
and the interval [0, 1] in text, then
\\begin{pmatrix} 0 & 1 \\\\ 1 & 0 \\end{pmatrix}.
`;

const MD = `# Notes [1]

| | x | y |
|---|---|---|
| a | 1 | 2 |
| b | 3 | 4 |

\`\`\`python
M = np.array([[1, 0], [0, 1]])
\`\`\`

$$\\begin{bmatrix} 5 & 6 \\end{bmatrix}$$
`;

const CPP = `Eigen::Matrix2d m;
m << 1, 2,
     3, 4;
std::vector<double> v = {1.0, 2.0};
`;

describe('literals: findLiteralAt / findLiterals', () => {
  it('Python: the whole wrapper call around the cursor', () => {
    assert.deepStrictEqual(at(PY, 'np.array([[3, 1], [1, 3]])', '[1, 3]', 'python'), spanOf(PY, 'np.array([[3, 1], [1, 3]])'));
    assert.deepStrictEqual(at(PY, 'B = [[1, 2]', '[1, 2]', 'python'), spanOf(PY, '[[1, 2],\n     [3, 4]]'));
    assert.deepStrictEqual(at(PY, 'torch.tensor', 'tensor', 'python'), spanOf(PY, 'torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float32)'));
    assert.ok(findLiterals(PY, 'python').some((s) => PY.slice(s.start, s.end).startsWith('np.array([[np.cos')));
  });
  it('Python: indexing, comments and string lists are not literals', () => {
    assert.strictEqual(at(PY, 'data[0]', '0', 'python'), null);
    assert.strictEqual(at(PY, '[not a literal]', 'not', 'python'), null);
    assert.strictEqual(at(PY, '["a", "b"]', 'a', 'python'), null);
  });
  it('every span found parses on its own', () => {
    for (const [doc, lang] of [[PY, 'python'], [MATLAB, 'matlab'], [TEX, 'latex'], [MD, 'markdown'], [CPP, 'cpp']] as const) {
      for (const s of findLiterals(doc, lang)) {
        const text = doc.slice(s.start, s.end);
        if (text.includes('theta')) continue;
        assert.doesNotThrow(() => parseLiteral(text), `${lang}: ${text}`);
      }
    }
  });
  it('MATLAB: brackets with rows on lines', () => {
    assert.deepStrictEqual(at(MATLAB, '[ 2 -1  0', '2 -1', 'matlab'), spanOf(MATLAB, '[ 2 -1  0\n     -1  2 -1\n      0 -1  2 ]'));
    assert.deepStrictEqual(at(MATLAB, '[4 -2; 1 1]', '-2', 'matlab'), spanOf(MATLAB, '[4 -2; 1 1]'));
  });
  it('LaTeX: environments only, not bracketed text', () => {
    assert.deepStrictEqual(at(TEX, '\\begin{bmatrix}', '3 &', 'latex'), spanOf(TEX, '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}'));
    assert.strictEqual(at(TEX, '[0, 1]', '0', 'latex'), null);
    assert.strictEqual(findLiterals(TEX, 'latex').length, 2);
  });
  it('Markdown: tables, fenced code and math', () => {
    const spans = findLiterals(MD, 'markdown').map((s) => MD.slice(s.start, s.end));
    assert.ok(spans.some((t) => t.startsWith('| | x | y |') && t.endsWith('| b | 3 | 4 |')));
    assert.ok(spans.includes('np.array([[1, 0], [0, 1]])'));
    assert.ok(spans.includes('\\begin{bmatrix} 5 & 6 \\end{bmatrix}'));
    assert.ok(!spans.some((t) => t === '[1]'));
  });
  it('C++: an Eigen initialiser with its declaration', () => {
    const s = at(CPP, 'm << 1', '2,', 'cpp');
    assert.ok(s);
    assert.deepStrictEqual(parseLiteral(CPP.slice(s.start, s.end)).values, [[1, 2], [3, 4]]);
  });
  it('is fast on a 10,000-line file', () => {
    const lines: string[] = [];
    for (let i = 0; i < 10000; i++) lines.push(i % 10 === 0 ? `M${i} = np.array([[${i}, 1], [2, 3]])  # row ${i}` : `x${i} = f(y[${i}]) + ${i}  # [comment`);
    const doc = lines.join('\n');
    const t0 = Date.now();
    const spans = findLiterals(doc, 'python');
    const hit = findLiteralAt(doc, doc.indexOf('M5000') + 10, 'python');
    const ms = Date.now() - t0;
    assert.strictEqual(spans.length, 1000);
    assert.ok(hit && doc.slice(hit.start, hit.end).startsWith('np.array([[5000'));
    assert.ok(ms < 2000, `took ${ms} ms`);
  });
});
