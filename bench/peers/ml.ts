/** ml-matrix, used the way its README suggests (decomposition classes on a `Matrix`). */
import {
  CholeskyDecomposition,
  EigenvalueDecomposition,
  LuDecomposition,
  Matrix,
  QrDecomposition,
  SingularValueDecomposition,
  inverse,
  solve,
} from 'ml-matrix';
import type { BenchCase } from '../cases';
import { fromArrays, mat, toArrays, transpose } from '../mat';
import { impl, type Library } from './types';

const matrixOf = (c: BenchCase): Matrix => new Matrix(toArrays(mat(c.rows, c.cols, c.a)));
const std = (m: Matrix) => fromArrays(m.to2DArray());

const svdImpl = impl({
  prepare: matrixOf,
  run: (a: Matrix) => {
    // Default options (autoTranspose: false), as a user would call it.
    const d = new SingularValueDecomposition(a);
    return { U: d.leftSingularVectors, V: d.rightSingularVectors, S: d.diagonal };
  },
  extract: (r) => ({ kind: 'svd', U: std(r.U), S: Array.from(r.S), V: std(r.V) }),
  how: 'new SingularValueDecomposition(A) (default options)',
});

function lstsqImpl() {
  return impl({
    prepare: (c: BenchCase) => ({ a: matrixOf(c), b: Matrix.columnVector(Array.from(c.b as Float64Array)) }),
    run: (x: { a: Matrix; b: Matrix }) => solve(x.a, x.b, true),
    extract: (r) => ({ kind: 'lstsq', x: r.to1DArray() }),
    how: 'solve(A, b, useSVD = true)',
  });
}

export const mlLibrary: Library = {
  id: 'ml',
  name: 'ml-matrix',
  version: '',
  missing: {},
  impls: {
    svd: svdImpl,
    'svd-wide': svdImpl,
    eigh: impl({
      prepare: matrixOf,
      // Symmetry is detected by the constructor, which then takes its tridiagonal QL path.
      run: (a: Matrix) => {
        const d = new EigenvalueDecomposition(a);
        return { w: d.realEigenvalues, V: d.eigenvectorMatrix };
      },
      extract: (r) => ({ kind: 'eigh', w: Array.from(r.w), V: std(r.V) }),
    }),
    eig: impl({
      prepare: matrixOf,
      run: (a: Matrix) => {
        const d = new EigenvalueDecomposition(a);
        return { wr: d.realEigenvalues, wi: d.imaginaryEigenvalues, V: d.eigenvectorMatrix };
      },
      extract: (r) => {
        // Real Schur-style storage: for a complex pair (j, j+1), columns j and j+1 hold the
        // real and imaginary parts of the eigenvector of wr[j] + i·wi[j]; j+1 gets the conjugate.
        const V = std(r.V);
        const n = V.rows;
        const Vre = mat(n, n);
        const Vim = mat(n, n);
        for (let j = 0; j < n; j++) {
          if (r.wi[j] !== 0 && j + 1 < n && r.wi[j + 1] === -r.wi[j]) {
            for (let i = 0; i < n; i++) {
              const x = V.data[i * n + j];
              const y = V.data[i * n + j + 1];
              Vre.data[i * n + j] = x;
              Vim.data[i * n + j] = y;
              Vre.data[i * n + j + 1] = x;
              Vim.data[i * n + j + 1] = -y;
            }
            j++;
          } else {
            for (let i = 0; i < n; i++) Vre.data[i * n + j] = V.data[i * n + j];
          }
        }
        return { kind: 'eig', wr: Array.from(r.wr), wi: Array.from(r.wi), Vre, Vim };
      },
    }),
    qr: impl({
      prepare: matrixOf,
      run: (a: Matrix) => {
        const d = new QrDecomposition(a);
        return { Q: d.orthogonalMatrix, R: d.upperTriangularMatrix };
      },
      extract: (r) => ({ kind: 'qr', Q: std(r.Q), R: std(r.R) }),
    }),
    lu: impl({
      prepare: matrixOf,
      run: (a: Matrix) => {
        const d = new LuDecomposition(a);
        return { L: d.lowerTriangularMatrix, U: d.upperTriangularMatrix, p: d.pivotPermutationVector };
      },
      extract: (r) => ({ kind: 'lu', L: std(r.L), U: std(r.U), perm: Array.from(r.p) }),
    }),
    cholesky: impl({
      prepare: matrixOf,
      run: (a: Matrix) => {
        const d = new CholeskyDecomposition(a);
        if (!d.isPositiveDefinite()) throw new Error('CholeskyDecomposition: reported not positive definite');
        return d.lowerTriangularMatrix;
      },
      extract: (r) => ({ kind: 'cholesky', L: std(r) }),
    }),
    inv: impl({
      prepare: matrixOf,
      run: (a: Matrix) => inverse(a),
      extract: (r) => ({ kind: 'inv', X: std(r) }),
    }),
    lstsq: lstsqImpl(),
    'lstsq-tall': lstsqImpl(),
    pca: impl({
      prepare: matrixOf,
      // ml-pca is not installed; this is its SVD route: centre, right singular vectors, project.
      run: (x: Matrix) => {
        const means = x.mean('column');
        const xc = x.clone().subRowVector(means);
        const d = new SingularValueDecomposition(xc, { computeLeftSingularVectors: false, autoTranspose: true });
        const V = d.rightSingularVectors;
        return { V, S: d.diagonal, scores: xc.mmul(V) };
      },
      extract: (r) => ({ kind: 'pca', components: transpose(std(r.V)), scores: std(r.scores), s: Array.from(r.S) }),
      how: 'centre + SVD (right vectors only, autoTranspose) + Xc·V',
    }),
  },
};
