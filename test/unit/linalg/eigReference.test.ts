/**
 * eig / eigvals / eigh / eigvalsh on every case of shared/reference/numerics.json,
 * against the bounds of its README.
 */
import * as assert from 'assert';
import { eig, eigvals, type Complex } from '../../../src/linalg/eig';
import { eigh, eigvalsh } from '../../../src/linalg/eigh';
import { LinAlgError } from '../../../src/linalg/errors';
import { cases, num, nums, type Case } from './helpers';
import { checkEigh, checkEigStructure, checkEigValues, normOr } from './eigCheck';
import { withinEps } from './tolerance';

function refComplex(v: unknown): Complex[] {
  return (v as [unknown, unknown][]).map(([re, im]) => ({ re: num(re), im: num(im) }));
}

function isTriangular(A: number[][]): boolean {
  const n = A.length;
  let upper = true;
  let lower = true;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i > j && A[i][j] !== 0) upper = false;
      if (i < j && A[i][j] !== 0) lower = false;
    }
  }
  return upper || lower;
}

const square = (): Case[] => cases().filter((k) => k.c.expect === 'compute' && k.m === k.n && k.m > 0);

describe('eig: every square reference case', () => {
  for (const kase of square()) {
    it(kase.c.id, () => {
      const { A, ref } = kase;
      const r = eig(A);
      const norm2 = normOr(A, num(ref.norm2));
      checkEigStructure(kase.c.id, A, r);
      const kappa = nums(ref.eig_cond);
      checkEigValues(`${kase.c.id} eig`, r.eigenvalues, refComplex(ref.eigenvalues), kappa, norm2);
      checkEigValues(`${kase.c.id} eigvals`, eigvals(A), refComplex(ref.eigenvalues), kappa, norm2);
      if (isTriangular(A)) {
        const diag = A.map((row, i) => row[i]).sort((x, y) => x - y);
        assert.deepStrictEqual(r.eigenvalues.map((z) => z.re), diag, `${kase.c.id}: triangular input must return its diagonal`);
        assert.ok(r.eigenvalues.every((z) => z.im === 0), `${kase.c.id}: triangular input has real eigenvalues`);
      }
      if (kase.c.tags.includes('defective')) assert.strictEqual(r.defective, true, `${kase.c.id}: defective not detected`);
      if (Math.max(...kappa) < 1e3) assert.strictEqual(r.defective, false, `${kase.c.id}: wrongly flagged defective`);
      if (r.defective) assert.ok(r.warnings.some((w) => /defective/.test(w)), `${kase.c.id}: defective without a warning`);
    });
  }
});

describe('eigh: every symmetric reference case', () => {
  for (const kase of square().filter((k) => k.ref.symmetric === true)) {
    it(kase.c.id, () => {
      const { A, ref } = kase;
      const refVals = nums(ref.eigenvalues_sym);
      const norm2 = num(ref.norm2);
      checkEigh(kase.c.id, A, eigh(A), refVals, norm2);
      const vals = eigvalsh(A);
      for (let i = 0; i < vals.length; i++) {
        withinEps(`${kase.c.id} eigvalsh[${i}]`, Math.abs(vals[i] - refVals[i]) / (normOr(A, norm2) || 1), kase.N, 100);
      }
    });
  }
  it('refuses every non-symmetric square case with not-symmetric', () => {
    for (const kase of square().filter((k) => k.ref.symmetric === false)) {
      assert.throws(() => eigh(kase.A), (e: unknown) => e instanceof LinAlgError && e.kind === 'not-symmetric', kase.c.id);
    }
  });
});

describe('eig/eigh: refusal and empty cases', () => {
  for (const kase of cases().filter((k) => k.c.expect === 'refuse')) {
    it(`${kase.c.id} is refused quickly by every eigen function`, () => {
      for (const f of [eig, eigvals, eigh, eigvalsh] as ((a: number[][]) => unknown)[]) {
        const t0 = Date.now();
        assert.throws(() => f(kase.A), (e: unknown) => e instanceof LinAlgError && e.kind === 'not-finite');
        assert.ok(Date.now() - t0 < 1000, `${kase.c.id}: refusal took too long`);
      }
    });
  }
  it('non-square reference cases are refused with not-square', () => {
    for (const kase of cases().filter((k) => k.c.expect === 'compute' && k.m !== k.n && k.m > 0)) {
      assert.throws(() => eig(kase.A), (e: unknown) => e instanceof LinAlgError && e.kind === 'not-square', kase.c.id);
      assert.throws(() => eigh(kase.A), (e: unknown) => e instanceof LinAlgError && e.kind === 'not-square', kase.c.id);
    }
  });
  it('0×0 gives empty results (numpy convention)', () => {
    assert.deepStrictEqual(eig([]), { eigenvalues: [], eigenvectors: [], defective: false, warnings: [], condition: [] });
    assert.deepStrictEqual(eigvals([]), []);
    assert.deepStrictEqual(eigh([]), { eigenvalues: [], eigenvectors: [] });
    assert.deepStrictEqual(eigvalsh([]), []);
  });
});
