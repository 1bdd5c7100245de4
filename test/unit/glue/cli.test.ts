import * as assert from 'assert';
import { runCli } from '../../../src/cli/main';
import { parseArgs, UsageError } from '../../../src/cli/args';

function run(argv: string[], input: string | Error): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    readInput: () => {
      if (input instanceof Error) throw input;
      return input;
    },
  });
  return { code, out, err };
}

describe('linalg-lens CLI', () => {
  it('parse --json prints rows, cols and values', () => {
    const r = run(['parse', '--json'], 'A = np.array([[3, 1], [1, 3]])');
    assert.strictEqual(r.code, 0, r.err);
    const j = JSON.parse(r.out) as { rows: number; cols: number; values: number[][] };
    assert.deepStrictEqual([j.rows, j.cols, j.values], [2, 2, [[3, 1], [1, 3]]]);
  });

  it('parse --json writes complex entries as {re, im}', () => {
    const r = run(['parse', '-', '--json'], '[1+2im 3; 0 -1im]');
    assert.strictEqual(r.code, 0, r.err);
    const j = JSON.parse(r.out) as { values: { re: number; im: number }[][] };
    assert.deepStrictEqual(j.values[0][0], { re: 1, im: 2 });
  });

  it('svd --json prints U, S, Vh that reconstruct A', () => {
    const r = run(['svd', '--json'], '[[3, 1], [1, 3]]');
    assert.strictEqual(r.code, 0, r.err);
    const j = JSON.parse(r.out) as { U: number[][]; S: number[]; Vh: number[][]; rank: number };
    assert.ok(Math.abs(j.S[0] - 4) < 1e-14 && Math.abs(j.S[1] - 2) < 1e-14, String(j.S));
    for (let i = 0; i < 2; i++) {
      for (let k = 0; k < 2; k++) {
        const a = j.U[i][0] * j.S[0] * j.Vh[0][k] + j.U[i][1] * j.S[1] * j.Vh[1][k];
        assert.ok(Math.abs(a - [[3, 1], [1, 3]][i][k]) < 1e-14);
      }
    }
    assert.strictEqual(j.rank, 2);
  });

  it('readable svd output names the factors and the residuals', () => {
    const r = run(['svd'], '[1 2; 3 4]');
    assert.strictEqual(r.code, 0, r.err);
    for (const s of ['U =', 'S =', 'Vh =', 'rank = 2', 'residuals']) assert.ok(r.out.includes(s), s);
  });

  it('a parse failure prints {"error": {kind, message, line, column}} and exits 1', () => {
    const r = run(['svd', '--json'], 'x = 1\nnp.array([[1, 2, 3],\n          [4, 5]])');
    assert.strictEqual(r.code, 1);
    const j = JSON.parse(r.out) as { error: { kind: string; message: string; line: number; column: number } };
    assert.strictEqual(j.error.kind, 'ragged');
    assert.ok(j.error.line >= 2, JSON.stringify(j));
    assert.ok(j.error.column >= 1);
  });

  it('refuses NaN entries with a message, not a stack trace', () => {
    const r = run(['svd'], '[[1, NaN], [0, 1]]');
    assert.strictEqual(r.code, 1);
    assert.ok(r.err.startsWith('linalg-lens: '), r.err);
    assert.ok(!r.err.includes('    at '), r.err);
  });

  it('refuses complex input to svd with kind complex-unsupported', () => {
    const r = run(['svd', '--json'], '[1 2im; 3 4]');
    assert.strictEqual(r.code, 1);
    assert.strictEqual((JSON.parse(r.out) as { error: { kind: string } }).error.kind, 'complex-unsupported');
  });

  it('reports unreadable files as kind io', () => {
    const e = Object.assign(new Error('nope'), { code: 'ENOENT' });
    const r = run(['parse', 'missing.txt', '--json'], e);
    assert.strictEqual(r.code, 1);
    assert.strictEqual((JSON.parse(r.out) as { error: { kind: string } }).error.kind, 'io');
  });

  it('usage errors exit 2 and print the usage', () => {
    const r = run(['frobnicate'], '[1]');
    assert.strictEqual(r.code, 2);
    assert.ok(r.err.includes('Usage: linalg-lens'));
    assert.throws(() => parseArgs(['svd', '--digits', '40']), UsageError);
    assert.throws(() => parseArgs(['svd', '--bogus']), UsageError);
  });

  it('--format prints matrices in the requested notation', () => {
    const r = run(['svd', '--format', 'numpy'], '[[2, 0], [0, 1]]');
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(r.out.includes('np.array('), r.out);
  });
});
