/**
 * The typed message protocol of the results panel. The host (extension) and the
 * view (browser bundle in src/webviews/app/results.ts) both import this file, so
 * a change of shape is a compile error on both sides. Everything here is JSON-safe.
 */
import type { SvdReport } from '../../engine/report';
import { diagToTex, matrixToTex } from '../../linalg/tex';

/** Where the matrix came from, shown in the panel header (rendered as text, never as HTML). */
export interface SourceInfo {
  /** Workspace-relative path or file name of the document. */
  file: string;
  /** The document's URI as a string, used to reveal the literal again. */
  uri: string;
  /** 1-based line of the literal's first character. */
  line: number;
  /** Human name of the notation the literal was read in, e.g. "NumPy". */
  notationLabel: string;
  /** Notation id, used to copy results back in the same notation. */
  notation: string;
}

/**
 * What the view needs of an SVD: the scalars and singular values in full, the
 * matrices as TeX already cut to display size. The full-precision factors stay
 * in the extension host (for copying), so the view's saved state stays small
 * even for a 500×500 matrix.
 */
export interface SvdView {
  rows: number;
  cols: number;
  /** Singular values, descending (all of them). */
  S: number[];
  rank: number;
  rankTol: number;
  /** Infinity when singular. JSON turns it into null, so the view treats null as ∞. */
  cond: number | null;
  /** ‖A‖_F, computed without intermediate overflow; Infinity (JSON null) only when ‖A‖_F itself exceeds 1.8e308. */
  normF: number | null;
  /** Residuals; null where a figure is not a finite number (JSON has no NaN). */
  verification: { reconstruction: number | null; orthogonalityU: number | null; orthogonalityV: number | null; tolerance: number };
  /** TeX of A, U, Σ (k×k) and Vᵀ, large matrices elided in the middle. */
  tex: { A: string; U: string; Sigma: string; Vh: string };
}

/** One computed result as the view renders it. */
export interface ResultsState {
  /** Increases with every computation in one session of the extension host (an id, not an ordering across reloads). */
  seq: number;
  source: SourceInfo;
  view: SvdView;
  /** Significant digits for displayed entries (the `linalgLens.displayDigits` setting). */
  digits: number;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Builds the view's part of a report. Pure. */
export function svdView(r: SvdReport, digits: number): SvdView {
  const k = r.S.length;
  return {
    rows: r.rows,
    cols: r.cols,
    S: r.S,
    rank: r.rank,
    rankTol: r.rankTol,
    cond: Number.isFinite(r.cond) ? r.cond : null,
    normF: r.normF,
    verification: {
      reconstruction: finiteOrNull(r.verification.reconstruction),
      orthogonalityU: finiteOrNull(r.verification.orthogonalityU),
      orthogonalityV: finiteOrNull(r.verification.orthogonalityV),
      tolerance: r.verification.tolerance,
    },
    tex: {
      A: matrixToTex(r.A, { digits }),
      U: matrixToTex(r.U, { digits }),
      Sigma: diagToTex(r.S, k, k, { digits }),
      Vh: matrixToTex(r.Vh, { digits }),
    },
  };
}

/** Names of the matrices a user can copy from the SVD view. */
export type CopyTarget = 'A' | 'U' | 'S' | 'Vh' | 'Sigma';

/** Messages from the extension host to the view. */
export type HostToView =
  /** Render a result (replaces whatever is shown). */
  | { type: 'show'; state: ResultsState }
  /** Show a computation failure in the panel (text only). */
  | { type: 'error'; message: string; title: string }
  /** The host is computing a large matrix; the view shows a busy state. */
  | { type: 'busy'; label: string };

/** Messages from the view to the extension host. */
export type ViewToHost =
  /** Sent once when the view's script has loaded; the host posts nothing before it. */
  | { type: 'ready' }
  /** Copy a matrix of the current result to the clipboard, in `notation` (defaults to the source's). */
  | { type: 'copy'; target: CopyTarget; notation?: string }
  /** Reveal the source literal in its editor. */
  | { type: 'reveal' };

/** Type guard for messages arriving at the host (the view is not trusted blindly). */
export function isViewToHost(m: unknown): m is ViewToHost {
  if (typeof m !== 'object' || m === null) return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'ready' || t === 'reveal') return true;
  if (t === 'copy') {
    const target = (m as { target?: unknown }).target;
    return target === 'A' || target === 'U' || target === 'S' || target === 'Vh' || target === 'Sigma';
  }
  return false;
}
