/**
 * Aggressive early deflation in the Francis QR iteration (eigSchur.ts /
 * eigAed.ts). The QR iteration is run directly on Hessenberg matrices with
 * AED forced on small active blocks (aedMin = 12, so the window, spike,
 * reordering and Hessenberg restoration run many times even at n = 30) and
 * with AED off (the plain path), and through the public `eig` / `eigvals` at
 * sizes where the default crossover switches AED on. Checked: the Schur
 * residual ‖A·Z − Z·T‖, ‖ZᵀZ − I‖, the quasi-triangular standard form of T,
 * and the eigenvalues against known spectra or the plain path.
 */
import * as assert from 'assert';
import { eig, eigvals, type Complex } from '../../../src/linalg/eig';
import { formQt, hessenberg } from '../../../src/linalg/eigHessenberg';
import { AED_MIN, schurIterate } from '../../../src/linalg/eigSchur';
import { greedyMatch } from './eigCheck';
import { randn, rng, tr, type M } from './helpers';

const EPS = 2.220446049250313e-16;

function flat(A: M): Float64Array {
  const n = A.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = A[i][j];
  return a;
}

function frobFlat(a: Float64Array): number {
  let big = 0;
  for (const x of a) big = Math.max(big, Math.abs(x));
  if (big === 0) return 0;
  let s = 0;
  for (const x of a) s += (x / big) ** 2;
  return big * Math.sqrt(s);
}

/** C = op(A)·op(B) for row-major n×n arrays. */
function mm(a: Float64Array, ta: boolean, b: Float64Array, tb: boolean, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const x = ta ? a[k * n + i] : a[i * n + k];
      if (x === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] += x * (tb ? b[j * n + k] : b[k * n + j]);
    }
  return c;
}

interface SchurRun {
  t: Float64Array;
  z: Float64Array;
  eigenvalues: Complex[];
}

/**
 * Hessenberg reduction + QR iteration of A (no balancing) with the given AED
 * crossover, and the checks every Schur form must pass: structure, residual,
 * orthogonality. `isHessenberg` skips the reduction (Q = I).
 */
function schurChecked(what: string, A: Float64Array, n: number, aedMin: number, isHessenberg = false): SchurRun {
  const h = A.slice();
  let zt: Float64Array;
  if (isHessenberg) {
    zt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) zt[i * n + i] = 1;
  } else {
    zt = formQt(hessenberg(h, n, 0, n - 1), n, 0, n - 1);
  }
  const vals = schurIterate(h, n, 0, n - 1, zt, aedMin);
  assert.ok(vals !== null, `${what}: no convergence`);
  // Quasi-triangular standard form: zeros below the subdiagonal, no two consecutive
  // subdiagonals, 2×2 blocks with equal diagonal and off-diagonals of opposite sign.
  for (let i = 0; i < n; i++) for (let j = 0; j < i - 1; j++) assert.strictEqual(h[i * n + j], 0, `${what}: T[${i}][${j}] ≠ 0`);
  for (let i = 1; i < n; i++) {
    const sub = h[i * n + i - 1];
    if (sub === 0) continue;
    assert.ok(i + 1 >= n || h[(i + 1) * n + i] === 0, `${what}: consecutive subdiagonals at ${i}`);
    assert.strictEqual(h[(i - 1) * n + i - 1], h[i * n + i], `${what}: 2×2 block at ${i} not standardised`);
    assert.ok(h[(i - 1) * n + i] * sub < 0, `${what}: 2×2 block at ${i} has real eigenvalues`);
    assert.ok(vals.wi[i - 1] > 0 && vals.wi[i] === -vals.wi[i - 1], `${what}: wi of the pair at ${i}`);
  }
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) z[i * n + j] = zt[j * n + i];
  const az = mm(A, false, z, false, n);
  const zt2 = mm(z, false, h, false, n);
  for (let k = 0; k < n * n; k++) az[k] -= zt2[k];
  const res = frobFlat(az) / ((frobFlat(A) || 1) * n * EPS);
  assert.ok(res < 20, `${what}: ‖AZ − ZT‖/(‖A‖ n eps) = ${res}`);
  const o = mm(z, true, z, false, n);
  for (let i = 0; i < n; i++) o[i * n + i] -= 1;
  const orth = frobFlat(o) / (n * EPS);
  assert.ok(orth < 20, `${what}: ‖ZᵀZ − I‖/(n eps) = ${orth}`);
  const eigenvalues = Array.from(vals.wr, (re, k) => ({ re, im: vals.wi[k] }));
  return { t: h, z, eigenvalues };
}

/** max over a nearest matching of |got − want|. */
function spectrumDistance(got: Complex[], want: Complex[]): number {
  assert.strictEqual(got.length, want.length);
  const match = greedyMatch(got, want);
  let worst = 0;
  got.forEach((z, i) => {
    const w = want[match[i]];
    worst = Math.max(worst, Math.hypot(z.re - w.re, z.im - w.im));
  });
  return worst;
}

/** Random n×n matrix with N(0, 1) entries. */
function random(n: number, seed: number): Float64Array {
  return flat(randn(n, n, rng(seed)));
}

/** An orthogonal matrix (QR of a random one by modified Gram–Schmidt, twice). */
function orthogonal(n: number, seed: number): Float64Array {
  const G = randn(n, n, rng(seed));
  const Q: number[][] = [];
  for (let j = 0; j < n; j++) {
    let v = G.map((r) => r[j]);
    for (let pass = 0; pass < 2; pass++)
      for (const q of Q) {
        const d = q.reduce((s, x, i) => s + x * v[i], 0);
        v = v.map((x, i) => x - d * q[i]);
      }
    const nv = Math.hypot(...v);
    Q.push(v.map((x) => x / nv));
  }
  return flat(tr(Q));
}

/** Q·B·Qᵀ. */
function similar(B: Float64Array, Q: Float64Array, n: number): Float64Array {
  return mm(mm(Q, false, B, false, n), false, Q, true, n);
}

/** Companion matrix (first row −c_{n−1} … −c_0, ones below the diagonal) of the monic polynomial with these roots. */
function companion(roots: Complex[]): Float64Array {
  const n = roots.length;
  // Coefficients of ∏ (x − r) by repeated multiplication, complex arithmetic.
  let re = [1];
  let im = [0];
  for (const r of roots) {
    const nr = new Array<number>(re.length + 1).fill(0);
    const ni = new Array<number>(re.length + 1).fill(0);
    for (let k = 0; k < re.length; k++) {
      nr[k] += re[k];
      ni[k] += im[k];
      nr[k + 1] -= re[k] * r.re - im[k] * r.im;
      ni[k + 1] -= re[k] * r.im + im[k] * r.re;
    }
    re = nr;
    im = ni;
  }
  const a = new Float64Array(n * n);
  for (let j = 0; j < n; j++) a[j] = -re[j + 1];
  for (let i = 1; i < n; i++) a[i * n + i - 1] = 1;
  return a;
}

/**
 * The n×n cyclic down-shift (ones on the subdiagonal and in the top-right
 * corner: the companion of xⁿ − 1, already Hessenberg, no subdiagonal ever
 * small): eigenvalues the n-th roots of unity.
 */
function cyclic(n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) a[i * n + ((i + n - 1) % n)] = 1;
  return a;
}

function rootsOfUnity(n: number): Complex[] {
  return Array.from({ length: n }, (_, k) => ({ re: Math.cos((2 * Math.PI * k) / n), im: Math.sin((2 * Math.PI * k) / n) }));
}

describe('eig: aggressive early deflation', () => {
  it('random nonsymmetric matrices: Schur form, residual, orthogonality, same eigenvalues with and without AED', () => {
    for (const [n, seed] of [
      [30, 1],
      [45, 2],
      [80, 3],
      [160, 4],
    ]) {
      const A = random(n, seed);
      const plain = schurChecked(`random ${n} plain`, A, n, Infinity);
      for (const aedMin of [12, 40]) {
        const withAed = schurChecked(`random ${n} aedMin ${aedMin}`, A, n, aedMin);
        const d = spectrumDistance(withAed.eigenvalues, plain.eigenvalues);
        assert.ok(d < 1e-9 * frobFlat(A), `random ${n}: eigenvalues moved by ${d} with AED`);
      }
    }
  });

  it('normal matrices with many complex pairs: eigenvalues to rounding level', () => {
    for (const [n, seed] of [
      [40, 5],
      [120, 6],
    ]) {
      // Block diagonal of 2×2 rotation-scalings a ± bi (and one real entry for odd n), hidden by Q.
      const r = rng(seed);
      const B = new Float64Array(n * n);
      const want: Complex[] = [];
      for (let k = 0; k + 1 < n; k += 2) {
        const a = 4 * r() - 2;
        const b = 0.1 + 2 * r();
        B[k * n + k] = a;
        B[k * n + k + 1] = b;
        B[(k + 1) * n + k] = -b;
        B[(k + 1) * n + k + 1] = a;
        want.push({ re: a, im: b }, { re: a, im: -b });
      }
      if (n % 2 === 1) {
        B[n * n - 1] = 0.5;
        want.push({ re: 0.5, im: 0 });
      }
      const A = similar(B, orthogonal(n, seed + 100), n);
      const s = schurChecked(`pairs ${n}`, A, n, 12);
      const d = spectrumDistance(s.eigenvalues, want);
      assert.ok(d < 100 * n * EPS * frobFlat(A), `pairs ${n}: eigenvalue error ${d}`);
    }
  });

  it('companion matrices of polynomials with known roots', () => {
    // Roots inside the unit disc (moderate coefficients): pairs 0.9·e^{±iθ} and a few reals.
    const roots: Complex[] = [];
    for (let k = 0; k < 12; k++) {
      const th = (Math.PI * (k + 0.5)) / 13;
      roots.push({ re: 0.9 * Math.cos(th), im: 0.9 * Math.sin(th) }, { re: 0.9 * Math.cos(th), im: -0.9 * Math.sin(th) });
    }
    for (const x of [-0.7, -0.2, 0.3, 0.6, 0.8]) roots.push({ re: x, im: 0 });
    const n = roots.length;
    const A = companion(roots);
    const s = schurChecked(`companion ${n}`, A, n, 12);
    assert.ok(spectrumDistance(s.eigenvalues, roots) < 1e-7, 'companion roots');
    for (const m of [5, 16, 40, 64]) {
      const c = schurChecked(`cyclic ${m}`, cyclic(m), m, 12);
      const d = spectrumDistance(c.eigenvalues, rootsOfUnity(m));
      assert.ok(d < 1e-12, `cyclic ${m}: roots of unity off by ${d}`);
    }
  });

  it('Hessenberg matrices with exact zero subdiagonals and block triangular structure', () => {
    const n = 60;
    const r = rng(7);
    const H = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = Math.max(0, i - 1); j < n; j++) H[i * n + j] = 2 * r() - 1;
    for (const k of [5, 6, 20, 33, 47, 58, 59]) H[k * n + k - 1] = 0;
    const withAed = schurChecked('split Hessenberg', H, n, 12, true);
    const plain = schurChecked('split Hessenberg plain', H, n, Infinity, true);
    assert.ok(spectrumDistance(withAed.eigenvalues, plain.eigenvalues) < 1e-10, 'split Hessenberg eigenvalues');
    // Block upper triangular A = [[B₁, C], [0, B₂]] through the full reduction: spectrum = spec B₁ ∪ spec B₂.
    const m = 50;
    const h1 = 20;
    const A = random(m, 8);
    for (let i = h1; i < m; i++) for (let j = 0; j < h1; j++) A[i * m + j] = 0;
    const s = schurChecked('block triangular', A, m, 12);
    const b1 = new Float64Array(h1 * h1);
    const b2 = new Float64Array((m - h1) * (m - h1));
    for (let i = 0; i < h1; i++) for (let j = 0; j < h1; j++) b1[i * h1 + j] = A[i * m + j];
    for (let i = h1; i < m; i++) for (let j = h1; j < m; j++) b2[(i - h1) * (m - h1) + j - h1] = A[i * m + j];
    const e1 = schurChecked('block 1', b1, h1, Infinity).eigenvalues;
    const e2 = schurChecked('block 2', b2, m - h1, Infinity).eigenvalues;
    assert.ok(spectrumDistance(s.eigenvalues, e1.concat(e2)) < 1e-9, 'block triangular spectrum');
  });

  it('defective (Jordan) blocks hidden by an orthogonal similarity', () => {
    const n = 40;
    const r = rng(9);
    // Upper triangular: Jordan blocks of sizes 6 (λ = 2) and 4 (λ = −1), then distinct values, random upper part.
    const B = new Float64Array(n * n);
    const diag: number[] = [];
    for (let k = 0; k < 6; k++) diag.push(2);
    for (let k = 0; k < 4; k++) diag.push(-1);
    for (let k = 10; k < n; k++) diag.push(3 + k / 7);
    for (let i = 0; i < n; i++) {
      B[i * n + i] = diag[i];
      for (let j = i + 1; j < n; j++) B[i * n + j] = j === i + 1 && (i < 5 || (i >= 6 && i < 9)) ? 1 : 0.3 * (2 * r() - 1);
    }
    const A = similar(B, orthogonal(n, 10), n);
    const s = schurChecked('Jordan', A, n, 12);
    const want = diag.map((re) => ({ re, im: 0 }));
    const match = greedyMatch(s.eigenvalues, want);
    // A Jordan block of size k moves its eigenvalue by O((eps‖A‖)^{1/k}).
    s.eigenvalues.forEach((z, i) => {
      const w = want[match[i]];
      const tol = w.re === 2 ? 1e-1 : w.re === -1 ? 1e-2 : 1e-6;
      assert.ok(Math.hypot(z.re - w.re, z.im) < tol, `Jordan: ${z.re} + ${z.im}i vs ${w.re}`);
    });
    // The public eig on the same matrix (full reduction, vectors) reports it as defective.
    assert.strictEqual(eig(Array.from({ length: n }, (_, i) => Array.from(A.subarray(i * n, (i + 1) * n)))).defective, true);
  });

  it('graded matrices and entries around 1e-300', () => {
    const n = 50;
    const G = random(n, 11);
    // Graded: entry (i, j) scaled by 10^(−(i + j)/8), so entries span 1 … 1e-12.
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) G[i * n + j] *= 10 ** (-(i + j) / 8);
    const g = schurChecked('graded', G, n, 12);
    const gp = schurChecked('graded plain', G, n, Infinity);
    assert.ok(spectrumDistance(g.eigenvalues, gp.eigenvalues) < 1e-10, 'graded eigenvalues');
    // Tiny entries next to O(1) ones: an upper triangular matrix with a 1e-300 perturbation below.
    const T = new Float64Array(n * n);
    const r = rng(12);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) T[i * n + j] = i === j ? i + 1 : 2 * r() - 1;
    for (let i = 1; i < n; i++) T[i * n + i - 1] = 1e-300;
    const t = schurChecked('1e-300 subdiagonal', T, n, 12, true);
    const want = Array.from({ length: n }, (_, i) => ({ re: i + 1, im: 0 }));
    assert.ok(spectrumDistance(t.eigenvalues, want) < 1e-12, '1e-300 perturbed triangular');
  });

  it('no hang on the classic hard cases, with AED active (n ≥ AED_MIN through eig)', () => {
    const n = AED_MIN + 10;
    const rows = (a: Float64Array, m: number): number[][] => Array.from({ length: m }, (_, i) => Array.from(a.subarray(i * m, (i + 1) * m)));
    // Cyclic shift: all eigenvalues on the unit circle, no subdiagonal ever small.
    const c = eig(rows(cyclic(n), n));
    assert.ok(spectrumDistance(c.eigenvalues, rootsOfUnity(n)) < 1e-10, 'cyclic through eig');
    // Cyclic shift with its corner 1 replaced by 1e-300: a nilpotent Jordan block up to
    // 1e-300, so a backward stable solver may return any |λ| up to about (n·eps)^{1/n}.
    const p = cyclic(n);
    p[n - 1] = 1e-300;
    const pe = eigvals(rows(p, n));
    const bound = Math.pow(100 * n * EPS, 1 / n);
    for (const z of pe) assert.ok(Math.hypot(z.re, z.im) <= bound, `perturbed cyclic |λ| = ${Math.hypot(z.re, z.im)} > ${bound}`);
    // Block diagonal of exchange-like 2×2 blocks [[0, 1], [−1, 0]] (eigenvalues ±i), nonsymmetric.
    const x = new Float64Array(n * n);
    for (let k = 0; k + 1 < n; k += 2) {
      x[k * n + k + 1] = 1;
      x[(k + 1) * n + k] = -1;
    }
    const xe = eigvals(rows(x, n));
    for (const z of xe) assert.ok(Math.abs(z.re) < 1e-14 && Math.abs(Math.abs(z.im) - 1) < 1e-14, `exchange block λ = ${z.re} + ${z.im}i`);
    // The 5×5 and n×n cyclic shift through the QR with AED forced on small blocks.
    for (const m of [5, 7, 30]) schurChecked(`cyclic ${m} forced`, cyclic(m), m, 3, true);
  });

  it('eig and eigvals at AED sizes: residuals at rounding level, conjugate pairs exact, same eigenvalues', () => {
    const n = AED_MIN + 50;
    const A = randn(n, n, rng(13));
    const r = eig(A);
    const v = eigvals(A);
    assert.ok(spectrumDistance(r.eigenvalues, v) < 1e-10, 'eig vs eigvals');
    for (let i = 0; i < n; i++) {
      const z = r.eigenvalues[i];
      if (z.im !== 0) assert.ok(r.eigenvalues.some((w) => w.re === z.re && w.im === -z.im), 'exact conjugate');
    }
    // Residual ‖A·v − λ·v‖ of every pair relative to ‖A‖_F.
    const nA = frobFlat(flat(A));
    let worst = 0;
    for (let j = 0; j < n; j++) {
      const lam = r.eigenvalues[j];
      let ss = 0;
      for (let i = 0; i < n; i++) {
        let sr = 0;
        let si = 0;
        for (let k = 0; k < n; k++) {
          sr += A[i][k] * r.eigenvectors[k][j].re;
          si += A[i][k] * r.eigenvectors[k][j].im;
        }
        const x = r.eigenvectors[i][j];
        sr -= lam.re * x.re - lam.im * x.im;
        si -= lam.re * x.im + lam.im * x.re;
        ss += sr * sr + si * si;
      }
      worst = Math.max(worst, Math.sqrt(ss) / nA);
    }
    assert.ok(worst < 100 * n * EPS, `eig residual ${worst / (n * EPS)} n·eps`);
    assert.strictEqual(r.defective, false);
  });

  it('large random matrix (n = 300) through the default path: Schur residual and orthogonality', () => {
    const n = 300;
    const A = random(n, 14);
    const s = schurChecked('random 300', A, n, AED_MIN);
    const plain = schurChecked('random 300 plain', A, n, Infinity);
    assert.ok(spectrumDistance(s.eigenvalues, plain.eigenvalues) < 1e-9 * frobFlat(A), 'random 300 eigenvalues');
  });
});
