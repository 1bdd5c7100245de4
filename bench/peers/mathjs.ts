/** mathjs, called on plain arrays (its array-in, array-out API). */
import { eigs, inv, lup, lusolve, multiply, qr, transpose, usolve } from 'mathjs';
import type { BenchCase } from '../cases';
import { mat, toArrays, type M } from '../mat';
import { impl, type Library } from './types';

const rowsOf = (c: BenchCase): number[][] => toArrays(mat(c.rows, c.cols, c.a));

interface Cplx {
  re: number;
  im: number;
}

/** A mathjs scalar (number, Complex, or something with valueOf) as re/im. */
function scalar(v: unknown): Cplx {
  if (typeof v === 'number') return { re: v, im: 0 };
  if (v !== null && typeof v === 'object' && 're' in v && 'im' in v) {
    const z = v as Cplx;
    return { re: Number(z.re), im: Number(z.im) };
  }
  return { re: Number(v), im: 0 };
}

/** A mathjs collection (array or Matrix) as nested plain arrays. */
function plain(x: unknown): unknown[] {
  if (Array.isArray(x)) return x;
  if (x !== null && typeof x === 'object' && 'toArray' in x && typeof (x as { toArray: unknown }).toArray === 'function') {
    return (x as { toArray(): unknown[] }).toArray();
  }
  throw new Error(`unexpected mathjs value ${String(x)}`);
}

function realMatrix(x: unknown, what: string): M {
  const rows = plain(x).map((r) => plain(r));
  const m = mat(rows.length, rows.length ? rows[0].length : 0);
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      const z = scalar(v);
      if (z.im !== 0) throw new Error(`${what}: complex entry in a real result`);
      m.data[i * m.cols + j] = z.re;
    }),
  );
  return m;
}

function vectorOf(x: unknown): Cplx[] {
  return plain(x).map((v) => scalar(Array.isArray(v) ? v[0] : v));
}

interface EigsOut {
  values: unknown;
  eigenvectors?: { value: unknown; vector: unknown }[];
}

function eigenvectorColumns(r: EigsOut, n: number): { wr: number[]; wi: number[]; Vre: M; Vim: M } {
  const ev = r.eigenvectors ?? [];
  const Vre = mat(n, n);
  const Vim = mat(n, n);
  const wr: number[] = [];
  const wi: number[] = [];
  ev.forEach((e, j) => {
    const l = scalar(e.value);
    wr.push(l.re);
    wi.push(l.im);
    vectorOf(e.vector).forEach((z, i) => {
      if (j < n && i < n) {
        Vre.data[i * n + j] = z.re;
        Vim.data[i * n + j] = z.im;
      }
    });
  });
  return { wr, wi, Vre, Vim };
}

function column(b: Float64Array): number[][] {
  return Array.from(b, (v) => [v]);
}

export const mathjsLibrary: Library = {
  id: 'mathjs',
  name: 'mathjs',
  version: '',
  missing: {
    svd: 'no SVD in mathjs',
    'svd-wide': 'no SVD in mathjs',
    cholesky: 'no Cholesky in mathjs',
    pca: 'no SVD in mathjs',
  },
  impls: {
    eigh: impl({
      prepare: rowsOf,
      run: (a: number[][]) => eigs(a) as EigsOut,
      extract: (r, c) => {
        const { wr, Vre } = eigenvectorColumns(r, c.rows);
        return { kind: 'eigh', w: wr, V: Vre };
      },
      how: 'eigs(A) (symmetric input → Jacobi)',
    }),
    eig: impl({
      prepare: rowsOf,
      run: (a: number[][]) => eigs(a) as EigsOut,
      extract: (r, c) => ({ kind: 'eig', ...eigenvectorColumns(r, c.rows) }),
      how: 'eigs(A)',
    }),
    qr: impl({
      prepare: rowsOf,
      run: (a: number[][]) => qr(a),
      extract: (r) => ({ kind: 'qr', Q: realMatrix(r.Q, 'Q'), R: realMatrix(r.R, 'R') }),
    }),
    lu: impl({
      prepare: rowsOf,
      run: (a: number[][]) => lup(a),
      extract: (r) => {
        // Observed: row k of A is row p[k] of L·U — the inverse of what lup's doc comment
        // (A[p,:] = L·U) says. Invert it so the check compares the right rows.
        const perm = new Array<number>(r.p.length);
        r.p.forEach((dst, k) => (perm[dst] = k));
        return { kind: 'lu', L: realMatrix(r.L, 'L'), U: realMatrix(r.U, 'U'), perm };
      },
      how: 'lup(A) (its p is the inverse permutation of the documented A[p,:] = L·U)',
    }),
    inv: impl({
      prepare: rowsOf,
      run: (a: number[][]) => inv(a),
      extract: (r) => ({ kind: 'inv', X: realMatrix(r, 'inv') }),
    }),
    lstsq: impl({
      prepare: (c: BenchCase) => ({ a: rowsOf(c), b: column(c.b as Float64Array) }),
      run: (x: { a: number[][]; b: number[][] }) => lusolve(x.a, x.b),
      extract: (r) => ({ kind: 'lstsq', x: vectorOf(r).map((z) => z.re) }),
      how: 'lusolve(A, b) (square: exact solve; mathjs has no lstsq)',
    }),
    'lstsq-tall': impl({
      prepare: (c: BenchCase) => ({ a: rowsOf(c), b: column(c.b as Float64Array), n: c.cols }),
      run: (x: { a: number[][]; b: number[][]; n: number }) => {
        // mathjs has no lstsq; its QR route: R₁·x = (Qᵀb)₁ on the leading n rows.
        const f = qr(x.a);
        const y = plain(multiply(transpose(f.Q), x.b)).slice(0, x.n) as number[][];
        const R1 = (plain(f.R) as number[][]).slice(0, x.n);
        return usolve(R1, y);
      },
      extract: (r) => ({ kind: 'lstsq', x: vectorOf(r).map((z) => z.re) }),
      how: 'qr(A), then usolve(R₁, (Qᵀb)₁)',
    }),
  },
};
