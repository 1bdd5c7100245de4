import * as assert from 'assert';
import * as path from 'path';
import { svdFromText } from '../../../src/engine/svdFromText';
import { LiteralError } from '../../../src/literals/types';
import { LinAlgError } from '../../../src/linalg/errors';
import { EntryRefusal } from '../../../src/engine/report';
import { runJob } from '../../../src/engine/runInHost';

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

  it('refuses a complex entry with the offset where it was read, inline and through the worker protocol', async () => {
    const text = 'A = [1 2\n     3 4-2i]';
    const at = text.indexOf('4-2i');
    assert.throws(() => svdFromText(text, 1000), (e: unknown) => e instanceof EntryRefusal && e.kind === 'complex-unsupported' && e.offset === at);
    // Large selections go through the bundled worker (dist/worker.js, built before the unit tests); its reply must carry the offset back.
    const root = path.resolve(__dirname, '..', '..', '..', '..');
    await assert.rejects(
      runJob(root, { job: 'svd-from-text', text, maxEntries: 1000 }, true, () => svdFromText(text, 1000)),
      (e: unknown) => e instanceof EntryRefusal && e.kind === 'complex-unsupported' && e.offset === at,
    );
  });
});
