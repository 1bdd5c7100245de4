/**
 * Turns a parsed literal into the JSON-safe reports that every front end shows:
 * the results panel, the terminal CLI and (later) hovers and the quiz. Pure: no
 * `vscode`, no DOM. One function per operation; each carries its verification figures.
 */
import { LinAlgError } from '../linalg/errors';
import { svd } from '../linalg/svd';
import { normF } from '../linalg/spectral';
import { verifySvd } from '../linalg/verify';
import type { Entry, ParsedMatrix } from '../literals/types';

const EPS = 2.220446049250313e-16;

/**
 * A refusal of one entry of the literal: a `LinAlgError` that also says where
 * the entry was read (`offset` into the parsed text), so the editor and the CLI
 * can give its line and column.
 */
export class EntryRefusal extends LinAlgError {
  constructor(kind: LinAlgError['kind'], message: string, readonly offset: number) {
    super(kind, message);
  }
}

/**
 * The real matrix of a parsed literal. Throws `LinAlgError('complex-unsupported')`
 * (an `EntryRefusal` with the entry's offset when the parser knows it) when any
 * entry has a non-zero imaginary part (the decompositions are real-only for now).
 */
export function realMatrix(parsed: Pick<ParsedMatrix, 'values' | 'complexAt'>): number[][] {
  return parsed.values.map((row, i) =>
    row.map((e: Entry, j) => {
      if (typeof e === 'number') return e;
      if (e.im !== 0) {
        const message = `Entry (${i + 1}, ${j + 1}) is complex (${e.re} ${e.im < 0 ? '-' : '+'} ${Math.abs(e.im)}i). LinAlg Lens computes decompositions of real matrices only.`;
        if (parsed.complexAt !== undefined) throw new EntryRefusal('complex-unsupported', message, parsed.complexAt);
        throw new LinAlgError('complex-unsupported', message);
      }
      return e.re;
    }),
  );
}

/** Everything the SVD view shows. Conventions follow numpy: A = U · diag(S) · Vh, S descending. */
export interface SvdReport {
  operation: 'svd';
  A: number[][];
  rows: number;
  cols: number;
  U: number[][];
  S: number[];
  Vh: number[][];
  /** Numerical rank: number of singular values above `rankTol`. */
  rank: number;
  /** numpy's default rank tolerance: S[0] · max(m, n) · eps. */
  rankTol: number;
  /** 2-norm condition number S[0] / S[k−1]; Infinity when the smallest singular value is 0. */
  cond: number;
  /** ‖A‖_F, computed without overflow or underflow (not as √Σσ², which fails at 1e±200). */
  normF: number;
  verification: {
    /** ‖A − U Σ Vᵀ‖_F / ‖A‖_F (0 for the zero matrix). */
    reconstruction: number;
    /** ‖UᵀU − I‖_F. */
    orthogonalityU: number;
    /** ‖V ᵀV − I‖_F, measured on the rows of Vh. */
    orthogonalityV: number;
    /** The bound a backward-stable SVD meets: 100 · max(m, n) · eps. */
    tolerance: number;
  };
}

/**
 * Thin SVD of a real matrix with rank, condition number and residuals.
 * Throws `LinAlgError` for non-finite or empty input.
 * Example: `svdReport([[3, 1], [1, 3]]).S` → `[4, 2]`.
 */
export function svdReport(A: number[][]): SvdReport {
  // svd() itself refuses (LinAlgError 'overflow') when a singular value is beyond double range.
  const r = svd(A);
  const rows = A.length;
  const cols = rows === 0 ? 0 : A[0].length;
  const N = Math.max(rows, cols);
  const s0 = r.S.length > 0 ? r.S[0] : 0;
  const rankTol = s0 * (N * EPS); // N·eps first: s0 near 1e308 must not overflow
  const rank = r.S.filter((s) => s > rankTol).length;
  const smin = r.S.length > 0 ? r.S[r.S.length - 1] : 0;
  const cond = s0 === 0 ? Infinity : smin === 0 ? Infinity : s0 / smin;
  const v = verifySvd(A, r);
  return {
    operation: 'svd',
    A,
    rows,
    cols,
    U: r.U,
    S: r.S,
    Vh: r.Vh,
    rank,
    rankTol,
    cond,
    normF: normF(A),
    verification: {
      reconstruction: v.reconstruction,
      orthogonalityU: v.orthogonalityU,
      orthogonalityV: v.orthogonalityV,
      tolerance: 100 * N * EPS,
    },
  };
}
