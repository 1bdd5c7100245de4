/**
 * LaTeX matrices: `bmatrix`, `pmatrix`, `vmatrix`, `Bmatrix`, `Vmatrix`,
 * `matrix`, `smallmatrix`, their starred/small variants and `array{..}`.
 * Rows end at `\\` (a Markdown-escaped `\\\\` is one break), cells split at `&`,
 * rules (`\hline`) are dropped, a numeric factor before the environment
 * (`\frac{1}{2}\begin{bmatrix}`) is applied, and `^T`/`^\top`/`^*` after it transpose.
 * Cells are LaTeX expressions (`\frac`, `\sqrt[n]{}`, `\pi`, `\cdot`, `i`).
 */
import type { Ctx } from './context';
import { buildMatrix, copyOrigin, fail, isComplex, quote, tooLarge } from './context';
import { checkFinite, evalCanonical } from './entries';
import { isSpace, scanNumber } from './scanner';
import type { Entry, ParsedMatrix } from './types';

const ENV = /^(?:[pbBvV]?matrix\*?|[pbBvV]?smallmatrix\*?|smallmatrix|array|darray|NiceMatrix|[pbBvV]NiceMatrix)$/;

interface Env { name: string; begin: number; bodyStart: number; bodyEnd: number; end: number }

/** All top-level matrix environments in `s` (masked text), in order. Linear scan. */
export function findEnvironments(s: string): Env[] {
  const out: Env[] = [];
  let i = 0;
  while (i < s.length) {
    const b = s.indexOf('\\begin', i);
    if (b < 0) break;
    const name = envName(s, b + 6);
    if (!name || !ENV.test(name.name)) { i = b + 6; continue; }
    let depth = 1;
    let k = name.end;
    let endAt = -1;
    let endName = -1;
    while (k < s.length) {
      const nb = s.indexOf('\\begin', k);
      const ne = s.indexOf('\\end', k);
      if (ne < 0) break;
      if (nb >= 0 && nb < ne) {
        const n2 = envName(s, nb + 6);
        if (n2 && n2.name === name.name) depth++;
        k = nb + 6;
        continue;
      }
      const n3 = envName(s, ne + 4);
      if (n3 && n3.name === name.name) {
        depth--;
        if (depth === 0) { endAt = ne; endName = n3.end; break; }
      }
      k = ne + 4;
    }
    const bodyEnd = endAt < 0 ? s.length : endAt;
    out.push({ name: name.name, begin: b, bodyStart: name.end, bodyEnd, end: endAt < 0 ? s.length : endName });
    i = endAt < 0 ? s.length : endName;
  }
  return out;
}

function envName(s: string, at: number): { name: string; end: number } | undefined {
  let k = at;
  while (k < s.length && (s[k] === ' ' || s[k] === '\t')) k++;
  if (s[k] !== '{') return undefined;
  const close = s.indexOf('}', k);
  if (close < 0 || close - k > 40) return undefined;
  return { name: s.slice(k + 1, close).trim(), end: close + 1 };
}

/** Skips `{...}` / `[...]` groups (column specs, alignment options) at `i`. */
function skipGroups(s: string, i: number, limit: number): number {
  let k = i;
  for (;;) {
    while (k < limit && isSpace(s.charCodeAt(k)) && s[k] !== '\n') k++;
    const open = s[k];
    if (open !== '{' && open !== '[') return k;
    const close = open === '{' ? '}' : ']';
    let depth = 0;
    let j = k;
    for (; j < limit; j++) {
      if (s[j] === open) depth++;
      else if (s[j] === close && --depth === 0) break;
    }
    if (j >= limit) return k;
    k = j + 1;
  }
}

const RULES = ['\\hline', '\\midrule', '\\toprule', '\\bottomrule', '\\hdashline', '\\cline', '\\noalign', '\\specialrule'];

/** Reads the LaTeX literal(s) of the selection. Two environments are refused as two literals. */
export function parseLatex(ctx: Ctx): ParsedMatrix {
  const s = ctx.masked;
  const envs = findEnvironments(s);
  if (envs.length === 0) fail(ctx, 'not-found', 'no matrix environment (\\begin{bmatrix} … \\end{bmatrix}) was found', 0);
  if (envs.length > 1) fail(ctx, 'multiple', `two matrix literals in one text (a second \\begin{${envs[1].name}} starts here); give one at a time`, envs[1].begin);
  const env = envs[0];
  const inner = findEnvironments(s.slice(env.bodyStart, env.bodyEnd));
  if (inner.length) fail(ctx, 'unsupported', 'a matrix environment nested inside another (block matrix) cannot be read', env.bodyStart + inner[0].begin);
  if (env.end === s.length && !s.slice(env.bodyEnd).startsWith('\\end')) fail(ctx, 'syntax', `missing \\end{${env.name}}`, env.begin);
  const bodyStart = env.name === 'array' || env.name === 'darray' || env.name.endsWith('*') || env.name.includes('Nice') ? skipGroups(s, env.bodyStart, env.bodyEnd) : env.bodyStart;
  const values: Entry[][] = [];
  const rowOffsets: number[] = [];
  let count = 0;
  for (const row of splitRows(s, bodyStart, env.bodyEnd)) {
    const cells = splitCells(s, row[0], row[1]);
    if (cells.every(([a, b]) => s.slice(a, b).trim() === '')) continue;
    if (count + cells.length > ctx.maxEntries) tooLarge(ctx, cells[ctx.maxEntries - count][0], true);
    count += cells.length;
    values.push(cells.map(([a, b]) => latexEntry(ctx, a, b)));
    rowOffsets.push(row[0]);
  }
  let out = values;
  const factor = prefixFactor(ctx, env.begin);
  if (factor !== undefined) out = out.map((r) => r.map((e) => scale(e, factor)));
  const t = suffixTranspose(s, env.end);
  if (t) {
    out = transposeEntries(out, t.conj);
  }
  const m = buildMatrix(ctx, out, t ? out.map(() => env.begin) : rowOffsets, 'latex', { start: env.begin, end: t ? t.end : env.end });
  for (const r of m.values) for (const e of r) checkFinite(ctx, e, env.begin, env.end);
  return m;
}

function transposeEntries(v: Entry[][], conj: boolean): Entry[][] {
  const out: Entry[][] = [];
  for (let j = 0; j < (v[0]?.length ?? 0); j++) out.push(v.map((r) => (conj && isComplex(r[j]) ? copyOrigin(r[j], { re: (r[j] as { re: number }).re, im: -(r[j] as { im: number }).im }) : r[j])));
  return out;
}

function scale(e: Entry, f: Entry): Entry {
  if (!isComplex(e) && !isComplex(f)) return e * f;
  const a = isComplex(e) ? e : { re: e, im: 0 };
  const b = isComplex(f) ? f : { re: f, im: 0 };
  return copyOrigin(e, { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
}

function splitRows(s: string, a: number, b: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = a;
  let depth = 0;
  let k = a;
  while (k < b) {
    const c = s[k];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    if (c === '\\' && depth === 0) {
      let run = 0;
      while (k + run < b && s[k + run] === '\\') run++;
      if (run >= 2) {
        out.push([start, k]);
        k += run - (run % 2);
        if (run % 2) { start = k; continue; }
        k = skipSpacing(s, k, b);
        start = k;
        continue;
      }
      if (s.startsWith('\\cr', k) && !/[A-Za-z]/.test(s[k + 3] ?? '')) { out.push([start, k]); k += 3; start = k; continue; }
      if (s.startsWith('\\newline', k)) { out.push([start, k]); k += 8; start = k; continue; }
    }
    k++;
  }
  out.push([start, b]);
  return out;
}

/** Skips an optional `[2pt]` after a row break. */
function skipSpacing(s: string, k: number, b: number): number {
  let j = k;
  while (j < b && (s[j] === ' ' || s[j] === '\t')) j++;
  if (s[j] === '[') {
    const close = s.indexOf(']', j);
    if (close > 0 && close < b && close - j < 20 && !/[&\\]/.test(s.slice(j, close))) return close + 1;
  }
  return k;
}

function splitCells(s: string, a: number, b: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = a;
  let depth = 0;
  for (let k = a; k < b; k++) {
    const c = s[k];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '&' && depth === 0 && s[k - 1] !== '\\') { out.push([start, k]); start = k + 1; }
  }
  out.push([start, b]);
  return out.map(([x, y]) => stripRules(s, x, y));
}

function stripRules(s: string, a: number, b: number): [number, number] {
  let x = a;
  for (;;) {
    while (x < b && isSpace(s.charCodeAt(x))) x++;
    const rule = RULES.find((r) => s.startsWith(r, x) && !/[A-Za-z]/.test(s[x + r.length] ?? ''));
    if (!rule) break;
    x = skipGroups(s, x + rule.length, b);
  }
  let y = b;
  while (y > x && isSpace(s.charCodeAt(y - 1))) y--;
  return [x, y];
}

/** A plain number filling `s[a, b)` exactly, or undefined. */
function plainNumber(s: string, a: number, b: number): Entry | undefined {
  let k = a;
  let sign = 1;
  if (s[k] === '-' || s[k] === '−') { sign = -1; k++; } else if (s[k] === '+') k++;
  while (k < b && s[k] === ' ') k++;
  if (k >= b || !(/[0-9.]/.test(s[k]))) return undefined;
  const r = scanNumber(s, k, 'latex');
  if (r.end === b) return r.imag ? { re: sign * 0, im: sign * Number(r.text) } : sign * Number(r.text);
  // m \times 10^{e} read exactly as the decimal "me e".
  let j = r.end;
  const skip = (): void => { while (j < b && s[j] === ' ') j++; };
  skip();
  const times = ['\\times', '\\cdot', '*', '×', '·'].find((t) => s.startsWith(t, j));
  if (!times || r.imag) return undefined;
  j += times.length;
  skip();
  if (!s.startsWith('10', j)) return undefined;
  j += 2;
  skip();
  if (s[j] !== '^') return undefined;
  j++;
  skip();
  const brace = s[j] === '{';
  if (brace) { j++; skip(); }
  let exp = '';
  if (s[j] === '-' || s[j] === '−' || s[j] === '+') { exp = s[j] === '+' ? '' : '-'; j++; }
  const d0 = j;
  while (j < b && /[0-9]/.test(s[j])) j++;
  if (j === d0) return undefined;
  exp += s.slice(d0, j);
  skip();
  if (brace) { if (s[j] !== '}') return undefined; j++; skip(); }
  if (j !== b) return undefined;
  return sign * Number(`${r.text}e${exp}`);
}

function latexEntry(ctx: Ctx, a: number, b: number): Entry {
  const s = ctx.masked;
  if (a >= b) fail(ctx, 'missing-values', 'empty cell where a number was expected', a);
  const quick = plainNumber(s, a, b);
  if (quick !== undefined) return checkFinite(ctx, quick, a, b);
  if (b - a > 2000) fail(ctx, 'syntax', `cell ${quote(ctx, a, b)} is too long to be a number (a missing '&'?)`, a);
  return evalCanonical(ctx, latexToCanonical(ctx, a, b), a, b);
}

const FUNCS: Record<string, string> = { sin: 'sin', cos: 'cos', tan: 'tan', sec: 'sec', csc: 'csc', cot: 'cot', arcsin: 'asin', arccos: 'acos', arctan: 'atan', sinh: 'sinh', cosh: 'cosh', tanh: 'tanh', exp: 'exp', ln: 'log', log: 'log', lg: 'log10' };
const IGNORED = new Set([',', ';', '!', ':', ' ', 'quad', 'qquad', 'displaystyle', 'textstyle', 'scriptstyle', 'hfill', 'strut', 'mathstrut', 'left', 'right', 'bigl', 'bigr', 'Bigl', 'Bigr', 'big', 'Big', 'biggl', 'biggr', 'mathbf', 'mathrm', 'boldsymbol', 'bm', 'mathit', 'mathsf', 'textbf', 'textrm', 'text', 'mbox', 'hbox', 'enspace', 'thinspace', 'negthinspace', 'smash']);
const DROP_GROUP = new Set(['phantom', 'hphantom', 'vphantom', 'color', 'label', 'tag']);

/**
 * Translates the LaTeX expression `masked[a, b)` into the sandbox's canonical language.
 * Example: `-\frac{\sqrt{3}}{2}` → `- ((sqrt((3)))/((2)))`.
 */
export function latexToCanonical(ctx: Ctx, a: number, b: number): string {
  const s = ctx.masked;
  const out: string[] = [];
  let prevOperand = false;
  let k = a;
  const operand = (text: string): void => {
    if (prevOperand) out.push('*');
    out.push(text);
    prevOperand = true;
  };
  const group = (at: number): { text: string; end: number } => {
    let j = at;
    while (j < b && s[j] === ' ') j++;
    if (s[j] === '{') {
      let depth = 0;
      let e = j;
      for (; e < b; e++) {
        if (s[e] === '{') depth++;
        else if (s[e] === '}' && --depth === 0) break;
      }
      if (e >= b) fail(ctx, 'syntax', "missing '}'", j);
      return { text: latexToCanonical(ctx, j + 1, e), end: e + 1 };
    }
    if (s[j] === '\\') {
      let e = j + 1;
      while (e < b && /[A-Za-z]/.test(s[e])) e++;
      return { text: latexToCanonical(ctx, j, e), end: e };
    }
    if (j >= b) fail(ctx, 'syntax', 'expected an argument', Math.max(a, b - 1));
    return { text: latexToCanonical(ctx, j, j + 1), end: j + 1 };
  };
  while (k < b) {
    const c = s[k];
    if (isSpace(s.charCodeAt(k)) || c === '~') { k++; continue; }
    if (s.startsWith('...', k)) fail(ctx, 'unsupported', "the matrix is elided ('...'); write every entry to compute with it", k);
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(s[k + 1] ?? ''))) {
      let r = scanNumber(s, k, 'latex');
      if (r.end > b) r = scanNumber(s.slice(0, b), k, 'latex');
      operand(r.imag ? `(${r.text}*i)` : r.text);
      k = r.end;
      continue;
    }
    if (c === '\\') {
      let e = k + 1;
      while (e < b && /[A-Za-z]/.test(s[e])) e++;
      if (e === k + 1) e = Math.min(b, k + 2);
      const cmd = s.slice(k + 1, e);
      if (cmd === 'frac' || cmd === 'dfrac' || cmd === 'tfrac' || cmd === 'cfrac') {
        const num = group(e);
        const den = group(num.end);
        operand(`((${num.text})/(${den.text}))`);
        k = den.end;
      } else if (cmd === 'sqrt') {
        let j = e;
        while (j < b && s[j] === ' ') j++;
        let root: string | undefined;
        if (s[j] === '[') {
          const close = s.indexOf(']', j);
          if (close < 0 || close >= b) fail(ctx, 'syntax', "missing ']'", j);
          root = latexToCanonical(ctx, j + 1, close);
          j = close + 1;
        }
        const arg = group(j);
        operand(root === undefined ? `sqrt(${arg.text})` : `nthRoot(${arg.text}, ${root})`);
        k = arg.end;
      } else if (cmd === 'pi') { operand('pi'); k = e; }
      else if (cmd === 'imath' || cmd === 'jmath') { operand('i'); k = e; }
      else if (cmd === 'cdot' || cmd === 'times' || cmd === 'ast') { out.push('*'); prevOperand = false; k = e; }
      else if (cmd === 'div') { out.push('/'); prevOperand = false; k = e; }
      else if (cmd === 'infty') fail(ctx, 'non-finite', 'non-finite entry \\infty: NaN and Inf cannot be factorised', k);
      else if (/^([lcvd]?dots[cbmio]?|cdots|vdots|ddots|ldots|iddots)$/.test(cmd)) fail(ctx, 'unsupported', `the matrix is elided ('\\${cmd}'); write every entry to compute with it`, k);
      else if (Object.prototype.hasOwnProperty.call(FUNCS, cmd)) {
        const arg = s[skipSp(s, e, b)] === '(' ? undefined : group(e);
        if (arg) { operand(`${FUNCS[cmd]}(${arg.text})`); k = arg.end; }
        else { operand(FUNCS[cmd]); prevOperand = false; k = e; }
      } else if (DROP_GROUP.has(cmd)) {
        k = group(e).end;
        if (cmd === 'color') { const g = group(k); operand(`(${g.text})`); k = g.end; }
      } else if (cmd === 'mathrm' || cmd === 'text' || cmd === 'mathit' || cmd === 'operatorname') {
        const j = skipSp(s, e, b);
        if (s[j] === '{') {
          const close = s.indexOf('}', j);
          const word = close > 0 ? s.slice(j + 1, close).trim() : '';
          if (word === 'i' || word === 'j') { operand('i'); k = close + 1; }
          else if (word === 'e') { operand('e'); k = close + 1; }
          else if (/^[0-9.\s+-]+$/.test(word)) { k = j; }
          else fail(ctx, 'symbolic', `symbolic entry '${word}': only numbers can be read`, j + 1);
        } else k = e;
      } else if (IGNORED.has(cmd)) { k = e; }
      else if (cmd === '{' || cmd === '}') { k = e; }
      else if (cmd === '-') { out.push('-'); prevOperand = false; k = e; }
      else fail(ctx, 'symbolic', `symbolic entry '\\${cmd}': only numbers can be read (no symbols)`, k);
      continue;
    }
    if (c === '{' || c === '(' || c === '[') { if (prevOperand) out.push('*'); out.push('('); prevOperand = false; k++; continue; }
    if (c === '}' || c === ')' || c === ']') { out.push(')'); prevOperand = true; k++; continue; }
    if (c === '+' || c === '-' || c === '−' || c === '*' || c === '/' || c === '^' || c === '×' || c === '·') {
      out.push(c === '−' ? '-' : c === '×' || c === '·' ? '*' : c);
      prevOperand = false;
      k++;
      continue;
    }
    if (c === 'i' || c === 'e' || c === 'π') { operand(c === 'π' ? 'pi' : c); k++; continue; }
    if (c === '…' || c === '⋯' || c === '⋮' || c === '⋱') fail(ctx, 'unsupported', `the matrix is elided ('${c}'); write every entry to compute with it`, k);
    if (/\p{L}/u.test(c)) fail(ctx, 'symbolic', `symbolic entry '${symbolAt(s, k, b)}': only numbers can be read (no variables)`, k);
    fail(ctx, 'syntax', `unexpected ${quote(ctx, k, k + 1)} in a LaTeX entry`, k);
  }
  return out.join(' ');
}

function skipSp(s: string, k: number, b: number): number {
  let j = k;
  while (j < b && s[j] === ' ') j++;
  return j;
}

function symbolAt(s: string, k: number, b: number): string {
  let e = k + 1;
  while (e < b && /[A-Za-z0-9_{}]/.test(s[e]) && e - k < 12) e++;
  return s.slice(k, e);
}

/** A numeric factor written right before `\begin` (after `=`, `$` or the start), or undefined. */
function prefixFactor(ctx: Ctx, begin: number): Entry | undefined {
  const s = ctx.masked;
  const raw = ctx.text;
  let a = begin;
  while (a > 0 && !'=$:,;'.includes(raw[a - 1]) && !(raw[a - 1] === '\n' && raw[a - 2] === '\n') && !(raw[a - 1] === '[' && raw[a - 2] === '\\') && begin - a < 200) a--;
  let text = s.slice(a, begin);
  const left = text.lastIndexOf('\\left');
  if (left >= 0) text = text.slice(0, left);
  const t = text.trim();
  if (t === '') return undefined;
  if (t === '-') return -1;
  if (t === '+') return undefined;
  const stripped = t.replace(/\\(d|t)?frac|\\sqrt|\\pi|\\cdot|\\times|\\left|\\right|\\,|\\;/g, '');
  if (!/^[\d\s.+\-{}()/^*[\]]*$/.test(stripped) || !/[\d]|\\pi/.test(t)) return undefined;
  const offset = a + text.indexOf(t);
  let end = offset + t.length;
  let body = t;
  if (/(\\cdot|\\times|\*)$/.test(body)) { body = body.replace(/(\\cdot|\\times|\*)$/, ''); end = offset + body.length; }
  return evalCanonical(ctx, latexToCanonical({ ...ctx }, offset, end), offset, end);
}

/** `^T`, `^{\top}`, `^*`, `^H`, `^\dagger` right after `\end{…}` (and an optional `\right]`). */
function suffixTranspose(s: string, end: number): { conj: boolean; end: number } | undefined {
  let k = end;
  while (k < s.length && s[k] === ' ') k++;
  if (s.startsWith('\\right', k)) { k += 7; while (k < s.length && s[k] === ' ') k++; }
  if (s[k] !== '^') return undefined;
  k++;
  let j = k;
  let arg: string;
  if (s[j] === '{') {
    const close = s.indexOf('}', j);
    if (close < 0) return undefined;
    arg = s.slice(j + 1, close).trim();
    j = close + 1;
  } else if (s[j] === '\\') {
    let e = j + 1;
    while (e < s.length && /[A-Za-z]/.test(s[e])) e++;
    arg = s.slice(j, e);
    j = e;
  } else {
    arg = s[j] ?? '';
    j++;
  }
  const a = arg.replace(/\\mathsf|\\mathrm|[{}\s]/g, '');
  if (a === 'T' || a === '\\top' || a === '\\intercal' || a === '\\mathsfT' || a === '\\mathrmT') return { conj: false, end: j };
  if (a === '*' || a === 'H' || a === '\\dagger' || a === '\\ast' || a === '\\star') return { conj: true, end: j };
  return undefined;
}
