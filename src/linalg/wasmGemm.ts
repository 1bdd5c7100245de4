/**
 * WebAssembly SIMD matrix-product kernel behind `gemm` / `gemmNT` (blas.ts).
 *
 * Why: the scalar JS gemm runs at ≈ 4.5 GFlop/s here; the same product on
 * packed panels in baseline WASM SIMD (f64x2 mul + add: no FMA, no
 * relaxed-simd, no flags) runs at 14–18 GFlop/s from n ≈ 100. Measured
 * interleaved in one Node 20.20 process (CPU time per product, medians of 15,
 * AMD EPYC x64, other jobs on the machine), `gemmJs` vs `wasmGemm`:
 *
 *   m×k · k×n               JS ms    WASM ms   speed-up
 *   64³                     0.124    0.044     2.8×
 *   100³                    0.472    0.138     3.4×
 *   128³                    0.932    0.259     3.6×
 *   200³                    3.50     0.937     3.7×
 *   256³                    7.43     1.85      4.0×
 *   400³                    28.7     7.05      4.1×
 *   200×16 · 16×200         0.283    0.107     2.6×
 *   200×200 · 200×16        0.307    0.127     2.4×
 *   400×48 · 48×400         3.41     1.01      3.4×
 *   200×8 · 8×200           0.149    0.076     2.0×   (compact-WY X −= V·W)
 *   8×200 · 200×200         0.141    0.053     2.7×   (compact-WY W = Vᵀ·X)
 *   16×200 · 200×200        0.280    0.091     3.1×
 *   32³                     0.015    0.010     1.5×
 *   24³                     0.006    0.005     1.25×  (below the threshold)
 *   200×16 · 16×16          0.025    0.023     1.1×   (at the threshold)
 *   400×8 · 8×16            0.025    0.037     0.7×   (below)
 *   16³                     0.002    0.002     0.9×   (below)
 *   gemmNT, A·Bᵀ: 200×200 by 200×200 4.7×, 100×100 by 100×100 4.0×,
 *   64×200 by 64×200 3.8×, 32×200 by 32×200 2.8×, 48×48 by 48×48 2.4×.
 *
 * End to end, public functions on random matrices, WASM path toggled per
 * call (`setWasmGemmEnabled`) in one process, median CPU ms over ≥ 50 calls
 * each: svd 200 25.1 → 18.2 (−28%), svd 100 4.27 → 3.57 (−16%), eigh 200
 * 13.5 → 9.8 (−28%), eigh 100 2.50 → 2.13 (−15%), lu 400 12.8 → 7.4 (−42%),
 * lu 200 2.00 → 1.43 (−29%), lu 100 0.34 → 0.30 (−12%), qr 400 49.6 → 23.6
 * (−52%), qr 200 6.61 → 4.26 (−36%), qr 100 1.03 → 0.84 (−18%), cholesky
 * 400 11.5 → 7.6 (−34%). (`node dist/bench.js --profile OP N`, separate
 * processes with LINALG_LENS_NO_WASM=1 and without, agrees in direction —
 * svd 200 −12…−19%, lu 400 −26%, qr 200 −11…−26% — but is noisier on this
 * shared 2-core machine.) What remains is not matrix-matrix work
 * (bidiagonalization's matrix-vector sweeps, secular solvers, rotations).
 *
 * Layout and blocking (the standard BLIS/GotoBLAS scheme):
 * - C (row-major, leading dimension ldc in the caller's array) is processed
 *   in blocks of ≤ RC rows × NC columns: the block is copied into WASM memory
 *   (padded to multiples of 4, row stride ncPad), updated, and copied back.
 * - For each depth slice of ≤ KC, op(B) (KC×NC) is packed into 4-column
 *   panels: panel s holds, for p = 0..kc−1, the four entries B[p][4s..4s+3].
 *   When m ≤ 96, n ≥ 64 and B is row-major (gemm, not gemmNT), each B panel is used
 *   by few A panels and packing it costs as much as the product, so the
 *   block is instead copied row by row (one memcpy per row, row stride
 *   ≡ 8 mod 16 doubles to spread a panel's rows over L1 sets) and the kernel
 *   walks it with a stride: the kernel takes the byte distance between
 *   successive p (`ldb`) and between panels (`bstep`), 32 and kc·32 when packed.
 * - For each MC-row block, α·op(A) (MC×KC) is packed into 4-row panels:
 *   panel r holds, for p = 0..kc−1, the four entries α·A[4r..4r+3][p]
 *   (α is applied while packing, exactly as the JS gemm scales A).
 *   Ragged edges are padded with zeros; padded rows/columns of C are never
 *   copied back, so 0·Inf = NaN in the padding cannot leak out.
 * - The micro-kernel computes a 4×4 tile of C with eight f64x2 accumulators,
 *   the p loop innermost over the two packed panels (two v128 loads of B and
 *   four load64_splat of A per p: 8 mul + 8 add), then adds the tile into the
 *   C buffer. Loop order: B panel (stays in L1) → A panel (block in L2) → p.
 * - Memory: one WebAssembly.Memory per isolate (extension host, worker
 *   thread, CLI each get their own), grown on demand and reused; at most
 *   MC·KC + KC·NC + RC·NC doubles (≈ 5.3 MB), whatever the operand sizes.
 *
 * Accuracy: each entry is Σ_p α·a_ip·b_pj accumulated in double precision
 * (pairs of lanes, no FMA) over depth slices of KC, then added to C; a
 * different summation order from the JS kernel but the same |error| ≤
 * k·eps·Σ|α·a_ip·b_pj| bound (plus one rounding per KC slice). Not
 * bit-identical to the JS path.
 *
 * Threshold (`wasmGemmWanted`): m, n, k ≥ 8, n·k ≥ 256 and m·n·k ≥ 32³.
 * Measured: 32³ is 1.5×, 24³ 1.25×, 8×64·64×64 1.7×, 200×16·16×16
 * break-even; below, the packing and the copying of C dominate (400×8·8×16
 * 0.7×, 16³ 0.9×, 4×64·64×64 1.05×), so those stay in JS. (Very short A with
 * a wide B would also gain — 4×200·200×200 1.9× — but no blocked caller
 * issues such products, so m ≥ 8 stays as a conservative floor.)
 *
 * Fallback: `wasmGemmReady()` feature-tests once (WebAssembly present, the
 * module validates — i.e. SIMD is supported — compiles, instantiates, and a
 * 5×6·6×7 check product matches a scalar reference); any failure, or the
 * environment variable LINALG_LENS_NO_WASM=1, leaves the JS kernels in
 * charge. Nothing here throws into callers: if memory cannot grow,
 * `wasmGemm` returns false before touching C and the JS path runs instead.
 *
 * The module's bytes are emitted below by a tiny encoder (no build step, no
 * binary blob). The kernel in WAT:
 *
 *   (module
 *     (import "env" "mem" (memory 1))
 *     (func (export "kernel") (param $mp i32) (param $np i32) (param $kc i32)
 *           (param $pa0 i32) (param $pb0 i32) (param $pc0 i32) (param $ldc i32)
 *           (param $ldb i32) (param $bstep i32)
 *       (local $jr i32) (local $ir i32) (local $p i32) (local $pa i32) (local $pb i32)
 *       (local $pc i32) (local $arow i32) (local $bcol i32) (local $ccol i32) (local $step i32)
 *       (local $c00 v128) (local $c01 v128) ... (local $c31 v128)   ;; 8 accumulators
 *       (local $b0 v128) (local $b1 v128) (local $av v128)
 *       (local.set $step (i32.shl (local.get $kc) (i32.const 5)))   ;; bytes per panel
 *       (local.set $bcol (local.get $pb0)) (local.set $ccol (local.get $pc0))
 *       (local.set $jr (local.get $np))
 *       (loop $J
 *         (local.set $arow (local.get $pa0)) (local.set $pc (local.get $ccol))
 *         (local.set $ir (local.get $mp))
 *         (loop $I
 *           (local.set $c00 (v128.const i64x2 0 0)) ... (local.set $c31 (v128.const i64x2 0 0))
 *           (local.set $pa (local.get $arow)) (local.set $pb (local.get $bcol))
 *           (local.set $p (local.get $kc))
 *           (loop $P
 *             (local.set $b0 (v128.load offset=0 align=8 (local.get $pb)))
 *             (local.set $b1 (v128.load offset=16 align=8 (local.get $pb)))
 *             ;; for r = 0..3 (offset 8r):
 *             (local.set $av (v128.load64_splat offset=0 (local.get $pa)))
 *             (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $av) (local.get $b0))))
 *             (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $av) (local.get $b1))))
 *             ...
 *             (local.set $pa (i32.add (local.get $pa) (i32.const 32)))
 *             (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
 *             (br_if $P (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
 *           ;; for r = 0..3: C[r][0:2] += c_r0, C[r][2:4] += c_r1, then $pc += $ldc
 *           (v128.store offset=0 align=8 (local.get $pc) (f64x2.add (v128.load offset=0 align=8 (local.get $pc)) (local.get $c00)))
 *           (v128.store offset=16 align=8 (local.get $pc) (f64x2.add (v128.load offset=16 align=8 (local.get $pc)) (local.get $c01)))
 *           (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
 *           ...
 *           (local.set $arow (i32.add (local.get $arow) (local.get $step)))
 *           (br_if $I (local.tee $ir (i32.sub (local.get $ir) (i32.const 1)))))
 *         (local.set $bcol (i32.add (local.get $bcol) (local.get $bstep)))
 *         (local.set $ccol (i32.add (local.get $ccol) (i32.const 32)))
 *         (br_if $J (local.tee $jr (i32.sub (local.get $jr) (i32.const 1)))))))
 *
 * (The stack-machine form below computes exactly this; the encoder was
 * checked against wabt's wat2wasm output for this text during development.)
 */

// ---------------------------------------------------------------------------
// A tiny typed WebAssembly encoder: just what the kernel needs.
// ---------------------------------------------------------------------------

/** Unsigned LEB128. */
function uleb(out: number[], v: number): void {
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
}

/** Signed LEB128 (32-bit values). */
function sleb(out: number[], v: number): void {
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

/**
 * Immediate kinds: none; a block type (always empty, 0x40); a local or label
 * index; an i32 constant; a memarg (alignment fixed per opcode, offset given);
 * the sixteen zero bytes of a v128 constant.
 */
type Imm = 'none' | 'void' | 'idx' | 'i32' | 'mem' | 'zero16';

/** Opcode bytes (SIMD ones: the 0xFD prefix, then the LEB128 sub-opcode) and immediate kind. */
const OPS = {
  loop: [[0x03], 'void'],
  end: [[0x0b], 'none'],
  br_if: [[0x0d], 'idx'],
  'local.get': [[0x20], 'idx'],
  'local.set': [[0x21], 'idx'],
  'local.tee': [[0x22], 'idx'],
  'i32.const': [[0x41], 'i32'],
  'i32.add': [[0x6a], 'none'],
  'i32.sub': [[0x6b], 'none'],
  'i32.shl': [[0x74], 'none'],
  'v128.load': [[0xfd, 0x00], 'mem'],
  'v128.load64_splat': [[0xfd, 0x0a], 'mem'],
  'v128.store': [[0xfd, 0x0b], 'mem'],
  'v128.const': [[0xfd, 0x0c], 'zero16'],
  'f64x2.add': [[0xfd, 0xf0, 0x01], 'none'],
  'f64x2.mul': [[0xfd, 0xf2, 0x01], 'none'],
} as const satisfies Record<string, readonly [readonly number[], Imm]>;

type Mnemonic = keyof typeof OPS;
/** One instruction: mnemonic, plus its immediate (index, constant or memarg offset) if it has one. */
type Ins = readonly [Mnemonic] | readonly [Mnemonic, number];

/** log2 of the alignment hint of the memory opcodes: the doubles are 8-byte aligned, not 16. */
const MEM_ALIGN = 3;

function encodeCode(code: readonly Ins[]): number[] {
  const out: number[] = [];
  for (const ins of code) {
    const [bytes, imm] = OPS[ins[0]];
    out.push(...bytes);
    const arg = ins.length > 1 ? (ins[1] as number) : 0;
    switch (imm) {
      case 'void':
        out.push(0x40);
        break;
      case 'idx':
        uleb(out, arg);
        break;
      case 'i32':
        sleb(out, arg);
        break;
      case 'mem':
        uleb(out, MEM_ALIGN);
        uleb(out, arg);
        break;
      case 'zero16':
        for (let i = 0; i < 16; i++) out.push(0);
        break;
      case 'none':
        break;
    }
  }
  return out;
}

function section(out: number[], id: number, payload: readonly number[]): void {
  out.push(id);
  uleb(out, payload.length);
  out.push(...payload);
}

function utf8Name(out: number[], s: string): void {
  uleb(out, s.length);
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}

const I32 = 0x7f;
const V128 = 0x7b;

// ---------------------------------------------------------------------------
// The kernel as an instruction list.
// ---------------------------------------------------------------------------

// Parameters (i32; pointers are byte offsets into memory).
const MP = 0; // number of 4-row panels of packed A
const NP = 1; // number of 4-column panels of packed B
const KCP = 2; // depth (≥ 1)
const PA0 = 3; // packed A
const PB0 = 4; // B block (panels, or row-major)
const PC0 = 5; // C buffer, row-major
const LDC = 6; // C buffer row stride in bytes
const LDB = 7; // bytes from B[p][·] to B[p+1][·] within a panel (32 when packed)
const BSTEP = 8; // bytes from one 4-column panel of B to the next (kc·32 when packed)
const N_PARAMS = 9;
// i32 locals
const JR = 9;
const IR = 10;
const P = 11;
const PA = 12;
const PB = 13;
const PC = 14;
const AROW = 15;
const BCOL = 16;
const CCOL = 17;
const STEP = 18;
const N_I32_LOCALS = 10;
// v128 locals: accumulators for C[r][0:2] (ACC + 2r) and C[r][2:4] (ACC + 2r + 1), r = 0..3; B's halves; A splat.
const ACC = 19;
const B0 = 27;
const B1 = 28;
const AV = 29;
const N_V128_LOCALS = 11;

/** acc[r][h] += av·b_h (h = 0, 1) with av = packed A[p][r] (at PA + 8r) in both lanes. */
function multiplyAddRow(r: number): Ins[] {
  return [
    ['local.get', PA], ['v128.load64_splat', 8 * r], ['local.set', AV],
    ['local.get', ACC + 2 * r], ['local.get', AV], ['local.get', B0], ['f64x2.mul'], ['f64x2.add'], ['local.set', ACC + 2 * r],
    ['local.get', ACC + 2 * r + 1], ['local.get', AV], ['local.get', B1], ['f64x2.mul'], ['f64x2.add'], ['local.set', ACC + 2 * r + 1],
  ];
}

/** C[r][0:4] += acc[r] at PC, then PC += LDC (next row of the tile). */
function addTileRow(r: number): Ins[] {
  return [
    ['local.get', PC], ['local.get', PC], ['v128.load', 0], ['local.get', ACC + 2 * r], ['f64x2.add'], ['v128.store', 0],
    ['local.get', PC], ['local.get', PC], ['v128.load', 16], ['local.get', ACC + 2 * r + 1], ['f64x2.add'], ['v128.store', 16],
    ['local.get', PC], ['local.get', LDC], ['i32.add'], ['local.set', PC],
  ];
}

const set = (dst: number, src: number): Ins[] => [['local.get', src], ['local.set', dst]];
const addLocal = (dst: number, src: number): Ins[] => [['local.get', dst], ['local.get', src], ['i32.add'], ['local.set', dst]];
const addConst = (dst: number, c: number): Ins[] => [['local.get', dst], ['i32.const', c], ['i32.add'], ['local.set', dst]];
/** counter −= 1; branch back to the innermost enclosing loop while it is nonzero. */
const countDown = (counter: number): Ins[] => [['local.get', counter], ['i32.const', 1], ['i32.sub'], ['local.tee', counter], ['br_if', 0]];

const zeroAccumulators: Ins[] = [];
for (let i = 0; i < 8; i++) zeroAccumulators.push(['v128.const'], ['local.set', ACC + i]);

const KERNEL: readonly Ins[] = [
  ['local.get', KCP], ['i32.const', 5], ['i32.shl'], ['local.set', STEP], // bytes per packed panel: kc·4·8
  ...set(BCOL, PB0),
  ...set(CCOL, PC0),
  ...set(JR, NP),
  ['loop'], // $J: over the 4-column panels of B
  ...set(AROW, PA0),
  ...set(PC, CCOL),
  ...set(IR, MP),
  ['loop'], // $I: over the 4-row panels of A
  ...zeroAccumulators,
  ...set(PA, AROW),
  ...set(PB, BCOL),
  ...set(P, KCP),
  ['loop'], // $P: over the depth
  ['local.get', PB], ['v128.load', 0], ['local.set', B0],
  ['local.get', PB], ['v128.load', 16], ['local.set', B1],
  ...multiplyAddRow(0),
  ...multiplyAddRow(1),
  ...multiplyAddRow(2),
  ...multiplyAddRow(3),
  ...addConst(PA, 32),
  ...addLocal(PB, LDB),
  ...countDown(P),
  ['end'],
  ...addTileRow(0),
  ...addTileRow(1),
  ...addTileRow(2),
  ...addTileRow(3),
  ...addLocal(AROW, STEP),
  ...countDown(IR),
  ['end'],
  ...addLocal(BCOL, BSTEP),
  ...addConst(CCOL, 32),
  ...countDown(JR),
  ['end'],
  ['end'], // function body
];

/** The module's bytes: imports env.mem (memory, ≥ 1 page), exports kernel(mp, np, kc, pa, pb, pc, ldc, ldb, bstep). */
export function wasmGemmModuleBytes(): Uint8Array<ArrayBuffer> {
  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]; // "\0asm", version 1
  const type: number[] = [1, 0x60]; // one func type: (9 × i32) → ()
  uleb(type, N_PARAMS);
  for (let i = 0; i < N_PARAMS; i++) type.push(I32);
  type.push(0);
  section(out, 1, type);
  const imports: number[] = [1];
  utf8Name(imports, 'env');
  utf8Name(imports, 'mem');
  imports.push(0x02, 0x00, 1); // memory, limits: min 1 page, no max
  section(out, 2, imports);
  section(out, 3, [1, 0]); // one function of type 0
  const exports: number[] = [1];
  utf8Name(exports, 'kernel');
  exports.push(0x00, 0); // function 0
  section(out, 7, exports);
  const body: number[] = [2, N_I32_LOCALS, I32, N_V128_LOCALS, V128, ...encodeCode(KERNEL)];
  const code: number[] = [1];
  uleb(code, body.length);
  code.push(...body);
  section(out, 10, code);
  return new Uint8Array(out);
}

// ---------------------------------------------------------------------------
// Driver: blocking, packing, memory, feature test.
// ---------------------------------------------------------------------------

/** Rows of α·op(A) per packed block (multiple of 4); MC·KC doubles (256 KB) stay in L2. */
const MC = 128;
/** Depth per packed slice. */
const KC = 256;
/** Columns of op(B) per packed block (multiple of 4); KC·NC doubles = 1 MB. */
const NC = 512;
/** Rows of C per buffered block (multiple of MC); bounds the C buffer at RC·NC doubles (4 MB). */
const RC = 1024;

/** Up to this many rows of C, op(B) is copied row-major rather than packed into panels. */
const ROW_MAJOR_B_MAX_M = 96;

/**
 * Row stride (doubles) of the row-major B block: ≥ ncPad and ≡ 8 (mod 16), so
 * successive rows of a 4-column panel fall in different L1 sets (a stride of
 * a multiple of 4 KB would map all kc rows onto one set).
 */
function rowStride(ncPad: number): number {
  return ncPad + ((24 - (ncPad % 16)) % 16);
}

type Kernel = (mp: number, np: number, kc: number, pa: number, pb: number, pc: number, ldc: number, ldb: number, bstep: number) => void;

let state: 'untested' | 'ready' | 'unavailable' = 'untested';
let kernel: Kernel | null = null;
let memory: WebAssembly.Memory | null = null;
let heap = new Float64Array(0);

/** Makes the memory hold `bytes`; false (nothing changed) if it cannot grow. */
function reserve(bytes: number): boolean {
  const mem = memory as WebAssembly.Memory;
  const have = mem.buffer.byteLength;
  if (have < bytes) {
    try {
      mem.grow(Math.ceil((bytes - have) / 65536));
    } catch {
      return false;
    }
  }
  if (heap.buffer !== mem.buffer) heap = new Float64Array(mem.buffer);
  return true;
}

function disabledByEnv(): boolean {
  try {
    return typeof process !== 'undefined' && process.env?.LINALG_LENS_NO_WASM === '1';
  } catch {
    return false;
  }
}

/** Compiles and instantiates the module and checks one small product; false on any failure. */
function featureTest(): boolean {
  try {
    if (disabledByEnv()) return false;
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return false;
    const bytes = wasmGemmModuleBytes();
    if (!WebAssembly.validate(bytes)) return false; // e.g. no SIMD
    const mem = new WebAssembly.Memory({ initial: 1 });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { mem } });
    const fn = instance.exports.kernel;
    if (typeof fn !== 'function') return false;
    memory = mem;
    kernel = fn as Kernel;
    heap = new Float64Array(mem.buffer);
    // 5×6 · 6×7 with small integers: exact in any summation order.
    const m = 5, k = 6, n = 7;
    const a = new Float64Array(m * k).map((_, i) => ((i * 7) % 11) - 5);
    const b = new Float64Array(k * n).map((_, i) => ((i * 5) % 13) - 6);
    const c = new Float64Array(m * n).map((_, i) => i % 3);
    const want = Float64Array.from(c);
    for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) want[i * n + j] += 2 * a[i * k + p] * b[p * n + j];
    if (!run(m, n, k, 2, a, 0, k, 1, b, 0, n, 1, c, 0, n)) return false;
    for (let i = 0; i < want.length; i++) if (c[i] !== want[i]) return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the WASM kernel is usable here. Feature-tests on the first call
 * only; never throws.
 */
export function wasmGemmReady(): boolean {
  if (state === 'untested') {
    const ok = featureTest();
    state = ok ? 'ready' : 'unavailable';
    if (!ok) {
      kernel = null;
      memory = null;
      heap = new Float64Array(0);
    }
  }
  return state === 'ready';
}

let enabled = true;

/**
 * Switches the WASM path on or off for `gemm` / `gemmNT` (tests and
 * benchmarks compare both paths); returns the previous setting.
 */
export function setWasmGemmEnabled(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/** True if `gemm` / `gemmNT` would use the WASM kernel for an m×k·k×n product. */
export function wasmGemmWanted(m: number, n: number, k: number): boolean {
  return enabled && m >= 8 && n >= 8 && k >= 8 && n * k >= 256 && m * n * k >= 32768 && wasmGemmReady();
}

/**
 * C ← C + α·op(A)·op(B) on the WASM kernel, with op(A)[i][p] =
 * a[ao + i·ars + p·acs], op(B)[p][j] = b[bo + p·brs + j·bcs] and C
 * row-major (c[co + i·ldc + j]). Returns false, with C untouched, if the
 * kernel is unavailable or its memory cannot grow; the caller then runs the
 * JS kernel. Operands must not overlap C (as for BLAS).
 */
export function wasmGemm(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float64Array,
  ao: number,
  ars: number,
  acs: number,
  b: Float64Array,
  bo: number,
  brs: number,
  bcs: number,
  c: Float64Array,
  co: number,
  ldc: number,
): boolean {
  if (m <= 0 || n <= 0 || k <= 0) return true;
  if (!wasmGemmReady()) return false;
  return run(m, n, k, alpha, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc);
}

function run(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float64Array,
  ao: number,
  ars: number,
  acs: number,
  b: Float64Array,
  bo: number,
  brs: number,
  bcs: number,
  c: Float64Array,
  co: number,
  ldc: number,
): boolean {
  const kern = kernel as Kernel;
  const ncMax = Math.min(NC, (n + 3) & ~3);
  const kcMax = Math.min(KC, k);
  const mcMax = Math.min(MC, (m + 3) & ~3);
  const rcMax = Math.min(RC, (m + 3) & ~3);
  // Layout in doubles: packed A block | packed B block | C buffer.
  const aOff = 0;
  const bOff = aOff + mcMax * kcMax;
  const cOff = bOff + kcMax * rowStride(ncMax);
  // Few rows of A reuse each packed B panel only a few times, so for them the
  // B block is copied row by row instead of packed into panels (measured:
  // 8×200·200×200 1.7× → 2.8×, 16×200·200×200 2.4× → 3.3×; from m ≈ 128
  // panels win by ≈ 5%, and for rows shorter than 64 the copy is no memcpy).
  const rowMajorB = bcs === 1 && m <= ROW_MAJOR_B_MAX_M && n >= 64;
  if (!reserve((cOff + rcMax * ncMax) * 8)) return false;
  const w = heap;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    const ncPad = (nc + 3) & ~3;
    const ldbw = rowStride(ncPad);
    for (let ir = 0; ir < m; ir += RC) {
      const rows = Math.min(RC, m - ir);
      // C block in (short rows by hand: subarray() costs more than it saves below ~64).
      for (let i = 0; i < rows; i++) {
        const src = co + (ir + i) * ldc + jc;
        const dst = cOff + i * ncPad;
        if (nc >= 64) w.set(c.subarray(src, src + nc), dst);
        else for (let j = 0; j < nc; j++) w[dst + j] = c[src + j];
      }
      for (let pc = 0; pc < k; pc += KC) {
        const kc = Math.min(KC, k - pc);
        const ldbB = rowMajorB ? ldbw * 8 : 32;
        const bstepB = rowMajorB ? 32 : kc * 32;
        if (rowMajorB) {
          // op(B)[pc.., jc..] row by row (a memcpy per row), row stride ldbw; the
          // padding columns hold stale data that only ever reaches C's padding.
          for (let p = 0; p < kc; p++) {
            const src = bo + (pc + p) * brs + jc;
            const dst = bOff + p * ldbw;
            if (nc >= 64) w.set(b.subarray(src, src + nc), dst);
            else for (let j = 0; j < nc; j++) w[dst + j] = b[src + j];
          }
        } else {
          // op(B)[pc.., jc..] into 4-column panels (zero-padded).
          for (let s = 0; s < ncPad; s += 4) {
            const cols = Math.min(4, nc - s);
            let d = bOff + s * kc;
            let src = bo + pc * brs + (jc + s) * bcs;
            if (cols === 4) {
              for (let p = 0; p < kc; p++, d += 4, src += brs) {
                w[d] = b[src];
                w[d + 1] = b[src + bcs];
                w[d + 2] = b[src + 2 * bcs];
                w[d + 3] = b[src + 3 * bcs];
              }
            } else {
              for (let p = 0; p < kc; p++, d += 4, src += brs) for (let q = 0; q < 4; q++) w[d + q] = q < cols ? b[src + q * bcs] : 0;
            }
          }
        }
        for (let ic = 0; ic < rows; ic += MC) {
          const mc = Math.min(MC, rows - ic);
          const mcPad = (mc + 3) & ~3;
          // α·op(A)[ir+ic.., pc..] into 4-row panels (zero-padded).
          for (let r = 0; r < mcPad; r += 4) {
            const nr = Math.min(4, mc - r);
            let d = aOff + r * kc;
            let src = ao + (ir + ic + r) * ars + pc * acs;
            if (nr === 4) {
              for (let p = 0; p < kc; p++, d += 4, src += acs) {
                w[d] = alpha * a[src];
                w[d + 1] = alpha * a[src + ars];
                w[d + 2] = alpha * a[src + 2 * ars];
                w[d + 3] = alpha * a[src + 3 * ars];
              }
            } else {
              for (let p = 0; p < kc; p++, d += 4, src += acs) for (let q = 0; q < 4; q++) w[d + q] = q < nr ? alpha * a[src + q * ars] : 0;
            }
          }
          kern(mcPad >> 2, ncPad >> 2, kc, aOff * 8, bOff * 8, (cOff + ic * ncPad) * 8, ncPad * 8, ldbB, bstepB);
        }
      }
      // C block out.
      for (let i = 0; i < rows; i++) {
        const src = cOff + i * ncPad;
        const dst = co + (ir + i) * ldc + jc;
        if (nc >= 64) c.set(w.subarray(src, src + nc), dst);
        else for (let j = 0; j < nc; j++) c[dst + j] = w[src + j];
      }
    }
  }
  return true;
}
