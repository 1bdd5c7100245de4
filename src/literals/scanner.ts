/**
 * The shared tokenizer of the literal parser. It works on text whose comments,
 * prompts and math delimiters were already blanked by `mask.ts` (same length,
 * same offsets), so every token position is a position in the user's text.
 * Linear time, no regular expressions on the hot path.
 */

/** A language family: decides comments, string quotes, number suffixes and entry functions. */
export type Family =
  | 'python'
  | 'js'
  | 'matlab'
  | 'julia'
  | 'latex'
  | 'mathematica'
  | 'r'
  | 'cpp'
  | 'rust'
  | 'fortran'
  | 'typst'
  | 'generic';

/** What a token is. `sep` is `,` or `;`; `ellipsis` is `...`, `…` and friends. */
export type TokKind = 'num' | 'id' | 'op' | 'open' | 'close' | 'sep' | 'str' | 'ellipsis';

/** One token. Offsets are UTF-16 offsets into the (masked) text. */
export interface Token {
  kind: TokKind;
  start: number;
  end: number;
  /** Source text; for `num` the cleaned numeric text (no `_`, `d` exponent as `e`, no suffix); for `str` the content. */
  text: string;
  /** `num` only: the number carries an imaginary suffix (`j`, `i`, `im`). */
  imag: boolean;
  /** Whitespace or a line break comes right before the token. */
  space: boolean;
  /** A line break comes between the previous token and this one. */
  nl: boolean;
}

const MULTI_OPS = ['...', '**', '//', '.^', '.*', './', ".'", '<<', '<-', '->', '::', '=>', '==', '!=', '<=', '>=', '*^'];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True for characters that may start an identifier (ASCII letters, `_`, and any Unicode letter). */
export function isIdentStart(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  return /\p{L}/u.test(ch);
}

function isIdentPart(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return isDigit(c) || isIdentStart(ch);
}

/** True for blank characters, line breaks included. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0xfeff || c === 0x202f;
}

/** Imaginary-unit suffixes accepted right after a number, per family. */
function imagSuffixes(f: Family): readonly string[] {
  switch (f) {
    case 'python': return ['j', 'J'];
    case 'matlab': return ['i', 'j', 'I', 'J'];
    case 'julia': return ['im'];
    case 'r': case 'latex': case 'typst': case 'js': return ['i'];
    case 'generic': return ['j', 'J', 'i', 'im'];
    default: return [];
  }
}

/** Type suffixes that do not change the value (`1.5f`, `2_f64`, `3L`, `1.0_dp`). */
function isTypeSuffix(f: Family, s: string): boolean {
  switch (f) {
    case 'cpp': return /^(f|F|l|L|u|U|ul|UL|ll|LL|ull|ULL)$/.test(s);
    case 'rust': return /^_?(f32|f64|i8|i16|i32|i64|i128|isize|u8|u16|u32|u64|u128|usize)$/.test(s);
    case 'fortran': return /^_\w+$/.test(s);
    case 'r': return s === 'L';
    case 'generic': return /^(f|F|L)$/.test(s);
    default: return false;
  }
}

/** Scans one number at `i`; returns its end, cleaned text and whether it is imaginary. */
export function scanNumber(src: string, i: number, f: Family): { end: number; text: string; imag: boolean } {
  const n = src.length;
  const underscores = f === 'python' || f === 'js' || f === 'rust' || f === 'julia' || f === 'generic';
  let j = i;
  let underscore = false;
  const digits = (): void => {
    while (j < n) {
      const c = src.charCodeAt(j);
      if (isDigit(c)) j++;
      else if (c === 95 && underscores && isDigit(src.charCodeAt(j + 1)) && j > i) { underscore = true; j++; }
      else break;
    }
  };
  if (src[j] === '0' && (src[j + 1] === 'x' || src[j + 1] === 'X') && f !== 'latex' && /[0-9a-fA-F]/.test(src[j + 2] ?? '')) {
    j += 2;
    while (j < n && /[0-9a-fA-F_]/.test(src[j])) j++;
    return { end: j, text: String(Number(src.slice(i, j).replace(/_/g, ''))), imag: false };
  }
  digits();
  if (src[j] === '.' && !(src[j + 1] === '.' && src[j + 2] === '.')) {
    const next = src[j + 1] ?? '';
    const elementwiseOp = (f === 'matlab' || f === 'julia') && (next === "'" || next === '^' || next === '*' || next === '/');
    const floatSuffix = f === 'cpp' && /[fFlL]/.test(next) && !isIdentPart(src[j + 2] ?? ' ');
    const method = next !== '' && isIdentStart(next) && !/[eEdDjJi]/.test(next) && !floatSuffix;
    if (!elementwiseOp && !method && next !== '.') {
      j++;
      digits();
    }
  }
  let text = src.slice(i, j);
  if (underscore) text = text.replace(/_/g, '');
  // Exponent: e/E everywhere, d/D for Fortran (and generic), f for Julia's Float32, *^ for Mathematica.
  const expStart = j;
  const ec = src[j];
  const expLetter = ec === 'e' || ec === 'E' || ((ec === 'd' || ec === 'D') && (f === 'fortran' || f === 'generic')) || (ec === 'f' && f === 'julia');
  const mmaExp = f === 'mathematica' && ec === '*' && src[j + 1] === '^';
  if (expLetter || mmaExp) {
    let k = j + (mmaExp ? 2 : 1);
    let sign = '';
    if (src[k] === '+' || src[k] === '-') { sign = src[k]; k++; }
    if (isDigit(src.charCodeAt(k))) {
      let e = '';
      while (k < n && (isDigit(src.charCodeAt(k)) || (underscores && src[k] === '_' && isDigit(src.charCodeAt(k + 1))))) {
        if (src[k] !== '_') e += src[k];
        k++;
      }
      text += 'e' + sign + e;
      j = k;
    } else {
      j = expStart;
    }
  }
  // Suffixes: imaginary unit or a type suffix; anything else is left for the next token.
  if (j < n && (isIdentStart(src[j]) || src[j] === '_')) {
    let k = j;
    while (k < n && (isIdentPart(src[k]) || src[k] === '_')) k++;
    const suffix = src.slice(j, k);
    if (imagSuffixes(f).includes(suffix)) return { end: k, text: normalizeNum(text), imag: true };
    if (isTypeSuffix(f, suffix)) return { end: k, text: normalizeNum(text), imag: false };
  }
  return { end: j, text: normalizeNum(text), imag: false };
}

function normalizeNum(t: string): string {
  return t.startsWith('.') ? '0' + t : t;
}

/** True when `prev` ends an operand (so a following `'` is a transpose, a following sign may be binary). */
export function endsOperand(prev: Token | undefined): boolean {
  if (!prev) return false;
  return prev.kind === 'num' || prev.kind === 'id' || prev.kind === 'close' || prev.kind === 'str' || (prev.kind === 'op' && (prev.text === "'" || prev.text === ".'"));
}

/**
 * A cap on the entries a tokenizing pass may meet. `at` becomes the offset of the
 * first entry past `max` (and tokenizing stops there), or stays -1.
 */
export interface EntryLimit {
  max: number;
  at: number;
}

interface CountFrame {
  /** Entries directly inside this bracket are counted (a list or matrix, not a call, index or block). */
  counting: boolean;
  /** Whitespace separates entries here (MATLAB-style rows, printed arrays). */
  juxt: boolean;
  /** Entries counted here because of whitespace that a later comma may still take back (a comma list). */
  juxtCount: number;
  /** A `;` sits in this bracket: it is matrix syntax, where whitespace separates entries for sure. */
  semi: boolean;
  /** Index of the opening bracket. */
  open: number;
}

/**
 * Counts entries while tokenizing, so an oversized literal is refused before it is
 * read. The count never exceeds the number of entries the readers will find (it
 * skips what it cannot be sure of: call arguments, entries in parentheses, R and
 * Rust constructors, whitespace in comma lists), so a refusal is never spurious;
 * what it misses is caught by the exact checks after reading.
 */
class EntryCounter {
  private readonly frames: CountFrame[] = [];
  private count = 0;
  private eigen = false;
  private pendingSign = -1;
  /** Counted entries a later comma may still take back. */
  private unsure = 0;
  private readonly braces: boolean;
  private readonly juxtFamily: boolean;
  private readonly commasOnly: boolean;

  constructor(private readonly limit: EntryLimit, private readonly f: Family) {
    this.braces = f === 'mathematica' || f === 'cpp' || f === 'generic';
    this.juxtFamily = f !== 'js' && f !== 'rust' && f !== 'typst' && f !== 'cpp' && f !== 'mathematica' && f !== 'r' && f !== 'fortran';
    this.commasOnly = f === 'python' || f === 'generic';
  }

  /** Accounts for `out[k]`; returns true once the limit is passed. */
  see(out: readonly Token[], k: number): boolean {
    const t = out[k];
    const prev = out[k - 1];
    const top = this.frames[this.frames.length - 1];
    if (this.pendingSign === k - 1 && this.pendingSign >= 0) {
      this.pendingSign = -1;
      if (!t.space && (t.kind === 'num' || t.kind === 'id' || t.kind === 'open') && this.bump(prev.start, top, true)) return true;
    }
    if (t.kind === 'open') {
      let counting: boolean;
      if (t.text === '(') counting = !!top && top.counting && (prev.kind === 'sep' || k - 1 === top.open);
      else counting = (t.text === '[' || (t.text === '{' && this.braces)) && !(endsOperand(prev) && !t.space);
      this.frames.push({ counting, juxt: t.text === '[' && this.juxtFamily, juxtCount: 0, semi: false, open: k });
      return false;
    }
    if (t.kind === 'close') {
      const fr = this.frames.pop();
      if (fr) this.settle(fr);
      return false;
    }
    if (t.kind === 'sep') {
      if (!top && t.text === ';') this.eigen = false;
      if (top && t.text === ';') { top.semi = true; this.settle(top); }
      if (top && t.text === ',' && this.commasOnly && top.juxt && !top.semi) {
        this.count -= top.juxtCount;
        this.unsure -= top.juxtCount;
        top.juxtCount = 0;
        top.juxt = false;
      }
      return false;
    }
    if (!top && t.kind === 'op' && t.text === '<<' && (this.f === 'cpp' || this.f === 'generic')) {
      this.eigen = true;
      return false;
    }
    if (top ? !top.counting : !this.eigen) return false;
    const sign = t.kind === 'op' && (t.text === '-' || t.text === '+');
    if (t.kind !== 'num' && t.kind !== 'id' && !sign) return false;
    const atStart = top ? k - 1 === top.open || prev.kind === 'sep' : (prev.kind === 'op' && prev.text === '<<') || (prev.kind === 'sep' && prev.text === ',');
    if (atStart) return this.bump(t.start, top, false);
    if (top && top.juxt && t.space && endsOperand(prev)) {
      if (sign) { this.pendingSign = k; return false; }
      return this.bump(t.start, top, true);
    }
    return false;
  }

  /** The whitespace-counted entries of `fr` can no longer be taken back. */
  private settle(fr: CountFrame): void {
    this.unsure -= fr.juxtCount;
    fr.juxtCount = 0;
  }

  private bump(at: number, frame: CountFrame | undefined, juxt: boolean): boolean {
    this.count++;
    if (juxt && frame && this.commasOnly && !frame.semi) {
      frame.juxtCount++;
      this.unsure++;
    }
    // Only a sure count refuses.
    if (this.count - this.unsure > this.limit.max) {
      this.limit.at = at;
      return true;
    }
    return false;
  }
}

/**
 * Splits `src[from, to)` into tokens. Never throws; characters it does not know
 * become one-character `op` tokens for the parsers to refuse with a position.
 * With `limit`, entries are counted on the way and tokenizing stops at the first
 * entry past `limit.max` (its offset goes to `limit.at`).
 */
export function tokenize(src: string, f: Family, from = 0, to = src.length, limit?: EntryLimit): Token[] {
  const out: Token[] = [];
  let i = from;
  let space = false;
  let nl = false;
  const counter = limit ? new EntryCounter(limit, f) : undefined;
  let stop = false;
  const push = (kind: TokKind, start: number, end: number, text: string, imag = false): void => {
    out.push({ kind, start, end, text, imag, space, nl });
    space = false;
    nl = false;
    if (counter && counter.see(out, out.length - 1)) stop = true;
  };
  while (i < to && !stop) {
    const c = src.charCodeAt(i);
    if (c === 32) { space = true; i++; continue; }
    const ch = src[i];
    if (isSpace(c)) {
      space = true;
      if (c === 10 || c === 13) nl = true;
      i++;
      continue;
    }
    if (isDigit(c) || (ch === '.' && isDigit(src.charCodeAt(i + 1)))) {
      const r = scanNumber(src, i, f);
      const end = Math.min(r.end, to);
      push('num', i, end, r.text, r.imag);
      i = end;
      continue;
    }
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 128 && isIdentStart(ch))) {
      let j = i + 1;
      for (;;) {
        while (j < to && isIdentPart(src[j])) j++;
        if (j + 1 < to && src[j] === '.' && isIdentStart(src[j + 1]) && f !== 'matlab') { j++; continue; }
        if (j + 2 < to && src[j] === ':' && src[j + 1] === ':' && isIdentStart(src[j + 2])) { j += 2; continue; }
        break;
      }
      if (j < to && src[j] === '!' && (src[j + 1] === '[' || src[j + 1] === '(') && f !== 'fortran') j++;
      push('id', i, j, src.slice(i, j));
      i = j;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') { push('open', i, i + 1, ch); i++; continue; }
    if (ch === ')' || ch === ']' || ch === '}') { push('close', i, i + 1, ch); i++; continue; }
    if (ch === ',' || ch === ';') { push('sep', i, i + 1, ch); i++; continue; }
    if (ch === '…' || ch === '⋯' || ch === '⋮' || ch === '⋱' || ch === '⋰') { push('ellipsis', i, i + 1, ch); i++; continue; }
    if (ch === '"' || (ch === "'" && quoteStartsString(f, out[out.length - 1], space))) {
      const close = findQuoteEnd(src, i, ch, to);
      push('str', i, close, src.slice(i + 1, Math.max(i + 1, close - 1)));
      i = close;
      continue;
    }
    if (ch === '−' || ch === '–') { push('op', i, i + 1, '-'); i++; continue; }
    if (ch === '×' || ch === '·' || ch === '⋅') { push('op', i, i + 1, '*'); i++; continue; }
    let op = ch;
    for (const m of MULTI_OPS) {
      if (src.startsWith(m, i) && i + m.length <= to) { op = m; break; }
    }
    if (op === '*^' && f !== 'mathematica') op = '*';
    if (op === '...') { push('ellipsis', i, i + 3, op); i += 3; continue; }
    push('op', i, i + op.length, op);
    i += op.length;
  }
  PAIRS.set(out, pairBrackets(out, src, f));
  return out;
}

function quoteStartsString(f: Family, prev: Token | undefined, space: boolean): boolean {
  if (f === 'latex' || f === 'mathematica' || f === 'typst' || f === 'rust') return false;
  if (f === 'matlab' || f === 'julia') return !(endsOperand(prev) && !space);
  return true;
}

function findQuoteEnd(src: string, i: number, q: string, to: number): number {
  let j = i + 1;
  while (j < to) {
    const ch = src[j];
    if (ch === '\\' && q === '"') { j += 2; continue; }
    if (ch === q) return j + 1;
    if (ch === '\n') return j;
    j++;
  }
  return to;
}

interface Pairing {
  /** For an opening bracket: the index of its closing bracket, or -1 when it is never closed. */
  close: Int32Array;
  /** For a never-closed opening bracket: the index of the token where pairing gave up on it (or the token count). */
  abandoned: Int32Array;
}

const PAIRS = new WeakMap<readonly Token[], Pairing>();

const OPENER_OF: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const CLOSER_OF: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Words that begin a statement, never a continuation of a bracketed literal. */
const STATEMENT_WORDS = new Set(['def', 'class', 'import', 'return', 'function', 'const', 'let', 'var', 'export', 'fn', 'pub', 'struct', 'using', 'typedef', 'template', 'namespace', 'module', 'library', 'require']);

/** How far down the stack a closing bracket looks for its opener (bounds the work on garbage). */
const MAX_REACH = 64;

/** Indentation (in characters) of the line holding `offset`. */
function indentOf(src: string, offset: number): number {
  let a = offset;
  while (a > 0 && src.charCodeAt(a - 1) !== 10 && src.charCodeAt(a - 1) !== 13) a--;
  let b = a;
  while (b < src.length && (src[b] === ' ' || src[b] === '\t')) b++;
  return b - a;
}

/** True when the line starting at token `k` begins a new statement: `name = …`, `name <- …` or a statement keyword. */
function startsStatement(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t.kind !== 'id') return false;
  const next = tokens[k + 1];
  if (next && next.kind === 'op' && (next.text === '=' || next.text === '<-' || next.text === ':=')) return true;
  return STATEMENT_WORDS.has(t.text) && !(next && next.kind === 'op' && next.text === '=');
}

/**
 * Pairs brackets in one stack pass. A closing bracket pairs with the nearest open
 * bracket of its own type (brackets left open in between stay unclosed; a closer
 * with no opener is ignored). With the source text, pairing also recovers from a
 * bracket that is never closed: at a line that starts a statement (an assignment, a
 * keyword) no deeper indented than the line an open bracket started on, or after a
 * blank line in prose, those brackets are given up, so one unclosed bracket does not
 * swallow the rest of the document.
 */
function pairBrackets(tokens: readonly Token[], src: string | undefined, f: Family): Pairing {
  const n = tokens.length;
  const close = new Int32Array(n).fill(-1);
  const abandoned = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const indents: number[] = [];
  const prose = f === 'generic' || f === 'latex';
  // Indentation of the current line: recomputed at each line's first token (the gap before it is blank), so linear overall.
  let lineIndent = src !== undefined && n ? indentOf(src, tokens[0].start) : 0;
  for (let k = 0; k < n; k++) {
    const t = tokens[k];
    if (src !== undefined && t.nl) lineIndent = indentOf(src, t.start);
    if (src !== undefined && t.nl && stack.length) {
      const blankBefore = prose && k > 0 && blankLineBetween(src, tokens[k - 1].end, t.start);
      if (blankBefore || startsStatement(tokens, k)) {
        const ind = lineIndent;
        while (stack.length && indents[indents.length - 1] >= ind && !(blankBefore && t.kind === 'close')) {
          abandoned[stack.pop() as number] = k;
          indents.pop();
        }
      }
    }
    if (t.kind === 'open') {
      stack.push(k);
      indents.push(lineIndent);
    } else if (t.kind === 'close' && stack.length) {
      const want = OPENER_OF[t.text];
      let j = stack.length - 1;
      const floor = Math.max(0, stack.length - MAX_REACH);
      while (j >= floor && tokens[stack[j]].text !== want) j--;
      if (j < floor) continue;
      for (let m = stack.length - 1; m > j; m--) abandoned[stack[m]] = k;
      close[stack[j]] = k;
      stack.length = j;
      indents.length = j;
    }
  }
  for (const o of stack) abandoned[o] = n;
  return { close, abandoned };
}

function blankLineBetween(src: string, a: number, b: number): boolean {
  let breaks = 0;
  for (let i = a; i < b; i++) {
    const c = src.charCodeAt(i);
    if (c === 10) { if (++breaks >= 2) return true; }
    else if (c !== 32 && c !== 9 && c !== 13) breaks = 0;
  }
  return false;
}

function pairsOf(tokens: readonly Token[]): Pairing {
  let p = PAIRS.get(tokens);
  if (!p) {
    p = pairBrackets(tokens, undefined, 'generic');
    PAIRS.set(tokens, p);
  }
  return p;
}

/** Index of the token closing the bracket opened at `tokens[open]` (before `limit`), or -1. O(1) after one linear pass. */
export function matchClose(tokens: readonly Token[], open: number, limit = tokens.length): number {
  if (open < 0 || open >= tokens.length || tokens[open].kind !== 'open') return -1;
  const c = pairsOf(tokens).close[open];
  return c >= 0 && c < limit ? c : -1;
}

/**
 * For a bracket that is never closed: the index of the first token past the text it
 * can still reach (where pairing gave up on it). -1 when the bracket is closed.
 */
export function unclosedEnd(tokens: readonly Token[], open: number): number {
  if (open < 0 || open >= tokens.length || tokens[open].kind !== 'open') return -1;
  const p = pairsOf(tokens);
  return p.close[open] >= 0 ? -1 : p.abandoned[open];
}

/** The closing bracket for an opening one (`(` → `)`). */
export function closerOf(open: string): string {
  return CLOSER_OF[open] ?? open;
}
