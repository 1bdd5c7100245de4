/** findLiteralAt in whole files: which span the cursor picks, and that it parses. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findLiteralAt, findLiterals, parseLiteral } from '../../../src/literals';
import type { ParsedMatrix } from '../../../src/literals';

function example(name: string): string {
  return fs.readFileSync(path.join(__dirname, '../../../../examples', name), 'utf8');
}

/** Offset of the first `needle` on `line` (1-based), plus `plus`. */
function offsetOn(doc: string, line: number, needle: string, plus = 0): number {
  const lines = doc.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i].length + 1;
  const col = lines[line - 1].indexOf(needle);
  assert.ok(col >= 0, `line ${line} contains ${needle}`);
  return offset + col + plus;
}

function spanText(doc: string, offset: number, languageId: string): string | null {
  const s = findLiteralAt(doc, offset, languageId);
  return s ? doc.slice(s.start, s.end) : null;
}

function parseAt(doc: string, offset: number, languageId: string): ParsedMatrix {
  const t = spanText(doc, offset, languageId);
  assert.ok(t !== null, `a literal at offset ${offset}`);
  return parseLiteral(t, { languageId });
}

describe('literals: cursor inside C/C++ code', () => {
  const doc = example('transform.cpp');
  it('the Eigen initialiser around the cursor, not the enclosing function body', () => {
    for (const [line, needle] of [[6, '2,'], [7, '3,'], [8, '2;'], [7, '0,']] as const) {
      const t = spanText(doc, offsetOn(doc, line, needle), 'cpp');
      assert.ok(t !== null, `line ${line}`);
      assert.ok(t.startsWith('Eigen::Matrix3d M;'), `line ${line}: ${t}`);
      assert.ok(t.endsWith('1, 0, 2;'), `line ${line}: ${t}`);
      assert.deepStrictEqual(parseLiteral(t, { languageId: 'cpp' }).values, [[2, 0, 1], [0, 3, 0], [1, 0, 2]]);
    }
  });
  it('a function body or statement block is never a literal', () => {
    assert.strictEqual(spanText(doc, offsetOn(doc, 10, 'return 0'), 'cpp'), null);
    assert.strictEqual(spanText(doc, offsetOn(doc, 4, '3x3'), 'cpp'), null);
    const src = 'void f() {\n  int n = 3;\n  double a[2][2] = {{1, 2}, {3, 4}};\n  if (n > 2) { n = 1; }\n  else { n = 2; }\n}\nnamespace x { int k = 4; }\n';
    const spans = findLiterals(src, 'cpp').map((s) => src.slice(s.start, s.end));
    assert.deepStrictEqual(spans, ['{{1, 2}, {3, 4}}']);
    assert.deepStrictEqual(parseAt(src, src.indexOf('{3, 4}') + 1, 'cpp').values, [[1, 2], [3, 4]]);
  });
  it('an output stream is not a comma initialiser', () => {
    const src = 'int main() {\n  std::cout << "n = " << 3 << std::endl;\n  Eigen::Matrix2d m;\n  m << 1, 2,\n       3, 4;\n}\n';
    assert.strictEqual(spanText(src, src.indexOf('3 <<'), 'cpp'), null);
    assert.deepStrictEqual(parseAt(src, src.indexOf('3, 4'), 'cpp').values, [[1, 2], [3, 4]]);
  });
  it('a selected function body reads the initialiser inside it', () => {
    const m = parseLiteral(doc.slice(doc.indexOf('{'), doc.lastIndexOf('}') + 1), { languageId: 'cpp' });
    assert.deepStrictEqual(m.values, [[2, 0, 1], [0, 3, 0], [1, 0, 2]]);
  });
});

describe('literals: one unclosed bracket does not break the rest of the file', () => {
  const PY = [
    'import numpy as np',
    '',
    'missing = np.array([[1, 2], [3, 4]',
    'A = np.array([[1, 2], [3, 4]])',
    'B = [[5, 6],',
    '     [7, 8]]',
    '',
    'def f():',
    '    x = np.array([[9, 8]',
    '    return np.array([[1, 0], [0, 1]])',
    '',
    'C = torch.tensor([[2., 0.], [0., 2.]])',
    '',
  ].join('\n');
  it('every valid literal after the broken line is still found', () => {
    assert.deepStrictEqual(parseAt(PY, offsetOn(PY, 4, '[3, 4]'), 'python').values, [[1, 2], [3, 4]]);
    assert.deepStrictEqual(parseAt(PY, offsetOn(PY, 6, '[7, 8]', 2), 'python').values, [[5, 6], [7, 8]]);
    assert.deepStrictEqual(parseAt(PY, offsetOn(PY, 10, '[0, 1]', 2), 'python').values, [[1, 0], [0, 1]]);
    assert.deepStrictEqual(parseAt(PY, offsetOn(PY, 12, '[0., 2.]', 2), 'python').values, [[2, 0], [0, 2]]);
    const found = findLiterals(PY, 'python').map((s) => PY.slice(s.start, s.end));
    assert.ok(found.includes('np.array([[1, 2], [3, 4]])'));
    assert.ok(found.includes('torch.tensor([[2., 0.], [0., 2.]])'));
  });
  it('the broken literal itself says where its bracket opens', () => {
    for (const [line, needle] of [[3, '[3, 4'], [9, '[9, 8']] as const) {
      const t = spanText(PY, offsetOn(PY, line, needle, 2), 'python');
      assert.ok(t !== null && t.startsWith('np.array(') && !t.includes('\n'), `line ${line}: ${t}`);
      assert.throws(() => parseLiteral(t, { languageId: 'python' }), (e: Error & { kind?: string; position?: { column: number } }) => {
        assert.strictEqual(e.kind, 'syntax');
        assert.match(e.message, /not closed/);
        assert.match(e.message, /'\]\)' is missing/);
        assert.strictEqual(e.position?.column, 9, 'points at the ( of np.array(');
        return true;
      });
    }
  });
  it('selecting the broken line refuses it as unclosed, not as ragged', () => {
    for (const [text, column, missing] of [
      ['missing = np.array([[1, 2], [3, 4]', 19, '])'],
      ['[[1, 2], [3, 4]', 1, ']'],
      ['A = [1 2; 3 4', 5, ']'],
      ['{{1, 2}, {3, 4}', 1, '}'],
      ['x = [[1, 2], [3, 4)', 5, ']]'],
    ] as const) {
      assert.throws(() => parseLiteral(text), (e: Error & { kind?: string; position?: { column: number } }) => {
        assert.strictEqual(e.kind, 'syntax', text);
        assert.ok(!/ragged/.test(e.message), `${text}: ${e.message}`);
        assert.match(e.message, /bracket not closed/, text);
        assert.ok(e.message.includes(`'${missing}' is missing`), `${text}: ${e.message}`);
        assert.strictEqual(e.position?.column, column, text);
        return true;
      });
    }
  });
  it('MATLAB: an unclosed row stops at the next assignment', () => {
    const m = 'A = [1 2; 3 4\nB = [5 6; 7 8];\n';
    assert.deepStrictEqual(parseAt(m, m.indexOf('7 8'), 'matlab').values, [[5, 6], [7, 8]]);
  });
  it('prose: an interval like [0, 1) does not hide the literals after it', () => {
    const txt = 'The domain is [0, 1), and the map:\n\n[[1, 2], [3, 4]]\n\nThat is all.\n';
    assert.deepStrictEqual(parseAt(txt, txt.indexOf('[3, 4]') + 1, 'plaintext').values, [[1, 2], [3, 4]]);
  });
  it('multi-line literals indented like continuations are not cut', () => {
    const src = 'A = np.array([\n[1, 2],\n[3, 4],\n])\nx = 1\n';
    assert.deepStrictEqual(parseAt(src, src.indexOf('[3, 4]') + 1, 'python').values, [[1, 2], [3, 4]]);
    const kw = 'A = np.array(\n    [[1, 2], [3, 4]],\n    dtype=float,\n)\n';
    assert.deepStrictEqual(parseAt(kw, kw.indexOf('[3, 4]') + 1, 'python').values, [[1, 2], [3, 4]]);
  });
});

describe('literals: cursor inside block formats', () => {
  it('CSV file: the whole table with its header, from any cell', () => {
    const doc = example('measurements.csv');
    for (const lang of ['csv', 'plaintext']) {
      for (const [line, needle] of [[1, 'pressure'], [2, '1012'], [3, '0.50'], [5, '23.4']] as const) {
        const t = spanText(doc, offsetOn(doc, line, needle, 1), lang);
        assert.ok(t !== null, `${lang} line ${line}`);
        assert.ok(t.startsWith('temp,pressure,humidity') && t.endsWith('23.4,1008.9,0.61'), `${lang} line ${line}: ${t}`);
        const m = parseLiteral(t, { languageId: lang });
        assert.strictEqual(m.notation, 'csv');
        assert.deepStrictEqual([m.rows, m.cols], [4, 3]);
        assert.deepStrictEqual(m.values[0], [21.5, 1012, 0.45]);
      }
    }
  });
  it('printed outputs: the Julia REPL block and the Octave block with their headers', () => {
    const doc = example('printed_outputs.txt');
    for (const [line, needle] of [[16, 'Matrix'], [17, '-2.0'], [18, '4.0']] as const) {
      const m = parseAt(doc, offsetOn(doc, line, needle, 1), 'plaintext');
      assert.strictEqual(m.notation, 'julia-repl', `line ${line}`);
      assert.deepStrictEqual(m.values, [[1, -2, 0.5], [3, 4, 1]]);
    }
    for (const [line, needle] of [[21, 'b ='], [23, '2'], [25, '10']] as const) {
      const m = parseAt(doc, offsetOn(doc, line, needle, 1), 'plaintext');
      assert.strictEqual(m.notation, 'octave-output', `line ${line}`);
      assert.deepStrictEqual(m.values, [[1, 2, 3], [4, 5, 6], [7, 8, 10]]);
    }
    // The bracketed printouts in the same file still work.
    assert.deepStrictEqual(parseAt(doc, offsetOn(doc, 9, '4.'), 'plaintext').values, [[1, 0.5], [-2, 4]]);
    // Prose lines are not blocks.
    assert.strictEqual(spanText(doc, offsetOn(doc, 1, 'REPLs'), 'plaintext'), null);
  });
  it('Octave output split into column parts, and compact output without a blank line', () => {
    const doc = 'x =\n\n Columns 1 through 3:\n\n   1   2   3\n   4   5   6\n\n Columns 4 and 5:\n\n   7   8\n   9  10\n\nnext paragraph\n';
    assert.deepStrictEqual(parseAt(doc, doc.indexOf('9  10'), 'plaintext').values, [[1, 2, 3, 7, 8], [4, 5, 6, 9, 10]]);
    const compact = 'a =\n   1.5  -2\n   0.25  4\n';
    assert.deepStrictEqual(parseAt(compact, compact.indexOf('0.25'), 'plaintext').values, [[1.5, -2], [0.25, 4]]);
  });
  it('a whitespace block is the paragraph around the cursor', () => {
    const doc = 'first matrix\n1 2\n3 4\n\n5 6 7\n8 9 10\n';
    assert.strictEqual(spanText(doc, doc.indexOf('3 4'), 'plaintext'), '1 2\n3 4');
    assert.deepStrictEqual(parseAt(doc, doc.indexOf('9'), 'plaintext').values, [[5, 6, 7], [8, 9, 10]]);
  });
  it('Markdown: a table in a .md file, with or without the language id', () => {
    const doc = example('notes.md');
    for (const lang of ['markdown', undefined]) {
      for (const [line, needle] of [[20, 'film B'], [22, '4'], [25, 'dev']] as const) {
        const s = findLiteralAt(doc, offsetOn(doc, line, needle, 1), lang);
        assert.ok(s, `${lang} line ${line}`);
        const m = parseLiteral(doc.slice(s.start, s.end), { languageId: lang });
        assert.strictEqual(m.notation, 'markdown-table');
        assert.deepStrictEqual(m.values, [[5, 4, 1], [4, 5, 1], [1, 1, 5], [2, 1, 4]]);
      }
    }
  });
  it('Markdown: printed output in a plain fence', () => {
    const doc = '# Out\n\n```\n2×2 Matrix{Float64}:\n 1.0  2.0\n 3.0  4.0\n```\n';
    assert.deepStrictEqual(parseAt(doc, doc.indexOf('3.0'), 'markdown').values, [[1, 2], [3, 4]]);
  });
});
