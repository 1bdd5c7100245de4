/** parseLiteral(formatMatrix(A, n)) gives back A exactly, for every notation and random matrices. */
import * as assert from 'assert';
import fc from 'fast-check';
import { formatMatrix, formatVector, parseLiteral } from '../../../src/literals';
import type { Entry, FormatNotation } from '../../../src/literals';

const NOTATIONS: FormatNotation[] = [
  'numpy', 'numpy-repr', 'numpy-str', 'numpy-matrix-string', 'torch', 'torch-repr', 'tensorflow-repr', 'python-list', 'sympy',
  'matlab', 'octave-output', 'julia', 'julia-repl', 'latex', 'mathematica', 'r', 'r-output', 'eigen', 'rust-nalgebra', 'rust-ndarray',
  'javascript', 'mathjs', 'mathjs-expression', 'ml-matrix', 'csv', 'tsv', 'whitespace', 'bracket-rows', 'markdown-table', 'fortran',
  'typst', 'jax', 'tensorflow',
];

const special = fc.constantFrom(0, -0, 1, -1, 0.1, 1e-300, -5e-324, 1.7976931348623157e308, -2.2250738585072014e-308, 123456789012345680000, 1 / 3);
const finite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), special, fc.integer({ min: -1000, max: 1000 }));
const complexEntry = fc.record({ re: finite, im: finite });

function matrixOf<T extends Entry>(entry: fc.Arbitrary<T>): fc.Arbitrary<T[][]> {
  return fc.integer({ min: 1, max: 4 }).chain((r) => fc.integer({ min: 1, max: 4 }).chain((c) => fc.array(fc.array(entry, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })));
}

function same(a: Entry, b: Entry): boolean {
  const x = typeof a === 'number' ? { re: a, im: 0 } : a;
  const y = typeof b === 'number' ? { re: b, im: 0 } : b;
  return x.re === y.re && x.im === y.im;
}

function check(values: Entry[][], n: FormatNotation, name?: string): void {
  const text = formatMatrix(values, n, { name });
  const back = parseLiteral(text);
  assert.strictEqual(back.rows, values.length, `${n}: rows of ${text}`);
  assert.strictEqual(back.cols, values[0].length, `${n}: cols of ${text}`);
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values[0].length; j++) assert.ok(same(back.values[i][j], values[i][j]), `${n}: entry (${i + 1}, ${j + 1}) of ${text}: ${JSON.stringify(back.values[i][j])} vs ${JSON.stringify(values[i][j])}`);
  }
}

describe('literals: formatMatrix round trip', () => {
  for (const n of NOTATIONS) {
    it(`${n}: real matrices`, () => fc.assert(fc.property(matrixOf(finite), (m) => check(m, n)), { numRuns: 60 }));
    it(`${n}: complex matrices`, () => fc.assert(fc.property(matrixOf(complexEntry), (m) => check(m, n)), { numRuns: 40 }));
    it(`${n}: with a variable name`, () => check([[1, -2.5], [3e-10, 4]], n, 'A'));
  }
  it('digits rounds for display', () => {
    assert.strictEqual(formatMatrix([[1 / 3, 2]], 'matlab', { digits: 4 }), '[0.3333 2]');
    assert.strictEqual(formatMatrix([[1.5e-7]], 'latex', { digits: 3 }).includes('1.5 \\times 10^{-7}'), true);
  });
  it('writes complex entries in each notation\'s syntax', () => {
    const z = [[{ re: 1, im: 2 }]];
    assert.ok(formatMatrix(z, 'numpy').includes('1+2j'));
    assert.ok(formatMatrix(z, 'matlab').includes('1+2i'));
    assert.ok(formatMatrix(z, 'julia').includes('1+2im'));
    assert.ok(formatMatrix(z, 'mathematica').includes('1 + 2 I'));
    assert.ok(formatMatrix(z, 'sympy').includes('1 + 2*I'));
  });
  it('keeps the notation the matrix was read from', () => {
    const m = parseLiteral('A = [1 2; 3 4];');
    assert.strictEqual(parseLiteral(formatMatrix(m.values, m.notation)).notation, 'matlab');
  });
});

describe('literals: formatVector round trip (1-D arrays such as S)', () => {
  const vectorOf = <T extends Entry>(entry: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(entry, { minLength: 1, maxLength: 6 });
  const checkVector = (values: Entry[], n: FormatNotation, name?: string): void => {
    const text = formatVector(values, n, { name });
    const back = parseLiteral(text);
    const column = back.cols === 1 && back.rows === values.length;
    const row = back.rows === 1 && back.cols === values.length;
    assert.ok(row || column, `${n}: ${text} read back as ${back.rows}×${back.cols}, not a 1×${values.length} row or ${values.length}×1 column`);
    const flat = back.values.flat();
    for (let i = 0; i < values.length; i++) assert.ok(same(flat[i], values[i]), `${n}: entry ${i + 1} of ${text}: ${JSON.stringify(flat[i])} vs ${JSON.stringify(values[i])}`);
  };
  for (const n of NOTATIONS) {
    it(`${n}: real vectors`, () => fc.assert(fc.property(vectorOf(finite), (v) => checkVector(v, n)), { numRuns: 40 }));
    it(`${n}: complex vectors and a variable name`, () => {
      fc.assert(fc.property(vectorOf(complexEntry), (v) => checkVector(v, n)), { numRuns: 20 });
      checkVector([3, 2, 1e-17], n, 'S');
    });
  }
  it('writes each notation\'s own 1-D form', () => {
    const s = [3, 1.5];
    assert.strictEqual(formatVector(s, 'numpy', { name: 'S' }), 'S = np.array([3, 1.5])');
    assert.strictEqual(formatVector(s, 'torch'), 'torch.tensor([3, 1.5])');
    assert.strictEqual(formatVector(s, 'matlab', { name: 'S' }), 'S = [3; 1.5];');
    assert.strictEqual(formatVector(s, 'julia'), '[3, 1.5]');
    assert.strictEqual(formatVector(s, 'r', { name: 'S' }), 'S <- c(3, 1.5)');
    assert.strictEqual(formatVector(s, 'mathematica'), '{3, 1.5}');
    assert.strictEqual(formatVector(s, 'r-output'), '[1] 3 1.5');
    assert.strictEqual(formatVector(s, 'csv'), '3,1.5');
    assert.strictEqual(parseLiteral(formatVector(s, 'julia-repl')).notation, 'julia-repl');
  });
});

describe('literals: printed R vectors', () => {
  it('reads [1] … with wrapped [k] lines as one row', () => {
    const m = parseLiteral(' [1]  0.5  1.0  2.5\n [4] -3.0  4.0');
    assert.strictEqual(m.notation, 'r-output');
    assert.deepStrictEqual(m.values, [[0.5, 1, 2.5, -3, 4]]);
  });
  it('refuses a wrapped line whose index does not match, at that line', () => {
    assert.throws(() => parseLiteral('[1] 1 2\n[4] 3'), (e: { kind: string; position: { line: number; column: number } }) => e.kind === 'shape-mismatch' && e.position.line === 2 && e.position.column === 1);
  });
  it('refuses NA and words with their position', () => {
    assert.throws(() => parseLiteral('[1] 3.1 NA'), (e: { kind: string; position: { column: number } }) => e.kind === 'missing-values' && e.position.column === 9);
    assert.throws(() => parseLiteral('[1] a b'), (e: { kind: string }) => e.kind === 'symbolic');
  });
});
