/** Refusal messages: one wording per kind of failure, and none that assumes an editor. */
import * as assert from 'assert';
import { LiteralError, parseLiteral } from '../../../src/literals';
import type { LiteralErrorKind, ParseOptions } from '../../../src/literals';

function refusal(text: string, options?: ParseOptions): LiteralError {
  try {
    parseLiteral(text, options);
  } catch (e) {
    if (e instanceof LiteralError) return e;
    throw e;
  }
  assert.fail(`expected a refusal for ${JSON.stringify(text)}`);
}

function expectRefusal(text: string, kind: LiteralErrorKind, message: RegExp, options?: ParseOptions): LiteralError {
  const e = refusal(text, options);
  assert.strictEqual(e.kind, kind, `${JSON.stringify(text)}: ${e.message}`);
  assert.match(e.message, message, JSON.stringify(text));
  return e;
}

describe('literals: refusal messages', () => {
  it('text with no matrix shape says so and quotes what it found', () => {
    const prose = expectRefusal('prose = "The quick brown fox jumps over the lazy dog"', 'not-found', /^no matrix literal in the selection: /);
    assert.match(prose.message, /The quick brown/);
    assert.ok(!/non-numeric cell/.test(prose.message));
    const imp = expectRefusal('import numpy as np', 'not-found', /^no matrix literal in the selection: 'import numpy as np'/);
    assert.ok(!/cell/.test(imp.message), imp.message);
    expectRefusal('print("hello")', 'not-found', /^no matrix literal in the selection/);
    expectRefusal('See figure 3 for the details', 'not-found', /^no matrix literal in the selection: .*one number/);
    expectRefusal('# only a comment', 'not-found', /^no matrix literal in the selection/, { languageId: 'python' });
  });
  it('a table with one text cell still names the cell', () => {
    expectRefusal('1, 2\n3, x', 'symbolic', /non-numeric cell 'x'/);
    expectRefusal('1 2 3\n4 five 6', 'symbolic', /non-numeric cell 'five'/);
  });
  it('ragged rows read the same in every notation', () => {
    const want = /^ragged rows: row 2 has 2 entries, but row 1 has 3$/;
    for (const text of [
      '[[1, 2, 3], [4, 5]]',
      'np.array([[1, 2, 3], [4, 5]])',
      '[1 2 3; 4 5]',
      '\\begin{bmatrix} 1 & 2 & 3 \\\\ 4 & 5 \\end{bmatrix}',
      '1,2,3\n4,5',
      '{{1, 2, 3}, {4, 5}}',
      '| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n| 4 | 5 |',
    ]) {
      const e = expectRefusal(text, 'ragged', want);
      assert.ok(!/vs/.test(e.message), e.message);
    }
    expectRefusal('\\begin{bmatrix} 1 & 2 \\\\ 3 \\end{bmatrix}', 'ragged', /^ragged rows: row 2 has 1 entry, but row 1 has 2$/);
    expectRefusal('rbind(c(1, 2, 3), c(4, 5))', 'ragged', /^ragged rows: row 2 has 2 entries, but row 1 has 3 /);
    expectRefusal('[[1, 2], 3]', 'ragged', /^ragged rows: row 2 is a bare entry '3', but row 1 is a list of 2$/);
  });
  it('empty text is "nothing to read", not "nothing is selected"', () => {
    expectRefusal('', 'empty', /^nothing to read: the text is empty$/);
    expectRefusal('  \n\t', 'empty', /^nothing to read: the text is empty/);
  });
  it('too-large states the limit and where it is set', () => {
    const e = expectRefusal('[1 2 3 4]', 'too-large', /more than the limit of 3 entries \(the extension's linalgLens\.maxEntries setting\)/, { maxEntries: 3 });
    assert.ok(!/see the/.test(e.message));
    expectRefusal('[[1, 2], [3, 4]]', 'too-large', /the limit of 3 entries/, { maxEntries: 3 });
    const big = '[' + '1 '.repeat(250001) + ']';
    expectRefusal(big, 'too-large', /the limit of 250,000 entries/);
  });
  it('binary data is not a matrix literal', () => {
    expectRefusal('\u0000\u0001UД\u0002', 'not-found', /^the text is not a matrix literal: it looks like binary data/);
    expectRefusal('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'not-found', /binary data/);
    expectRefusal('\ufffd\ufffdUД\ufffd', 'not-found', /binary data/);
    // Tabs, form feeds and escape characters are not binary.
    assert.deepStrictEqual(parseLiteral('1\t2\n3\t4').values, [[1, 2], [3, 4]]);
  });
  it('no message tells the user to select something or mentions the cursor (the CLI shows them too)', () => {
    const inputs = ['', ' ', 'A = [1 2; 3 4]; B = [5 6; 7 8];', 'np.diag([1, 2])', '2 * [1 2; 3 4]', 'np.array([[1, 2]]).sum()', '[1 2 …]',
      '2×3 Matrix{Float64}:\n 1.0  …  3.0\n 4.0  …  6.0', '\\begin{bmatrix}1\\end{bmatrix} \\begin{bmatrix}2\\end{bmatrix}', 'import numpy as np',
      '[1, 2', '[1 2 3 4]', 'hello', '\u0000'];
    for (const t of inputs) {
      const e = refusal(t, { maxEntries: 3 });
      assert.ok(!/\bselect\b|cursor|nothing is selected/i.test(e.message), `${JSON.stringify(t)}: ${e.message}`);
    }
  });
});
