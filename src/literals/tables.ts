/**
 * Line-oriented literals: CSV (`,` `;` tab), whitespace blocks, np.savetxt
 * output, Octave/MATLAB display output (`a =`, `Columns 1 through 3`, a common
 * `1.0e+03 *` factor), Julia REPL printouts (`2×2 Matrix{Float64}:`), R print
 * output (`[1,]`), Sage `[ 1 2 ]` rows, and Markdown tables. Header rows and
 * label columns around a numeric block are detected and dropped; text cells,
 * missing-value placeholders and declared sizes that do not match are refused.
 */
import { splitItems } from './brackets';
import type { Ctx } from './context';
import { buildMatrix, copyOrigin, fail, quote, tooLarge } from './context';
import { checkFinite, evalEntry } from './entries';
import type { Token } from './scanner';
import { scanNumber, tokenize } from './scanner';
import type { Entry, NotationId, ParsedMatrix } from './types';

interface Cell { a: number; b: number; text: string }
interface Line { a: number; b: number; text: string }

const MISSING = new Set(['-', '—', '–', '?', 'NA', 'N/A', 'n/a', 'na', 'null', 'NULL', 'None', '.', '…', 'missing', '#N/A', '']);

function lines(s: string): Line[] {
  const out: Line[] = [];
  let a = 0;
  while (a <= s.length) {
    let b = s.indexOf('\n', a);
    if (b < 0) b = s.length;
    const e = b > a && s[b - 1] === '\r' ? b - 1 : b;
    out.push({ a, b: e, text: s.slice(a, e) });
    a = b + 1;
  }
  return out;
}

function trimCell(s: string, a: number, b: number): Cell {
  let x = a;
  let y = b;
  while (x < y && /[\s*`"']/.test(s[x])) x++;
  while (y > x && /[\s*`"']/.test(s[y - 1])) y--;
  return { a: x, b: y, text: s.slice(x, y) };
}

/** True when the cell text reads as a number (tokens: numbers, signs, arithmetic, parentheses). */
function numericTokens(toks: readonly Token[]): boolean {
  if (toks.length === 0) return false;
  let nums = 0;
  for (const t of toks) {
    if (t.kind === 'num') nums++;
    else if (t.kind === 'op' ? !['+', '-', '*', '/', '^'].includes(t.text) : !(t.kind === 'open' && t.text === '(') && !(t.kind === 'close' && t.text === ')') && !(t.kind === 'id' && /^(pi|π|i|j|im|sqrt)$/.test(t.text))) return false;
  }
  return nums > 0;
}

/** Fast path: the cell is one plain (possibly signed, possibly imaginary) number. */
function plainCell(s: string, c: Cell): Entry | undefined {
  let k = c.a;
  let sign = 1;
  if (s[k] === '-' || s[k] === '+' || s[k] === '−') { sign = s[k] === '+' ? 1 : -1; k++; }
  const d = s.charCodeAt(k);
  if (!((d >= 48 && d <= 57) || (d === 46 && s.charCodeAt(k + 1) >= 48 && s.charCodeAt(k + 1) <= 57))) return undefined;
  const r = scanNumber(s, k, 'generic');
  if (r.end !== c.b) return undefined;
  const v = sign * Number(r.text);
  return r.imag ? { re: sign * 0, im: v } : v;
}

function isNumeric(ctx: Ctx, c: Cell): boolean {
  if (plainCell(ctx.masked, c) !== undefined) return true;
  if (/^[-+]?\d+,\d+$/.test(c.text)) return true;
  return numericTokens(tokenize(ctx.masked, 'generic', c.a, c.b));
}

function cellValue(ctx: Ctx, c: Cell, decimalComma: boolean): Entry {
  if (MISSING.has(c.text) || /^(NA|NaN?)$/i.test(c.text) && c.text.toLowerCase() === 'na') {
    fail(ctx, 'missing-values', `missing value ${c.text ? `'${c.text}'` : '(an empty cell)'} where a number was expected`, c.a);
  }
  if (decimalComma && /^[-+]?\d+,\d+$/.test(c.text)) return checkFinite(ctx, Number(c.text.replace(',', '.')), c.a, c.b);
  const quick = plainCell(ctx.masked, c);
  if (quick !== undefined) return checkFinite(ctx, quick, c.a, c.b);
  const toks = tokenize(ctx.masked, 'generic', c.a, c.b);
  const dots = toks.find((t) => t.kind === 'ellipsis');
  if (dots) fail(ctx, 'unsupported', `the printout is truncated ('${dots.text}'): print the matrix in full and read that instead`, dots.start);
  if (!numericTokens(toks)) {
    const t = toks.find((x) => x.kind === 'id' || x.kind === 'str');
    if (t && /^(nan|inf|infinity|-?inf)$/i.test(t.text)) fail(ctx, 'non-finite', `non-finite entry ${quote(ctx, c.a, c.b)}: NaN and Inf cannot be factorised`, c.a);
    fail(ctx, 'symbolic', `non-numeric cell ${quote(ctx, c.a, c.b)}: only numbers can be read`, c.a);
  }
  const sub: Ctx = { ...ctx, tokens: toks };
  return evalEntry(sub, toks, 0, toks.length, { family: 'generic' });
}

function splitDelimited(s: string, ln: Line, delim: string): Cell[] {
  const out: Cell[] = [];
  let start = ln.a;
  let quoted = false;
  for (let k = ln.a; k < ln.b; k++) {
    if (s[k] === '"') quoted = !quoted;
    else if (!quoted && s[k] === delim) { out.push(trimCell(s, start, k)); start = k + 1; }
  }
  out.push(trimCell(s, start, ln.b));
  return out;
}

function splitWhitespace(ctx: Ctx, ln: Line): Cell[] {
  const toks = tokenize(ctx.masked, 'generic', ln.a, ln.b);
  if (toks.length === 0) return [];
  return splitItems(toks, 0, toks.length, true).filter(([x, y]) => y > x).map(([x, y]) => trimCell(ctx.masked, toks[x].start, toks[y - 1].end));
}

/** True for a text cell that can be a header or a row label (not a number, not NaN/Inf, not a placeholder). */
function isLabel(ctx: Ctx, c: Cell): boolean {
  return c.text !== '' && !MISSING.has(c.text) && !/^[-+]?(nan|inf|infinity)$/i.test(c.text) && !/[…⋯⋮]|\.\.\./.test(c.text) && !isNumeric(ctx, c);
}

/** Header, label column and value extraction shared by CSV, whitespace and Markdown tables. */
function readGrid(ctx: Ctx, rows: Cell[][], rowStarts: number[], notation: NotationId, opts: { header?: boolean; decimalComma?: boolean; span: { start: number; end: number } }): ParsedMatrix {
  let data = rows;
  let starts = rowStarts;
  let header: Cell[] | undefined;
  if (opts.header || (data.length > 1 && data[0].some((c) => isLabel(ctx, c)) && data[0].every((c) => c.text === '' || isLabel(ctx, c)) && data.slice(1).every((r) => r.slice(1).every((c) => isNumeric(ctx, c) || MISSING.has(c.text))))) {
    header = data[0];
    data = data.slice(1);
    starts = starts.slice(1);
  }
  if (data.length === 0) fail(ctx, 'empty', 'empty matrix: the table has a header but no data rows', opts.span.start);
  const firstNonNumeric = data.every((r) => r.length > 1 && isLabel(ctx, r[0]));
  const cornerEmpty = !!header && header.length === data[0].length && header[0].text === '' && header.length > 1;
  const headerShort = !!header && header.length + 1 === data[0].length && notation !== 'markdown-table';
  if (firstNonNumeric || cornerEmpty || headerShort) data = data.map((r) => r.slice(1));
  let count = 0;
  for (const r of data) {
    if (count + r.length > ctx.maxEntries) tooLarge(ctx, r[ctx.maxEntries - count].a, true);
    count += r.length;
  }
  const values = data.map((r) => r.map((c) => cellValue(ctx, c, !!opts.decimalComma)));
  return buildMatrix(ctx, values, starts, notation, opts.span);
}

/** R's printed index prefix of a vector line: `[1]`, `[13]`. */
const R_INDEX = /^(\s*)\[(\d+)\](?=\s)/;

/**
 * True when every non-empty line starts with R's `[k]` index and the first is
 * `[1]`: a printed R vector (`[1] 0.5 1.0 2.5`), possibly wrapped over lines.
 */
export function looksRVector(s: string): boolean {
  const ls = lines(s).filter((l) => l.text.trim() !== '');
  if (ls.length === 0) return false;
  const first = R_INDEX.exec(ls[0].text);
  return !!first && first[2] === '1' && ls.every((l) => R_INDEX.test(l.text) && !/[[\](){}]/.test(l.text.replace(R_INDEX, '')));
}

/**
 * Reads a printed R vector as a 1×n row. Each wrapped line's `[k]` must be the
 * 1-based index of its first entry; a mismatch means lines were lost or edited.
 */
export function parseRVector(ctx: Ctx): ParsedMatrix {
  const s = ctx.masked;
  const ls = lines(s).filter((l) => l.text.trim() !== '');
  const row: Cell[] = [];
  for (const l of ls) {
    const m = R_INDEX.exec(l.text) as RegExpExecArray;
    const at = l.a + m[1].length;
    if (Number(m[2]) !== row.length + 1) {
      fail(ctx, 'shape-mismatch', `this line of the printed R vector starts at index [${m[2]}], but ${row.length} entries come before it (expected [${row.length + 1}])`, at);
    }
    const rest = { a: at + m[2].length + 2, b: l.b, text: s.slice(at + m[2].length + 2, l.b) };
    const cells = splitWhitespace(ctx, rest);
    if (cells.length === 0) fail(ctx, 'empty', `the line indexed [${m[2]}] has no entries`, at);
    if (row.length + cells.length > ctx.maxEntries) tooLarge(ctx, cells[ctx.maxEntries - row.length].a, true);
    row.push(...cells);
  }
  const values = [row.map((c) => cellValue(ctx, c, false))];
  return buildMatrix(ctx, values, [ls[0].a], 'r-output', { start: ls[0].a, end: ls[ls.length - 1].b });
}

/** True when the (trimmed) lines form a Markdown table. */
export function looksMarkdownTable(s: string): boolean {
  const ls = lines(s).filter((l) => l.text.trim() !== '');
  return ls.length >= 2 && ls.every((l) => l.text.trim().startsWith('|')) && ls.some((l) => isSeparatorRow(l.text));
}

/** Reads a Markdown table: header row, separator row, optional label column, numeric cells. */
export function parseMarkdownTable(ctx: Ctx): ParsedMatrix {
  const s = ctx.masked;
  const ls = lines(s).filter((l) => l.text.trim() !== '');
  const rows: Cell[][] = [];
  const starts: number[] = [];
  let header = false;
  for (const l of ls) {
    if (isSeparatorRow(l.text)) { header = rows.length === 1; continue; }
    let a = l.a;
    let b = l.b;
    while (a < b && /\s/.test(s[a])) a++;
    while (b > a && /\s/.test(s[b - 1])) b--;
    if (s[a] === '|') a++;
    if (b > a && s[b - 1] === '|' && s[b - 2] !== '\\') b--;
    rows.push(splitDelimited(s, { a, b, text: s.slice(a, b) }, '|'));
    starts.push(l.a);
  }
  if (rows.length === 0) fail(ctx, 'empty', 'empty matrix: the table has no rows', 0);
  return readGrid(ctx, rows, starts, 'markdown-table', { header, span: { start: ls[0].a, end: ls[ls.length - 1].b } });
}

// Applied to trimmed lines only, and written so that no two quantifiers can share characters (no backtracking blow-up).
const JULIA_HEADER = /^(\d+)[×x](\d+) |^(\d+)-element /;
const OCTAVE_HEADER = /^[A-Za-z_]\w*[ \t]*=$/;
const COLUMNS = /^Columns? +(\d+)(?: +(?:through|to|and) +(\d+))?:?$/;
const SCALE = /^([0-9.]+e[+-]?\d+) *\*$/i;

/** A Markdown separator row: only `|`, `-`, `:`, `+` and blanks, with at least one `-`. */
function isSeparatorRow(t: string): boolean {
  let dash = false;
  for (const ch of t) {
    if (ch === '-') dash = true;
    else if (!' \t:|+'.includes(ch)) return false;
  }
  return dash;
}

/**
 * True when the text is a REPL printout the block reader handles even though it may
 * contain brackets: a Julia `2×2 Matrix{Float64}:` header, an Octave `a =` header
 * followed by bracket-free rows, R's `[,1]` column header, or Sage `[ 1 2 ]` rows.
 */
export function looksPrintout(s: string): boolean {
  const ls = lines(s).map((l) => l.text.trim()).filter((t) => t !== '');
  if (ls.length < 2) return false;
  const first = ls[0];
  if (first.endsWith(':') && JULIA_HEADER.test(first)) return true;
  if (first.startsWith('[,')) return true;
  if (OCTAVE_HEADER.test(first)) return ls.slice(1).every((t) => !/[[\](){}]/.test(t));
  return ls.every((t) => t.startsWith('[') && t.endsWith(']') && !t.slice(1).includes('[') && !/[,;]/.test(t));
}

/**
 * Refuses text that has no matrix shape at all (prose, `import numpy as np`, a
 * call without a literal) as `not-found`, saying what was there, rather than
 * complaining about its first "non-numeric cell": no cell is a number, or a single
 * line is mostly words.
 */
function refuseShapeless(ctx: Ctx, rows: Cell[][], span: { start: number; end: number }): void {
  let cells = 0;
  let numbers = 0;
  for (const r of rows) {
    for (const c of r) {
      if (c.text === '') continue;
      cells++;
      if (isNumeric(ctx, c)) {
        numbers++;
        if (rows.length > 1) return;
      }
    }
  }
  if (numbers > 0 && (rows.length > 1 || numbers * 2 >= cells)) return;
  const what = numbers === 0 ? 'holds no numbers' : `is words with ${numbers === 1 ? 'one number' : `${numbers} numbers`}, not rows of numbers`;
  fail(ctx, 'not-found', `no matrix literal in the selection: ${quote(ctx, span.start, span.end)} ${what} (expected brackets, a constructor call, or rows of numbers)`, span.start);
}

/**
 * The notation of a bare block of numbers (`2, 3, 4`, `1 2\n3 4`) cut out of a source
 * file: in a code language it is part of that language's literal, so results are
 * copied back in that language; elsewhere (plaintext, csv, no language id) it stays
 * a CSV or whitespace block.
 */
function fragmentNotation(ctx: Ctx, plain: NotationId): NotationId {
  if (plain !== 'csv' && plain !== 'whitespace') return plain;
  switch (ctx.languageFamily) {
    case 'python': return 'python-list';
    case 'matlab': return 'matlab';
    case 'julia': return 'julia';
    case 'r': return 'r';
    case 'js': return 'javascript';
    case 'mathematica': return 'mathematica';
    default: return plain;
  }
}

/**
 * Reads a block of lines (no brackets found): CSV/TSV/whitespace and the REPL
 * printouts listed in the module comment. Throws `not-found` when nothing numeric is there.
 */
export function parseBlock(ctx: Ctx): ParsedMatrix {
  const s = ctx.masked;
  let ls = lines(s);
  let notation: NotationId | undefined;
  let declared: [number, number] | undefined;
  let scaleFactor = 1;
  const kept: Line[] = [];
  const blocks: Line[][] = [];
  for (const l of ls) {
    const t = l.text.trim();
    const jh = t.endsWith(':') ? JULIA_HEADER.exec(t) : null;
    if (jh && !notation && kept.length === 0) {
      notation = 'julia-repl';
      declared = jh[3] ? [1, Number(jh[3])] : [Number(jh[1]), Number(jh[2])];
      continue;
    }
    if (OCTAVE_HEADER.test(t) && kept.length === 0 && !notation) { notation = 'octave-output'; continue; }
    if (COLUMNS.test(t)) { notation = notation ?? 'octave-output'; if (kept.length) blocks.push(kept.splice(0)); continue; }
    const sc = SCALE.exec(t);
    if (sc && kept.length === 0) { scaleFactor = Number(sc[1]); notation = notation ?? 'octave-output'; continue; }
    if (t.trim() === '') continue;
    kept.push(l);
  }
  if (kept.length) blocks.push(kept.splice(0));
  ls = blocks.flat();
  if (ls.length === 0) fail(ctx, notation ? 'empty' : 'not-found', notation ? 'empty matrix: the printout has no rows' : 'no matrix literal in the selection: there is nothing but comments, prompts or markup', 0);
  if (notation === 'julia-repl' && declared && declared[0] === 1 && ls.length > 1) {
    // A printed Vector: one entry per line, read as a 1×n row.
  }
  const span = { start: ls[0].a, end: ls[ls.length - 1].b };
  const sage = ls.every((l) => l.text.trim().startsWith('[') && l.text.trim().endsWith(']') && !l.text.includes(','));
  const rSheet = /^\s*(\[,\d+\]\s*)+$/.test(ls[0].text) || (ls.length > 1 && ls.every((l, i) => i === 0 || /^\s*\[\d+,\]/.test(l.text)));
  let delim: string | undefined;
  if (!sage) {
    if (ls.every((l) => l.text.includes('\t'))) delim = '\t';
    else if (ls.every((l) => l.text.includes(';'))) delim = ';';
    else if (ls.every((l) => l.text.includes(',')) && !rSheet) delim = ',';
  }
  const split = (l: Line): Cell[] => {
    if (sage) {
      const a = s.indexOf('[', l.a) + 1;
      const b = s.lastIndexOf(']', l.b);
      return splitWhitespace(ctx, { a, b, text: s.slice(a, b) });
    }
    return delim ? splitDelimited(s, l, delim) : splitWhitespace(ctx, l);
  };
  // Splitting stops once there are more cells than the limit allows even if the first
  // row is a header and the first column labels; the rest is never read.
  let cells = 0;
  let rowsSplit = 0;
  let firstRow = -1;
  let cut = -1;
  const rowsOf = (block: Line[], bi: number): Cell[][] => {
    const out: Cell[][] = [];
    for (const l of block) {
      if (cut >= 0) break;
      const r = split(l);
      out.push(r);
      if (firstRow < 0) firstRow = r.length;
      cells += r.length;
      rowsSplit++;
      if (cells > ctx.maxEntries + firstRow + rowsSplit) cut = bi;
    }
    return out;
  };
  const trailingDelim = (r: Cell[][]): Cell[][] => (delim && r.every((x) => x.length > 1 && x[x.length - 1].text === '') ? r.map((x) => x.slice(0, -1)) : r);
  const plain: NotationId = sage ? 'bracket-rows' : rSheet ? 'r-output' : delim === '\t' ? 'tsv' : delim ? 'csv' : 'whitespace';
  const nota: NotationId = notation ?? fragmentNotation(ctx, plain);
  const cellRows = blocks.map((block, bi) => trailingDelim(rowsOf(block, bi)));
  if (cut >= 0 && blocks.length > 1) tooLarge(ctx, blocks[cut][0].a);
  if (!notation) refuseShapeless(ctx, cellRows.flat(), span);
  let m: ParsedMatrix | undefined;
  for (const [bi, block] of blocks.entries()) {
    const part = readGrid(ctx, cellRows[bi], block.slice(0, cellRows[bi].length).map((l) => l.a), nota, { decimalComma: delim === ';', span });
    if (!m) m = part;
    else {
      if (part.rows !== m.rows) fail(ctx, 'ragged', `ragged column blocks: a later block has ${part.rows} rows, but the first block has ${m.rows}`, block[0].a);
      m = { ...m, cols: m.cols + part.cols, values: m.values.map((r, i) => [...r, ...part.values[i]]), complex: m.complex || part.complex };
    }
  }
  if (!m) fail(ctx, 'not-found', 'no matrix literal in the selection: no rows of numbers were found', 0);
  if (m.complex) m = { ...m, values: m.values.map((r) => r.map((e) => (typeof e === 'number' ? { re: e, im: 0 } : e))) };
  if (scaleFactor !== 1) m = { ...m, values: m.values.map((r) => r.map((e) => (typeof e === 'number' ? e * scaleFactor : copyOrigin(e, { re: e.re * scaleFactor, im: e.im * scaleFactor })))) };
  if (notation === 'julia-repl' && declared) {
    if (declared[0] === 1 && m.cols === 1 && m.rows === declared[1]) m = { ...m, rows: 1, cols: m.rows, values: [m.values.map((r) => r[0])] };
    if (m.rows !== declared[0] || m.cols !== declared[1]) fail(ctx, 'shape-mismatch', `the header declares ${declared[0]}×${declared[1]} but ${m.rows}×${m.cols} entries follow`, 0);
  }
  return { ...m, span };
}
