/**
 * Constructor-style literals whose shape comes from somewhere other than
 * nesting: R (`matrix(c(...), nrow, ncol, byrow)`, `rbind`, `cbind`, `array`),
 * Rust (nalgebra `matrix![..]`, `Matrix2::new(..)`, `DMatrix::from_row_slice`,
 * ndarray `array![..]`, `arr2`, `Array2::from_shape_vec`), Eigen `<<` comma
 * initialisers (shape from the declared type), Fortran `reshape` (column-major,
 * `order=[2,1]`) and Typst `mat(..; ..)`.
 */
import { parseMatrixSyntax, parseNestedList } from './brackets';
import type { Rows } from './brackets';
import type { Ctx } from './context';
import { checkCount, fail, fill, quote, raggedRows, rowAt, tooLarge } from './context';
import { evalEntry } from './entries';
import type { TokLiteral } from './python';
import { intArg, isKeyword, shapeArgs, splitArgs } from './python';
import { matchClose } from './scanner';
import type { Entry, NotationId } from './types';

function base(id: string): string {
  const parts = id.split(/::|\./);
  return parts[parts.length - 1];
}

function lit(rows: Rows, notation: NotationId, last: number): TokLiteral {
  return { ...rows, notation, last };
}

function oneRow(flat: Entry[], offset: number): Rows {
  return { values: [flat], rowOffsets: [offset] };
}

/** Flattens R's `c(...)`, `a:b` ranges and plain entries of `toks[a, b)`. */
function rFlat(ctx: Ctx, a: number, b: number, out: Entry[]): void {
  const toks = ctx.tokens;
  if (toks[a].kind === 'id' && (toks[a].text === 'c' || toks[a].text === 'list') && toks[a + 1]?.kind === 'open' && matchClose(toks, a + 1, b) === b - 1) {
    for (const [x, y] of splitArgs(toks, a + 1, b - 1)) rFlat(ctx, isKeyword(toks, x, y) ? x + 2 : x, y, out);
    return;
  }
  const colon = toks.slice(a, b).findIndex((t) => t.kind === 'op' && t.text === ':');
  if (colon > 0) {
    const from = intOrNum(ctx, a, a + colon);
    const to = intOrNum(ctx, a + colon + 1, b);
    const step = to >= from ? 1 : -1;
    if (Math.abs(to - from) >= ctx.maxEntries) tooLarge(ctx, toks[a].start);
    const count = Math.floor(Math.abs(to - from)) + 1;
    for (let i = 0; i < count; i++) out.push(from + i * step);
    return;
  }
  out.push(evalEntry(ctx, toks, a, b, { family: 'r' }));
}

function intOrNum(ctx: Ctx, a: number, b: number): number {
  const v = evalEntry(ctx, ctx.tokens, a, b, { family: 'r' });
  if (typeof v !== 'number') fail(ctx, 'syntax', 'a range needs real bounds', ctx.tokens[a].start);
  return v;
}

function truthy(ctx: Ctx, a: number, b: number): boolean {
  const t = ctx.tokens[a].text;
  if (b - a === 1 && /^(TRUE|T|True|true)$/.test(t)) return true;
  if (b - a === 1 && /^(FALSE|F|False|false)$/.test(t)) return false;
  fail(ctx, 'syntax', `expected TRUE or FALSE, found ${quote(ctx, ctx.tokens[a].start, ctx.tokens[b - 1].end)}`, ctx.tokens[a].start);
}

function readR(ctx: Ctx, name: string, first: number, last: number): TokLiteral {
  const toks = ctx.tokens;
  const args = splitArgs(toks, first + 1, last);
  const start = toks[first].start;
  if (name === 'c') {
    const flat: Entry[] = [];
    rFlat(ctx, first, last + 1, flat);
    return lit(oneRow(flat, start), 'r', last);
  }
  if (name === 'rbind' || name === 'cbind') {
    const vecs: Entry[][] = [];
    const offs: number[] = [];
    for (const [a, b] of args) {
      if (isKeyword(toks, a, b) && (toks[a].text === 'deparse.level' || toks[a].text === 'stringsAsFactors')) continue;
      const x = isKeyword(toks, a, b) ? a + 2 : a;
      const v: Entry[] = [];
      rFlat(ctx, x, b, v);
      if (vecs.length && v.length !== vecs[0].length) fail(ctx, 'ragged', `${raggedRows(vecs.length + 1, v.length, vecs[0].length, name === 'rbind' ? 'row' : 'column')} (R would recycle the shorter one)`, toks[x].start);
      vecs.push(v);
      offs.push(toks[x].start);
    }
    if (vecs.length === 0) fail(ctx, 'empty', `empty matrix: ${name}() has no arguments`, start);
    const values = name === 'rbind' ? vecs : vecs[0].map((_, i) => vecs.map((v) => v[i]));
    return lit({ values, rowOffsets: name === 'rbind' ? offs : values.map(() => start) }, 'r', last);
  }
  // matrix(data, nrow, ncol, byrow) and array(data, dim)
  const named = new Map<string, [number, number]>();
  const pos: Array<[number, number]> = [];
  for (const [a, b] of args) {
    if (isKeyword(toks, a, b)) named.set(toks[a].text, [a + 2, b]);
    else pos.push([a, b]);
  }
  const order = name === 'array' ? ['data', 'dim', 'dimnames'] : ['data', 'nrow', 'ncol', 'byrow', 'dimnames'];
  for (const key of order) if (!named.has(key) && pos.length) named.set(key, pos.shift() as [number, number]);
  const data = named.get('data');
  if (!data) fail(ctx, 'empty', `empty matrix: ${name}() has no data`, start);
  const flat: Entry[] = [];
  rFlat(ctx, data[0], data[1], flat);
  let r: number | undefined;
  let c: number | undefined;
  if (name === 'array') {
    const dim = named.get('dim');
    if (dim) {
      const d: Entry[] = [];
      rFlat(ctx, dim[0], dim[1], d);
      if (d.length > 2) fail(ctx, 'unsupported', `${d.length}-D array: only 2-D matrices can be read`, toks[dim[0]].start);
      [r, c] = d.length === 2 ? (d as number[]) : [d[0] as number, 1];
    }
  } else {
    const nr = named.get('nrow');
    const nc = named.get('ncol');
    if (nr) r = intArg(ctx, toks, nr[0], nr[1], 'nrow');
    if (nc) c = intArg(ctx, toks, nc[0], nc[1], 'ncol');
  }
  const n = flat.length;
  if (r === undefined && c === undefined) { r = n; c = 1; }
  else if (r === undefined) { r = Math.ceil(n / (c as number)); }
  else if (c === undefined) { c = Math.ceil(n / r); }
  const rr = r as number;
  const cc = c as number;
  if (n === 0 || rr * cc === 0) fail(ctx, 'empty', 'empty matrix', start);
  checkCount(ctx, rr * cc, start);
  if (n > rr * cc || (rr * cc) % n !== 0) {
    fail(ctx, 'shape-mismatch', `data length ${n} does not fill a ${rr}x${cc} matrix (R would recycle with a warning)`, toks[data[0]].start);
  }
  const full: Entry[] = [];
  for (let k = 0; k < rr * cc; k++) full.push(flat[k % n]);
  const by = named.get('byrow');
  const byrow = by ? truthy(ctx, by[0], by[1]) : false;
  return lit({ values: fill(full, rr, cc, !byrow), rowOffsets: rowAt(rr, start) }, 'r', last);
}

/** Dimensions named by a type like `Matrix2x3`, `Matrix3f`, `Vector3d`, `RowVector4`. */
function typeShape(name: string): [number | undefined, number | undefined] | undefined {
  const m = /^(Row)?(Matrix|Vector|Array|SMatrix|SVector)(\d|X)?(?:x?(\d|X))?(c?[fdi]|cf|cd)?$/.exec(name);
  if (!m) return undefined;
  const dim = (s: string | undefined): number | undefined => (s === undefined || s === 'X' ? undefined : Number(s));
  if (m[2].endsWith('Vector')) return m[1] ? [1, dim(m[3])] : [dim(m[3]), 1];
  const r = dim(m[3]);
  return [r, m[4] === undefined ? (m[3] === 'X' ? undefined : r) : dim(m[4])];
}

function readRust(ctx: Ctx, name: string, first: number, last: number): TokLiteral | undefined {
  const toks = ctx.tokens;
  const open = first + 1;
  const b = base(name);
  if (b === 'matrix!' || b === 'dmatrix!') {
    return lit(parseMatrixSyntax(ctx, toks, open, last, { family: 'rust' }, { julia: false, whitespace: false }), 'rust-nalgebra', last);
  }
  if (b === 'vector!' || b === 'dvector!' || b === 'row_vector!' || b === 'rowvector!') {
    const row = parseMatrixSyntax(ctx, toks, open, last, { family: 'rust' }, { julia: false, whitespace: false });
    const flat = row.values.flat();
    return lit(b.startsWith('row') ? oneRow(flat, toks[first].start) : { values: flat.map((e) => [e]), rowOffsets: flat.map(() => toks[first].start) }, 'rust-nalgebra', last);
  }
  if (b === 'array!' || b === 'vec!' || b === 'arr2' || b === 'arr1') {
    const fn = b === 'arr1' || b === 'arr2';
    let a = open;
    if (fn) { a = open + 1; while (toks[a] && toks[a].kind === 'op' && toks[a].text === '&') a++; }
    const close = fn ? matchClose(toks, a) : last;
    if (b === 'vec!' || (fn && toks[a]?.kind !== 'open')) {
      const items = splitArgs(toks, open, last);
      const rows: Entry[][] = [];
      for (const [x, y] of items) {
        if (toks[x].kind === 'id' && toks[x].text === 'vec!') rows.push(parseNestedList(ctx, toks, x + 1, y - 1, { family: 'rust' }).values[0]);
        else if (toks[x].kind === 'open') rows.push(parseNestedList(ctx, toks, x, y - 1, { family: 'rust' }).values[0]);
        else rows.push([evalEntry(ctx, toks, x, y, { family: 'rust' })]);
      }
      const flatRow = rows.every((r) => r.length === 1) && !items.some(([x]) => toks[x].kind === 'open' || toks[x].text === 'vec!');
      return lit(flatRow ? oneRow(rows.map((r) => r[0]), toks[first].start) : { values: rows, rowOffsets: items.map(([x]) => toks[x].start) }, 'rust-ndarray', last);
    }
    if (close < 0) fail(ctx, 'syntax', 'unbalanced brackets', toks[a].start);
    return lit(parseNestedList(ctx, toks, a, close, { family: 'rust' }), 'rust-ndarray', last);
  }
  const parts = name.split('::');
  const typeName = parts.length >= 2 ? parts[parts.length - 2] : '';
  const shape = typeShape(typeName) ?? lookBackShape(ctx, first);
  const args = splitArgs(toks, open, last);
  if (b === 'new' && shape) {
    const flat = args.map(([x, y]) => evalEntry(ctx, toks, x, y, { family: 'rust' }));
    const [r, c] = [shape[0] ?? 1, shape[1] ?? flat.length];
    if (flat.length !== r * c) fail(ctx, 'shape-mismatch', `${typeName} needs ${r * c} arguments but ${flat.length} were given`, toks[first].start);
    return lit({ values: fill(flat, r, c, false), rowOffsets: rowAt(r, toks[first].start) }, 'rust-nalgebra', last);
  }
  if (b === 'from_row_slice' || b === 'from_column_slice' || b === 'from_vec' || b === 'from_shape_vec' || b === 'from_row_iterator') {
    let dims: [number, number] | undefined;
    let data: [number, number];
    if (b === 'from_shape_vec') { dims = shapeArgs(ctx, toks, [args[0]]); data = args[1]; }
    else if (args.length === 3) { dims = [intArg(ctx, toks, args[0][0], args[0][1], 'the row count'), intArg(ctx, toks, args[1][0], args[1][1], 'the column count')]; data = args[2]; }
    else { data = args[0]; if (shape && shape[0] !== undefined && shape[1] !== undefined) dims = [shape[0], shape[1]]; }
    if (!data) fail(ctx, 'empty', 'empty matrix: no data', toks[first].start);
    let x = data[0];
    while (toks[x].kind === 'op' && toks[x].text === '&') x++;
    if (toks[x].kind === 'id' && toks[x].text === 'vec!') x++;
    const close = matchClose(toks, x, data[1] + 1);
    if (close < 0) fail(ctx, 'syntax', `expected a list of entries in ${name}(…)`, toks[x].start);
    const flatRows = parseNestedList(ctx, toks, x, close, { family: 'rust' });
    const flat = flatRows.values.flat();
    if (!dims) fail(ctx, 'unsupported', `cannot tell the shape of ${name}(…): write the dimensions`, toks[first].start);
    if (flat.length !== dims[0] * dims[1]) fail(ctx, 'shape-mismatch', `declared shape ${dims[0]}x${dims[1]} needs ${dims[0] * dims[1]} entries but the data has ${flat.length}`, toks[x].start);
    const colMajor = b === 'from_column_slice' || b === 'from_vec';
    return lit({ values: fill(flat, dims[0], dims[1], colMajor), rowOffsets: rowAt(dims[0], toks[first].start) }, b === 'from_shape_vec' ? 'rust-ndarray' : 'rust-nalgebra', last);
  }
  return undefined;
}

/** `SMatrix::<f64, 2, 3>::from_row_slice` / `Matrix<double, 2, 3>`: dimensions from template arguments before `first`. */
function lookBackShape(ctx: Ctx, first: number): [number, number] | undefined {
  const toks = ctx.tokens;
  let k = first - 1;
  while (k >= 0 && toks[k].kind === 'op' && toks[k].text === '::') k--;
  if (k < 0 || toks[k].text !== '>') return undefined;
  const nums: number[] = [];
  for (let j = k - 1; j >= 0 && j > k - 12; j--) {
    const t = toks[j];
    if (t.kind === 'num') nums.unshift(Number(t.text));
    if (t.kind === 'op' && t.text === '<') return nums.length >= 2 ? [nums[nums.length - 2], nums[nums.length - 1]] : undefined;
  }
  return undefined;
}

/** Reads an Eigen comma initialiser: `toks[first]` is the `<<`, the coefficients run to `toks[last]`. */
export function readEigen(ctx: Ctx, first: number, last: number): TokLiteral {
  const toks = ctx.tokens;
  const items = splitArgs(toks, first, last + 1);
  const flat = items.map(([a, b]) => evalEntry(ctx, toks, a, b, { family: 'cpp' }));
  if (flat.length === 0) fail(ctx, 'empty', 'empty matrix: nothing after <<', toks[first].start);
  let shape = eigenDeclaredShape(ctx, first);
  if (!shape || shape[0] === undefined || shape[1] === undefined) {
    const perLine: number[] = [];
    for (const [a] of items) {
      if (perLine.length === 0 || toks[a].nl) perLine.push(0);
      perLine[perLine.length - 1]++;
    }
    const c = shape?.[1] ?? (shape?.[0] !== undefined ? flat.length / shape[0] : perLine.every((n) => n === perLine[0]) ? perLine[0] : undefined);
    const r = shape?.[0] ?? (c ? flat.length / c : undefined);
    if (!r || !c || !Number.isInteger(r) || !Number.isInteger(c)) fail(ctx, 'unsupported', 'cannot tell the shape of the comma initialiser: declare the matrix type (Matrix3d, MatrixXd(2, 3)) or lay the rows out on lines', toks[first].start);
    shape = [r, c];
  }
  const [r, c] = shape as [number, number];
  if (flat.length !== r * c) fail(ctx, 'shape-mismatch', `the declared ${r}x${c} matrix needs ${r * c} coefficients but ${flat.length} were given`, toks[first].start);
  return lit({ values: fill(flat, r, c, false), rowOffsets: rowAt(r, toks[first].start) }, 'eigen', last);
}

function eigenDeclaredShape(ctx: Ctx, first: number): [number | undefined, number | undefined] | undefined {
  const toks = ctx.tokens;
  const before = toks[first - 1];
  const fromType = (k: number): [number | undefined, number | undefined] | undefined => {
    const t = toks[k];
    if (t.kind !== 'id') return undefined;
    const b = base(t.text);
    if (toks[k + 1]?.text === '<') {
      const nums: number[] = [];
      for (let j = k + 2; j < k + 12 && j < toks.length && toks[j].text !== '>'; j++) if (toks[j].kind === 'num') nums.push(Number(toks[j].text));
      if (nums.length >= 2) return [nums[0], nums[1]];
    }
    return typeShape(b);
  };
  const ctorDims = (k: number): [number, number] | undefined => {
    if (toks[k]?.kind !== 'open' || toks[k].text !== '(') return undefined;
    const close = matchClose(toks, k);
    const args = splitArgs(toks, k, close);
    if (args.length === 2) return [intArg(ctx, toks, args[0][0], args[0][1], 'a dimension'), intArg(ctx, toks, args[1][0], args[1][1], 'a dimension')];
    return undefined;
  };
  const merge = (t: [number | undefined, number | undefined] | undefined, d: [number, number] | undefined): [number | undefined, number | undefined] | undefined => {
    if (d) return [t?.[0] ?? d[0], t?.[1] ?? d[1]];
    if (t && t[0] !== undefined && t[1] === undefined && t[0] !== undefined) return t;
    return t;
  };
  if (before?.kind === 'close') {
    // (Eigen::MatrixXd(2,3) << …) or (Matrix2f() << …)
    let depth = 0;
    let k = first - 1;
    for (; k >= 0; k--) {
      if (toks[k].kind === 'close') depth++;
      else if (toks[k].kind === 'open' && --depth === 0) break;
    }
    if (k > 0 && toks[k - 1].kind === 'id') return merge(fromType(k - 1), ctorDims(k));
    return undefined;
  }
  if (before?.kind === 'id') {
    const v = before.text;
    for (let k = first - 2; k >= 1; k--) {
      if (toks[k].kind === 'id' && toks[k].text === v) {
        let tk = k - 1;
        if (toks[tk]?.text === '>') { while (tk > 0 && toks[tk].text !== '<') tk--; tk--; }
        if (toks[tk]?.kind === 'id') {
          const t = fromType(tk);
          if (t) return merge(t, ctorDims(k + 1));
        }
      }
    }
  }
  return undefined;
}

function readFortran(ctx: Ctx, first: number, last: number): TokLiteral {
  const toks = ctx.tokens;
  const args = splitArgs(toks, first + 1, last);
  const named = new Map<string, [number, number]>();
  const pos: Array<[number, number]> = [];
  for (const [a, b] of args) {
    if (isKeyword(toks, a, b)) named.set(toks[a].text.toLowerCase(), [a + 2, b]);
    else pos.push([a, b]);
  }
  for (const key of ['source', 'shape', 'pad', 'order']) if (!named.has(key) && pos.length) named.set(key, pos.shift() as [number, number]);
  const src = named.get('source');
  const shp = named.get('shape');
  if (!src || !shp) fail(ctx, 'syntax', 'reshape needs a source array and a shape', toks[first].start);
  const flat = fortranArray(ctx, src[0], src[1]);
  const dims = fortranArray(ctx, shp[0], shp[1]);
  if (dims.length !== 2) fail(ctx, dims.length > 2 ? 'unsupported' : 'syntax', `the shape has ${dims.length} dimension(s); only 2-D matrices can be read`, toks[shp[0]].start);
  const [r, c] = dims as number[];
  if (named.has('pad')) fail(ctx, 'unsupported', 'reshape with pad= is not supported', toks[first].start);
  if (flat.length !== r * c) fail(ctx, 'shape-mismatch', `declared shape ${r}x${c} needs ${r * c} entries but the source has ${flat.length}`, toks[src[0]].start);
  const ord = named.get('order');
  const rowMajor = !!ord && fortranArray(ctx, ord[0], ord[1]).join(',') === '2,1';
  return lit({ values: fill(flat, r, c, !rowMajor), rowOffsets: rowAt(r, toks[first].start) }, 'fortran', last);
}

/** Entries of a Fortran array constructor `(/ … /)` or `[ … ]`; `(a, b)` pairs are complex constants. */
function fortranArray(ctx: Ctx, a: number, b: number): Entry[] {
  const toks = ctx.tokens;
  let x = a;
  let y = b;
  if (toks[x].kind === 'open' && toks[x].text === '(' && toks[x + 1]?.text === '/') { x += 2; y -= 2; }
  else if (toks[x].kind === 'open' && toks[x].text === '[') { x += 1; y -= 1; }
  else return [evalEntry(ctx, toks, a, b, { family: 'fortran' })];
  if (toks[x]?.kind === 'id' && toks[x + 1]?.text === '::') x += 2;
  const out: Entry[] = [];
  for (const [p, q] of splitArgs(toks, x - 1, y)) {
    if (toks[p].kind === 'open' && toks[p].text === '(' && matchClose(toks, p, q) === q - 1 && toks[p + 1]?.text !== '/') {
      const parts = splitArgs(toks, p, q - 1);
      if (parts.length === 2) {
        const re = evalEntry(ctx, toks, parts[0][0], parts[0][1], { family: 'fortran' });
        const im = evalEntry(ctx, toks, parts[1][0], parts[1][1], { family: 'fortran' });
        if (typeof re === 'number' && typeof im === 'number') { out.push({ re, im }); continue; }
      }
    }
    if (toks[p].kind === 'open' && (toks[p].text === '[' || toks[p + 1]?.text === '/')) { out.push(...fortranArray(ctx, p, q)); continue; }
    out.push(evalEntry(ctx, toks, p, q, { family: 'fortran' }));
  }
  return out;
}

function readTypst(ctx: Ctx, first: number, last: number): TokLiteral {
  const toks = ctx.tokens;
  let k = first + 1;
  while (toks[k + 1] && toks[k + 1].kind === 'id' && toks[k + 2]?.kind === 'op' && toks[k + 2].text === ':') {
    let j = k + 1;
    while (j < last && !(toks[j].kind === 'sep')) j++;
    k = j;
  }
  return lit(parseMatrixSyntax(ctx, toks, k, last, { family: 'typst' }, { julia: false, whitespace: false }), 'typst', last);
}

/** Reads the call `toks[first..last]` when it belongs to R, Rust, Fortran or Typst; otherwise undefined. */
export function readCodeCall(ctx: Ctx, first: number, last: number): TokLiteral | undefined {
  const name = ctx.tokens[first].text;
  const b = base(name);
  const f = ctx.family;
  const firstArg = ctx.tokens[first + 2];
  const rStyle = f === 'r' || /^(c|rbind|cbind)$/.test(name) || !(firstArg && firstArg.kind === 'open' && firstArg.text !== '(');
  if ((f === 'r' || f === 'generic' || f === 'python') && /^(matrix|rbind|cbind|c|array)$/.test(name) && rStyle) return readR(ctx, name, first, last);
  if (b === 'reshape' && (f === 'fortran' || (f === 'generic' && !name.includes('.')))) return readFortran(ctx, first, last);
  if (name === 'mat' && (f === 'typst' || f === 'generic')) return readTypst(ctx, first, last);
  if (f === 'rust' || name.endsWith('!') || name.includes('::')) return readRust(ctx, name, first, last);
  return undefined;
}
