/**
 * Residuals of eigendecompositions, for the reports: ‖A·V − V·Λ‖ relative to
 * ‖A‖·‖V‖ (real and complex), and the orthogonality defect ‖VᵀV − I‖.
 */
import type { Complex } from '../linalg/eig';

function fro(rows: readonly (readonly number[])[]): number {
  let s = 0;
  for (const r of rows) for (const x of r) s += x * x;
  return Math.sqrt(s);
}

/** ‖A·V − V·diag(w)‖_F / (‖A‖_F·‖V‖_F) for real w and V (columns are vectors). */
export function eighResidual(A: number[][], w: readonly number[], V: number[][]): { residual: number; orthogonality: number } {
  const n = A.length;
  let res = 0;
  let orth = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let av = 0;
      for (let k = 0; k < n; k++) av += A[i][k] * V[k][j];
      const d = av - V[i][j] * w[j];
      res += d * d;
      let g = 0;
      for (let k = 0; k < n; k++) g += V[k][i] * V[k][j];
      const e = g - (i === j ? 1 : 0);
      orth += e * e;
    }
  }
  const denom = fro(A) * fro(V);
  return { residual: denom === 0 ? Math.sqrt(res) : Math.sqrt(res) / denom, orthogonality: Math.sqrt(orth) };
}

/** ‖A·V − V·diag(w)‖_F / (‖A‖_F·‖V‖_F) for complex eigenpairs of a real A. */
export function eigResidual(A: number[][], w: readonly Complex[], V: readonly (readonly Complex[])[]): number {
  const n = A.length;
  let res = 0;
  let nv = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < n; k++) {
        re += A[i][k] * V[k][j].re;
        im += A[i][k] * V[k][j].im;
      }
      const v = V[i][j];
      re -= v.re * w[j].re - v.im * w[j].im;
      im -= v.re * w[j].im + v.im * w[j].re;
      res += re * re + im * im;
      nv += v.re * v.re + v.im * v.im;
    }
  }
  const denom = fro(A) * Math.sqrt(nv);
  return denom === 0 ? Math.sqrt(res) : Math.sqrt(res) / denom;
}
