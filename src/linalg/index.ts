/**
 * The public API of the numerical core: plain JSON-safe data in and out
 * (`number[][]`, `number[]`). One line per module; other modules append theirs.
 */
export { LinAlgError, isLinAlgError, type LinAlgErrorKind } from './errors';
export { DEFAULT_MAX_ENTRIES, type GuardOptions, type MatrixInput } from './guards';
export { svd, singularValues, type SvdOptions, type SvdResult } from './svd';
export { qr, type QrMode, type QrOptions, type QrResult } from './qr';
export { lu, det, slogdet, solve, type LuResult } from './lu';
export { cholesky, type CholeskyOptions } from './cholesky';
export { lstsq, lstsqNormal, type LstsqOptions, type LstsqResult, type LstsqNormalResult, type Rhs } from './lstsq';
export { pinv, inv, matrixRank, cond, norm2, normF, nullSpace, columnSpace, type Basis, type PinvOptions, type RankOptions } from './spectral';
export { pca, lowRank, type PcaOptions, type PcaResult, type LowRankResult } from './pca';
export { attention, type AttentionOptions, type AttentionResult } from './attention';
export * from './verify';
export { eigh, eigvalsh, SYMMETRY_TOL, type EighResult } from './eigh';
export { eig, eigvals, type Complex, type EigResult } from './eig';
export {
  rref, exactLu, exactDet, exactInverse, toRational, Rational, MAX_EXACT_DIM, MAX_DECIMAL_DIGITS,
  type ExactEntry, type ExactStep, type RrefResult, type ExactLuResult, type ExactDetResult, type ExactInverseResult,
} from './exact';
