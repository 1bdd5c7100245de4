import * as assert from 'assert';
import { isViewToHost } from '../../../src/webviews/results/protocol';
import { explainSvd, energyProfile } from '../../../src/concepts/explainSvd';

describe('results panel protocol', () => {
  it('accepts the view messages it defines', () => {
    assert.ok(isViewToHost({ type: 'ready' }));
    assert.ok(isViewToHost({ type: 'reveal' }));
    assert.ok(isViewToHost({ type: 'copy', target: 'U' }));
    assert.ok(isViewToHost({ type: 'copy', target: 'Sigma', notation: 'numpy' }));
  });

  it('rejects anything else', () => {
    for (const m of [null, 3, 'ready', {}, { type: 'copy' }, { type: 'copy', target: 'X' }, { type: 'eval', code: '1' }]) {
      assert.ok(!isViewToHost(m), JSON.stringify(m));
    }
  });
});

describe('SVD explanation', () => {
  it('computes the cumulative energy of the singular values', () => {
    assert.deepStrictEqual(energyProfile([3, 4]), [9 / 25, 1]);
    assert.deepStrictEqual(energyProfile([0, 0]), [0, 0]);
  });

  it('mentions rank deficiency and the pseudoinverse when rank < min(m, n)', () => {
    const e = explainSvd({ rows: 4, cols: 3, S: [5, 2, 0], rank: 2, cond: Infinity });
    const text = e.paragraphs.join(' ');
    assert.ok(text.includes('rank 2'));
    assert.ok(text.includes('pseudoinverse'));
    assert.ok(text.includes('infinite'));
  });

  it('quantifies digits lost to conditioning', () => {
    const e = explainSvd({ rows: 2, cols: 2, S: [1e6, 1], rank: 2, cond: 1e6 });
    assert.ok(e.paragraphs.some((p) => p.includes('6.0 of the ~16')));
  });
});
