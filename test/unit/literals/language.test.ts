/** parseLiteral's `languageId` option: the document's language decides what the text alone leaves open. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findLiteralAt, parseLiteral } from '../../../src/literals';
import type { NotationId } from '../../../src/literals';

function example(name: string): string {
  return fs.readFileSync(path.join(__dirname, '../../../../examples', name), 'utf8');
}

/** Parses the literal under the cursor on `line` (1-based) at the first `needle` of that line, as the command does. */
function underCursor(doc: string, line: number, needle: string, languageId: string): { text: string; notation: NotationId; values: unknown } {
  const lines = doc.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i].length + 1;
  offset += lines[line - 1].indexOf(needle) + 1;
  const span = findLiteralAt(doc, offset, languageId);
  assert.ok(span, `a literal on line ${line}`);
  const text = doc.slice(span.start, span.end);
  const m = parseLiteral(text, { languageId });
  return { text, notation: m.notation, values: m.values };
}

function notation(text: string, languageId?: string): NotationId {
  return parseLiteral(text, languageId === undefined ? {} : { languageId }).notation;
}

describe('literals: language id as the family hint', () => {
  it('Julia literals in a .jl file are Julia, not MATLAB', () => {
    const doc = example('markov.jl');
    assert.strictEqual(underCursor(doc, 3, '0.3', 'julia').notation, 'julia');
    assert.strictEqual(underCursor(doc, 8, '1+1im', 'julia').notation, 'julia');
    assert.strictEqual(underCursor(doc, 11, '2.0', 'julia').notation, 'julia');
    assert.strictEqual(notation('P = [0.7 0.2; 0.3 0.5]', 'julia'), 'julia');
  });
  it('MATLAB brackets in a .m file are MATLAB, with the whitespace rules intact', () => {
    const doc = example('control.m');
    const v = underCursor(doc, 12, '-1', 'matlab');
    assert.strictEqual(v.notation, 'matlab');
    assert.deepStrictEqual(v.values, [[2, -1, 3]]);
    const c = parseLiteral('C = [2 - 1]', { languageId: 'matlab' });
    assert.strictEqual(c.notation, 'matlab');
    assert.deepStrictEqual(c.values, [[1]]);
    assert.strictEqual(notation('v = [2 -1 3]', 'octave'), 'matlab');
  });
  it("ml-matrix's new Matrix(…) is ml-matrix, with or without a language id", () => {
    const doc = example('matrices.ts');
    const a = underCursor(doc, 12, '7', 'typescript');
    assert.ok(a.text.startsWith('new Matrix('), a.text);
    assert.strictEqual(a.notation, 'ml-matrix');
    assert.strictEqual(notation('new Matrix([[1, 2], [3, 4]])'), 'ml-matrix');
    assert.strictEqual(notation('Matrix([[1, 2], [3, 4]])', 'typescript'), 'ml-matrix');
    assert.strictEqual(notation('Matrix([[1, 2], [3, 4]])', 'javascript'), 'ml-matrix');
    assert.strictEqual(notation('Matrix([[1, 2], [3, 4]])'), 'sympy', 'without a hint Matrix(…) stays SymPy');
    assert.strictEqual(underCursor(doc, 6, '-1', 'typescript').notation, 'javascript');
  });
  it('a bare fragment like 2, 3, 4 is labelled by the language it was cut from', () => {
    assert.notStrictEqual(notation('2, 3, 4'), 'r-output');
    assert.strictEqual(notation('2, 3, 4'), 'csv');
    assert.strictEqual(notation('2, 3, 4', 'plaintext'), 'csv');
    assert.strictEqual(notation('2, 3, 4', 'csv'), 'csv');
    assert.strictEqual(notation('2, 3, 4', 'python'), 'python-list');
    assert.strictEqual(notation('2, 3, 4', 'r'), 'r');
    assert.strictEqual(notation('2 -1 3', 'matlab'), 'matlab');
    assert.strictEqual(notation('2, 3, 4', 'julia'), 'julia');
    assert.deepStrictEqual(parseLiteral('2, 3, 4', { languageId: 'r' }).values, [[2, 3, 4]]);
  });
  it('a decisive cue in the text beats the language id', () => {
    assert.strictEqual(notation('np.array([[1, 2], [3, 4]])', 'julia'), 'numpy');
    assert.strictEqual(notation('\\begin{bmatrix} 1 & 2 \\end{bmatrix}', 'python'), 'latex');
    assert.strictEqual(notation('const A = np.array([[1, 2]])', 'julia'), 'numpy');
  });
  it('a language id fixes what weak cues get wrong', () => {
    // `const` is a JavaScript cue, but Julia has `const` too.
    assert.deepStrictEqual(parseLiteral('const A = [1 2; 3 4]', { languageId: 'julia' }).values, [[1, 2], [3, 4]]);
    // `]'` is a MATLAB cue, but Julia transposes the same way.
    assert.strictEqual(notation("A = [1 2; 3 4]'", 'julia'), 'julia');
    // `{{` is a Mathematica cue, but C++ nested initialisers look the same (and take suffixes).
    assert.deepStrictEqual(parseLiteral('{{1.5f, 2.0f}, {3.0f, 4.0f}}', { languageId: 'cpp' }).values, [[1.5, 2], [3, 4]]);
  });
  it('ids without a family (plaintext, markdown, csv, unknown) leave the guess to the text', () => {
    for (const id of ['plaintext', 'markdown', 'csv', 'log', 'unknown-language', '']) {
      assert.strictEqual(notation('[1 2; 3 4]', id), notation('[1 2; 3 4]'), id);
      assert.strictEqual(notation('np.array([[1, 2]])', id), 'numpy', id);
    }
  });
  it('an explicit notation still wins over the language id', () => {
    assert.strictEqual(parseLiteral('[1 2; 3 4]', { notation: 'julia', languageId: 'matlab' }).notation, 'julia');
  });
});
