/**
 * The table of operations every front end runs by name: the terminal CLI, the
 * worker thread and the results panel share it. Each entry turns its inputs into
 * a JSON-safe report with numpy's field names and, where a decomposition has
 * invariants, a `verification` block. Pure: no `vscode`, no DOM.
 */
import * as L from '../linalg';
import { LinAlgError } from '../linalg/errors';
import { eigResidual, eighResidual } from './eigCheck';
import { infoReport } from './info';
import { svdReport } from './report';

/** Inputs of an operation. `A` is always there; the others depend on the operation. */
export interface OperationInput {
  A: number[][];
  /** Right-hand side(s) of `lstsq`, m×k (a vector is m×1). */
  rhs?: number[][];
  /** True when `rhs` came from a vector, so `x` is printed as a vector too. */
  rhsIsVector?: boolean;
  /** K and V of `attention` (A is Q). */
  K?: number[][];
  V?: number[][];
  /** Target rank of `lowrank`, number of components of `pca`. */
  k?: number;
  /** Complete instead of thin/reduced factors (`svd`, `qr`). */
  full?: boolean;
  /** Upper-triangular Cholesky factor U (A = UᵀU) instead of L. */
  upper?: boolean;
  /** What `steps` eliminates towards: rref (default), lu, det or inv. */
  target?: 'rref' | 'lu' | 'det' | 'inv';
  /** Causal mask for `attention`. */
  causal?: boolean;
}

export interface OperationSpec {
  /** One line for `--help`. */
  summary: string;
  /** What the operation reads besides A. */
  needs?: 'rhs' | 'qkv' | 'k';
  run(input: OperationInput): Record<string, unknown>;
}

function requireSquare(A: number[][], what: string): void {
  const m = A.length;
  const n = m ? A[0].length : 0;
  if (m !== n) throw new LinAlgError('not-square', `${what} needs a square matrix; this one is ${m}×${n}.`);
}

function column(x: number[] | number[][], vector: boolean | undefined): number[] | number[][] {
  if (!vector || !Array.isArray(x[0])) return x;
  return (x as number[][]).map((r) => r[0]);
}

export const OPERATIONS = {
  svd: {
    summary: 'singular value decomposition A = U·diag(S)·Vh (thin; --full for complete U and Vh)',
    run: ({ A, full }) => {
      const r = svdReport(A);
      const f = full ? L.svd(A, { full: true }) : r;
      const verification = full ? { ...r.verification, ...L.verifySvd(A, f) } : r.verification;
      return { U: f.U, S: r.S, Vh: f.Vh, rank: r.rank, rank_tol: r.rankTol, cond: r.cond, verification };
    },
  },
  eigh: {
    summary: 'symmetric eigendecomposition: eigenvalues ascending, orthonormal eigenvectors (columns)',
    run: ({ A }) => {
      const r = L.eigh(A);
      return { eigenvalues: r.eigenvalues, eigenvectors: r.eigenvectors, verification: eighResidual(A, r.eigenvalues, r.eigenvectors) };
    },
  },
  eig: {
    summary: 'general eigendecomposition: complex eigenvalues sorted by (re, im), unit eigenvectors (columns)',
    run: ({ A }) => {
      const r = L.eig(A);
      return {
        eigenvalues: r.eigenvalues,
        eigenvectors: r.eigenvectors,
        defective: r.defective,
        condition: r.condition,
        warnings: r.warnings,
        verification: { residual: eigResidual(A, r.eigenvalues, r.eigenvectors) },
      };
    },
  },
  qr: {
    summary: 'QR factorisation A = Q·R by Householder reflections (reduced; --full for complete)',
    run: ({ A, full }) => {
      const r = L.qr(A, { mode: full ? 'complete' : 'reduced' });
      return { Q: r.Q, R: r.R, verification: L.verifyQr(A, r) };
    },
  },
  lu: {
    summary: 'LU with partial pivoting, P·A = L·U (L unit lower, |L_ij| ≤ 1)',
    run: ({ A }) => {
      const r = L.lu(A);
      return { P: r.P, L: r.L, U: r.U, perm: r.perm, verification: L.verifyLu(A, r) };
    },
  },
  cholesky: {
    summary: 'Cholesky factor of a symmetric positive definite matrix: A = L·Lᵀ (--upper: A = Uᵀ·U)',
    run: ({ A, upper }) => {
      if (upper) {
        const r = L.cholesky(A, { upper: true });
        return { U: r.U, verification: L.verifyCholesky(A, r) };
      }
      const r = L.cholesky(A);
      return { L: r.L, verification: L.verifyCholesky(A, r) };
    },
  },
  lstsq: {
    summary: 'least squares A·x ≈ b by the SVD (minimum-norm when rank-deficient), plus the normal-equations route',
    needs: 'rhs',
    run: ({ A, rhs, rhsIsVector }) => {
      if (!rhs) throw new LinAlgError('invalid-argument', 'lstsq needs a right-hand side: --rhs FILE, or --augmented to use the last column of A.');
      const b = rhsIsVector ? rhs.map((r) => r[0]) : rhs;
      const r = L.lstsq(A, b);
      const out: Record<string, unknown> = {
        x: column(r.x, false),
        residuals: r.residuals,
        rank: r.rank,
        s: r.s,
        verification: L.verifyLstsq(A, b, r.x),
      };
      try {
        const ne = L.lstsqNormal(A, b);
        out.normal_equations = { x: ne.x, cond: ne.cond, digits_lost: ne.digitsLost, ...(ne.warning ? { warning: ne.warning } : {}) };
      } catch (e) {
        if (!(e instanceof LinAlgError)) throw e;
        out.normal_equations = { error: e.message };
      }
      return out;
    },
  },
  pinv: {
    summary: 'Moore–Penrose pseudoinverse A⁺ = V·Σ⁺·Uᵀ (relative cutoff)',
    run: ({ A }) => {
      const X = L.pinv(A);
      return { pinv: X, rank: L.matrixRank(A).rank, verification: L.verifyPinv(A, X) };
    },
  },
  rank: {
    summary: "numerical rank with numpy's tolerance S[0]·max(m, n)·eps",
    run: ({ A }) => {
      const r = L.matrixRank(A);
      return { rank: r.rank, tol: r.tol, s: L.singularValues(A) };
    },
  },
  det: {
    summary: 'determinant, with sign and log|det| that never overflow',
    run: ({ A }) => {
      requireSquare(A, 'det');
      const s = L.slogdet(A);
      return { det: L.det(A), sign: s.sign, logabsdet: s.logabsdet };
    },
  },
  inv: {
    summary: 'inverse (refuses numerically singular matrices)',
    run: ({ A }) => {
      const X = L.inv(A);
      return { inv: X, cond: L.cond(A), verification: L.verifyInv(A, X) };
    },
  },
  cond: {
    summary: '2-norm condition number S[0] / S[-1]',
    run: ({ A }) => {
      const s = L.singularValues(A);
      return { cond: L.cond(A), s, digits_at_risk: Math.log10(Math.max(1, L.cond(A))) };
    },
  },
  nullspace: {
    summary: 'orthonormal bases of the null space and the column space',
    run: ({ A }) => {
      const ns = L.nullSpace(A);
      const cs = L.columnSpace(A);
      return { nullspace: ns.basis, nullity: ns.dim, colspace: cs.basis, rank: ns.rank, tol: ns.tol };
    },
  },
  pca: {
    summary: 'PCA of a data matrix (rows = samples): centring, components, explained variance ratio, scores',
    needs: 'k',
    run: ({ A, k }) => {
      const r = L.pca(A, k === undefined ? {} : { k });
      return {
        mean: r.mean,
        components: r.components,
        explained_variance: r.explainedVariance,
        explained_variance_ratio: r.explainedVarianceRatio,
        singular_values: r.singularValues,
        scores: r.scores,
      };
    },
  },
  lowrank: {
    summary: 'best rank-k approximation (Eckart–Young) with predicted and measured errors (--k K)',
    needs: 'k',
    run: ({ A, k }) => {
      if (k === undefined) throw new LinAlgError('invalid-argument', 'lowrank needs the target rank: --k K.');
      const r = L.lowRank(A, k);
      return { Ak: r.Ak, k: r.k, S: r.S, error_2: r.errorSpectral, error_F: r.errorFrobenius };
    },
  },
  attention: {
    summary: 'softmax(Q·Kᵀ/√d)·V from three files Q K V (--causal for a causal mask)',
    needs: 'qkv',
    run: ({ A, K, V, causal }) => {
      if (!K || !V) throw new LinAlgError('invalid-argument', 'attention needs three inputs: Q, K and V.');
      const r = L.attention(A, K, V, causal ? { mask: 'causal' } : {});
      return { scores: r.scores, weights: r.weights, output: r.output };
    },
  },
  info: {
    summary: 'shape, rank, symmetry, definiteness, orthogonality, triangularity, norms, condition',
    run: ({ A }) => infoReport(A),
  },
  steps: {
    summary: 'exact elimination steps in fractions (--target rref|lu|det|inv; small integer/rational input)',
    run: ({ A, target }) => {
      switch (target ?? 'rref') {
        case 'lu': {
          const r = L.exactLu(A);
          return { P: r.P, L: r.L, U: r.U, steps: r.steps };
        }
        case 'det': {
          const r = L.exactDet(A);
          return { det: r.det, steps: r.steps };
        }
        case 'inv': {
          const r = L.exactInverse(A);
          return { inv: r.inverse, steps: r.steps };
        }
        default: {
          const r = L.rref(A);
          return { rref: r.rref, pivot_columns: r.pivotColumns, rank: r.rank, steps: r.steps };
        }
      }
    },
  },
} satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof OPERATIONS;

export function isOperationName(s: string): s is OperationName {
  return Object.prototype.hasOwnProperty.call(OPERATIONS, s);
}

/** Runs `name` through the table (the one entry point of the CLI and the worker). */
export function runOperation(name: OperationName, input: OperationInput): Record<string, unknown> {
  const spec: OperationSpec = OPERATIONS[name];
  return spec.run(input);
}
