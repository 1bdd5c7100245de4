/**
 * `parseLiteral`: reads the one matrix literal of a selection, in whatever
 * notation it is written, or refuses with a positioned `LiteralError`.
 */
import { readCodeCall, readEigen } from './code';
import type { Ctx } from './context';
import { buildMatrix, fail, tooLarge } from './context';
import { chooseFamily, familyOfLanguage, familyOfNotation, findCandidates } from './detect';
import { parseLatex } from './latex';
import { maskText } from './mask';
import type { TokLiteral } from './python';
import { isNewExpression, readBareBracket, readCall } from './python';
import type { EntryLimit, Family } from './scanner';
import { closerOf, matchClose, tokenize } from './scanner';
import { looksMarkdownTable, looksPrintout, looksRVector, parseBlock, parseMarkdownTable, parseRVector } from './tables';
import { LiteralError, positionAt } from './types';
import type { NotationId, ParsedMatrix } from './types';

/** Options of `parseLiteral`. */
export interface ParseOptions {
  /** Read the text in this notation instead of guessing. */
  notation?: NotationId;
  /** Largest number of entries accepted (default 250000); more is refused as `too-large`. */
  maxEntries?: number;
  /**
   * VS Code language id of the document the text comes from (`python`, `julia`,
   * `matlab`, `r`, `cpp`, `typescript`, `plaintext`, `csv`, `markdown`, …). It decides
   * the language family when the text alone is ambiguous (`[2 -1 3]` is MATLAB in a
   * .m file, Julia in a .jl file); a decisive cue in the text (`np.`, `\begin{`, `<-`)
   * still wins. Ids without a family of their own (plaintext, csv, markdown) leave the
   * guess to the text. Ignored when `notation` is given.
   */
  languageId?: string;
}

/** Characters that never occur in source text or printed output: NUL and other C0 controls (not tab, line breaks, form feed, escape), DEL, U+FFFD. */
const BINARY = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f\ufffd]/;

function read(text: string, options: ParseOptions): ParsedMatrix {
  const maxEntries = options.maxEntries ?? 250000;
  if (text === '') throw new LiteralError('empty', 'nothing to read: the text is empty', positionAt(text, 0));
  if (text.trim() === '') throw new LiteralError('empty', 'nothing to read: the text is empty (only white space)', positionAt(text, 0));
  const binary = BINARY.exec(text.length > 100000 ? text.slice(0, 100000) : text);
  if (binary) {
    const code = binary[0].charCodeAt(0);
    const what = code === 0xfffd ? 'a byte that is not valid text (U+FFFD)' : `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new LiteralError('not-found', `the text is not a matrix literal: it looks like binary data (${what} here)`, positionAt(text, binary.index));
  }
  const family: Family = options.notation ? familyOfNotation(options.notation) : chooseFamily(text, options.languageId);
  const masked = maskText(text, family);
  const languageFamily = options.notation ? undefined : familyOfLanguage(options.languageId);
  const base: Ctx = { text, masked, family, maxEntries, tokens: [], languageFamily };
  if (family === 'latex' || /\\begin\s*\{/.test(masked)) {
    const m = parseLatex({ ...base, family: 'latex', masked: family === 'latex' ? masked : maskText(text, 'latex') });
    return options.notation ? { ...m, notation: options.notation } : m;
  }
  if (looksMarkdownTable(masked)) return withNotation(parseMarkdownTable({ ...base, family: 'generic', masked: maskText(text, 'generic') }), options);
  if (looksRVector(masked)) return withNotation(parseRVector({ ...base, family: 'generic', masked: maskText(text, 'generic') }), options);
  if (looksPrintout(masked)) return withNotation(parseBlock({ ...base, family: 'generic', masked: maskText(text, 'generic') }), options);
  if (!/[[{(<]/.test(masked)) return withNotation(parseBlock({ ...base, family: 'generic', masked: family === 'generic' ? masked : maskText(text, 'generic') }), options);
  const limit: EntryLimit = { max: maxEntries, at: -1 };
  const tokens = tokenize(masked, family, 0, masked.length, limit);
  const ctx: Ctx = { ...base, tokens };
  if (limit.at >= 0) tooLarge(ctx, limit.at, true);
  const cands = findCandidates(tokens, family, 0, tokens.length, false);
  if (cands.length === 0) return withNotation(parseBlock({ ...ctx, family: 'generic', masked: family === 'generic' ? masked : maskText(text, 'generic') }), options);
  const c = cands[0];
  if (c.unclosed) refuseUnclosed(ctx, c.kind === 'call' ? c.first + 1 : c.first, c.last);
  if (c.kind === 'transform') {
    fail(ctx, 'unsupported', `the literal is passed to ${tokens[c.first].text}(…), which transforms it; give the literal itself, without the call`, tokens[c.first].start);
  }
  let lit: TokLiteral;
  if (c.kind === 'eigen') lit = readEigen(ctx, c.first, c.last);
  else if (c.kind === 'call') lit = readCall(ctx, c.first, c.last, readCodeCall);
  else lit = readBareBracket(ctx, c.first, c.last);
  const second = cands.find((x) => tokens[x.first].start > tokens[lit.last].end - 1 && x !== c);
  if (second) {
    fail(ctx, 'multiple', 'two matrix literals in one text: a second one starts here; give one at a time', tokens[second.first].start);
  }
  const before = tokens[isNewExpression(tokens, c.first) ? c.first - 2 : c.first - 1];
  const after = tokens[lit.last + 1];
  const arith = (t: typeof before): boolean => !!t && t.kind === 'op' && ['*', '/', '@', '+', '-', '.*', './', '\\', '^', '**'].includes(t.text);
  if ((arith(before) && c.kind !== 'eigen') || arith(after)) {
    const t = arith(before) ? before : after;
    fail(ctx, 'unsupported', `the literal is part of an arithmetic expression ('${t.text}'); give the literal alone`, t.start);
  }
  const first = c.kind === 'eigen' ? c.first + 1 : isNewExpression(tokens, c.first) ? c.first - 1 : c.first;
  const start = tokens[first].start;
  let notation = lit.notation;
  const span = { start, end: tokens[lit.last].end };
  const before300 = text.slice(Math.max(0, start - 300), start);
  const tfShape = before300.includes('<tf.') ? /<tf\.(Tensor|Variable)[^>]{0,200}?shape=\((\d+)(?:, ?(\d+))?,?\)/.exec(before300) : null;
  if (tfShape) {
    notation = 'tensorflow-repr';
    const rows = lit.values.length;
    const cols = lit.values[0]?.length ?? 0;
    const dr = tfShape[3] === undefined ? 1 : Number(tfShape[2]);
    const dc = tfShape[3] === undefined ? Number(tfShape[2]) : Number(tfShape[3]);
    if (rows !== dr || cols !== dc) fail(ctx, 'shape-mismatch', `the repr declares shape (${dr}, ${dc}) but the data is ${rows}x${cols}`, Math.max(0, start - 300) + before300.indexOf('shape='));
  }
  const m = buildMatrix(ctx, lit.values, lit.rowOffsets, notation, span);
  return withNotation(m, options);
}

/** Refuses a literal whose bracket at `tokens[open]` is never closed, naming what is missing. */
function refuseUnclosed(ctx: Ctx, open: number, last: number): never {
  const toks = ctx.tokens;
  const stack: number[] = [];
  for (let k = open; k <= last && k < toks.length; k++) {
    const t = toks[k];
    if (t.kind === 'open') stack.push(k);
    else if (t.kind === 'close') {
      const j = stack.findIndex((o) => matchClose(toks, o) === k);
      if (j >= 0) stack.length = j;
    }
  }
  const missing = stack.map((o) => closerOf(toks[o].text)).reverse().join('');
  const o = toks[open];
  const after = open > 0 && toks[open - 1].kind === 'id' && o.text === '(' ? ` (after '${toks[open - 1].text}')` : '';
  fail(ctx, 'syntax', `bracket not closed: the '${o.text}' opened here${after} has no closing bracket; '${missing || closerOf(o.text)}' is missing`, o.start);
}

function withNotation(m: ParsedMatrix, options: ParseOptions): ParsedMatrix {
  return options.notation ? { ...m, notation: options.notation } : m;
}

/**
 * Reads the matrix literal in `text` (what the user selected: assignments,
 * prompts, `$$`, comments and keyword arguments may surround it). Guesses the
 * notation unless `options.notation` is given.
 * Throws `LiteralError` (and nothing else) with a kind, a message and the position
 * of the offending character. Example: `parseLiteral('A = [1 2; 3 4]')` → 2×2, notation 'matlab'.
 */
export function parseLiteral(text: string, options: ParseOptions = {}): ParsedMatrix {
  try {
    return read(text, options);
  } catch (e) {
    if (e instanceof LiteralError) throw e;
    const msg = e instanceof RangeError ? 'the text is nested too deeply to read' : `could not read the text (${e instanceof Error ? e.message : String(e)})`;
    throw new LiteralError('syntax', msg, positionAt(text, 0));
  }
}
