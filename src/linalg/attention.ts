/**
 * Scaled dot-product attention (Vaswani et al. 2017), the matrix products
 * behind a transformer head, with a numerically stable softmax.
 */
import { matmul, matmulNT } from './blas';
import { toRows, type Dense } from './dense';
import { LinAlgError } from './errors';
import { toDense, type GuardOptions, type MatrixInput } from './guards';

export interface AttentionOptions extends GuardOptions {
  /**
   * Which keys each query may attend to: an nq×nk array of booleans (true =
   * allowed), or 'causal' (query i sees keys 0..i). Masked scores become −∞.
   */
  mask?: readonly (readonly boolean[])[] | 'causal';
}

export interface AttentionResult {
  /** nq×nk: Q·Kᵀ / sqrt(d) (masked entries are −Infinity). */
  scores: number[][];
  /** nq×nk: row-wise softmax of the scores; each row sums to 1. */
  weights: number[][];
  /** nq×dv: weights · V. */
  output: number[][];
}

/**
 * Attention(Q, K, V) = softmax(Q·Kᵀ/√d)·V with Q nq×d, K nk×d, V nk×dv.
 * The softmax subtracts each row's maximum before exponentiating, so scores
 * of 1000 do not overflow. Throws 'shape' for mismatched sizes and
 * 'invalid-argument' for a bad mask or a row whose keys are all masked.
 * Example: `attention([[1, 0]], [[1, 0], [0, 1]], [[1], [0]]).weights` → [[0.67, 0.33]].
 */
export function attention(Q: MatrixInput, K: MatrixInput, V: MatrixInput, opts: AttentionOptions = {}): AttentionResult {
  const q = toDense(Q, opts, 'Q');
  const k = toDense(K, opts, 'K');
  const v = toDense(V, opts, 'V');
  if (q.cols !== k.cols) {
    throw new LinAlgError('shape', `Q has ${q.cols} columns but K has ${k.cols}; queries and keys need the same dimension d.`);
  }
  if (v.rows !== k.rows) {
    throw new LinAlgError('shape', `V has ${v.rows} rows but K has ${k.rows}; there must be one value row per key.`);
  }
  const nq = q.rows;
  const nk = k.rows;
  const S: Dense = matmulNT(q, k);
  const scale = q.cols > 0 ? 1 / Math.sqrt(q.cols) : 1;
  const s = S.data;
  for (let i = 0; i < s.length; i++) s[i] *= scale;
  const mask = opts.mask;
  if (mask !== undefined) {
    if (mask === 'causal') {
      for (let i = 0; i < nq; i++) for (let j = i + 1; j < nk; j++) s[i * nk + j] = -Infinity;
    } else {
      if (!Array.isArray(mask) || mask.length !== nq || mask.some((r) => !Array.isArray(r) || r.length !== nk)) {
        throw new LinAlgError('invalid-argument', `The mask must be ${nq}×${nk} booleans (one per query and key) or 'causal'.`);
      }
      for (let i = 0; i < nq; i++) for (let j = 0; j < nk; j++) if (mask[i][j] !== true) s[i * nk + j] = -Infinity;
    }
  }
  const W: Dense = { rows: nq, cols: nk, data: new Float64Array(s.length) };
  const w = W.data;
  for (let i = 0; i < nq; i++) {
    const o = i * nk;
    let mx = -Infinity;
    for (let j = 0; j < nk; j++) if (s[o + j] > mx) mx = s[o + j];
    if (mx === -Infinity) {
      if (nk === 0) continue;
      throw new LinAlgError('invalid-argument', `The mask hides every key from query ${i + 1}; its softmax is undefined.`);
    }
    let sum = 0;
    for (let j = 0; j < nk; j++) {
      const e = Math.exp(s[o + j] - mx);
      w[o + j] = e;
      sum += e;
    }
    for (let j = 0; j < nk; j++) w[o + j] /= sum;
  }
  return { scores: toRows(S), weights: toRows(W), output: toRows(matmul(W, v)) };
}
