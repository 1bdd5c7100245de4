/**
 * Plain-language reading of an SVD result for ML engineers: what the factors
 * are, how much of the matrix the top singular values carry, and what the
 * condition number means for solving with it. Pure: text and numbers only.
 */

export interface Explanation {
  /** Short paragraphs, plain text (the view inserts them with textContent). */
  paragraphs: string[];
  /** Series posts this result connects to, e.g. "Post 9 · SVD". */
  related: string[];
}

export interface SvdFacts {
  rows: number;
  cols: number;
  S: readonly number[];
  rank: number;
  cond: number;
}

/** Share of ‖A‖_F² kept by the top-k singular values, for k = 1..len(S). */
export function energyProfile(S: readonly number[]): number[] {
  // Scale by the largest value first: squares of 1e200 or 1e-200 would over/underflow.
  const top = S.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
  if (!(top > 0) || !Number.isFinite(top)) return S.map(() => 0);
  const scaled = S.map((s) => s / top);
  const total = scaled.reduce((a, s) => a + s * s, 0);
  let acc = 0;
  return scaled.map((s) => {
    acc += s * s;
    return acc / total;
  });
}

/**
 * A share as a percentage with one decimal, the one spelling the panel's text and chart
 * both use: 0.996 → "99.6%", and a share just short of all of it is ">99.9%", never "100.0%".
 */
export function percent(x: number): string {
  const s = (100 * x).toFixed(1);
  return s === '100.0' && x < 1 ? '>99.9%' : `${s}%`;
}


const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 12 → '¹²' (plain text has no markup for exponents). */
export function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]).replace('-', '⁻');
}

/** Four significant digits as plain text: 5.465, 1.000·10³⁰⁸, 2.5·10⁻⁷ style (no "e+308"). */
export function plainNumber(x: number): string {
  const t = x.toPrecision(4);
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(t);
  return m ? `${m[1]}·10${superscript(Number(m[2]))}` : t;
}

/** Explanation paragraphs for an SVD of an m×n matrix. */
export function explainSvd(f: SvdFacts): Explanation {
  const { rows: m, cols: n, S, rank } = f;
  const k = S.length;
  const p: string[] = [];
  p.push(
    `The SVD writes A as a rotation, a stretch and another rotation: the rows of Vᵀ are orthonormal input directions in ℝ${superscript(n)}, ` +
      `Σ stretches the i-th of them by σᵢ, and the columns of U are where they land in ℝ${superscript(m)}. ` +
      `If the rows of A are data points, the rows of Vᵀ are the principal directions (centre the data first for PCA).`,
  );
  if (k > 0 && S[0] > 0) {
    const energy = energyProfile(S);
    const k90 = energy.findIndex((e) => e >= 0.9) + 1;
    const first = `σ₁ = ${plainNumber(S[0])} alone carries ${percent(energy[0])} of the energy Σσᵢ² (the squared Frobenius norm of A).`;
    const ninety =
      k > 1 && k90 > 0 && k90 < k
        ? ` Keeping the top ${k90} singular value${k90 === 1 ? '' : 's'} keeps ${percent(energy[k90 - 1])}: by Eckart–Young that truncation is the best rank-${k90} approximation, the idea behind compression and LoRA's low-rank updates.`
        : '';
    p.push(first + ninety);
  }
  if (rank < Math.min(m, n)) {
    p.push(
      `A has rank ${rank}, less than min(m, n) = ${Math.min(m, n)}: ${Math.min(m, n) - rank} direction${Math.min(m, n) - rank === 1 ? ' is' : 's are'} squashed to zero. ` +
        `Its columns are linearly dependent, so a least-squares fit on it has many solutions; the pseudoinverse picks the one of smallest norm.`,
    );
  } else if (k > 0) {
    p.push(`A has full rank ${rank}: no direction of its ${m < n ? 'row' : 'column'} space is lost.`);
  }
  if (Number.isFinite(f.cond) && f.cond > 1) {
    const digits = Math.log10(f.cond);
    const loss =
      digits >= 15.6
        ? 'κ₂ is at or beyond 1/ε ≈ 4.5·10¹⁵, so a solve with A can lose all ~16 significant digits of double precision: A is singular to working precision'
        : `expect to lose about ${digits.toFixed(1)} of the ~16 significant digits of double precision`;
    p.push(
      `The condition number κ₂ = σ₁/σₙ = ${plainNumber(f.cond)} says how much solving with A can amplify relative errors: ${loss}` +
        (f.cond > 1e8 ? '. That is a lot: regularise (ridge) or truncate the small singular values.' : '.'),
    );
  } else if (!Number.isFinite(f.cond)) {
    p.push('The condition number is infinite: A is singular, so A x = b has no unique solution.');
  }
  return { paragraphs: p, related: ['Post 9 · SVD', 'Post 5 · Eigenvalues and PCA', 'Post 12 · LoRA'] };
}
