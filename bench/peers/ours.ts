/** LinAlg Lens's numerical core, called through its public functions (JSON-safe arrays in and out). */
import { cholesky, eig, eigh, inv, lstsq, lu, pca, qr, svd } from '../../src/linalg/index';
import type { BenchCase } from '../cases';
import { fromArrays, mat, toArrays, transpose } from '../mat';
import { impl, type Library } from './types';

const rowsOf = (c: BenchCase): number[][] => toArrays(mat(c.rows, c.cols, c.a));

const svdImpl = impl({
  prepare: rowsOf,
  run: (a: number[][]) => svd(a),
  extract: (r) => ({ kind: 'svd', U: fromArrays(r.U), S: r.S, V: transpose(fromArrays(r.Vh)) }),
});

export const oursLibrary: Library = {
  id: 'ours',
  name: 'LinAlg Lens',
  version: '',
  missing: {},
  impls: {
    svd: svdImpl,
    'svd-wide': svdImpl,
    eigh: impl({
      prepare: rowsOf,
      run: (a: number[][]) => eigh(a),
      extract: (r) => ({ kind: 'eigh', w: r.eigenvalues, V: fromArrays(r.eigenvectors) }),
    }),
    eig: impl({
      prepare: rowsOf,
      run: (a: number[][]) => eig(a),
      extract: (r) => {
        const n = r.eigenvalues.length;
        const Vre = mat(n, n);
        const Vim = mat(n, n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            Vre.data[i * n + j] = r.eigenvectors[i][j].re;
            Vim.data[i * n + j] = r.eigenvectors[i][j].im;
          }
        }
        return { kind: 'eig', wr: r.eigenvalues.map((z) => z.re), wi: r.eigenvalues.map((z) => z.im), Vre, Vim };
      },
    }),
    qr: impl({
      prepare: rowsOf,
      run: (a: number[][]) => qr(a),
      extract: (r) => ({ kind: 'qr', Q: fromArrays(r.Q), R: fromArrays(r.R) }),
    }),
    lu: impl({
      prepare: rowsOf,
      run: (a: number[][]) => lu(a),
      extract: (r) => ({ kind: 'lu', L: fromArrays(r.L), U: fromArrays(r.U), perm: r.perm }),
    }),
    cholesky: impl({
      prepare: rowsOf,
      run: (a: number[][]) => cholesky(a),
      extract: (r) => ({ kind: 'cholesky', L: fromArrays(r.L) }),
    }),
    inv: impl({
      prepare: rowsOf,
      run: (a: number[][]) => inv(a),
      extract: (r) => ({ kind: 'inv', X: fromArrays(r) }),
    }),
    lstsq: lstsqImpl(),
    'lstsq-tall': lstsqImpl(),
    pca: impl({
      prepare: rowsOf,
      run: (a: number[][]) => pca(a),
      extract: (r) => ({ kind: 'pca', components: fromArrays(r.components), scores: fromArrays(r.scores), s: r.singularValues }),
      how: 'pca()',
    }),
  },
};

function lstsqImpl() {
  return impl({
    prepare: (c: BenchCase) => ({ a: rowsOf(c), b: Array.from(c.b as Float64Array) }),
    run: (x: { a: number[][]; b: number[] }) => lstsq(x.a, x.b),
    extract: (r) => ({ kind: 'lstsq', x: r.x as number[] }),
    how: 'lstsq() (SVD, minimum norm)',
  });
}
