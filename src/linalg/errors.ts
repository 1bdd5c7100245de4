/**
 * The one error type of the numerical core. Every refusal a user can meet
 * (non-finite entries, wrong shape, a matrix that is not positive definite, …)
 * is a `LinAlgError` with a fixed, human-readable message. Anything else thrown
 * from `src/linalg/` is a bug.
 */
export type LinAlgErrorKind =
  | 'empty'
  | 'not-finite'
  | 'not-square'
  | 'shape'
  | 'complex-unsupported'
  | 'singular'
  | 'not-symmetric'
  | 'not-positive-definite'
  | 'no-convergence'
  | 'too-large'
  | 'invalid-argument'
  /** The exact result has entries beyond ±1.8e308 (e.g. the inverse of a subnormal number). */
  | 'overflow';

export class LinAlgError extends Error {
  /** Machine-readable category; stable across releases (the CLI prints it as `kind`). */
  readonly kind: LinAlgErrorKind;

  constructor(kind: LinAlgErrorKind, message: string) {
    super(message);
    this.name = 'LinAlgError';
    this.kind = kind;
  }
}

/** True when `e` is a refusal of the core rather than a bug. */
export function isLinAlgError(e: unknown): e is LinAlgError {
  return e instanceof LinAlgError;
}
