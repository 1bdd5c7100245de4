/**
 * Regressions from a new user's first session: each case here once gave a wrong
 * shape, a wrong notation, an unformatted result or a misleading message.
 */
import * as assert from 'assert';
import type * as vscode from 'vscode';
import { runCliWith } from './cliHarness';
import { languageHint } from '../../../src/commands/literalSource';
import { findLiteralAt, formatMatrix, parseLiteral } from '../../../src/literals';

const run = runCliWith;

function fakeDoc(languageId: string, fileName: string, text: string): vscode.TextDocument {
  return { languageId, fileName, getText: () => text } as unknown as vscode.TextDocument;
}

describe('first-session regressions', () => {
  it('reads Python complex lists [[1, 2j], [-2j, 3]] as 2×2, not as one MATLAB row', () => {
    for (const t of ['[[1, 2j], [-2j, 3]]', '[[1+2j, 3], [4, 5]]']) {
      const m = parseLiteral(t);
      assert.deepStrictEqual([m.rows, m.cols, m.notation], [2, 2, 'python-list'], t);
    }
    assert.deepStrictEqual(parseLiteral('[[1 2]; [3 4]]').values, [[1, 2], [3, 4]]);
  });

  it('accepts digit separators (1_000) in Python-style lists and plain blocks', () => {
    assert.deepStrictEqual(parseLiteral('[[1_000, 2], [3, 4]]').values, [[1000, 2], [3, 4]]);
    assert.deepStrictEqual(parseLiteral('1_000 2\n3 4').values, [[1000, 2], [3, 4]]);
  });

  it('treats a .m file that VS Code opened as Objective-C as MATLAB, unless it looks like Objective-C', () => {
    assert.strictEqual(languageHint(fakeDoc('objective-c', '/w/control.m', "C = [1 2; 3 4]';\n")), 'matlab');
    assert.strictEqual(languageHint(fakeDoc('objective-c', '/w/App.m', '#import <Foundation/Foundation.h>\n@interface A\n@end\n')), 'objective-c');
    assert.strictEqual(languageHint(fakeDoc('python', '/w/a.py', 'x = 1')), 'python');
    // With the hint, the cursor literal keeps its transpose and a space-separated row is MATLAB.
    const text = "C = [1 2; 3 4]';\nv = [2 -1 3];\n";
    const span = findLiteralAt(text, text.indexOf('[1 2') + 2, 'matlab');
    assert.ok(span);
    assert.strictEqual(text.slice(span.start, span.end), "[1 2; 3 4]'");
    assert.deepStrictEqual(parseLiteral(text.slice(span.start, span.end), { languageId: 'matlab' }).values, [[1, 3], [2, 4]]);
    assert.strictEqual(parseLiteral('[2 -1 3]', { languageId: 'matlab' }).notation, 'matlab');
  });

  it('lines continuation rows up after the variable name', () => {
    assert.strictEqual(formatMatrix([[1, 2], [3, 4]], 'numpy', { name: 'U' }), 'U = np.array([[1, 2],\n              [3, 4]])');
    assert.strictEqual(formatMatrix([[1, 2], [3, 4]], 'numpy'), 'np.array([[1, 2],\n          [3, 4]])');
  });

  it('eig honours --format, also for complex eigenvalues; real ones come out real', () => {
    const c = run(['eig', '--format', 'numpy'], '[[0, -1], [1, 0]]');
    assert.strictEqual(c.code, 0, c.err);
    assert.match(c.out, /eigenvalues = np\.array\(\[0-1j, 0\+1j\], dtype=complex\)/);
    const r = run(['eig', '--format', 'matlab'], '[[2, 0], [0, 1]]');
    assert.match(r.out, /eigenvalues = \[1; 2\];/);
  });

  it('lstsq --rhs: a row b of the wrong length is named by its entries and its file', () => {
    const r = run(['lstsq', 'X.txt', '--rhs', 'y.txt', '--json'], { 'X.txt': '[[1, 0], [0, 1], [1, 1], [2, 1]]', 'y.txt': '[1, 2, 3]' });
    assert.strictEqual(r.code, 1);
    const e = (JSON.parse(r.out) as { error: { kind: string; message: string; file: string } }).error;
    assert.strictEqual(e.kind, 'shape');
    assert.strictEqual(e.file, 'y.txt');
    assert.match(e.message, /b has 3 entries, but A has 4 rows/);
  });

  it('--format also reaches vectors inside a group (lstsq normal_equations.x)', () => {
    const r = run(['lstsq', 'X.txt', '--rhs', 'y.txt', '--format', 'numpy'], { 'X.txt': '[[1, 0], [0, 1], [1, 1]]', 'y.txt': '[1, 2, 3]' });
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /normal_equations:\n {2}x = np\.array\(\[/);
  });

  it('refuses options the operation ignores (svd --k 1) and names the file of a wrong b in text output', () => {
    const r = run(['svd', '--k', '1'], '[[3, 1], [1, 3]]');
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /--k applies to lowrank and pca only, not to svd/);
    const b = run(['lstsq', 'X.txt', '--rhs', 'y.txt'], { 'X.txt': '[[1, 0], [0, 1], [1, 1]]', 'y.txt': '[1, 2]' });
    assert.match(b.err, /\(y\.txt\)/);
  });

  it('two numbers side by side in a comma list are a missing comma, not a product', () => {
    for (const t of ['[1, 2 3]', '[1,5 3,5]', '[[1, 2 3], [4, 5, 6]]']) {
      assert.throws(() => parseLiteral(t), (e: { kind: string; message: string }) => e.kind === 'syntax' && /before '3'/.test(e.message), t);
    }
    // Mathematica multiplies on a space; np.sqrt(2)/2 and 2pi-style products still work elsewhere.
    assert.deepStrictEqual(parseLiteral('{{1, 2 3}}').values, [[1, 6]]);
    assert.ok(Math.abs((parseLiteral('[[np.sqrt(2)/2, 1]]').values[0][0] as number) - Math.SQRT1_2) < 1e-15);
  });

  it('an empty null space keeps its shape in the chosen notation; no blank block for an empty warnings list', () => {
    assert.match(run(['nullspace', '--format', 'matlab'], '[[1, 0], [0, 1]]').out, /nullspace = zeros\(2, 0\);/);
    assert.match(run(['nullspace', '--format', 'numpy'], '[[1, 0], [0, 1]]').out, /nullspace = np\.zeros\(\(2, 0\)\)/);
    assert.doesNotMatch(run(['eig'], '[[0, -1], [1, 0.5]]').out, /\n\n\n/);
  });

  it('a UTF-8 byte-order mark does not shift the reported column', () => {
    const plain = run(['parse', '--json'], '[[1, x], [3, 4]]');
    const bom = run(['parse', '--json'], '\ufeff[[1, x], [3, 4]]');
    const col = (s: string): number => (JSON.parse(s) as { error: { column: number } }).error.column;
    assert.strictEqual(col(bom.out), col(plain.out));
  });

  it('steps reads entries written as fractions (1/3 evaluates to a double, read back as 1/3)', () => {
    const r = run(['steps', '--target', 'inv', '--json'], '[[1/2, 1/3], [1, 2]]');
    assert.strictEqual(r.code, 0, r.out + r.err);
    assert.deepStrictEqual((JSON.parse(r.out) as { inv: string[][] }).inv, [['3', '-1/2'], ['-3/2', '3/4']]);
  });

  it('svd near 1e308: the rank tolerance does not overflow', () => {
    const r = run(['svd', '--json'], '[[1e308, 1e308], [1e308, -1e308]]');
    const j = JSON.parse(r.out) as { rank: number; rank_tol: number };
    assert.strictEqual(j.rank, 2);
    assert.ok(Number.isFinite(j.rank_tol));
  });
});
