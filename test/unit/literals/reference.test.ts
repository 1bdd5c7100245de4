/** Every case of shared/reference/literals.jsonl: values, shapes and refusals. */
import * as assert from 'assert';
import { parseLiteral } from '../../../src/literals';
import { loadLiterals } from '../reference';
import { assertRefused, assertValues } from './helpers';
import type { LiteralErrorKind } from '../../../src/literals';

/** The kinds a refusal's expected message may sensibly map to. */
function kindsFor(message: string): LiteralErrorKind[] {
  if (/ragged/.test(message)) return ['ragged'];
  if (/two matrix literals/.test(message)) return ['multiple'];
  if (/empty/.test(message)) return ['empty'];
  if (/does not fill|size|shape/.test(message)) return ['shape-mismatch'];
  if (/missing/.test(message)) return ['missing-values'];
  if (/non-numeric|symbol/.test(message)) return ['symbolic', 'syntax'];
  if (/NaN|Inf|finite/.test(message)) return ['non-finite'];
  if (/3-D|ellips|truncat/.test(message)) return ['unsupported'];
  return ['syntax', 'unsupported', 'symbolic'];
}

describe('literals: shared reference cases', () => {
  const cases = loadLiterals();
  it('has the reference cases', () => assert.ok(cases.length >= 62));
  for (const c of cases) {
    it(`${c.id} (${c.notation}): ${c.note}`, () => {
      if ('error' in c.expect) {
        assertRefused(c.text, kindsFor(c.expect.error), c.id);
      } else {
        assertValues(parseLiteral(c.text), c.expect.values, c.id);
      }
    });
  }
});
