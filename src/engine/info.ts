/**
 * `info`: the facts about a matrix a student checks first — shape, rank,
 * symmetry, definiteness, orthogonality, triangularity, norms, condition.
 */
import * as L from '../linalg';
import { LinAlgError } from '../linalg/errors';

const EPS = 2.220446049250313e-16;

/** Properties of A with the tolerances that decided them. Example: `infoReport([[2, 0], [0, 3]]).diagonal` → true. */
export function infoReport(A: number[][]): Record<string, unknown> {
  const m = A.length;
  const n = m ? A[0].length : 0;
  const s = L.singularValues(A);
  const normF = L.normF(A);
  const maxAbs = A.reduce((mx, r) => r.reduce((a, x) => Math.max(a, Math.abs(x)), mx), 0);
  const tiny = 100 * Math.max(m, n) * EPS * maxAbs;
  let upper = true;
  let lower = true;
  let symmetric = m === n;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      if (i > j && A[i][j] !== 0) upper = false;
      if (i < j && A[i][j] !== 0) lower = false;
      if (m === n && j > i && Math.abs(A[i][j] - A[j][i]) > tiny) symmetric = false;
    }
  }
  // Orthonormal columns (m ≥ n) or rows (m < n): all singular values equal 1.
  const orthonormal = s.length > 0 && s.every((x) => Math.abs(x - 1) <= 100 * Math.max(m, n) * EPS);
  const out: Record<string, unknown> = {
    rows: m,
    cols: n,
    square: m === n,
    rank: L.matrixRank(A).rank,
    rank_tol: L.matrixRank(A).tol,
    norm_2: s[0] ?? 0,
    norm_F: normF,
    cond: L.cond(A),
    symmetric,
    upper_triangular: upper,
    lower_triangular: lower,
    diagonal: upper && lower,
    orthogonal: m === n && orthonormal,
    orthonormal_columns: m >= n && orthonormal,
  };
  if (m === n && n > 0) {
    let trace = 0;
    for (let i = 0; i < n; i++) trace += A[i][i];
    out.trace = trace;
    const sl = L.slogdet(A);
    out.det = L.det(A);
    out.logabsdet = sl.logabsdet;
    if (symmetric) {
      const w = L.eigvalsh(A);
      const tol = 100 * n * EPS * (s[0] ?? 0);
      out.definiteness =
        w[0] > tol ? 'positive definite' : w[0] >= -tol ? (w[n - 1] > tol ? 'positive semidefinite' : 'zero') : w[n - 1] < -tol ? 'negative definite' : w[n - 1] <= tol ? 'negative semidefinite' : 'indefinite';
      try {
        L.cholesky(A);
        out.cholesky = true;
      } catch (e) {
        if (!(e instanceof LinAlgError)) throw e;
        out.cholesky = false;
      }
    }
  }
  return out;
}
