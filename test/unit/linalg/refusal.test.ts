import * as assert from 'assert';
import * as la from '../../../src/linalg/index';
import { cases } from './helpers';

type Op = [string, (A: number[][]) => unknown];

/** Every operation of the public API, as a function of one matrix. */
const OPS: Op[] = [
  ['svd', (A) => la.svd(A)],
  ['svd full', (A) => la.svd(A, { full: true })],
  ['singularValues', (A) => la.singularValues(A)],
  ['qr', (A) => la.qr(A)],
  ['qr complete', (A) => la.qr(A, { mode: 'complete' })],
  ['lu', (A) => la.lu(A)],
  ['det', (A) => la.det(A)],
  ['slogdet', (A) => la.slogdet(A)],
  ['inv', (A) => la.inv(A)],
  ['solve', (A) => la.solve(A, A.map(() => 1))],
  ['cholesky', (A) => la.cholesky(A)],
  ['lstsq', (A) => la.lstsq(A, A.map(() => 1))],
  ['lstsqNormal', (A) => la.lstsqNormal(A, A.map(() => 1))],
  ['pinv', (A) => la.pinv(A)],
  ['matrixRank', (A) => la.matrixRank(A)],
  ['cond', (A) => la.cond(A)],
  ['norm2', (A) => la.norm2(A)],
  ['normF', (A) => la.normF(A)],
  ['nullSpace', (A) => la.nullSpace(A)],
  ['columnSpace', (A) => la.columnSpace(A)],
  ['pca', (A) => la.pca(A)],
  ['lowRank', (A) => la.lowRank(A, 1)],
  ['attention', (A) => la.attention(A, A, A)],
];

describe('refusal: non-finite reference cases are refused by every operation within 1 s', () => {
  for (const kase of cases().filter((k) => k.c.expect === 'refuse')) {
    it(kase.c.id, () => {
      for (const [name, op] of OPS) {
        const t0 = Date.now();
        assert.throws(
          () => op(kase.A),
          (e: unknown) => la.isLinAlgError(e) && e.kind === 'not-finite' && /row \d+, column \d+/.test(e.message),
          `${name} must refuse ${kase.c.id}`,
        );
        assert.ok(Date.now() - t0 < 1000, `${name} took too long`);
      }
    });
  }
});

describe('empty matrices: numpy conventions or a clear "empty" refusal', () => {
  // The documented behaviour of each operation on the 0×0 matrix [].
  const expected: Record<string, unknown> = {
    svd: { U: [], S: [], Vh: [] },
    'svd full': { U: [], S: [], Vh: [] },
    singularValues: [],
    qr: { Q: [], R: [] },
    'qr complete': { Q: [], R: [] },
    lu: { P: [], L: [], U: [], perm: [] },
    det: 1,
    slogdet: { sign: 1, logabsdet: 0 },
    inv: [],
    solve: [],
    cholesky: { L: [] },
    lstsq: { x: [], residuals: [], rank: 0, s: [] },
    lstsqNormal: { x: [], cond: 1, digitsLost: 0 },
    pinv: [],
    matrixRank: { rank: 0, tol: 0 },
    norm2: 0,
    normF: 0,
    nullSpace: { basis: [], dim: 0, rank: 0, tol: 0 },
    columnSpace: { basis: [], dim: 0, rank: 0, tol: 0 },
    lowRank: null,
    attention: { scores: [], weights: [], output: [] },
  };
  const refused: Record<string, string> = { cond: 'empty', pca: 'shape', lowRank: 'invalid-argument' };
  for (const [name, op] of OPS) {
    it(name, () => {
      if (name in refused) {
        assert.throws(() => op([]), (e: unknown) => la.isLinAlgError(e) && e.kind === refused[name] && /empty|at least|between/.test(e.message));
      } else {
        assert.deepStrictEqual(op([]), expected[name]);
      }
    });
  }
  it('reference empty cases: rank 0 and no singular values', () => {
    for (const kase of cases().filter((k) => k.c.tags.includes('empty'))) {
      assert.deepStrictEqual(la.singularValues(kase.A), kase.ref.singular_values);
      assert.strictEqual(la.matrixRank(kase.A).rank, kase.ref.rank);
      if (typeof kase.ref.det === 'number') assert.strictEqual(la.det(kase.A), kase.ref.det);
      if (kase.ref.cholesky_ok === true) assert.doesNotThrow(() => la.cholesky(kase.A));
    }
  });
  it('m×0 matrices ([[], []]) do not crash', () => {
    assert.deepStrictEqual(la.svd([[], []]).S, []);
    assert.deepStrictEqual(la.qr([[], []]).R, []);
    assert.strictEqual(la.matrixRank([[], []]).rank, 0);
  });
});
