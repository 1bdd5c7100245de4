import * as assert from 'assert';
import { matrixToTex, numberToTex, diagToTex } from '../../../src/linalg/tex';

describe('TeX output', () => {
  it('formats numbers compactly and honestly', () => {
    assert.strictEqual(numberToTex(0), '0');
    assert.strictEqual(numberToTex(4), '4');
    assert.strictEqual(numberToTex(-0.70710678), '-0.7071');
    assert.strictEqual(numberToTex(1.5e-17), '1.5 \\times 10^{-17}');
    assert.strictEqual(numberToTex(1e-20), '10^{-20}');
    assert.strictEqual(numberToTex(2.5e8), '2.5 \\times 10^{8}');
    assert.strictEqual(numberToTex(Infinity), '\\infty');
    assert.strictEqual(numberToTex(NaN), '\\mathrm{NaN}');
  });

  it('writes a bmatrix row by row', () => {
    assert.strictEqual(matrixToTex([[1, 2], [3, 4]]), '\\begin{bmatrix}1 & 2 \\\\ 3 & 4\\end{bmatrix}');
  });

  it('elides the middle of large matrices', () => {
    const big = Array.from({ length: 20 }, (_, i) => Array.from({ length: 20 }, (_, j) => i * 20 + j));
    const t = matrixToTex(big, { maxShown: 5 });
    assert.ok(t.includes('\\cdots') && t.includes('\\vdots') && t.includes('\\ddots'));
    assert.strictEqual(t.split('\\\\').length, 5);
    assert.ok(t.startsWith('\\begin{bmatrix}0 & 1 & \\cdots & 18 & 19'));
    assert.ok(t.includes('380 & 381 & \\cdots & 398 & 399'));
  });

  it('pads a diagonal to the requested shape', () => {
    assert.strictEqual(diagToTex([4, 2], 2, 3), '\\begin{bmatrix}4 & 0 & 0 \\\\ 0 & 2 & 0\\end{bmatrix}');
  });
});
