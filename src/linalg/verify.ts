/**
 * Verification figures ("residuals") that travel with every result: each
 * one is recomputed from the inputs and the returned factors, so a results
 * panel can show how well a decomposition actually holds. All norms are
 * Frobenius and computed with scaling (1e200 entries do not overflow).
 * Relative figures are 0 when the reference norm is 0 and the residual is 0.
 */
import { matmul, matmulNT, matmulTN, maxAbs, nrm2 } from './blas';
import { fromRows, zeros, type Dense } from './dense';
import type { MatrixInput } from './guards';

function d(A: MatrixInput): Dense {
  return fromRows(A);
}

function rel(num: number, den: number): number {
  if (den === 0) return num === 0 ? 0 : Infinity;
  return num / den;
}

/** ‖X − Y‖_F for same-shaped matrices; X and Y are first divided by `c` (then the result is multiplied back). */
function diffNorm(X: Dense, Y: Dense, c = 1): number {
  const n = X.data.length;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = X.data[i] / c - Y.data[i] / c;
  return nrm2(n, t, 0, 1) * c;
}

/** ‖XᵀX − I‖_F when `cols` (columns orthonormal), ‖XXᵀ − I‖_F otherwise. */
function orthDefect(X: Dense, cols: boolean): number {
  const G = cols ? matmulTN(X, X) : matmulNT(X, X);
  const k = G.rows;
  for (let i = 0; i < k; i++) G.data[i * k + i] -= 1;
  return nrm2(G.data.length, G.data, 0, 1);
}

function fro(X: Dense): number {
  return nrm2(X.data.length, X.data, 0, 1);
}

function scaleOf(A: Dense): number {
  const c = maxAbs(A);
  return c > 0 ? c : 1;
}

/** A copy of A divided by c (keeps products of huge or tiny entries in range). */
function scaled(A: Dense, c: number): Dense {
  const out = zeros(A.rows, A.cols);
  for (let i = 0; i < A.data.length; i++) out.data[i] = A.data[i] / c;
  return out;
}

export interface SvdVerification {
  /** ‖A − U·diag(S)·Vh‖ / ‖A‖. */
  reconstruction: number;
  /** ‖UᵀU − I‖ (columns of U). */
  orthogonalityU: number;
  /** ‖Vh·Vhᵀ − I‖ (rows of Vh, i.e. columns of V). */
  orthogonalityV: number;
}

/** Figures for `svd`: works for thin and full results (only the first min(m, n) columns/rows enter the product). */
export function verifySvd(A: MatrixInput, r: { U: MatrixInput; S: readonly number[]; Vh: MatrixInput }): SvdVerification {
  const D = d(A);
  const U = d(r.U);
  const Vh = d(r.Vh);
  const k = r.S.length;
  const c = scaleOf(D);
  const m = D.rows;
  const n = D.cols;
  const US = zeros(m, k);
  for (let i = 0; i < m; i++) for (let t = 0; t < k; t++) US.data[i * k + t] = U.data[i * U.cols + t] * (r.S[t] / c);
  const Vk: Dense = { rows: k, cols: n, data: Vh.data.subarray(0, k * n) };
  const B = k > 0 ? matmul(US, Vk) : zeros(m, n);
  const res = diffNorm(scaled(D, c), B);
  return {
    reconstruction: rel(res, fro(scaled(D, c))),
    orthogonalityU: orthDefect(U, true),
    orthogonalityV: orthDefect(Vh, false),
  };
}

export interface QrVerification {
  /** ‖A − Q·R‖ / ‖A‖. */
  reconstruction: number;
  /** ‖QᵀQ − I‖. */
  orthogonality: number;
  /** Largest |R_ij| below the diagonal (exactly 0 for a correct R). */
  belowDiagonal: number;
}

export function verifyQr(A: MatrixInput, r: { Q: MatrixInput; R: MatrixInput }): QrVerification {
  const D = d(A);
  const Q = d(r.Q);
  const R = d(r.R);
  const c = scaleOf(D);
  const QR = Q.cols === R.rows ? matmul(Q, scaled(R, c)) : zeros(D.rows, D.cols);
  let below = 0;
  for (let i = 0; i < R.rows; i++) for (let j = 0; j < Math.min(i, R.cols); j++) below = Math.max(below, Math.abs(R.data[i * R.cols + j]));
  const Ds = scaled(D, c);
  return { reconstruction: rel(diffNorm(Ds, QR), fro(Ds)), orthogonality: orthDefect(Q, true), belowDiagonal: below };
}

export interface LuVerification {
  /** ‖P·A − L·U‖ / ‖A‖. */
  reconstruction: number;
  /** ‖L‖·‖U‖ / ‖A‖ (the growth the LU backward error bound scales with). */
  growth: number;
  /** max |L_ij| (≤ 1 with partial pivoting). */
  maxMultiplier: number;
}

export function verifyLu(A: MatrixInput, r: { P: MatrixInput; L: MatrixInput; U: MatrixInput }): LuVerification {
  const D = d(A);
  const c = scaleOf(D);
  const Ds = scaled(D, c);
  const PA = matmul(d(r.P), Ds);
  const L = d(r.L);
  const U = scaled(d(r.U), c);
  const LU = matmul(L, U);
  let mx = 0;
  for (let i = 0; i < L.data.length; i++) mx = Math.max(mx, Math.abs(L.data[i]));
  const nA = fro(Ds);
  return { reconstruction: rel(diffNorm(PA, LU), nA), growth: rel(fro(L) * fro(U), nA), maxMultiplier: mx };
}

export interface CholeskyVerification {
  /** ‖A − L·Lᵀ‖ / ‖A‖ (or ‖A − UᵀU‖ / ‖A‖). */
  reconstruction: number;
}

export function verifyCholesky(A: MatrixInput, r: { L: MatrixInput } | { U: MatrixInput }): CholeskyVerification {
  const D = d(A);
  const c = Math.sqrt(scaleOf(D));
  const Ds = scaled(scaled(D, c), c);
  const F = 'L' in r ? scaled(d(r.L), c) : scaled(d(r.U), c);
  const P = 'L' in r ? matmulNT(F, F) : matmulTN(F, F);
  return { reconstruction: rel(diffNorm(Ds, P), fro(Ds)) };
}

export interface LstsqVerification {
  /** ‖b − A·x‖ for each right-hand side (Frobenius over all of them). */
  residualNorm: number;
  /**
   * ‖Aᵀ(b − A·x)‖ / (‖A‖·(‖b − A·x‖ + ‖A‖·‖x‖)): the normal-equation defect in
   * the units a backward-stable solver guarantees, so it is O(eps) for a good x
   * whatever the conditioning.
   */
  optimality: number;
}

function asMatrix(x: readonly number[] | MatrixInput): Dense {
  if (x.length > 0 && !Array.isArray(x[0])) {
    const v = x as readonly number[];
    return { rows: v.length, cols: 1, data: Float64Array.from(v) };
  }
  return d(x as MatrixInput);
}

export function verifyLstsq(A: MatrixInput, b: readonly number[] | MatrixInput, x: readonly number[] | MatrixInput): LstsqVerification {
  // The optimality ratio is unchanged by A → A/c, b → b/e, x → x·c/e, so it is
  // computed on that scaled problem: entries near 1e308 (or a huge b) overflow
  // neither the products nor the norms. The residual norm is scaled back by e.
  const D0 = d(A);
  const c = scaleOf(D0);
  const D = scaled(D0, c);
  const B0 = asMatrix(b);
  const e = scaleOf(B0);
  const B = scaled(B0, e);
  const X0 = asMatrix(x);
  const X = zeros(X0.rows, X0.cols);
  for (let i = 0; i < X.data.length; i++) X.data[i] = (X0.data[i] / e) * c;
  const AX = X.rows === D.cols && D.cols > 0 ? matmul(D, X) : zeros(D.rows, B.cols);
  const R = zeros(B.rows, B.cols);
  for (let i = 0; i < R.data.length; i++) R.data[i] = B.data[i] - AX.data[i];
  const rn = fro(R);
  const g = matmulTN(D, R);
  const nA = fro(D);
  return { residualNorm: rn * e, optimality: rel(fro(g), nA * (rn + nA * fro(X))) };
}

export interface PinvVerification {
  /** ‖A·X·A − A‖ / ‖A‖. */
  axa: number;
  /** ‖X·A·X − X‖ / ‖X‖. */
  xax: number;
  /** ‖(A·X)ᵀ − A·X‖. */
  axSymmetry: number;
  /** ‖(X·A)ᵀ − X·A‖. */
  xaSymmetry: number;
}

function asym(M: Dense): number {
  const n = M.rows;
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[i * n + j] = M.data[i * n + j] - M.data[j * n + i];
  return nrm2(t.length, t, 0, 1);
}

/** The four Penrose conditions for X = pinv(A). */
export function verifyPinv(A: MatrixInput, X: MatrixInput): PinvVerification {
  const D = d(A);
  const P = d(X);
  const c = scaleOf(D);
  const Ds = scaled(D, c);
  const Ps = zeros(P.rows, P.cols);
  for (let i = 0; i < P.data.length; i++) Ps.data[i] = P.data[i] * c; // pinv(A/c) = c·pinv(A)
  const AX = matmul(Ds, Ps);
  const XA = matmul(Ps, Ds);
  return {
    axa: rel(diffNorm(matmul(AX, Ds), Ds), fro(Ds)),
    xax: rel(diffNorm(matmul(XA, Ps), Ps), fro(Ps)),
    axSymmetry: asym(AX),
    xaSymmetry: asym(XA),
  };
}

export interface InvVerification {
  /** ‖A·X − I‖. */
  right: number;
  /** ‖X·A − I‖. */
  left: number;
}

export function verifyInv(A: MatrixInput, X: MatrixInput): InvVerification {
  const D = d(A);
  const P = d(X);
  const I = (M: Dense): number => {
    const k = M.rows;
    for (let i = 0; i < k; i++) M.data[i * k + i] -= 1;
    return fro(M);
  };
  return { right: I(matmul(D, P)), left: I(matmul(P, D)) };
}
