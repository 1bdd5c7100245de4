/**
 * The two bracket grammars most notations share, both on tokens:
 * - nested lists (`[[1, 2], [3, 4]]`, `{{1, 2}, {3, 4}}`, numpy's print
 *   output `[[1 2]\n [3 4]]`): a depth-2 list is a matrix, depth 1 a 1×n row;
 * - matrix syntax (MATLAB/Julia/mathjs/Typst/nalgebra): `;` or a line break
 *   between rows, `,` or whitespace between entries, bracketed blocks
 *   concatenated (`[[1 2]; [3 4]]`, Julia `[[1,2] [3,4]]`).
 * Whitespace separation follows MATLAB: `[2 -1]` is two entries, `[2 - 1]` one.
 */
import type { Ctx } from './context';
import { checkCount, copyOrigin, fail, isComplex, quote, raggedRows } from './context';
import type { Dialect } from './entries';
import { evalEntry } from './entries';
import type { Token } from './scanner';
import { endsOperand, matchClose } from './scanner';
import type { Entry } from './types';

/** Rows of entries with where each row starts. */
export interface Rows {
  values: Entry[][];
  rowOffsets: number[];
}

const MAX_DEPTH = 64;

function startsOperand(t: Token, next: Token | undefined): boolean {
  if (t.kind === 'num' || t.kind === 'id' || t.kind === 'open' || t.kind === 'str' || t.kind === 'ellipsis') return true;
  if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
    return !!next && !next.space && (next.kind === 'num' || next.kind === 'id' || next.kind === 'open');
  }
  return t.kind === 'op' && t.text === '√';
}

/** Ranges `[a, b)` of the whitespace/comma separated items of `toks[a, b)` at depth 0. */
export function splitItems(toks: readonly Token[], a: number, b: number, whitespace: boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let depth = 0;
  let itemStart = a;
  for (let k = a; k < b; k++) {
    const t = toks[k];
    if (depth === 0 && t.kind === 'sep' && t.text === ',') {
      out.push([itemStart, k]);
      itemStart = k + 1;
      continue;
    }
    if (depth === 0 && whitespace && k > itemStart && t.space && endsOperand(toks[k - 1]) && startsOperand(t, toks[k + 1])) {
      out.push([itemStart, k]);
      itemStart = k;
    }
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') depth = Math.max(0, depth - 1);
  }
  out.push([itemStart, b]);
  return out;
}

/** True when `toks[a, b)` has a token satisfying `pred` at bracket depth 0. */
function atDepth0(toks: readonly Token[], a: number, b: number, pred: (t: Token, k: number) => boolean): boolean {
  let depth = 0;
  for (let k = a; k < b; k++) {
    const t = toks[k];
    if (depth === 0 && pred(t, k)) return true;
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') depth = Math.max(0, depth - 1);
  }
  return false;
}

/**
 * Decides which grammar reads the bracket `toks[open..close]`: matrix syntax when
 * the family is MATLAB/Julia, when a `;` sits at the top level, or when entries of a
 * flat list are separated by a line break without a comma.
 */
export function looksMatrixSyntax(toks: readonly Token[], open: number, close: number, matlabLike: boolean): boolean {
  if (matlabLike) return true;
  if (atDepth0(toks, open + 1, close, (t) => t.kind === 'sep' && t.text === ';')) return true;
  const nested = atDepth0(toks, open + 1, close, (t, k) => t.kind === 'open' && (k === open + 1 || toks[k - 1].kind === 'sep' || (t.space && endsOperand(toks[k - 1]))));
  // Two bracketed blocks side by side on one line (`[[1 2] [3 4]]`) is concatenation, not a printed nested list.
  if (atDepth0(toks, open + 1, close, (t, k) => t.kind === 'open' && t.space && !t.nl && toks[k - 1].kind === 'close')) return true;
  if (nested) return false;
  return atDepth0(toks, open + 1, close, (t, k) => k > open + 1 && t.nl && endsOperand(toks[k - 1]) && startsOperand(t, toks[k + 1]));
}

type Node = { list: Node[]; start: number } | { a: number; b: number };

function isSubList(toks: readonly Token[], a: number, b: number, d: Dialect): boolean {
  const t = toks[a];
  if (t.kind !== 'open' || matchClose(toks, a, b) !== b - 1) return false;
  if (t.text === '[' || t.text === '{') return true;
  return (d.family === 'python' || d.family === 'generic') && atDepth0(toks, a + 1, b - 1, (x) => x.kind === 'sep' && x.text === ',');
}

function readList(ctx: Ctx, toks: readonly Token[], open: number, close: number, d: Dialect, depth: number): Node[] {
  if (depth > MAX_DEPTH) fail(ctx, 'unsupported', 'lists are nested too deeply to be a matrix', toks[open].start);
  const commas = atDepth0(toks, open + 1, close, (t) => t.kind === 'sep' && t.text === ',');
  const semi = atDepth0(toks, open + 1, close, (t) => t.kind === 'sep' && t.text === ';');
  if (semi) fail(ctx, 'syntax', `unexpected ';' inside a nested list`, toks[open].start);
  // Whitespace separates entries only in printed `[...]` arrays; in `{...}` lists juxtaposition is multiplication (`2 I`).
  const items = splitItems(toks, open + 1, close, !commas && toks[open].text === '[' && d.family !== 'mathematica');
  if (items.length && items[items.length - 1][0] === items[items.length - 1][1]) items.pop();
  const out: Node[] = [];
  for (const [a, b] of items) {
    if (a === b) fail(ctx, 'syntax', 'expected a number or a list between two commas, found nothing', toks[a]?.start ?? toks[close].start);
    if (isSubList(toks, a, b, d)) out.push({ list: readList(ctx, toks, a, b - 1, d, depth + 1), start: toks[a].start });
    else out.push({ a, b });
  }
  return out;
}

/**
 * Reads the nested list `toks[open..close]` into rows. Depth 1 gives one row,
 * depth 2 a matrix; deeper nesting is refused as a 3-D array, unequal rows as ragged.
 */
export function parseNestedList(ctx: Ctx, toks: readonly Token[], open: number, close: number, d: Dialect): Rows {
  const top = readList(ctx, toks, open, close, d, 0);
  if (top.length === 0) fail(ctx, 'empty', 'empty matrix: the list has no entries', toks[open].start);
  const isList = (n: Node): n is { list: Node[]; start: number } => 'list' in n;
  if (!top.some(isList)) {
    checkCount(ctx, top.length, toks[open].start);
    return { values: [top.map((n) => entryOf(ctx, toks, n, d))], rowOffsets: [toks[open].start] };
  }
  const values: Entry[][] = [];
  const rowOffsets: number[] = [];
  let count = 0;
  for (const n of top) {
    if (!isList(n)) {
      const first = top.find(isList) as { list: Node[] };
      fail(ctx, 'ragged', `ragged rows: row ${values.length + 1} is a bare entry ${quote(ctx, toks[n.a].start, toks[n.b - 1].end)}, but ${values.length ? 'row 1' : 'a later row'} is a list of ${values.length ? values[0].length : first.list.length}`, toks[n.a].start);
    }
    const deeper = n.list.find(isList);
    if (deeper) fail(ctx, 'unsupported', '3-D array: only 2-D matrices can be read (a list of lists of lists was found)', deeper.start);
    if (values.length && n.list.length !== values[0].length) {
      fail(ctx, 'ragged', raggedRows(values.length + 1, n.list.length, values[0].length), n.start);
    }
    count += n.list.length;
    checkCount(ctx, count, n.start);
    values.push(n.list.map((e) => entryOf(ctx, toks, e, d)));
    rowOffsets.push(n.start);
  }
  if (values[0].length === 0) fail(ctx, 'empty', 'empty matrix: the rows have no entries', toks[open].start);
  return { values, rowOffsets };
}

function entryOf(ctx: Ctx, toks: readonly Token[], n: Node, d: Dialect): Entry {
  if ('list' in n) fail(ctx, 'ragged', 'ragged rows: a list stands where a number was expected', n.start);
  return evalEntry(ctx, toks, n.a, n.b, d);
}

function isTransposeOp(t: Token | undefined): boolean {
  return !!t && t.kind === 'op' && (t.text === "'" || t.text === ".'");
}

/** Applies MATLAB/Julia postfix transposes (`'` conjugates, `.'` does not). */
export function applyTransposes(values: Entry[][], ops: readonly Token[]): Entry[][] {
  let v = values;
  for (const op of ops) {
    const conj = op.text === "'";
    const rows = v.length;
    const cols = rows ? v[0].length : 0;
    const t: Entry[][] = [];
    for (let j = 0; j < cols; j++) {
      const r: Entry[] = [];
      for (let i = 0; i < rows; i++) {
        const e = v[i][j];
        r.push(conj && isComplex(e) ? copyOrigin(e, { re: e.re, im: -e.im }) : e);
      }
      t.push(r);
    }
    v = t;
  }
  return v;
}

/**
 * Reads matrix syntax inside `toks[open..close]`. `julia` makes a nested
 * comma-only bracket a column; `newlineRows` makes a line break a row break.
 */
export function parseMatrixSyntax(ctx: Ctx, toks: readonly Token[], open: number, close: number, d: Dialect, opts: { julia: boolean; whitespace: boolean }, depth = 0): Rows {
  if (depth > MAX_DEPTH) fail(ctx, 'unsupported', 'brackets are nested too deeply to be a matrix', toks[open].start);
  const strictBreaks = d.family === 'matlab' || d.family === 'julia';
  const rows: Array<[number, number]> = [];
  let depthNow = 0;
  let rowStart = open + 1;
  for (let k = open + 1; k < close; k++) {
    const t = toks[k];
    if (depthNow === 0) {
      if (t.kind === 'sep' && t.text === ';') { rows.push([rowStart, k]); rowStart = k + 1; continue; }
      if (t.nl && k > rowStart) {
        const prev = toks[k - 1];
        const continues = !strictBreaks && ((prev.kind === 'sep' && prev.text === ',') || (prev.kind === 'op' && prev.text !== "'" && prev.text !== ".'"));
        if (!continues) { rows.push([rowStart, k]); rowStart = k; }
      }
    }
    if (t.kind === 'open') depthNow++;
    else if (t.kind === 'close') depthNow = Math.max(0, depthNow - 1);
  }
  rows.push([rowStart, close]);
  const values: Entry[][] = [];
  const rowOffsets: number[] = [];
  let count = 0;
  for (const [ra, rb] of rows) {
    if (ra >= rb) continue;
    const items = splitItems(toks, ra, rb, opts.whitespace);
    if (items.length > 1 && items[items.length - 1][0] === items[items.length - 1][1]) items.pop();
    let block: Entry[][] | undefined;
    for (const [a, b0] of items) {
      if (a === b0) fail(ctx, 'syntax', 'expected an entry between two commas, found nothing', toks[a]?.start ?? toks[close].start);
      let b = b0;
      const post: Token[] = [];
      while (b - 1 > a && isTransposeOp(toks[b - 1])) { post.unshift(toks[b - 1]); b--; }
      let piece: Entry[][];
      if (toks[a].kind === 'open' && toks[a].text === '[' && matchClose(toks, a, b) === b - 1) {
        const inner = parseMatrixSyntax(ctx, toks, a, b - 1, d, opts, depth + 1);
        piece = inner.values;
        const innerCommaOnly = !atDepth0(toks, a + 1, b - 1, (t) => t.kind === 'sep' && t.text === ';') && splitItems(toks, a + 1, b - 1, true).length === splitItems(toks, a + 1, b - 1, false).length;
        if (opts.julia && innerCommaOnly && piece.length === 1) piece = piece[0].map((e) => [e]);
      } else {
        if (post.length) b += post.length;
        piece = [[evalEntry(ctx, toks, a, b, d)]];
        post.length = 0;
      }
      piece = applyTransposes(piece, post);
      if (piece.length === 0) continue;
      if (!block) block = piece.map((r) => r.slice());
      else {
        if (piece.length !== block.length) fail(ctx, 'ragged', `cannot put a block of ${piece.length} row(s) beside one of ${block.length} row(s)`, toks[a].start);
        for (let i = 0; i < piece.length; i++) for (const e of piece[i]) block[i].push(e);
      }
    }
    if (!block) continue;
    for (const r of block) {
      if (values.length && r.length !== values[0].length) {
        fail(ctx, 'ragged', raggedRows(values.length + 1, r.length, values[0].length), toks[ra].start);
      }
      count += r.length;
      checkCount(ctx, count, toks[ra].start);
      values.push(r);
      rowOffsets.push(toks[ra].start);
    }
  }
  return { values, rowOffsets };
}
