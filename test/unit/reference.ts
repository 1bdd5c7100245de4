/**
 * Loads the team's reference data (`shared/reference/`, computed with numpy/LAPACK),
 * which sits beside the repository checkout: `<repo>/../shared/reference`.
 * Set LINALG_LENS_REFERENCE to point elsewhere. Missing data is an error, never a skip:
 * a test run without its reference cases must not look green.
 */
import * as fs from 'fs';
import * as path from 'path';

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('could not find the repository root above ' + __dirname);
    dir = up;
  }
  return dir;
}

export function referenceDir(): string {
  const dir = process.env.LINALG_LENS_REFERENCE ?? path.resolve(repoRoot(), '..', 'shared', 'reference');
  if (!fs.existsSync(path.join(dir, 'numerics.json'))) {
    throw new Error(`reference data not found in ${dir} (set LINALG_LENS_REFERENCE)`);
  }
  return dir;
}

/** A value in numerics.json: non-finite numbers are strings, complex numbers [re, im]. */
export type RefNumber = number | 'NaN' | 'Infinity' | '-Infinity';

export function refNumber(v: RefNumber): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  return v === 'Infinity' ? Infinity : -Infinity;
}

export interface NumericsCase {
  id: string;
  desc: string;
  tags: string[];
  note: string | null;
  shape: [number, number];
  A: RefNumber[][];
  expect: 'compute' | 'refuse';
  /** See shared/reference/README.md for every field. */
  ref: Record<string, unknown>;
}

export function loadNumerics(): NumericsCase[] {
  const raw = JSON.parse(fs.readFileSync(path.join(referenceDir(), 'numerics.json'), 'utf8')) as { cases: NumericsCase[] };
  return raw.cases;
}

/** The case's matrix with non-finite strings turned into numbers. */
export function caseMatrix(c: NumericsCase): number[][] {
  return c.A.map((row) => row.map(refNumber));
}

export interface LiteralCase {
  id: string;
  notation: string;
  text: string;
  expect: { rows: number; cols: number; values: (number | { re: number; im: number })[][] } | { error: string };
  note: string;
}

export function loadLiterals(): LiteralCase[] {
  return fs
    .readFileSync(path.join(referenceDir(), 'literals.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LiteralCase);
}
