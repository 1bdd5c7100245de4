/**
 * Finding literals in a whole document (for "the literal under the cursor",
 * hovers and CodeLens). One masking pass, one tokenizing pass and one candidate
 * pass: linear in the document size, no regular expression over the whole text.
 */
import { detectFamily, familyOfLanguage, findCandidates } from './detect';
import { findEnvironments } from './latex';
import { maskText } from './mask';
import type { Family, Token } from './scanner';
import { matchClose, tokenize } from './scanner';
import { isNewExpression } from './python';

/** A literal's offsets in the document: `[start, end)`. */
export interface LiteralSpan {
  start: number;
  end: number;
}

function markdownTables(s: string, out: LiteralSpan[]): void {
  let a = 0;
  let runStart = -1;
  let runEnd = -1;
  let hasSep = false;
  const flush = (): void => {
    if (runStart >= 0 && hasSep) out.push({ start: runStart, end: runEnd });
    runStart = -1;
    hasSep = false;
  };
  while (a <= s.length) {
    let b = s.indexOf('\n', a);
    if (b < 0) b = s.length;
    let x = a;
    while (x < b && (s[x] === ' ' || s[x] === '\t')) x++;
    if (s[x] === '|') {
      if (runStart < 0) runStart = x;
      let e = b;
      while (e > x && /\s/.test(s[e - 1])) e--;
      runEnd = e;
      let sep = true;
      let dash = false;
      for (let k = x; k < e; k++) {
        if (s[k] === '-') dash = true;
        else if (!' \t:|+'.includes(s[k])) { sep = false; break; }
      }
      if (sep && dash) hasSep = true;
    } else flush();
    a = b + 1;
  }
  flush();
}

const NUMBER_CELL = /^[-+−]?(?:\d+\.?\d*|\.\d+)(?:[eEdD][-+]?\d+)?(?:im|[ijIJ])?$/;
const COMPLEX_CELL = /^[-+−]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?[-+−](?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?:im|[ijIJ])$/;
const DECIMAL_COMMA_CELL = /^[-+−]?\d+,\d+$/;
const PLACEHOLDER_CELL = /^(?:NaN|nan|NA|Inf|inf|-Inf|-inf|missing|NULL|null|None|-|\?|…|⋮|⋱)$/;
const JULIA_HEADER_LINE = /^\d+(?:[×x]\d+ |-element ).{0,200}:$/;
const OCTAVE_HEADER_LINE = /^[A-Za-z_]\w{0,60}[ \t]*=$/;
const COLUMNS_LINE = /^Columns? +\d+(?: +(?:through|to|and) +\d+)?:?$/;
const SCALE_LINE = /^[0-9.]+e[+-]?\d+ *\*$/i;

type LineKind = 'blank' | 'data' | 'julia-header' | 'octave-header' | 'columns' | 'scale' | 'other';

interface BlockLine { a: number; b: number; kind: LineKind; delim: string; cells: string[] }

/** The delimiter a line of a block uses: tab, `;`, `,` or (empty string) white space. */
function delimiterOf(t: string): string {
  if (t.includes('\t')) return '\t';
  if (t.includes(';')) return ';';
  if (t.includes(',')) return ',';
  return '';
}

function cellsOf(t: string, delim: string): string[] {
  return (delim ? t.split(delim) : t.split(/[ \t]+/)).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

function isNumberCell(c: string, delim: string): boolean {
  return NUMBER_CELL.test(c) || COMPLEX_CELL.test(c) || (delim === ';' && DECIMAL_COMMA_CELL.test(c));
}

/** A row of a numeric block: numbers (complex, NaN, placeholders allowed), maybe a text label first. */
function isDataRow(cells: string[], delim: string): boolean {
  let numbers = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (isNumberCell(c, delim)) { numbers++; continue; }
    if (PLACEHOLDER_CELL.test(c) || (delim && c === '')) continue;
    // Octave prints complex entries with spaces: `1 + 2i`.
    if (!delim && (c === '+' || c === '-') && i > 0 && i + 1 < cells.length) continue;
    if (i === 0 && delim && cells.length > 2) continue;
    return false;
  }
  return numbers > 0;
}

function classify(s: string, a: number, b: number): BlockLine {
  const raw = s.slice(a, b);
  const t = raw.trim();
  const line = { a: a + raw.indexOf(t === '' ? raw : t[0]), b: a + raw.trimEnd().length, delim: '', cells: [] as string[] };
  if (t === '') return { ...line, kind: 'blank' };
  if (JULIA_HEADER_LINE.test(t)) return { ...line, kind: 'julia-header' };
  if (OCTAVE_HEADER_LINE.test(t)) return { ...line, kind: 'octave-header' };
  if (COLUMNS_LINE.test(t)) return { ...line, kind: 'columns' };
  if (SCALE_LINE.test(t)) return { ...line, kind: 'scale' };
  const delim = delimiterOf(t);
  const cells = cellsOf(t, delim);
  return { ...line, kind: isDataRow(cells, delim) ? 'data' : 'other', delim, cells };
}

/** A CSV header above the first data row: as many text cells, same delimiter. */
function isHeaderOf(h: BlockLine, first: BlockLine): boolean {
  if (h.kind !== 'other' || !first.delim || h.delim !== first.delim) return false;
  if (h.cells.length !== first.cells.length && h.cells.length + 1 !== first.cells.length) return false;
  return h.cells.every((c) => c === '' || !isNumberCell(c, h.delim)) && h.cells.some((c) => c !== '');
}

/**
 * Blocks of numeric rows in plain text (CSV/TSV files, whitespace blocks, printed
 * REPL output): each paragraph of data rows, with the header line above it when it
 * has one (a CSV header row, a Julia `2×3 Matrix{Float64}:` line, an Octave `b =`
 * line, Octave's `Columns 1 through 3` parts). A lone number is not a block.
 */
function blockSpans(text: string, base: number, out: LiteralSpan[]): void {
  const s = maskText(text, 'generic');
  const ls: BlockLine[] = [];
  let a = 0;
  while (a <= s.length) {
    let b = s.indexOf('\n', a);
    if (b < 0) b = s.length;
    ls.push(classify(s, a, b > a && s[b - 1] === '\r' ? b - 1 : b));
    a = b + 1;
  }
  let i = 0;
  while (i < ls.length) {
    if (ls[i].kind !== 'data') { i++; continue; }
    let j = i;
    while (j + 1 < ls.length && ls[j + 1].kind === 'data') j++;
    let start = i;
    let end = j;
    let header = false;
    const above = ls[i - 1];
    if (above && (above.kind === 'julia-header' || isHeaderOf(above, ls[i]))) { start = i - 1; header = true; }
    else {
      let k = i - 1;
      while (k >= 0 && (ls[k].kind === 'blank' || ls[k].kind === 'scale' || ls[k].kind === 'columns')) k--;
      if (k >= 0 && ls[k].kind === 'octave-header') {
        start = k;
        header = true;
        // Octave splits wide matrices into `Columns …` parts separated by blank lines.
        for (;;) {
          let m = end + 1;
          let columns = false;
          while (m < ls.length && (ls[m].kind === 'blank' || ls[m].kind === 'columns')) { if (ls[m].kind === 'columns') columns = true; m++; }
          if (!columns || m >= ls.length || ls[m].kind !== 'data') break;
          end = m;
          while (end + 1 < ls.length && ls[end + 1].kind === 'data') end++;
        }
      }
    }
    if (header || end > start || ls[start].cells.filter((c) => isNumberCell(c, ls[start].delim)).length >= 2) {
      out.push({ start: base + ls[start].a, end: base + ls[end].b });
    }
    i = end + 1;
  }
}

/** Extends a span over postfix operations the parser applies (`'`, `.T`, `.reshape(…)`, `.finished()`). */
function postfixEnd(toks: readonly Token[], last: number): number {
  let k = last + 1;
  for (;;) {
    const t = toks[k];
    if (!t || t.space) break;
    if (t.kind === 'op' && (t.text === "'" || t.text === ".'")) { k++; continue; }
    if (t.kind === 'op' && t.text === '.' && toks[k + 1]?.kind === 'id' && /^(T|H|mT|mH|reshape|transpose|finished)$/.test(toks[k + 1].text)) {
      const call = toks[k + 2]?.kind === 'open' && toks[k + 2].text === '(' ? matchClose(toks, k + 2) : -1;
      k = call >= 0 ? call + 1 : k + 2;
      continue;
    }
    break;
  }
  return k - 1;
}

/** For `m << 1, 2;` the span starts at the declaration of `m` when it is nearby (it carries the shape). */
function eigenStart(toks: readonly Token[], shift: number): number {
  const target = toks[shift - 1];
  if (!target) return toks[shift].start;
  if (target.kind === 'close') {
    let depth = 0;
    for (let k = shift - 1; k >= 0 && k > shift - 200; k--) {
      if (toks[k].kind === 'close') depth++;
      else if (toks[k].kind === 'open' && --depth === 0) return toks[k].start;
    }
    return target.start;
  }
  if (target.kind !== 'id') return toks[shift].start;
  for (let k = shift - 2; k >= 0 && k > shift - 200; k--) {
    if (toks[k].kind === 'id' && toks[k].text === target.text && toks[k - 1]?.kind === 'id' && /Matrix|Vector|Array/.test(toks[k - 1].text)) return toks[k - 1].start;
    if (toks[k].kind === 'id' && toks[k].text === target.text && toks[k - 1]?.kind === 'op' && toks[k - 1].text === '>') {
      let j = k - 1;
      while (j > 0 && toks[j].text !== '<') j--;
      return toks[Math.max(0, j - 1)].start;
    }
  }
  return target.start;
}

/** Literal spans of code `text` (a whole document or one fenced block), shifted by `base`. */
function codeSpans(text: string, f: Family, base: number, out: LiteralSpan[]): void {
  const toks = tokenize(maskText(text, f), f);
  for (const c of findCandidates(toks, f, 0, toks.length, true)) {
    if (c.kind === 'transform') continue;
    if (c.kind === 'eigen') {
      const semi = toks[c.last + 1];
      out.push({ start: base + eigenStart(toks, c.first), end: base + (semi && semi.kind === 'sep' && semi.text === ';' ? semi.end : toks[c.last].end) });
      continue;
    }
    const last = postfixEnd(toks, c.last);
    let start = toks[isNewExpression(toks, c.first) ? c.first - 1 : c.first].start;
    // `tensor(...)` and `array(...)` reprs: include a TF `<tf.Tensor: …>` wrapper when present.
    const lt = text.lastIndexOf('<tf.', start);
    if (lt >= 0 && start - lt < 200 && !text.slice(lt, start).includes('>')) start = lt;
    let end = toks[last].end;
    if (start === lt) {
      const gt = text.indexOf('>', end);
      if (gt >= 0 && gt - end < 40 && text.slice(end, gt).trim().replace(/,?\s*dtype=\w+\)?/, '') === '') end = gt + 1;
    }
    out.push({ start: base + start, end: base + end });
  }
}

function fences(s: string): Array<{ from: number; to: number; lang: string }> {
  const out: Array<{ from: number; to: number; lang: string }> = [];
  let a = 0;
  let open: { from: number; lang: string } | undefined;
  while (a <= s.length) {
    let b = s.indexOf('\n', a);
    if (b < 0) b = s.length;
    const line = s.slice(a, Math.min(b, a + 80)).trim();
    if (line.startsWith('```') || line.startsWith('~~~')) {
      if (open) { out.push({ from: open.from, to: a, lang: open.lang }); open = undefined; }
      else open = { from: b + 1, lang: line.slice(3).trim().split(/\s/)[0] ?? '' };
    }
    a = b + 1;
  }
  return out;
}

/**
 * All literals of a document, in order, outermost only (a literal inside a
 * wrapper call is reported as the whole call). `languageId` is VS Code's id
 * (`python`, `matlab`, `latex`, `markdown`, …); without it the family is guessed.
 * Example: `findLiterals('A = np.array([[1, 2], [3, 4]])', 'python')` → `[{start: 4, end: 30}]`.
 */
export function findLiterals(documentText: string, languageId?: string): LiteralSpan[] {
  const text = documentText;
  const lang = (languageId ?? '').toLowerCase();
  const out: LiteralSpan[] = [];
  if (lang === 'markdown' || lang === 'mdx' || lang === 'rmd' || lang === 'quarto') {
    const masked = maskText(text, 'latex');
    for (const e of findEnvironments(masked)) out.push({ start: e.begin, end: e.end });
    markdownTables(text, out);
    for (const fc of fences(text)) {
      const f = familyOfLanguage(fc.lang) ?? detectFamily(text.slice(fc.from, fc.to));
      codeSpans(text.slice(fc.from, fc.to), f, fc.from, out);
      blockSpans(text.slice(fc.from, fc.to), fc.from, out);
    }
  } else {
    const family = familyOfLanguage(languageId) ?? detectFamily(text);
    if (family === 'latex' || text.includes('\\begin')) {
      for (const e of findEnvironments(maskText(text, 'latex'))) out.push({ start: e.begin, end: e.end });
      // Without a language id a Markdown file with math reads as LaTeX; its tables are still tables.
      if (family === 'latex' && !lang) markdownTables(text, out);
    }
    if (family !== 'latex') {
      codeSpans(text, family, 0, out);
      if (family === 'generic') {
        markdownTables(text, out);
        blockSpans(text, 0, out);
      }
    }
  }
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  const merged: LiteralSpan[] = [];
  for (const s of out) {
    const prev = merged[merged.length - 1];
    if (prev && s.start < prev.end) continue;
    merged.push(s);
  }
  return merged;
}

/**
 * The literal enclosing `offset` in `documentText` (cursor positions at either end
 * count as inside), or null. Linear in the document size.
 * Example: cursor inside `np.array([[3, 1], [1, 3]])` → the span of the whole call.
 */
export function findLiteralAt(documentText: string, offset: number, languageId?: string): { start: number; end: number } | null {
  const spans = findLiterals(documentText, languageId);
  let best: LiteralSpan | null = null;
  for (const s of spans) {
    if (s.start <= offset && offset <= s.end) {
      if (!best || offset < s.end) best = s;
    }
  }
  return best ? { start: best.start, end: best.end } : null;
}
