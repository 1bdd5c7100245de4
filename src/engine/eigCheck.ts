/**
 * Residuals of eigendecompositions, for the reports: ‖A·V − V·Λ‖ relative to
 * ‖A‖·‖V‖ (real and complex), and the orthogonality defect ‖VᵀV − I‖.
 *
 * A and Λ are first divided by a power of two near max|a_ij| (exact), and
 * every Frobenius norm is a scaled sum of squares, so the figures are right
 * for entries from the subnormal range up to 1e308: plain sums of squares
 * overflow for 1e300-sized entries (giving NaN or 0 instead of the residual)
 * and underflow for 1e-160-sized ones.
 */
import type { Complex } from '../linalg/eig';

/** A power of two within a factor 2 of the largest |entry| (1 for a zero matrix). */
function scaleOf(A: readonly (readonly number[])[]): number {
  let big = 0;
  for (const r of A) for (const x of r) big = Math.max(big, Math.abs(x));
  if (big === 0 || !Number.isFinite(big)) return 1;
  // Dividing by a power of two is exact; 2^e is representable down to 2^-1074.
  return 2 ** Math.floor(Math.log2(big));
}

/** sqrt(Σ x²) of the values added, kept as big·sqrt(ss) so it neither overflows nor underflows. */
class Norm {
  private big = 0;
  private ss = 1;
  add(x: number): void {
    const a = Math.abs(x);
    if (a === 0) return;
    if (a > this.big) {
      const r = this.big / a;
      this.ss = 1 + this.ss * r * r;
      this.big = a;
    } else {
      const r = a / this.big;
      this.ss += r * r;
    }
  }
  value(): number {
    return this.big === 0 ? 0 : this.big * Math.sqrt(this.ss);
  }
}

function fro(rows: readonly (readonly number[])[], c: number): number {
  const s = new Norm();
  for (const r of rows) for (const x of r) s.add(x / c);
  return s.value();
}

/** ‖A·V − V·diag(w)‖_F / (‖A‖_F·‖V‖_F) for real w and V (columns are vectors). */
export function eighResidual(A: number[][], w: readonly number[], V: number[][]): { residual: number; orthogonality: number } {
  const n = A.length;
  const c = scaleOf(A);
  const res = new Norm();
  const orth = new Norm();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let av = 0;
      for (let k = 0; k < n; k++) av += (A[i][k] / c) * V[k][j];
      res.add(av - V[i][j] * (w[j] / c));
      let g = 0;
      for (let k = 0; k < n; k++) g += V[k][i] * V[k][j];
      orth.add(g - (i === j ? 1 : 0));
    }
  }
  const denom = fro(A, c) * fro(V, 1);
  const r = res.value();
  return { residual: denom === 0 ? r : r / denom, orthogonality: orth.value() };
}

/** ‖A·V − V·diag(w)‖_F / (‖A‖_F·‖V‖_F) for complex eigenpairs of a real A. */
export function eigResidual(A: number[][], w: readonly Complex[], V: readonly (readonly Complex[])[]): number {
  const n = A.length;
  const c = scaleOf(A);
  const res = new Norm();
  const nv = new Norm();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < n; k++) {
        const a = A[i][k] / c;
        re += a * V[k][j].re;
        im += a * V[k][j].im;
      }
      const v = V[i][j];
      const lr = w[j].re / c;
      const li = w[j].im / c;
      re -= v.re * lr - v.im * li;
      im -= v.re * li + v.im * lr;
      res.add(re);
      res.add(im);
      nv.add(v.re);
      nv.add(v.im);
    }
  }
  const denom = fro(A, c) * nv.value();
  const r = res.value();
  return denom === 0 ? r : r / denom;
}
