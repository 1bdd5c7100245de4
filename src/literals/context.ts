/**
 * What every notation parser shares while reading one selection: the original
 * text (for positions), its masked copy (for scanning), the family, the size
 * limit, and helpers that build matrices and refuse with a position.
 */
import type { Family, Token } from './scanner';
import { LiteralError, positionAt } from './types';
import type { Entry, LiteralErrorKind, NotationId, ParsedMatrix } from './types';

/** Parsing state for one selection. */
export interface Ctx {
  /** The user's text, exactly as given. */
  text: string;
  /** Same length; comments, prompts and delimiters blanked. */
  masked: string;
  family: Family;
  maxEntries: number;
  /** Tokens of `masked` (all of it). */
  tokens: Token[];
  /** Family named by the document's language id, when one was given (labels bare fragments). */
  languageFamily?: Family;
}

/** Throws a `LiteralError` of `kind` at `offset` of the user's text. */
export function fail(ctx: Pick<Ctx, 'text'>, kind: LiteralErrorKind, message: string, offset: number): never {
  throw new LiteralError(kind, message, positionAt(ctx.text, offset));
}

/** Short quotation of the text at `[start, end)` for messages. */
export function quote(ctx: Pick<Ctx, 'text'>, start: number, end: number): string {
  const s = ctx.text.slice(start, Math.min(end, start + 40)).replace(/\s+/g, ' ').trim();
  return `'${s}${end - start > 40 ? '…' : ''}'`;
}

/** `250000` → `250,000` (independent of the locale). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Refuses a literal with more entries than the limit, at `offset` (the first entry
 * past the limit when known). Worded for every caller: the extension, whose
 * linalgLens.maxEntries setting sets the limit, and the command line.
 */
export function tooLarge(ctx: Pick<Ctx, 'text' | 'maxEntries'>, offset: number, firstPast = false): never {
  const where = firstPast ? `; entry ${thousands(ctx.maxEntries + 1)} starts here` : '';
  fail(ctx, 'too-large', `too many entries: the matrix has more than the limit of ${thousands(ctx.maxEntries)} entries (the extension's linalgLens.maxEntries setting)${where}`, offset);
}

/** Refuses once more entries than the limit were read. */
export function checkCount(ctx: Ctx, count: number, offset: number): void {
  if (count > ctx.maxEntries) tooLarge(ctx, offset);
}

/** The one wording of a ragged-rows refusal: `row 2 has 2 entries, but row 1 has 3`. */
export function raggedRows(row: number, got: number, first: number, what = 'row'): string {
  const entries = (n: number): string => `${n} ${n === 1 ? 'entry' : 'entries'}`;
  return `ragged ${what}s: ${what} ${row} has ${entries(got)}, but ${what} 1 has ${first}`;
}

/**
 * Where each complex entry was read (offset into the parsed text). Complex
 * entries are objects, so their identity carries the origin through transposes
 * and reshapes without a parallel array; `finish` turns the first one with a
 * non-zero imaginary part into `ParsedMatrix.complexAt`.
 */
const ORIGIN = new WeakMap<object, number>();

/** Records that the complex entry `e` was read at `offset`. */
export function markOrigin(e: { re: number; im: number }, offset: number): void {
  ORIGIN.set(e, offset);
}

/** `to` (a conjugate or scaled copy of `from`) was read where `from` was. */
export function copyOrigin<T extends Entry>(from: Entry, to: T): T {
  if (typeof from === 'object' && typeof to === 'object') {
    const at = ORIGIN.get(from);
    if (at !== undefined) ORIGIN.set(to, at);
  }
  return to;
}

/** True for complex entries. */
export function isComplex(e: Entry): e is { re: number; im: number } {
  return typeof e === 'object';
}

/**
 * Builds the result from rows of entries. Checks emptiness, raggedness (naming
 * both lengths and the row) and the size limit; a matrix with any complex
 * entry gets every entry as `{re, im}`.
 * `rowOffsets[i]` is where row i starts (for the ragged message's position).
 */
export function buildMatrix(
  ctx: Ctx,
  values: Entry[][],
  rowOffsets: readonly number[],
  notation: NotationId,
  span: { start: number; end: number },
): ParsedMatrix {
  if (values.length === 0 || values[0].length === 0) fail(ctx, 'empty', 'empty matrix: there are no entries to read', span.start);
  const cols = values[0].length;
  for (let i = 1; i < values.length; i++) {
    if (values[i].length !== cols) {
      fail(ctx, 'ragged', raggedRows(i + 1, values[i].length, cols), rowOffsets[i] ?? span.start);
    }
  }
  checkCount(ctx, values.length * cols, span.start);
  return finish(values, notation, span);
}

/** Wraps already rectangular values as a ParsedMatrix (complex entries normalised). */
export function finish(values: Entry[][], notation: NotationId, span: { start: number; end: number }): ParsedMatrix {
  let complex = false;
  for (const row of values) {
    for (const e of row) if (isComplex(e)) { complex = true; break; }
    if (complex) break;
  }
  const out = complex ? values.map((row) => row.map((e) => (isComplex(e) ? e : { re: e, im: 0 }))) : values;
  const m: ParsedMatrix = { rows: out.length, cols: out[0].length, values: out, complex, notation, span };
  if (complex) {
    const at = firstComplexAt(out);
    if (at !== undefined) m.complexAt = at;
  }
  return m;
}

/** Offset where the first entry (row by row) with a non-zero imaginary part was read, if known. */
export function firstComplexAt(values: readonly (readonly Entry[])[]): number | undefined {
  for (const row of values) {
    for (const e of row) if (typeof e === 'object' && e.im !== 0) return ORIGIN.get(e);
  }
  return undefined;
}

/** Transpose; `conjugate` also negates imaginary parts (MATLAB `'`). */
export function transpose(values: Entry[][], conjugate: boolean): Entry[][] {
  const rows = values.length;
  const cols = rows ? values[0].length : 0;
  const out: Entry[][] = [];
  for (let j = 0; j < cols; j++) {
    const r: Entry[] = [];
    for (let i = 0; i < rows; i++) {
      const e = values[i][j];
      r.push(conjugate && isComplex(e) ? copyOrigin(e, { re: e.re, im: -e.im }) : e);
    }
    out.push(r);
  }
  return out;
}

/** Row offsets for `r` rows all pointing at `at` (r is capped: it may come from a declared size). */
export function rowAt(r: number, at: number): number[] {
  return new Array<number>(Math.max(0, Math.min(r, 1 << 20))).fill(at);
}

/** Fills an r×c matrix from a flat list, row-major or column-major (an empty shape gives no rows). */
export function fill(flat: readonly Entry[], r: number, c: number, columnMajor: boolean): Entry[][] {
  const out: Entry[][] = [];
  if (r * c === 0 || flat.length < r * c) return out;
  for (let i = 0; i < r; i++) {
    const row: Entry[] = [];
    for (let j = 0; j < c; j++) row.push(columnMajor ? flat[j * r + i] : flat[i * c + j]);
    out.push(row);
  }
  return out;
}
