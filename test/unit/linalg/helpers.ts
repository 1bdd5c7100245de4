/**
 * Independent matrix arithmetic for the tests (plain number[][], scaled so
 * 1e200 entries do not overflow), a seeded random generator, and the
 * reference-case plumbing.
 */
import { caseMatrix, loadNumerics, type NumericsCase } from '../reference';

export type M = number[][];

export function shape(A: M): [number, number] {
  return [A.length, A.length ? A[0].length : 0];
}

/** Frobenius norm with scaling. */
export function fro(A: M): number {
  let big = 0;
  for (const r of A) for (const v of r) big = Math.max(big, Math.abs(v));
  if (big === 0) return 0;
  let s = 0;
  for (const r of A) for (const v of r) s += (v / big) ** 2;
  return big * Math.sqrt(s);
}

export function vnorm(x: readonly number[]): number {
  return fro([Array.from(x)]);
}

export function mul(A: M, B: M): M {
  const [m, k] = shape(A);
  const n = B.length ? B[0].length : 0;
  const C: M = [];
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(n).fill(0);
    for (let t = 0; t < k; t++) {
      const a = A[i][t];
      if (a === 0) continue;
      for (let j = 0; j < n; j++) row[j] += a * B[t][j];
    }
    C.push(row);
  }
  return C;
}

export function tr(A: M): M {
  const [m, n] = shape(A);
  const T: M = [];
  for (let j = 0; j < n; j++) {
    const row: number[] = [];
    for (let i = 0; i < m; i++) row.push(A[i][j]);
    T.push(row);
  }
  return T;
}

export function sub(A: M, B: M): M {
  return A.map((r, i) => r.map((v, j) => v - B[i][j]));
}

export function scale(A: M, c: number): M {
  return A.map((r) => r.map((v) => v * c));
}

export function eye(n: number): M {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

export function diagMul(U: M, S: readonly number[]): M {
  return U.map((r) => r.map((v, j) => (j < S.length ? v * S[j] : 0)));
}

/** ‖XᵀX − I‖_F (columns orthonormal). */
export function orthCols(X: M): number {
  const n = X.length ? X[0].length : 0;
  return fro(sub(mul(tr(X), X), eye(n)));
}

/** ‖XXᵀ − I‖_F (rows orthonormal). */
export function orthRows(X: M): number {
  return fro(sub(mul(X, tr(X)), eye(X.length)));
}

/** ‖A − B‖ / ‖A‖ with both scaled by max|A| first (0 when both are 0). */
export function relDiff(A: M, B: M): number {
  let c = 0;
  for (const r of A) for (const v of r) c = Math.max(c, Math.abs(v));
  if (c === 0) return fro(B) === 0 ? 0 : Infinity;
  return fro(sub(scale(A, 1 / c), scale(B, 1 / c))) / fro(scale(A, 1 / c));
}

/** Mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randn(m: number, n: number, r: () => number): M {
  return Array.from({ length: m }, () => Array.from({ length: n }, () => r() * 2 - 1));
}

export interface Case {
  c: NumericsCase;
  A: M;
  m: number;
  n: number;
  N: number;
  ref: Record<string, unknown>;
}

let cached: Case[] | null = null;

/** Every case of numerics.json with its matrix decoded. */
export function cases(): Case[] {
  if (!cached) {
    cached = loadNumerics().map((c) => ({ c, A: caseMatrix(c), m: c.shape[0], n: c.shape[1], N: Math.max(c.shape[0], c.shape[1]), ref: c.ref }));
  }
  return cached;
}

export function computeCases(): Case[] {
  return cases().filter((k) => k.c.expect === 'compute' && k.m > 0 && k.n > 0);
}

export function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return NaN;
}

export function nums(v: unknown): number[] {
  return (v as unknown[]).map(num);
}
