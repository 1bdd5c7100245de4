/**
 * Shared vocabulary of the literal parser: what a parsed matrix looks like and
 * how a refusal reports where it happened. Pure data; no `vscode`, no DOM.
 */

/** A complex entry; real entries are plain numbers. */
export interface Complex {
  re: number;
  im: number;
}

export type Entry = number | Complex;

/** Notations the parser recognises (and the formatter can write back). */
export type NotationId =
  | 'numpy'
  | 'numpy-repr'
  | 'numpy-str'
  | 'numpy-matrix-string'
  | 'torch'
  | 'torch-repr'
  | 'tensorflow-repr'
  | 'python-list'
  | 'sympy'
  | 'matlab'
  | 'octave-output'
  | 'julia'
  | 'julia-repl'
  | 'latex'
  | 'mathematica'
  | 'r'
  | 'eigen'
  | 'rust-nalgebra'
  | 'rust-ndarray'
  | 'javascript'
  | 'mathjs'
  | 'ml-matrix'
  | 'csv'
  | 'tsv'
  | 'whitespace'
  | 'bracket-rows'
  | 'markdown-table'
  | 'fortran'
  | 'typst'
  | 'jax'
  | 'tensorflow'
  | 'mathjs-expression'
  | 'r-output';

/** A successfully parsed literal. `values` is row-major: `values[i][j]` is row i, column j. */
export interface ParsedMatrix {
  rows: number;
  cols: number;
  values: Entry[][];
  /** True when at least one entry has a non-zero imaginary part or was written as complex. */
  complex: boolean;
  /** The notation the text was read as (drives "copy back in the source's notation"). */
  notation: NotationId;
  /** Offsets (UTF-16, into the parsed text) of the literal itself, assignment prefix excluded. */
  span: { start: number; end: number };
  /**
   * Offset (into the parsed text) of the first entry, row by row, with a non-zero
   * imaginary part, so a real-only operation can point at it. Absent for real matrices.
   */
  complexAt?: number;
}

export type LiteralErrorKind =
  | 'syntax'
  | 'empty'
  | 'ragged'
  | 'symbolic'
  | 'non-finite'
  | 'multiple'
  | 'shape-mismatch'
  | 'too-large'
  | 'unsupported'
  | 'missing-values'
  | 'not-found';

/** A position in the parsed text: 0-based offset, 1-based line and column. */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

/**
 * A refusal of the parser. The message says what was expected or found; the
 * position points at the offending character so an editor can highlight it.
 */
export class LiteralError extends Error {
  readonly kind: LiteralErrorKind;
  readonly position: TextPosition;

  constructor(kind: LiteralErrorKind, message: string, position: TextPosition) {
    super(message);
    this.name = 'LiteralError';
    this.kind = kind;
    this.position = position;
  }
}

/** Converts a 0-based offset into 1-based line/column (lines split on \n, \r\n or \r). */
export function positionAt(text: string, offset: number): TextPosition {
  const o = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < o; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: o, line, column: o - lineStart + 1 };
}
