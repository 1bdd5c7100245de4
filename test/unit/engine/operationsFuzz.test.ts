/**
 * Robustness of the whole operation table (what the CLI, the worker and the
 * panel run): seeded random small matrices of awkward kinds go to EVERY
 * operation. Only LinAlgError may be thrown, every call stays fast, and every
 * verification figure the operation reports is at machine-precision level.
 * Set LINALG_LENS_FUZZ_MATRICES to change the number of matrices (default 600).
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { LinAlgError } from '../../../src/linalg/errors';
import { OPERATIONS, runOperation, type OperationInput, type OperationName } from '../../../src/engine/operations';
import { EPS } from '../linalg/tolerance';
import { singularValues } from '../../../src/linalg';

const COUNT = Number(process.env.LINALG_LENS_FUZZ_MATRICES ?? 600);

/** Matrices users actually meet: integers, decimals, zeros, huge/tiny scales, repeated rows, NaN. */
const entry = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -9, max: 9 }) },
  { weight: 4, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constantFrom(1e-300, -1e-300, 1e300, -1e300, 1e-12, 5e-324) },
);

const matrix = fc
  .record({ m: fc.integer({ min: 1, max: 7 }), n: fc.integer({ min: 1, max: 7 }), square: fc.boolean(), sym: fc.boolean(), dupRow: fc.boolean(), nan: fc.integer({ min: 0, max: 40 }) })
  .chain(({ m, n, square, sym, dupRow, nan }) => {
    const cols = square || sym ? m : n;
    return fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), { minLength: m, maxLength: m }).map((A) => {
      if (sym) for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) A[i][j] = A[j][i];
      if (dupRow && m > 1) A[m - 1] = [...A[0]];
      if (nan === 0) A[0][0] = NaN;
      if (nan === 1) A[m - 1][cols - 1] = Infinity;
      return A;
    });
  });

function inputFor(op: OperationName, A: number[][]): OperationInput {
  const m = A.length;
  const n = A[0].length;
  switch (op) {
    case 'lstsq':
      return { A, rhs: A.map((_, i) => [i - 1]), rhsIsVector: true };
    case 'attention':
      return { A, K: A, V: A };
    case 'lowrank':
      return { A, k: Math.min(1, m, n) };
    default:
      return { A };
  }
}

/**
 * The factor by which a backward-stable answer's residual may exceed machine
 * precision: 1 for factorisations, the condition number κ_r = s_1/s_r of the kept
 * singular values for inverses, pseudoinverses and least squares (the README's
 * bounds for inv, pinv and lstsq scale the same way), κ of the eigenvalues for eig.
 */
function conditioning(op: OperationName, A: number[][], report: Record<string, unknown>): number {
  if (op === 'inv' || op === 'pinv' || op === 'lstsq') {
    const s = singularValues(A);
    const r = s.filter((x) => x > s[0] * Math.max(A.length, A[0].length) * EPS).length;
    return r === 0 ? 1 : Math.max(1, s[0] / s[r - 1]);
  }
  if (op === 'eig') {
    const k = (report.condition as number[] | undefined) ?? [1];
    return Math.max(1, ...k.filter(Number.isFinite));
  }
  return 1;
}

/** Every residual in a report's `verification` block, flattened. */
function residuals(report: Record<string, unknown>): [string, number][] {
  const v = report.verification as Record<string, unknown> | undefined;
  if (!v) return [];
  return Object.entries(v).filter((e): e is [string, number] => typeof e[1] === 'number' && !['tolerance', 'growth', 'maxMultiplier'].includes(e[0]));
}

describe('every operation on random small matrices', function () {
  this.timeout(300_000);
  const ops = Object.keys(OPERATIONS) as OperationName[];
  let slowest = { op: '', ms: 0 };

  after(() => {
    // A figure for the log, not an assertion on time (tests never assert timings beyond "no hang").
    console.log(`      slowest call: ${slowest.op} in ${slowest.ms.toFixed(1)} ms`);
  });

  for (const op of ops) {
    it(`${op}: only LinAlgError, verification at machine precision, never a hang`, () => {
      fc.assert(
        fc.property(matrix, (A) => {
          const t0 = performance.now();
          let report: Record<string, unknown> | undefined;
          try {
            report = runOperation(op, inputFor(op, A));
          } catch (e) {
            if (!(e instanceof LinAlgError)) throw e;
            assert.ok(e.message.length > 10, `${op}: empty message`);
          }
          const ms = performance.now() - t0;
          if (ms > slowest.ms) slowest = { op, ms };
          // 2 s is a hang detector on a loaded 2-core machine, far above the ~1 ms these take.
          assert.ok(ms < 2000, `${op} took ${ms.toFixed(0)} ms on a ${A.length}×${A[0].length} matrix`);
          const finite = A.every((r) => r.every(Number.isFinite));
          if (!finite) assert.strictEqual(report, undefined, `${op} computed on a non-finite matrix`);
          if (!report) return;
          // When every entry is subnormal, exact answers fall between representable doubles
          // (σ = 7.07e-324 rounds to 5e-324), so relative residuals say nothing there.
          const maxAbs = Math.max(...A.flat().map(Math.abs));
          if (maxAbs < 1e-290) return;
          const N = Math.max(A.length, A[0].length);
          for (const [name, value] of residuals(report)) {
            // lstsq's residual norm is the fit error itself, not a backward error.
            if (op === 'lstsq' && name === 'residualNorm') continue;
            assert.ok(Number.isFinite(value), `${op}.${name} is ${value}`);
            const bound = 1000 * N * EPS * conditioning(op, A, report);
            assert.ok(value <= bound, `${op}.${name} = ${value.toExponential(2)} on ${JSON.stringify(A)}`);
          }
        }),
        // endOnFailure: report the first counterexample as found. Shrinking through the
        // chained generator can take minutes, and a fixed seed already makes it reproducible.
        { numRuns: COUNT, seed: 20261203 + op.length, endOnFailure: true },
      );
    });
  }
});
