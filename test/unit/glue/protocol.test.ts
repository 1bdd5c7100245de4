import * as assert from 'assert';
import { isViewToHost, svdView } from '../../../src/webviews/results/protocol';
import { svdReport } from '../../../src/engine/report';
import { explainSvd, energyProfile } from '../../../src/concepts/explainSvd';

describe('results panel protocol', () => {
  it('accepts the view messages it defines', () => {
    assert.ok(isViewToHost({ type: 'ready' }));
    assert.ok(isViewToHost({ type: 'reveal' }));
    assert.ok(isViewToHost({ type: 'copy', target: 'U' }));
    assert.ok(isViewToHost({ type: 'copy', target: 'Sigma', notation: 'numpy' }));
  });

  it('rejects anything else', () => {
    for (const m of [null, 3, 'ready', {}, { type: 'copy' }, { type: 'copy', target: 'X' }, { type: 'eval', code: '1' }]) {
      assert.ok(!isViewToHost(m), JSON.stringify(m));
    }
  });
});

describe('SVD explanation', () => {
  it('computes the cumulative energy of the singular values', () => {
    assert.deepStrictEqual(energyProfile([3, 4]), [9 / 25, 1]);
    assert.deepStrictEqual(energyProfile([0, 0]), [0, 0]);
  });

  it('keeps the energy profile right at 1e±200, where squares over- or underflow', () => {
    for (const scale of [1e200, 1e-200, 5e-320]) {
      const e = energyProfile([3 * scale, 4 * scale]);
      assert.ok(Math.abs(e[0] - 9 / 25) < 1e-12 && e[1] === 1, `${scale}: ${e}`);
    }
  });

  it('mentions rank deficiency and the pseudoinverse when rank < min(m, n)', () => {
    const e = explainSvd({ rows: 4, cols: 3, S: [5, 2, 0], rank: 2, cond: Infinity });
    const text = e.paragraphs.join(' ');
    assert.ok(text.includes('rank 2'));
    assert.ok(text.includes('pseudoinverse'));
    assert.ok(text.includes('infinite'));
  });

  it('quantifies digits lost to conditioning', () => {
    const e = explainSvd({ rows: 2, cols: 2, S: [1e6, 1], rank: 2, cond: 1e6 });
    assert.ok(e.paragraphs.some((p) => p.includes('6.0 of the ~16')));
  });
});

describe('SVD view state', () => {

  it('carries the singular values in full and the matrices as TeX', () => {
    const v = svdView(svdReport([[3, 1], [1, 3]]), 4);
    assert.deepStrictEqual(v.S.map((s) => Math.round(s * 1e12) / 1e12), [4, 2]);
    assert.strictEqual(v.tex.A, '\\begin{bmatrix}3 & 1 \\\\ 1 & 3\\end{bmatrix}');
    assert.ok(v.tex.Sigma.startsWith('\\begin{bmatrix}4 & 0'));
    assert.strictEqual(v.cond !== null && Math.abs(v.cond - 2) < 1e-12, true);
  });

  it('reports ‖A‖_F without overflow and non-finite residuals as null', () => {
    const v = svdView(svdReport([[1e200, 2e200], [3e200, 4e200]]), 4);
    assert.ok(v.normF !== null && Math.abs(v.normF / 5.477225575051661e200 - 1) < 1e-14, String(v.normF));
    assert.ok(v.verification.reconstruction !== null);
  });

  it('keeps rank and its tolerance finite for singular values near 1e308 (N·eps is applied first)', () => {
    const a = svdReport([[1e308, 0], [0, 1]]);
    assert.strictEqual(a.rank, 1); // σ₂ = 1 is far below 1e308·2·eps: numerically rank 1, as numpy's matrix_rank
    assert.ok(Number.isFinite(a.rankTol) && Math.abs(a.rankTol / (1e308 * (2 * 2.220446049250313e-16)) - 1) < 1e-12, String(a.rankTol));
    const b = svdReport([[1e308, 1e308], [1e308, -1e308]]);
    assert.strictEqual(b.rank, 2);
    // ‖A‖_F = 2e308 is beyond the double range: Infinity, null after JSON; the view shows ∞.
    const v = JSON.parse(JSON.stringify(svdView(b, 4))) as { normF: number | null; rankTol: number };
    assert.strictEqual(v.normF, null);
    assert.ok(Number.isFinite(v.rankTol));
  });

  it('stays small for a large matrix and survives JSON (cond of a singular matrix is null)', () => {
    const n = 120;
    const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j === 0 ? 0 : Math.sin(i * n + j))));
    const v = svdView(svdReport(A), 4);
    const json = JSON.stringify(v);
    assert.ok(json.length < 20_000, `view state is ${json.length} characters`);
    assert.strictEqual((JSON.parse(json) as { cond: unknown }).cond, null);
    assert.strictEqual(v.S.length, n);
  });
});
