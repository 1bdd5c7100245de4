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
