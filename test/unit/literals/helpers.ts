/**
 * Shared assertions of the literal tests: entry comparison within 1e-15
 * relative, exact shape, and refusals that must be `LiteralError`s with a
 * position inside the text.
 */
import * as assert from 'assert';
import { LiteralError, parseLiteral } from '../../../src/literals';
import type { Entry, LiteralErrorKind, ParseOptions, ParsedMatrix } from '../../../src/literals';

/** An expected entry: a number, a `{re, im}` pair. */
export type Want = number | { re: number; im: number };

/** One table-driven case: the text and either its values or the kind(s) of refusal. */
export interface Case {
  text: string;
  want: Want[][] | { error: LiteralErrorKind | LiteralErrorKind[] };
  /** Expected notation id, when it matters. */
  notation?: string;
  /** What makes the case tricky. */
  note?: string;
  /** Options passed to parseLiteral (e.g. a notation the text alone does not reveal). */
  options?: ParseOptions;
}

function parts(e: Entry | Want): { re: number; im: number } {
  return typeof e === 'number' ? { re: e, im: 0 } : e;
}

function near(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-15 * Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

/** True when the entries agree within 1e-15 relative (real and imaginary parts). */
export function entriesEqual(a: Entry | Want, b: Entry | Want): boolean {
  const x = parts(a);
  const y = parts(b);
  return near(x.re, y.re) && near(x.im, y.im);
}

/** Asserts that `m` has the shape and values of `want`. */
export function assertValues(m: ParsedMatrix, want: Want[][], label: string): void {
  assert.strictEqual(m.rows, want.length, `${label}: rows`);
  assert.strictEqual(m.cols, want[0].length, `${label}: cols`);
  for (let i = 0; i < want.length; i++) {
    for (let j = 0; j < want[0].length; j++) {
      assert.ok(entriesEqual(m.values[i][j], want[i][j]), `${label}: entry (${i + 1}, ${j + 1}) is ${JSON.stringify(m.values[i][j])}, expected ${JSON.stringify(want[i][j])}`);
    }
  }
}

/** Asserts that parsing `text` throws a LiteralError (of one of `kinds`, when given) positioned inside the text. */
export function assertRefused(text: string, kinds: LiteralErrorKind[] | undefined, label: string, options?: ParseOptions): LiteralError {
  let err: unknown;
  let got: ParsedMatrix | undefined;
  try {
    got = parseLiteral(text, options);
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof LiteralError, `${label}: expected a LiteralError, got ${got ? JSON.stringify(got.values) : String(err)}`);
  if (kinds) assert.ok(kinds.includes(err.kind), `${label}: kind ${err.kind} (${err.message}), expected ${kinds.join(' or ')}`);
  assert.ok(err.position.offset >= 0 && err.position.offset <= text.length, `${label}: position ${err.position.offset} outside the text`);
  assert.ok(err.message.length > 10, `${label}: message too short`);
  return err;
}

/** Registers one mocha test per case. */
export function runCases(cases: readonly Case[]): void {
  for (const c of cases) {
    const label = JSON.stringify(c.text.length > 70 ? c.text.slice(0, 70) + '…' : c.text);
    it(label, () => {
      if ('error' in c.want) {
        const e = c.want.error;
        assertRefused(c.text, Array.isArray(e) ? e : [e], label, c.options);
      } else {
        const m = parseLiteral(c.text, c.options);
        assertValues(m, c.want, label);
        if (c.notation) assert.strictEqual(m.notation, c.notation, `${label}: notation`);
      }
    });
  }
}

/** Shorthand for complex entries. */
export function cx(re: number, im: number): Want {
  return { re, im };
}
