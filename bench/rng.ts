/**
 * Seeded random matrices for the benchmark. The generator is xoshiro128**
 * (32-bit state words, written from its published description); doubles take
 * 53 random bits from two outputs and normals come from the Box–Muller
 * transform. Every library (and the numpy subprocess, which is sent the very
 * same bytes) sees identical inputs.
 */

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | null = null;

  constructor(seed: number) {
    // Spread the seed over the four words with a small integer hash so nearby
    // seeds give unrelated streams (and the state is never all zero).
    let h = seed >>> 0;
    const next = (): number => {
      h = (h + 0x9e3779b9) >>> 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next() | 1;
  }

  /** Next raw 32-bit output. */
  u32(): number {
    const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;
    const out = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return out;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.u32() >>> 5; // 27 bits
    const lo = this.u32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Standard normal deviate (Box–Muller, both outputs used). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

/** FNV-1a of a label, mixed with the base seed: each case gets its own stream. */
export function caseSeed(base: number, label: string): number {
  let h = 0x811c9dc5 ^ base;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rows×cols matrix of independent N(0, 1) entries, row-major. */
export function gaussian(rng: Rng, rows: number, cols: number): Float64Array {
  const a = new Float64Array(rows * cols);
  for (let i = 0; i < a.length; i++) a[i] = rng.normal();
  return a;
}

/** (G + Gᵀ)/2 — exactly symmetric, since the two sums are the same floating-point operation. */
export function symmetricFrom(g: Float64Array, n: number): Float64Array {
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s[i * n + j] = (g[i * n + j] + g[j * n + i]) / 2;
  return s;
}

/** GᵀG + n·I: symmetric positive definite, entries of size ~n, condition number modest. */
export function spdFrom(g: Float64Array, n: number): Float64Array {
  const s = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const rk = k * n;
    for (let i = 0; i < n; i++) {
      const gki = g[rk + i];
      if (gki === 0) continue;
      const ri = i * n;
      for (let j = 0; j < n; j++) s[ri + j] += gki * g[rk + j];
    }
  }
  // Symmetrise exactly (the k-sums above already agree bit for bit, but make it explicit).
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) s[j * n + i] = s[i * n + j];
  for (let i = 0; i < n; i++) s[i * n + i] += n;
  return s;
}

/**
 * A PCA data set: m samples of n correlated features with non-zero means,
 * X = Z·W + 1·μᵀ with Z, W Gaussian (W n×n mixes the features) and μ ~ 10·N(0, 1).
 */
export function pcaData(rng: Rng, m: number, n: number): Float64Array {
  const z = gaussian(rng, m, n);
  const w = gaussian(rng, n, n);
  const mu = new Float64Array(n);
  for (let j = 0; j < n; j++) mu[j] = 10 * rng.normal();
  const x = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const ri = i * n;
    for (let k = 0; k < n; k++) {
      const zik = z[ri + k];
      const rk = k * n;
      for (let j = 0; j < n; j++) x[ri + j] += zik * w[rk + j];
    }
    for (let j = 0; j < n; j++) x[ri + j] += mu[j];
  }
  return x;
}
