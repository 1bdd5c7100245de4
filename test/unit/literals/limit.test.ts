/** maxEntries: refused while tokenizing or splitting, at the first entry past the limit; never below it. */
import * as assert from 'assert';
import { LiteralError, parseLiteral, positionAt } from '../../../src/literals';
import type { ParseOptions } from '../../../src/literals';

type Grid = string[][];
const grid = (r: number, c: number): Grid => Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => String(((i * 7 + j * 3) % 11) - 5 + 0.5)));

const FORMS: Record<string, (g: Grid) => string> = {
  numpy: (g) => 'A = np.array([' + g.map((r) => '[' + r.join(', ') + ']').join(',\n              ') + '])',
  'python list': (g) => '[' + g.map((r) => '[' + r.join(', ') + ']').join(', ') + ']',
  'numpy print': (g) => '[' + g.map((r) => '[' + r.join(' ') + ']').join('\n ') + ']',
  matlab: (g) => 'A = [' + g.map((r) => r.join(' ')).join(';\n     ') + '];',
  'matlab rows on lines': (g) => '[' + g.map((r) => r.join(' ')).join('\n') + ']',
  julia: (g) => 'A = [' + g.map((r) => r.join(' ')).join('; ') + '] # π',
  mathematica: (g) => '{' + g.map((r) => '{' + r.join(', ') + '}').join(', ') + '}',
  eigen: (g) => `Eigen::MatrixXd m(${g.length}, ${g[0].length});\nm << ` + g.map((r) => r.join(', ')).join(',\n     ') + ';',
  csv: (g) => g.map((r) => r.join(',')).join('\n'),
  'csv with header and labels': (g) => 'name,' + g[0].map((_, j) => `c${j}`).join(',') + '\n' + g.map((r, i) => `r${i},` + r.join(',')).join('\n'),
  whitespace: (g) => g.map((r) => r.join(' ')).join('\n'),
  'julia repl': (g) => `${g.length}×${g[0].length} Matrix{Float64}:\n` + g.map((r) => ' ' + r.join('  ')).join('\n'),
  latex: (g) => '\\begin{bmatrix}' + g.map((r) => r.join(' & ')).join(' \\\\\n') + '\\end{bmatrix}',
  markdown: (g) => '| ' + g[0].map((_, j) => `c${j}`).join(' | ') + ' |\n|' + g[0].map(() => '---').join('|') + '|\n' + g.map((r) => '| ' + r.join(' | ') + ' |').join('\n'),
};

function refusal(text: string, options: ParseOptions): LiteralError {
  try {
    parseLiteral(text, options);
  } catch (e) {
    if (e instanceof LiteralError) return e;
    throw e;
  }
  assert.fail('expected a refusal');
}


describe('literals: the size limit', () => {
  for (const [name, form] of Object.entries(FORMS)) {
    it(`${name}: exactly maxEntries is read, one row more is refused at its first entry`, () => {
      const rows = 30;
      const cols = 20;
      const max = rows * cols;
      const ok = parseLiteral(form(grid(rows, cols)), { maxEntries: max });
      assert.deepStrictEqual([ok.rows, ok.cols], [rows, cols]);
      const big = form(grid(rows + 1, cols));
      const e = refusal(big, { maxEntries: max });
      assert.strictEqual(e.kind, 'too-large', e.message);
      assert.match(e.message, /more than the limit of 600 entries/);
      // The first entry past the limit is the first entry of the extra row.
      const want = grid(rows + 1, cols)[rows][0];
      assert.ok(big.startsWith(want, e.position.offset) || big.slice(e.position.offset).trimStart().startsWith(want), `${name}: position ${JSON.stringify(big.slice(e.position.offset, e.position.offset + 12))}`);
      const p = positionAt(big, e.position.offset);
      assert.deepStrictEqual(e.position, p);
    });
  }
  it('a literal far past the limit is refused at the first entry over it (2.25 million entries, limit 1,000)', () => {
    const g = grid(1500, 1500);
    const figures: string[] = [];
    for (const name of ['numpy', 'matlab', 'csv', 'latex']) {
      const text = FORMS[name](g);
      const t0 = performance.now();
      const e = refusal(text, { maxEntries: 1000 });
      figures.push(`${name} ${(performance.now() - t0).toFixed(0)} ms`);
      assert.strictEqual(e.kind, 'too-large');
      assert.ok(e.position.line <= 2, `${name}: refused at line ${e.position.line}`);
      assert.match(e.message, /entry 1,001 starts here/);
    }
    // Reported, not asserted (tests never judge speed): the time to refuse a 14-million-character text.
    console.log(`      refusal times: ${figures.join(', ')}`);
  });
  it('counting never refuses what the reader would accept', () => {
    const max = 6;
    for (const text of [
      'np.array([[np.sqrt(2)/2, -np.sqrt(2)/2, 1], [complex(1, 2), 2*(1+1), (3)]])',
      '[1 -2 3; 4 - 1 5 6]',
      '[[1 2 3],\n [4 5 6]]',
      '[1+2j, 3-4j, 5, 6, 7, 8]',
      'x = [1 2 3 4 5 6]',
      'tf.constant([[1., 2., 3.], [4., 5., 6.]], shape=(2, 3))',
      'torch.tensor([[1, 2, 3], [4, 5, 6]]).reshape(3, 2)',
      'Eigen::Matrix<double, 2, 3> m;\nm << 1, 2, 3,\n     4, 5, 6;',
      '[(1, 2, 3), (4, 5, 6)]',
      '{{2 Pi, 1, 0}, {3, 4, 5}}',
      'matrix(c(1, 2, 3, 4, 5, 6), nrow = 2)',
    ]) {
      const m = parseLiteral(text, { maxEntries: max });
      assert.strictEqual(m.rows * m.cols, 6, text);
    }
  });
});
