/**
 * The WebAssembly SIMD product kernel (wasmGemm.ts) and its dispatch from
 * `gemm` / `gemmNT` (blas.ts). Checked against a naive triple loop with the
 * standard error bound |Ĉ − C| ≤ γ·(|C₀| + Σ_p |α·a_ip·b_pj|): odd and
 * ragged sizes (padding of the 4×4 tiles), sizes that cross every blocking
 * boundary (MC = 128, KC = 256, NC = 512, RC = 1024), transposed op(A),
 * strided op(B) (gemmNT), α ≠ 1, offsets and leading dimensions into larger
 * arrays (entries outside C untouched), accumulation into C, NaN/Inf
 * propagation, the JS fallback, and the feature test.
 */
import * as assert from 'assert';
import { gemm, gemmJs, gemmNT, gemmNTJs } from '../../../src/linalg/blas';
import { setWasmGemmEnabled, wasmGemm, wasmGemmModuleBytes, wasmGemmReady, wasmGemmWanted } from '../../../src/linalg/wasmGemm';
import { rng } from './helpers';

const EPS = 2.220446049250313e-16;

interface Operands {
  m: number;
  n: number;
  k: number;
  alpha: number;
  a: Float64Array;
  ao: number;
  ars: number;
  acs: number;
  b: Float64Array;
  bo: number;
  brs: number;
  bcs: number;
  c: Float64Array;
  co: number;
  ldc: number;
}

/** Random operands embedded in larger arrays (offsets, padding between rows); op(A) transposed if `transA`. */
function operands(m: number, n: number, k: number, alpha: number, seed: number, transA = false, transB = false): Operands {
  const r = rng(seed);
  const pad = 1 + Math.floor(r() * 3);
  const ao = 1 + Math.floor(r() * 5);
  const bo = 2 + Math.floor(r() * 5);
  const co = 3 + Math.floor(r() * 5);
  // A stored m×k (lda = k + pad) or, transposed, k×m (lda = m + pad).
  const lda = (transA ? m : k) + pad;
  const a = new Float64Array(ao + (transA ? k : m) * lda + pad).map(() => r() * 2 - 1);
  const ldb = (transB ? k : n) + pad;
  const b = new Float64Array(bo + (transB ? n : k) * ldb + pad).map(() => r() * 2 - 1);
  const ldc = n + pad;
  const c = new Float64Array(co + m * ldc + pad).map(() => r() * 2 - 1);
  return {
    m, n, k, alpha, a, ao,
    ars: transA ? 1 : lda,
    acs: transA ? lda : 1,
    b, bo,
    brs: transB ? 1 : ldb,
    bcs: transB ? ldb : 1,
    c, co, ldc,
  };
}

/** C₀ + α·op(A)·op(B) by the naive triple loop, and the error-bound scale |C₀| + Σ|α·a·b| per entry. */
function naive(o: Operands): { want: Float64Array; scale: Float64Array } {
  const want = Float64Array.from(o.c);
  const scale = new Float64Array(o.c.length);
  for (let i = 0; i < o.m; i++) {
    for (let j = 0; j < o.n; j++) {
      const ci = o.co + i * o.ldc + j;
      let s = 0;
      let t = Math.abs(o.c[ci]);
      for (let p = 0; p < o.k; p++) {
        const x = o.alpha * o.a[o.ao + i * o.ars + p * o.acs] * o.b[o.bo + p * o.brs + j * o.bcs];
        s += x;
        t += Math.abs(x);
      }
      want[ci] += s;
      scale[ci] = t;
    }
  }
  return { want, scale };
}

/** Every entry within factor·(k + 2)·eps·scale of the reference; entries outside C bit-identical to the input. */
function check(o: Operands, got: Float64Array, before: Float64Array, label: string, factor = 1): void {
  const { want, scale } = naive({ ...o, c: before });
  const inC = new Uint8Array(got.length);
  for (let i = 0; i < o.m; i++) for (let j = 0; j < o.n; j++) inC[o.co + i * o.ldc + j] = 1;
  const tol = factor * (o.k + 2) * EPS;
  for (let x = 0; x < got.length; x++) {
    if (!inC[x]) {
      assert.ok(Object.is(got[x], before[x]), `${label}: entry ${x} outside C changed`);
      continue;
    }
    if (!Number.isFinite(want[x])) {
      assert.ok(Object.is(got[x], want[x]), `${label}: entry ${x} is ${got[x]}, want ${want[x]}`);
      continue;
    }
    const err = Math.abs(got[x] - want[x]);
    assert.ok(err <= tol * scale[x], `${label}: entry ${x} off by ${err} (bound ${tol * scale[x]})`);
  }
}

function runWasm(o: Operands): Float64Array {
  const c = Float64Array.from(o.c);
  assert.strictEqual(wasmGemm(o.m, o.n, o.k, o.alpha, o.a, o.ao, o.ars, o.acs, o.b, o.bo, o.brs, o.bcs, c, o.co, o.ldc), true);
  return c;
}

const SIZES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 33, 65, 127, 201];
/** LINALG_LENS_NO_WASM=1 switches the kernel off: then only the fallback is tested. */
const NO_WASM = process.env.LINALG_LENS_NO_WASM === '1';

describe('wasmGemm: WebAssembly SIMD product kernel', () => {
  it('the feature test returns a boolean without throwing, and is true on Node 20', () => {
    let ready: unknown;
    assert.doesNotThrow(() => {
      ready = wasmGemmReady();
    });
    assert.strictEqual(typeof ready, 'boolean');
    assert.strictEqual(WebAssembly.validate(wasmGemmModuleBytes()), true);
    assert.strictEqual(ready, !NO_WASM, NO_WASM ? 'disabled by LINALG_LENS_NO_WASM=1' : 'Node 20 has WebAssembly SIMD');
  });

  it('matches the naive triple loop on odd and ragged shapes (every size 1..9, 33, 65, 127, 201)', function () {
    if (NO_WASM) this.skip();
    const r = rng(11);
    const triples: [number, number, number][] = [];
    for (const s of SIZES) triples.push([s, s, s]);
    for (const s of [1, 2, 3, 5, 7, 9]) for (const t of [1, 4, 6, 8, 33]) triples.push([s, t, 9 - (s % 9)], [t, s, s + 1], [33, s, t]);
    for (let q = 0; q < 40; q++) triples.push([SIZES[Math.floor(r() * 13)], SIZES[Math.floor(r() * 13)], SIZES[Math.floor(r() * 13)]]);
    let seed = 100;
    for (const [m, n, k] of triples) {
      const o = operands(m, n, k, 1, seed++);
      check(o, runWasm(o), o.c, `${m}x${k}·${k}x${n}`);
    }
  });

  it('transposed op(A) (ars = 1, acs = lda), strided op(B), α ≠ 1', function () {
    if (NO_WASM) this.skip();
    let seed = 500;
    for (const [m, n, k] of [[7, 9, 5], [33, 65, 127], [201, 33, 65], [65, 201, 9], [4, 4, 4], [1, 127, 201]]) {
      for (const alpha of [1, -1, 0.37, -2.5e3]) {
        for (const [ta, tb] of [[true, false], [false, true], [true, true]]) {
          const o = operands(m, n, k, alpha, seed++, ta, tb);
          check(o, runWasm(o), o.c, `${m}x${k}·${k}x${n} α=${alpha} tA=${ta} tB=${tb}`);
        }
      }
    }
  });

  it('crosses every blocking boundary (MC = 128, KC = 256, NC = 512, RC = 1024 rows of C) and the row-major-B switch at m = 96', function () {
    if (NO_WASM) this.skip();
    let seed = 900;
    for (const [m, n, k] of [[129, 17, 257], [1030, 20, 300], [20, 521, 10], [131, 515, 513], [1027, 5, 3], [33, 70, 300], [96, 65, 257], [97, 65, 257], [8, 600, 40]]) {
      const o = operands(m, n, k, -0.75, seed++, seed % 2 === 0);
      check(o, runWasm(o), o.c, `${m}x${k}·${k}x${n}`);
    }
  });

  it('accumulates into C over repeated calls (C ← C + α·A·B twice = C + 2α·A·B)', function () {
    if (NO_WASM) this.skip();
    const o = operands(65, 33, 127, 1.5, 77);
    const once = runWasm(o);
    const twice = runWasm({ ...o, c: once });
    check({ ...o, alpha: 3 }, twice, o.c, 'twice', 2);
    // α·A·B with C₀ = 0 by the kernel, then added: the same as one call on C₀.
    const zero = new Float64Array(o.c.length);
    const prod = runWasm({ ...o, c: zero });
    for (let i = 0; i < o.m; i++) {
      for (let j = 0; j < o.n; j++) {
        const x = o.co + i * o.ldc + j;
        assert.ok(Math.abs(o.c[x] + prod[x] - once[x]) <= 4 * EPS * (Math.abs(o.c[x]) + Math.abs(prod[x])));
      }
    }
  });

  it('propagates NaN and Inf as the triple loop does (and not from the zero padding)', function () {
    if (NO_WASM) this.skip();
    for (const [m, n, k] of [[5, 7, 3], [33, 9, 65], [127, 65, 33]]) {
      const o = operands(m, n, k, 2, 31 + m);
      const lda = o.ars;
      o.a[o.ao + 1 * lda + 0] = Infinity; // row 1 of A
      o.a[o.ao + (m - 1) * lda + (k - 1)] = -Infinity; // last row
      o.b[o.bo + 0 * o.brs + (n - 1)] = NaN; // last column of B
      if (k > 1) o.b[o.bo + (k - 1) * o.brs + 0] = 0; // Inf·0 = NaN in entry (m−1, 0)
      o.c[o.co + 0 * o.ldc + 0] = Infinity; // entry (0, 0) of C₀
      const got = runWasm(o);
      check(o, got, o.c, `${m}x${k}·${k}x${n} non-finite`);
      let nonFinite = 0;
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) if (!Number.isFinite(got[o.co + i * o.ldc + j])) nonFinite++;
      assert.ok(nonFinite >= 2 * n + m - 2, 'rows 1 and m−1 and column n−1 are non-finite');
    }
  });

  it('gemm and gemmNT dispatch large products to WASM, small ones to JS, with the same results as the JS fallback', () => {
    assert.strictEqual(wasmGemmWanted(200, 200, 200), !NO_WASM);
    assert.strictEqual(wasmGemmWanted(32, 32, 32), !NO_WASM);
    assert.strictEqual(wasmGemmWanted(4, 200, 200), false);
    assert.strictEqual(wasmGemmWanted(24, 24, 24), false);
    assert.strictEqual(wasmGemmWanted(400, 16, 8), false);
    let seed = 1300;
    for (const [m, n, k] of [[65, 127, 33], [201, 201, 201], [40, 40, 40], [32, 32, 32], [9, 9, 9], [200, 16, 200], [201, 65, 8], [8, 201, 65], [400, 16, 8]]) {
      for (const transA of [false, true]) {
        const o = operands(m, n, k, -1, seed++, transA);
        const ldb = o.brs;
        const viaGemm = Float64Array.from(o.c);
        gemm(m, n, k, o.alpha, o.a, o.ao, o.ars, o.acs, o.b, o.bo, ldb, viaGemm, o.co, o.ldc);
        check(o, viaGemm, o.c, `gemm ${m}x${k}·${k}x${n}`);
        const viaJs = Float64Array.from(o.c);
        gemmJs(m, n, k, o.alpha, o.a, o.ao, o.ars, o.acs, o.b, o.bo, ldb, viaJs, o.co, o.ldc);
        check(o, viaJs, o.c, `gemmJs ${m}x${k}·${k}x${n}`);
        const was = setWasmGemmEnabled(false);
        try {
          const off = Float64Array.from(o.c);
          gemm(m, n, k, o.alpha, o.a, o.ao, o.ars, o.acs, o.b, o.bo, ldb, off, o.co, o.ldc);
          assert.deepStrictEqual(off, viaJs, 'with WASM disabled, gemm is the JS kernel exactly');
        } finally {
          setWasmGemmEnabled(was);
        }
      }
      // gemmNT: C += α·A·Bᵀ, A m×k and B n×k row-major.
      const o = operands(m, n, k, 0.5, seed++, false, true);
      const nt = Float64Array.from(o.c);
      gemmNT(m, n, k, o.alpha, o.a, o.ao, o.ars, o.b, o.bo, o.bcs, nt, o.co, o.ldc);
      check(o, nt, o.c, `gemmNT ${m}x${k}·(${n}x${k})ᵀ`);
      const ntJs = Float64Array.from(o.c);
      gemmNTJs(m, n, k, o.alpha, o.a, o.ao, o.ars, o.b, o.bo, o.bcs, ntJs, o.co, o.ldc);
      check(o, ntJs, o.c, `gemmNTJs ${m}x${k}·(${n}x${k})ᵀ`);
    }
  });

  it('α = 0 and empty products leave C untouched on both paths', () => {
    const o = operands(65, 65, 65, 0, 5);
    const c = Float64Array.from(o.c);
    gemm(65, 65, 65, 0, o.a, o.ao, o.ars, o.acs, o.b, o.bo, o.brs, c, o.co, o.ldc);
    assert.deepStrictEqual(c, o.c);
    if (NO_WASM) return;
    assert.strictEqual(wasmGemm(0, 65, 65, 1, o.a, o.ao, o.ars, o.acs, o.b, o.bo, o.brs, 1, c, o.co, o.ldc), true);
    assert.strictEqual(wasmGemm(65, 65, 0, 1, o.a, o.ao, o.ars, o.acs, o.b, o.bo, o.brs, 1, c, o.co, o.ldc), true);
    assert.deepStrictEqual(c, o.c);
  });
});
