/**
 * Library-neutral shapes of each operation's answer, so one set of checks
 * judges every library. Adapters convert their library's native output into
 * these after the timed region.
 */
import type { M } from './mat';

export type Std =
  /** A ≈ U·diag(S)·Vᵀ; V holds the right vectors as COLUMNS, as many as the library returned. */
  | { kind: 'svd'; U: M; S: number[]; V: M }
  /** A·V = V·diag(w), V's columns the eigenvectors. */
  | { kind: 'eigh'; w: number[]; V: M }
  /** A·V = V·diag(λ) in complex arithmetic; column j of (Vre + i·Vim) belongs to wr[j] + i·wi[j]. */
  | { kind: 'eig'; wr: number[]; wi: number[]; Vre: M; Vim: M }
  | { kind: 'qr'; Q: M; R: M }
  /** Row i of L·U equals row perm[i] of A. */
  | { kind: 'lu'; L: M; U: M; perm: number[] }
  | { kind: 'cholesky'; L: M }
  | { kind: 'inv'; X: M }
  | { kind: 'lstsq'; x: number[] }
  /** Components as rows (k×n), scores m×k, singular values of the centred data. */
  | { kind: 'pca'; components: M; scores: M; s: number[] };
