/**
 * Householder tridiagonal reduction (eighKernel.ts `tridiagonalize`, blocked
 * in panels from TRI_BLOCK_MIN on): backward error ‖A − Q·T·Qᵀ‖/‖A‖ and
 * orthogonality ‖QᵀQ − I‖ with Q from `formQ`, the output contract (v rows,
 * τ = 0 for columns already reduced), and agreement of the eigenvalues with the
 * unblocked kernel, on random symmetric matrices around the panel width and
 * crossover, graded matrices, zero columns, subnormal and 1e-160-sized entries
 * next to O(1) ones, diagonal and tridiagonal input.
 */
import * as assert from 'assert';
import {
  formQ, tridiagonalize, tridiagonalizeUnblocked, tridiagonalQL,
  TRI_BLOCK_MIN, TRI_NX, triPanel, type Tridiagonal,
} from '../../../src/linalg/eighKernel';
import { rng } from './helpers';
import { EPS } from './tolerance';

/** Random symmetric n×n (row-major, both triangles), entries uniform in (−1, 1). */
function randomSym(n: number, seed: number): Float64Array {
  const r = rng(seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const x = 2 * r() - 1;
      a[i * n + j] = x;
      a[j * n + i] = x;
    }
  }
  return a;
}

/** Frobenius norm without overflow or underflow of the squares. */
function frobScaled(x: Float64Array): number {
  let big = 0;
  for (const v of x) big = Math.max(big, Math.abs(v));
  if (big === 0) return 0;
  let s = 0;
  for (const v of x) s += (v / big) ** 2;
  return big * Math.sqrt(s);
}

interface Errors {
  /** ‖A − Q·T·Qᵀ‖_F / ‖A‖_F, in units of n·eps (0 for A = 0 and an exact result). */
  residual: number;
  /** ‖QᵀQ − I‖_F in units of n·eps. */
  orth: number;
}

/** Backward error and orthogonality of the reduction `t` of `a` (n ≥ 1). */
function errorsOf(a: Float64Array, n: number, t: Tridiagonal): Errors {
  const q = formQ(t, n);
  // QT = Q·T (T tridiagonal), then R = QT·Qᵀ − A.
  const qt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      let s = q[i * n + k] * t.d[k];
      if (k > 0) s += q[i * n + k - 1] * t.e[k - 1];
      if (k < n - 1) s += q[i * n + k + 1] * t.e[k];
      qt[i * n + k] = s;
    }
  }
  const r = new Float64Array(n * n);
  const o = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += qt[i * n + k] * q[j * n + k];
      r[i * n + j] = s - a[i * n + j];
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q[k * n + i] * q[k * n + j];
      o[i * n + j] = s - (i === j ? 1 : 0);
    }
  }
  const an = frobScaled(a);
  const rn = frobScaled(r);
  return { residual: an === 0 ? rn : rn / an / (n * EPS), orth: frobScaled(o) / (n * EPS) };
}

/** Eigenvalues of the tridiagonal of `t`, ascending. */
function eigenvaluesOf(t: Tridiagonal, n: number): Float64Array {
  const d = new Float64Array(t.d);
  const e = new Float64Array(t.e);
  assert.ok(tridiagonalQL(d, e, n, null), 'QL converged');
  return d.sort();
}

/** Bound (in units of n·eps) on residual and orthogonality. */
const C = 4;

/**
 * Reduces a copy of `a` with the blocked and the unblocked kernel, checks both
 * errors of the blocked result, the Tridiagonal contract, and that the two
 * give the same eigenvalues to c·n·eps·‖A‖.
 */
function check(a: Float64Array, n: number, label: string): Tridiagonal {
  const t = tridiagonalize(a.slice(), n);
  const u = tridiagonalizeUnblocked(a.slice(), n);
  assert.strictEqual(t.d.length, n);
  assert.strictEqual(t.e.length, n);
  assert.strictEqual(t.tau.length, n);
  assert.strictEqual(t.v.length, n * n);
  if (n >= 1) assert.strictEqual(t.e[n - 1], 0, `${label}: e[n-1] = 0`);
  for (let k = 0; k < n; k++) {
    assert.ok(Number.isFinite(t.d[k]) && Number.isFinite(t.e[k]) && Number.isFinite(t.tau[k]), `${label}: finite at ${k}`);
    if (k + 2 >= n) assert.strictEqual(t.tau[k], 0, `${label}: no reflector for column ${k}`);
    for (let j = 0; j <= k; j++) assert.strictEqual(t.v[k * n + j], 0, `${label}: v_${k}[${j}] = 0`);
    if (t.tau[k] !== 0) {
      assert.strictEqual(t.v[k * n + k + 1], 1, `${label}: v_${k}[${k + 1}] = 1`);
      assert.ok(t.tau[k] >= 1 && t.tau[k] <= 2, `${label}: τ_${k} = ${t.tau[k]} in [1, 2]`);
    }
  }
  const { residual, orth } = errorsOf(a, n, t);
  assert.ok(residual <= C, `${label}: ‖A − QTQᵀ‖/‖A‖ = ${residual.toFixed(3)}·n·eps`);
  assert.ok(orth <= C, `${label}: ‖QᵀQ − I‖ = ${orth.toFixed(3)}·n·eps`);
  const lt = eigenvaluesOf(t, n);
  const lu = eigenvaluesOf(u, n);
  const scale = frobScaled(a);
  for (let i = 0; i < n; i++) {
    const diff = Math.abs(lt[i] - lu[i]);
    assert.ok(diff <= C * n * EPS * scale, `${label}: eigenvalue ${i}: ${lt[i]} vs unblocked ${lu[i]} (diff ${diff}, ‖A‖ ${scale})`);
  }
  return t;
}

describe('tridiagonalize (blocked Householder reduction)', () => {
  it('block parameters are consistent and the tested sizes reach the blocked path', () => {
    for (let n = TRI_BLOCK_MIN; n <= 1000; n++) {
      const nb = triPanel(n);
      assert.ok(nb % 2 === 0 && nb >= 2, `panel width ${nb} even (syr2kTriangle takes its 2·nb terms by four)`);
      assert.ok(TRI_NX >= nb + 2, 'every panel column has a reflector');
    }
    assert.ok(TRI_BLOCK_MIN <= 64, 'sizes 64 and up are reduced in panels');
    assert.ok(triPanel(300) !== triPanel(100), 'both panel widths are exercised by the sizes below');
  });

  for (const n of [1, 2, 3, 31, 32, 33, 55, 56, 57, 64, 65, 100, 129, 200, 300]) {
    it(`random symmetric, n = ${n}`, () => {
      check(randomSym(n, 1000 + n), n, `random n=${n}`);
    });
  }

  it('random symmetric, more seeds at sizes around panel boundaries', () => {
    const nb = triPanel(TRI_BLOCK_MIN);
    for (const n of [TRI_BLOCK_MIN, TRI_BLOCK_MIN + 1, TRI_BLOCK_MIN + nb - 1, TRI_NX + nb + 1, 70, 81, 239, 240, 241]) {
      for (let seed = 0; seed < 3; seed++) check(randomSym(n, 77 * n + seed), n, `random n=${n} seed=${seed}`);
    }
  });

  it('does not read the upper triangle', () => {
    const n = 90;
    const a = randomSym(n, 5);
    const b = a.slice();
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) b[i * n + j] = NaN;
    const t1 = tridiagonalize(a, n);
    const t2 = tridiagonalize(b, n);
    assert.deepStrictEqual(Array.from(t2.d), Array.from(t1.d));
    assert.deepStrictEqual(Array.from(t2.e), Array.from(t1.e));
    assert.deepStrictEqual(Array.from(t2.tau), Array.from(t1.tau));
  });

  for (const n of [65, 150]) {
    it(`graded matrices, entries from 1e-150 to 1e150, n = ${n}`, () => {
      const r = rng(n);
      for (const dir of [1, -1]) {
        const g = Array.from({ length: n }, (_, i) => 10 ** (dir * 75 * (2 * i / (n - 1) - 1)));
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j <= i; j++) {
            const x = (2 * r() - 1) * g[i] * g[j];
            a[i * n + j] = x;
            a[j * n + i] = x;
          }
        }
        check(a, n, `graded n=${n} dir=${dir}`);
      }
    });
  }

  it('zero columns below the subdiagonal give τ = 0 (inside and between panels)', () => {
    // Direct sum of dense blocks: the last column of each block is already
    // reduced (nothing below its subdiagonal), wherever it falls in a panel.
    const n = 130;
    const sizes = [1, 5, 1, 37, 2, 40, 44];
    const a = new Float64Array(n * n);
    const r = rng(9);
    let o = 0;
    const ends: number[] = [];
    for (const s of sizes) {
      for (let i = o; i < o + s; i++) {
        for (let j = o; j <= i; j++) {
          const x = 2 * r() - 1;
          a[i * n + j] = x;
          a[j * n + i] = x;
        }
      }
      o += s;
      ends.push(o - 1);
    }
    assert.strictEqual(o, n);
    const t = check(a, n, 'block diagonal');
    for (const k of ends) {
      if (k + 2 < n) {
        assert.strictEqual(t.tau[k], 0, `τ_${k} = 0 at a block end`);
        assert.strictEqual(t.e[k], 0, `e_${k} = 0 at a block end`);
      }
    }
    // Columns whose entries below the diagonal are all zero from the start.
    const b = randomSym(100, 4);
    for (const k of [0, 1, 3, 10, 50]) {
      for (let i = k + 1; i < 100; i++) {
        b[i * 100 + k] = 0;
        b[k * 100 + i] = 0;
      }
    }
    const tb = check(b, 100, 'zero columns');
    assert.strictEqual(tb.tau[0], 0);
    assert.strictEqual(tb.tau[1], 0);
    // The zero matrix: every τ = 0, T = 0.
    const z = check(new Float64Array(70 * 70), 70, 'zero matrix');
    assert.ok(z.tau.every((x) => x === 0) && z.d.every((x) => x === 0) && z.e.every((x) => x === 0));
  });

  it('tiny, 1e-160-sized and subnormal entries next to O(1) ones', () => {
    for (const tiny of [1e-160, 1.5717277847026288e-162, 1e-300, 2.2250738585072014e-308, 1e-310, 5e-324]) {
      for (const n of [66, 101]) {
        const a = randomSym(n, 31 + n);
        const r = rng(n + 7);
        // Several whole columns below the diagonal made tiny, and scattered tiny entries.
        for (const k of [0, 2, 9, n >> 1]) {
          for (let i = k + 1; i < n; i++) {
            const x = (r() < 0.5 ? -1 : 1) * tiny * (1 + Math.floor(4 * r()));
            a[i * n + k] = x;
            a[k * n + i] = x;
          }
        }
        for (let c = 0; c < n; c++) {
          const i = Math.floor(r() * n);
          const j = Math.floor(r() * n);
          a[i * n + j] = tiny;
          a[j * n + i] = tiny;
        }
        check(a, n, `tiny=${tiny} n=${n}`);
      }
    }
    // A matrix made only of subnormals and 1e-160s (the reflector rescales).
    const n = 64;
    const a = new Float64Array(n * n);
    const r = rng(3);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const x = r() < 0.5 ? 5e-324 * Math.floor(1 + 9 * r()) : 1e-160 * (2 * r() - 1);
        a[i * n + j] = x;
        a[j * n + i] = x;
      }
    }
    const t = tridiagonalize(a.slice(), n);
    const { orth } = errorsOf(a, n, t);
    assert.ok(orth <= C, `tiny-only matrix: ‖QᵀQ − I‖ = ${orth}·n·eps`);
  });

  it('diagonal and already-tridiagonal input are left as they are (τ = 0)', () => {
    for (const n of [3, 64, 120]) {
      const r = rng(n);
      const a = new Float64Array(n * n);
      const d = Array.from({ length: n }, () => 2 * r() - 1);
      for (let i = 0; i < n; i++) a[i * n + i] = d[i];
      const t = check(a, n, `diagonal n=${n}`);
      assert.deepStrictEqual(Array.from(t.d), d);
      assert.ok(t.e.every((x) => x === 0) && t.tau.every((x) => x === 0));
      const off = Array.from({ length: n - 1 }, () => 2 * r() - 1);
      for (let i = 0; i + 1 < n; i++) {
        a[(i + 1) * n + i] = off[i];
        a[i * n + i + 1] = off[i];
      }
      const tt = check(a, n, `tridiagonal n=${n}`);
      assert.deepStrictEqual(Array.from(tt.d), d);
      assert.deepStrictEqual(Array.from(tt.e.subarray(0, n - 1)), off);
      assert.ok(tt.tau.every((x) => x === 0));
    }
  });
});
