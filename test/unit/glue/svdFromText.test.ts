import * as assert from 'assert';
import { svdFromText } from '../../../src/engine/svdFromText';
import { LiteralError } from '../../../src/literals/types';
import { LinAlgError } from '../../../src/linalg/errors';

describe('svdFromText (the panel job, inline or in the worker)', () => {
  it('reads the literal and computes the report', () => {
    const r = svdFromText('A = np.array([[3, 1], [1, 3]])', 1000);
    assert.strictEqual(r.parsed.notation, 'numpy');
    assert.ok(Math.abs(r.report.S[0] - 4) < 1e-14);
  });

  it("uses the document's language to read ambiguous brackets", () => {
    assert.strictEqual(svdFromText('P = [0.7 0.3; 0.2 0.8]', 1000, 'julia').parsed.notation, 'julia');
    assert.strictEqual(svdFromText('v = [2 -1 3]', 1000, 'matlab').parsed.notation, 'matlab');
  });

  it('refuses with the parser and engine error types', () => {
    assert.throws(() => svdFromText('[[1, 2], [3]]', 1000), LiteralError);
    assert.throws(() => svdFromText('[[1, 2j], [3, 4]]', 1000), LinAlgError);
    assert.throws(() => svdFromText('[1 2 3 4]', 3), (e: unknown) => e instanceof LiteralError && e.kind === 'too-large');
  });
});
