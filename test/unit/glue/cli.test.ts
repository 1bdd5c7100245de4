import * as assert from 'assert';
import { runCliWith } from './cliHarness';
import { parseArgs, UsageError } from '../../../src/cli/args';

const run = runCliWith;

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
    for (const s of ['U =', 'S =', 'Vh =', 'rank = 2', 'verification:', 'reconstruction']) assert.ok(r.out.includes(s), s);
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

  it('points at the complex entry it refuses: line and column in every notation', () => {
    const cases: Array<[string, number, number]> = [
      ['[1 2; 3 4im]', 1, 9],
      ['A = np.array([[1, 2],\n              [3, 4+1j]])', 2, 19],
      ["B = [1 2; 3i 4]'", 1, 11],
      ['\\begin{bmatrix} 1 & 2 \\\\ 3 & 4+i \\end{bmatrix}', 1, 30],
      ['matrix(c(1, 2, 3i, 4), 2)', 1, 16],
      ['1,2\n3,4+2i', 2, 3],
      ['{{1, 2}, {3, 4 + 2 I}}', 1, 14],
    ];
    for (const [text, line, column] of cases) {
      const r = run(['det', '--json'], text);
      assert.strictEqual(r.code, 1, text);
      const e = (JSON.parse(r.out) as { error: { kind: string; line: number; column: number } }).error;
      assert.deepStrictEqual([e.kind, e.line, e.column], ['complex-unsupported', line, column], text);
    }
    const t = run(['svd'], 'x = [1, 2im]');
    assert.ok(t.err.includes('(line 1, column 9)'), t.err);
  });

  it('names the file of a complex entry in a second input', () => {
    const r = run(['lstsq', 'A.txt', '--rhs', 'b.txt', '--json'], { 'A.txt': '[1 0; 0 1]', 'b.txt': '[1\n 2im]' });
    const e = (JSON.parse(r.out) as { error: { kind: string; line: number; column: number; file: string } }).error;
    assert.deepStrictEqual([e.kind, e.file, e.line, e.column], ['complex-unsupported', 'b.txt', 2, 2]);
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
    assert.ok(r.err.includes('linalg-lens --help'), r.err);
    assert.ok(run(['--help'], '').out.includes('Usage: linalg-lens'));
    assert.throws(() => parseArgs(['svd', '--format', 'klingon']), UsageError);
    assert.strictEqual(run(['svd', '--format', 'klingon'], '[1]').code, 2);
    assert.throws(() => parseArgs(['svd', '--digits', '40']), UsageError);
    assert.throws(() => parseArgs(['svd', '--bogus']), UsageError);
  });

  it('refuses a matrix whose largest singular value overflows, instead of printing Infinity', () => {
    const r = run(['svd', '--json'], '[[1e308, 1e308], [1e308, 1e308]]');
    assert.strictEqual(r.code, 1, r.out);
    assert.strictEqual((JSON.parse(r.out) as { error: { kind: string } }).error.kind, 'overflow');
  });

  it('--format prints matrices in the requested notation', () => {
    const r = run(['svd', '--format', 'numpy'], '[[2, 0], [0, 1]]');
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(r.out.includes('np.array('), r.out);
  });

  function json<T>(argv: string[], input: string | Record<string, string>): T {
    const r = run([...argv, '--json'], input);
    assert.strictEqual(r.code, 0, r.out + r.err);
    return JSON.parse(r.out) as T;
  }

  it('lstsq reads b from --rhs and returns the minimum-norm solution', () => {
    const j = json<{ x: number[]; rank: number; normal_equations: { x: number[] } }>(['lstsq', 'A', '--rhs', 'b'], { A: '[[1, 1], [1, 1]]', b: '[2, 2]' });
    assert.strictEqual(j.rank, 1);
    assert.ok(Math.abs(j.x[0] - 1) < 1e-12 && Math.abs(j.x[1] - 1) < 1e-12, String(j.x));
  });

  it('lstsq --augmented takes b from the last column', () => {
    const j = json<{ x: number[]; residuals: number[] }>(['lstsq', '--augmented'], '[1 0 1; 0 1 2; 1 1 3]');
    assert.ok(Math.abs(j.x[0] - 1) < 1e-12 && Math.abs(j.x[1] - 2) < 1e-12, String(j.x));
    assert.ok(j.residuals[0] < 1e-20);
  });

  it('lstsq without a right-hand side says how to give one', () => {
    const r = run(['lstsq'], '[1 2; 3 4]');
    assert.strictEqual(r.code, 2);
    assert.ok(r.err.includes('--rhs'), r.err);
  });

  it('eig prints complex eigenvalues as {re, im} in conjugate pairs', () => {
    const j = json<{ eigenvalues: { re: number; im: number }[] }>(['eig'], '[0 -1; 1 0]');
    assert.deepStrictEqual(j.eigenvalues.map((z) => [Math.round(z.re * 1e12) / 1e12 + 0, Math.sign(z.im)]), [[0, -1], [0, 1]]);
  });

  it('eigh, qr, lu, cholesky, pinv, inv, det, rank, cond, nullspace and info all answer with numpy field names', () => {
    const A = '[[4, 1], [1, 3]]';
    const expectKeys: Record<string, string[]> = {
      eigh: ['eigenvalues', 'eigenvectors'],
      qr: ['Q', 'R'],
      lu: ['P', 'L', 'U'],
      cholesky: ['L'],
      pinv: ['pinv'],
      inv: ['inv'],
      det: ['det', 'sign', 'logabsdet'],
      rank: ['rank', 'tol'],
      cond: ['cond'],
      nullspace: ['nullspace', 'colspace'],
      info: ['rows', 'cols', 'symmetric', 'definiteness'],
    };
    for (const [op, keys] of Object.entries(expectKeys)) {
      const j = json<Record<string, unknown>>([op], A);
      for (const k of keys) assert.ok(k in j, `${op}.${k}`);
    }
    assert.strictEqual(json<{ det: number }>(['det'], A).det, 11);
    assert.strictEqual(json<{ definiteness: string }>(['info'], A).definiteness, 'positive definite');
  });

  it('cholesky names the failing pivot for an indefinite matrix', () => {
    const r = run(['cholesky', '--json'], '[[1, 2], [2, 1]]');
    assert.strictEqual(r.code, 1);
    const e = (JSON.parse(r.out) as { error: { kind: string; message: string } }).error;
    assert.strictEqual(e.kind, 'not-positive-definite');
    assert.ok(e.message.includes('row 2'), e.message);
  });

  it('inv refuses a singular matrix', () => {
    const r = run(['inv', '--json'], '[[1, 2], [2, 4]]');
    assert.strictEqual(r.code, 1);
    assert.strictEqual((JSON.parse(r.out) as { error: { kind: string } }).error.kind, 'singular');
  });

  it('lowrank --k 1 keeps the largest singular value; without --k it says so', () => {
    const j = json<{ Ak: number[][]; error_2: { predicted: number } }>(['lowrank', '--k', '1'], '[[3, 0], [0, 1]]');
    assert.deepStrictEqual(j.Ak.map((r) => r.map((x) => Math.round(x * 1e12) / 1e12 + 0)), [[3, 0], [0, 0]]);
    assert.ok(Math.abs(j.error_2.predicted - 1) < 1e-15);
    assert.strictEqual(run(['lowrank'], '[[3, 0], [0, 1]]').code, 2);
  });

  it('attention reads Q, K and V from three files; rows of the weights sum to 1', () => {
    const j = json<{ weights: number[][]; output: number[][] }>(['attention', 'q', 'k', 'v'], { q: '[[1, 0], [0, 1]]', k: '[[1, 0], [0, 1]]', v: '[[1, 2], [3, 4]]' });
    for (const row of j.weights) assert.ok(Math.abs(row[0] + row[1] - 1) < 1e-15);
    assert.strictEqual(j.output.length, 2);
    assert.strictEqual(run(['attention', 'q'], '[1]').code, 2);
  });

  it('steps records exact elimination in fractions', () => {
    const j = json<{ inv: string[][]; steps: { text: string }[] }>(['steps', '--target', 'inv'], '[[1, 2], [3, 4]]');
    assert.deepStrictEqual(j.inv, [['-2', '1'], ['3/2', '-1/2']]);
    assert.ok(j.steps.length >= 3);
    const r = json<{ rref: string[][]; rank: number }>(['steps'], '[[1, 2], [2, 4]]');
    assert.strictEqual(r.rank, 1);
  });

  it('pca reports explained variance ratios that sum to 1', () => {
    const j = json<{ explained_variance_ratio: number[] }>(['pca'], '[[1, 2], [3, 3], [5, 7], [2, 2]]');
    assert.ok(Math.abs(j.explained_variance_ratio.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  });

  it('writes infinite condition numbers as the string "Infinity" in JSON', () => {
    assert.strictEqual(json<{ cond: unknown }>(['cond'], '[[1, 0], [0, 0]]').cond, 'Infinity');
  });

  it('names the file in errors when several files are read', () => {
    const r = run(['attention', 'q', 'k', 'v', '--json'], { q: '[[1, 0]]', k: '[[1, 0], [1]]', v: '[[1], [2]]' });
    assert.strictEqual(r.code, 1);
    const e = (JSON.parse(r.out) as { error: { file: string; line: number } }).error;
    assert.strictEqual(e.file, 'k');
    assert.strictEqual(e.line, 1);
  });
});
