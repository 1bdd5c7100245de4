/**
 * Accuracy checks: residuals of each answer against the input. A result whose
 * residual exceeds `TOL`, or that contains NaN/Infinity, is marked wrong — a
 * library that is fast with a wrong answer does not win.
 */
import type { BenchCase } from './cases';
import { allFinite, fro, froDiff, lead, mat, mul, orthDefect, transpose, triangleLeak, type M } from './mat';
import type { Std } from './std';

/** Relative residuals above this are wrong answers (correct ones are ~1e-15 … 1e-12 here). */
export const TOL = 1e-8;

export interface Check {
  /** Named relative residuals (dimensionless). */
  metrics: Record<string, number>;
  /** Human-readable reasons the answer is wrong; empty when it is right. */
  wrong: string[];
  /** Remarks that do not make the answer wrong. */
  notes: string[];
}

function input(c: BenchCase): M {
  return mat(c.rows, c.cols, c.a);
}

export function check(c: BenchCase, r: Std): Check {
  const metrics: Record<string, number> = {};
  const wrong: string[] = [];
  const notes: string[] = [];
  const A = input(c);
  const nA = fro(A);
  const judge = (name: string, v: number, label: string): void => {
    metrics[name] = v;
    if (!(v <= TOL)) wrong.push(`${label} = ${fmtE(v)}`);
  };
  switch (r.kind) {
    case 'svd': {
      const k = Math.min(c.rows, c.cols);
      if (r.S.length < k || r.U.cols < k || r.V.cols < k) {
        wrong.push(`returned ${r.S.length} singular values, U ${r.U.rows}×${r.U.cols}, V ${r.V.rows}×${r.V.cols} (need k = ${k})`);
        break;
      }
      if (r.S.length !== k) notes.push(`${r.S.length} singular values returned for k = ${k}`);
      if (!allFinite(r.S) || !allFinite(r.U.data) || !allFinite(r.V.data)) wrong.push('NaN/Infinity in the result');
      const Uk = lead(r.U, r.U.rows, k);
      const Vk = lead(r.V, r.V.rows, k);
      const US = mat(Uk.rows, k);
      for (let i = 0; i < Uk.rows; i++) for (let j = 0; j < k; j++) US.data[i * k + j] = Uk.data[i * k + j] * r.S[j];
      judge('recon', froDiff(mul(US, transpose(Vk)), A) / nA, '‖A − UΣVᵀ‖/‖A‖');
      judge('orthU', orthDefect(Uk), '‖UᵀU − I‖');
      judge('orthV', orthDefect(r.V), `‖VᵀV − I‖ (V ${r.V.rows}×${r.V.cols} as returned)`);
      if (r.V.cols > k) metrics.orthVk = orthDefect(Vk);
      for (let i = 1; i < k; i++) {
        if (r.S[i] > r.S[i - 1] || r.S[i] < 0) {
          notes.push('singular values not sorted descending / not ≥ 0');
          break;
        }
      }
      break;
    }
    case 'eigh': {
      const n = c.rows;
      if (r.w.length !== n || r.V.rows !== n || r.V.cols !== n) {
        wrong.push(`returned ${r.w.length} eigenvalues and a ${r.V.rows}×${r.V.cols} V`);
        break;
      }
      const AV = mul(A, r.V);
      const VL = mat(n, n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) VL.data[i * n + j] = r.V.data[i * n + j] * r.w[j];
      judge('resid', froDiff(AV, VL) / nA, '‖AV − VΛ‖/‖A‖');
      judge('orthV', orthDefect(r.V), '‖VᵀV − I‖');
      break;
    }
    case 'eig': {
      const n = c.rows;
      if (r.wr.length !== n || r.Vre.rows !== n || r.Vre.cols !== n) {
        wrong.push(`returned ${r.wr.length} eigenvalues and a ${r.Vre.rows}×${r.Vre.cols} V`);
        break;
      }
      if (!allFinite(r.wr) || !allFinite(r.wi) || !allFinite(r.Vre.data) || !allFinite(r.Vim.data)) {
        wrong.push('NaN/Infinity in the result');
        break;
      }
      const ARe = mul(A, r.Vre);
      const AIm = mul(A, r.Vim);
      let ss = 0;
      let vv = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const o = i * n + j;
          const xr = r.Vre.data[o];
          const xi = r.Vim.data[o];
          const dr = ARe.data[o] - (r.wr[j] * xr - r.wi[j] * xi);
          const di = AIm.data[o] - (r.wr[j] * xi + r.wi[j] * xr);
          ss += dr * dr + di * di;
          vv += xr * xr + xi * xi;
        }
      }
      judge('resid', Math.sqrt(ss) / (nA * Math.sqrt(vv)), '‖AV − VΛ‖/(‖A‖‖V‖)');
      // Zero columns would satisfy the residual trivially.
      let zeroCols = 0;
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += r.Vre.data[i * n + j] ** 2 + r.Vim.data[i * n + j] ** 2;
        if (!(s > 1e-20)) zeroCols++;
      }
      if (zeroCols) wrong.push(`${zeroCols} zero eigenvector columns`);
      let tr = 0;
      let sum = 0;
      for (let i = 0; i < n; i++) tr += c.a[i * n + i];
      for (let j = 0; j < n; j++) sum += r.wr[j];
      metrics.trace = Math.abs(tr - sum) / nA;
      if (!(metrics.trace <= 1e-8)) wrong.push(`Σλ differs from trace(A) by ${fmtE(metrics.trace)}·‖A‖`);
      break;
    }
    case 'qr': {
      judge('recon', froDiff(mul(r.Q, r.R), A) / nA, '‖A − QR‖/‖A‖');
      judge('orthQ', orthDefect(r.Q), '‖QᵀQ − I‖');
      judge('triR', triangleLeak(r.R, true), 'R below-diagonal');
      break;
    }
    case 'lu': {
      const PA = mat(c.rows, c.cols);
      if (r.perm.length !== c.rows) {
        wrong.push(`permutation has ${r.perm.length} entries`);
        break;
      }
      for (let i = 0; i < c.rows; i++) PA.data.set(c.a.subarray(r.perm[i] * c.cols, (r.perm[i] + 1) * c.cols), i * c.cols);
      judge('recon', froDiff(mul(r.L, r.U), PA) / nA, '‖PA − LU‖/‖A‖');
      judge('triL', triangleLeak(r.L, false), 'L above-diagonal');
      judge('triU', triangleLeak(r.U, true), 'U below-diagonal');
      break;
    }
    case 'cholesky': {
      judge('recon', froDiff(mul(r.L, transpose(r.L)), A) / nA, '‖A − LLᵀ‖/‖A‖');
      judge('triL', triangleLeak(r.L, false), 'L above-diagonal');
      break;
    }
    case 'inv': {
      const AX = mul(A, r.X);
      for (let i = 0; i < c.rows; i++) AX.data[i * c.rows + i] -= 1;
      judge('resid', fro(AX) / (nA * fro(r.X)), '‖AX − I‖/(‖A‖‖X‖)');
      break;
    }
    case 'lstsq': {
      if (r.x.length !== c.cols) {
        wrong.push(`solution has ${r.x.length} entries, expected ${c.cols}`);
        break;
      }
      const b = c.b as Float64Array;
      const x = mat(c.cols, 1, Float64Array.from(r.x));
      const Ax = mul(A, x);
      const res = mat(c.rows, 1);
      for (let i = 0; i < c.rows; i++) res.data[i] = Ax.data[i] - b[i];
      const g = mul(transpose(A), res);
      let nb = 0;
      for (let i = 0; i < b.length; i++) nb += b[i] * b[i];
      judge('normalEq', fro(g) / (nA * (nA * fro(x) + Math.sqrt(nb))), '‖Aᵀ(Ax − b)‖/(‖A‖(‖A‖‖x‖ + ‖b‖))');
      break;
    }
    case 'pca': {
      const m = c.rows;
      const n = c.cols;
      const Xc = mat(m, n, new Float64Array(c.a));
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let i = 0; i < m; i++) s += Xc.data[i * n + j];
        s /= m;
        for (let i = 0; i < m; i++) Xc.data[i * n + j] -= s;
      }
      if (r.components.rows !== n || r.components.cols !== n || r.scores.rows !== m) {
        wrong.push(`components ${r.components.rows}×${r.components.cols}, scores ${r.scores.rows}×${r.scores.cols}`);
        break;
      }
      judge('recon', froDiff(mul(r.scores, r.components), Xc) / fro(Xc), '‖Xc − scores·C‖/‖Xc‖');
      judge('orthC', orthDefect(transpose(r.components)), '‖CCᵀ − I‖');
      // The scores must be the projections, not just any factorisation.
      judge('proj', froDiff(mul(Xc, transpose(r.components)), r.scores) / fro(Xc), '‖Xc·Cᵀ − scores‖/‖Xc‖');
      break;
    }
  }
  return { metrics, wrong, notes };
}

export function fmtE(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return v.toExponential(1);
}
