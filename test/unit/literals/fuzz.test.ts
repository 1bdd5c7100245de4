/**
 * Fuzzing the parser: mutated reference literals, random Unicode text and huge
 * single lines. Only LiteralError may ever be thrown, and no call may hang.
 * LITERAL_FUZZ_RUNS sets the total number of generated inputs (default 100000).
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { LiteralError, parseLiteral } from '../../../src/literals';
import { loadLiterals } from '../reference';

const TOTAL = Number(process.env.LITERAL_FUZZ_RUNS ?? 100000);
/**
 * Hang detector, not a speed test (tests never judge speed): typical calls take well under a
 * millisecond and the slowest of 100,000 about 40 ms on a quiet machine (printed below); only a
 * runaway (catastrophic backtracking, an endless loop) gets anywhere near ten seconds.
 */
const HANG_MS = 10000;

const stats = { calls: 0, maxMs: 0, maxText: '', over100: 0 };

function call(text: string): void {
  const t0 = performance.now();
  try {
    parseLiteral(text);
  } catch (e) {
    if (!(e instanceof LiteralError)) throw new Error(`non-LiteralError for ${JSON.stringify(text)}: ${String(e)}`);
    assert.ok(e.position.offset >= 0 && e.position.offset <= text.length, `position outside the text for ${JSON.stringify(text)}`);
  }
  const ms = performance.now() - t0;
  stats.calls++;
  if (ms > 100) stats.over100++;
  if (ms > stats.maxMs) { stats.maxMs = ms; stats.maxText = text; }
  assert.ok(ms < HANG_MS, `${ms.toFixed(0)} ms for ${JSON.stringify(text.slice(0, 200))}`);
}

const seeds = loadLiterals().map((c) => c.text).concat([
  '[1 2; 3 4]', '\\frac{1}{2}\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}', 'matrix(c(1, 2, 3, 4), 2)', 'reshape([1, 2, 3, 4], [2, 2])',
  '$ mat(1, 2; 3, 4) $', 'Eigen::Matrix2d m;\nm << 1, 2, 3, 4;', '{{Sqrt[2], 1}, {0, I}}', '2×2 Matrix{Float64}:\n 1.0  2.0\n 3.0  4.0',
]);

type Mutation = { kind: 'delete' | 'duplicate' | 'insert' | 'truncate' | 'swap'; at: number; len: number; piece: string };

const piece = fc.oneof(
  fc.constantFrom('[', ']', '(', ')', '{', '}', ',', ';', '\n', ' ', '-', '+', '.', 'e', 'j', 'i', '\\', '&', '\\\\', '...', '…', '%', '#', '"', "'", '$', '|', '<<', '1', '0.5', 'np.', '\\frac{', '×', '//', '(*', '*)', '=', 'NaN'),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'insert', 'truncate', 'swap'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 12 }),
  piece,
});

function mutate(text: string, ms: readonly Mutation[]): string {
  let s = text;
  for (const m of ms) {
    const at = s.length ? m.at % (s.length + 1) : 0;
    switch (m.kind) {
      case 'delete': s = s.slice(0, at) + s.slice(at + m.len); break;
      case 'duplicate': s = s.slice(0, at + m.len) + s.slice(at, at + m.len) + s.slice(at + m.len); break;
      case 'insert': s = s.slice(0, at) + m.piece + s.slice(at); break;
      case 'truncate': s = s.slice(0, at); break;
      case 'swap': s = s.slice(0, at) + s.slice(at + m.len, at + 2 * m.len) + s.slice(at, at + m.len) + s.slice(at + 2 * m.len); break;
    }
  }
  return s.slice(0, 1024);
}

describe('literals: fuzzing', function () {
  this.timeout(600000);
  before(() => {
    // Warm-up: loads mathjs (lazily loaded on the first expression entry) outside the measurements.
    try { parseLiteral('[sqrt(2)]'); } catch { /* ignore */ }
  });
  after(() => {
    // Reported, not asserted beyond "no hang": timings depend on the machine's load.
    console.log(`      fuzz: ${stats.calls} calls, max ${stats.maxMs.toFixed(1)} ms (${stats.over100} over 100 ms), slowest input ${JSON.stringify(stats.maxText.slice(0, 80))}`);
  });

  it(`mutated reference literals (${Math.round(TOTAL * 0.7)} inputs)`, () => {
    fc.assert(fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, ms) => call(mutate(seed, ms))), { numRuns: Math.round(TOTAL * 0.7) });
  });

  it(`random Unicode and binary text (${Math.round(TOTAL * 0.2)} inputs)`, () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.constantFrom(...'[](){};,. -+1e\n\\&|$%#\'"ij'.split('')), maxLength: 300 })), call), { numRuns: Math.round(TOTAL * 0.2) });
  });

  it(`random well-formed literals with random entries (${Math.round(TOTAL * 0.1)} inputs)`, () => {
    const entry = fc.oneof(fc.double().map(String), fc.constantFrom('1/3', 'np.sqrt(2)', '\\frac{1}{2}', 'x', '1+2j', 'Sqrt[2]', '-.5', '2**3', 'NaN', '', '…'));
    const rows = fc.array(fc.array(entry, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });
    const wrap = fc.constantFrom((r: string[][]) => `np.array([${r.map((x) => `[${x.join(', ')}]`).join(', ')}])`, (r: string[][]) => `[${r.map((x) => x.join(' ')).join('; ')}]`, (r: string[][]) => `\\begin{bmatrix}${r.map((x) => x.join(' & ')).join(' \\\\ ')}\\end{bmatrix}`, (r: string[][]) => r.map((x) => x.join(',')).join('\n'), (r: string[][]) => `{${r.map((x) => `{${x.join(', ')}}`).join(', ')}}`);
    fc.assert(fc.property(rows, wrap, (r, w) => call(w(r))), { numRuns: Math.round(TOTAL * 0.1) });
  });

  it('100 KB single lines do not backtrack catastrophically', () => {
    const n = 100000;
    const lines = [
      '['.repeat(n), ']'.repeat(n), '('.repeat(n), '{'.repeat(n), '1 '.repeat(n / 2), '1,'.repeat(n / 2), '-'.repeat(n), '|' + '-'.repeat(n) + 'x',
      '\\frac{'.repeat(n / 6), '[[' + '1, '.repeat(n / 3) + ']]', 'Columns 1' + ' '.repeat(n) + 'x', '1×1 ' + ' '.repeat(n) + 'x:', '\n'.repeat(n),
      'a = ' + '\n'.repeat(n), '<tf.Tensor'.repeat(n / 10) + '[1]', '9'.repeat(n), '1e' + '9'.repeat(n), '.'.repeat(n), "'".repeat(n), '"'.repeat(n),
      '\\begin{bmatrix}' + '1 & '.repeat(n / 4) + '\\end{bmatrix}', '$'.repeat(n), '%'.repeat(n), '(*'.repeat(n / 2), 'np.array(' + '['.repeat(n / 2),
      '[' + '1 -'.repeat(n / 3) + ']', 'x'.repeat(n), '{' + '{1, 2}, '.repeat(n / 8) + '}', '| a |\n|---|\n' + '| 1 |\n'.repeat(n / 6),
    ];
    for (const line of lines) {
      const t0 = performance.now();
      try { parseLiteral(line); } catch (e) { assert.ok(e instanceof LiteralError, `non-LiteralError on a ${line.length}-char line starting ${JSON.stringify(line.slice(0, 20))}: ${String(e)}`); }
      const ms = performance.now() - t0;
      // Hang detector (see HANG_MS): a linear scan of 100 KB takes milliseconds, a quadratic one tens of seconds.
      assert.ok(ms < 2 * HANG_MS, `${ms.toFixed(0)} ms on a line starting ${JSON.stringify(line.slice(0, 20))}`);
    }
  });
});
