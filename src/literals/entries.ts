/**
 * Turns the tokens of one matrix entry into a number. Plain numbers (and
 * `a+bj` complex pairs) take a fast path; anything else is translated, with
 * the family's function and constant names, into the canonical expression
 * language of `sandbox.ts` and evaluated there.
 */
import type { Ctx } from './context';
import { fail, quote, markOrigin } from './context';
import { ExpressionRefusal, evaluateCanonical } from './sandbox';
import type { Family, Token } from './scanner';
import { endsOperand } from './scanner';
import type { Entry } from './types';

/** How entries of one literal are read. */
export interface Dialect {
  family: Family;
  /** sympy: `I` is the imaginary unit, `E` Euler's number. */
  sympy?: boolean;
}

const PREFIXES: Partial<Record<Family, string[]>> = {
  python: ['np.', 'numpy.', 'math.', 'cmath.', 'torch.', 'jnp.', 'jax.numpy.', 'tf.math.', 'tf.experimental.numpy.', 'tf.', 'sp.', 'sympy.', 'sym.', 'mpmath.', 'mp.', 'onp.', 'cp.', 'S.'],
  js: ['Math.', 'math.', 'mathjs.'],
  cpp: ['std::numbers::', 'std::', 'Eigen::', 'numbers::'],
  rust: ['std::f64::consts::', 'std::f32::consts::', 'core::f64::consts::', 'f64::consts::', 'f32::consts::', 'consts::', 'f64::', 'f32::', 'num_complex::', 'num::complex::', 'num::'],
  julia: ['Base.MathConstants.', 'MathConstants.', 'Base.', 'Math.'],
};

const COMMON_FUNCS: Record<string, string> = {
  sqrt: 'sqrt', cbrt: 'cbrt', exp: 'exp', log: 'log', ln: 'log', log2: 'log2', log10: 'log10', log1p: 'log1p', expm1: 'expm1',
  sin: 'sin', cos: 'cos', tan: 'tan', sec: 'sec', csc: 'csc', cot: 'cot',
  asin: 'asin', acos: 'acos', atan: 'atan', arcsin: 'asin', arccos: 'acos', arctan: 'atan', atan2: 'atan2', arctan2: 'atan2',
  sinh: 'sinh', cosh: 'cosh', tanh: 'tanh', asinh: 'asinh', acosh: 'acosh', atanh: 'atanh', arcsinh: 'asinh', arccosh: 'acosh', arctanh: 'atanh',
  abs: 'abs', fabs: 'abs', hypot: 'hypot', floor: 'floor', ceil: 'ceil', round: 'round',
  conj: 'conj', conjugate: 'conj', real: 're', imag: 'im', pow: 'pow', power: 'pow', radians: 'deg2rad', deg2rad: 'deg2rad', degrees: 'rad2deg', rad2deg: 'rad2deg',
};

const FAMILY_FUNCS: Partial<Record<Family, Record<string, string>>> = {
  python: { complex: 'complex', float: 'id', int: 'id', float64: 'id', float32: 'id', float16: 'id', complex128: 'complex', complex64: 'complex', Fraction: 'ratio', Rational: 'ratio', Float: 'id', Integer: 'id', S: 'id', mpf: 'id', Decimal: 'id', csqrt: 'sqrt' },
  js: { complex: 'complex', Number: 'id', parseFloat: 'id', fraction: 'ratio', nthRoot: 'nthRoot' },
  matlab: { complex: 'complex', double: 'id', single: 'id', nthroot: 'nthRoot', realsqrt: 'sqrt' },
  julia: { complex: 'complex', Complex: 'complex', ComplexF64: 'complex', ComplexF32: 'complex', float: 'id', Float64: 'id', Float32: 'id', Int: 'id', Int64: 'id', big: 'id' },
  mathematica: { Sqrt: 'sqrt', Exp: 'exp', Log: 'log', Log2: 'log2', Log10: 'log10', Sin: 'sin', Cos: 'cos', Tan: 'tan', Sec: 'sec', Csc: 'csc', Cot: 'cot', ArcSin: 'asin', ArcCos: 'acos', ArcTan: 'atan', Sinh: 'sinh', Cosh: 'cosh', Tanh: 'tanh', Abs: 'abs', N: 'id', Complex: 'complex', Rational: 'ratio', Power: 'pow', CubeRoot: 'cbrt', Surd: 'nthRoot', Conjugate: 'conj', Re: 're', Im: 'im', Floor: 'floor', Ceiling: 'ceil', Round: 'round' },
  r: { Conj: 'conj', Re: 're', Im: 'im', 'as.numeric': 'id', 'as.double': 'id' },
  cpp: { complex: 'complex', 'complex<double>': 'complex', double: 'id', float: 'id' },
  rust: { 'Complex::new': 'complex', 'Complex64::new': 'complex', 'Complex32::new': 'complex', 'c64::new': 'complex', 'c32::new': 'complex', 'C64::new': 'complex' },
  fortran: { cmplx: 'complex', dcmplx: 'complex', dble: 'id', real: 'id', dsqrt: 'sqrt', dexp: 'exp', dlog: 'log', dsin: 'sin', dcos: 'cos' },
  typst: { frac: 'ratio', root: 'rootNX' },
};

const CONSTS: Partial<Record<Family, Record<string, string>>> = {
  python: { pi: 'pi', e: 'e', tau: 'tau', True: '1', False: '0', euler_gamma: '0.5772156649015329' },
  js: { PI: 'pi', E: 'e', SQRT2: '1.4142135623730951', SQRT1_2: '0.7071067811865476', LN2: '0.6931471805599453', LN10: '2.302585092994046', LOG2E: '1.4426950408889634', LOG10E: '0.4342944819032518', pi: 'pi', e: 'e', i: 'i', tau: 'tau', true: '1', false: '0' },
  matlab: { pi: 'pi', i: 'i', j: 'i', I: 'i', J: 'i', eps: 'eps', e: 'e', true: '1', false: '0' },
  julia: { pi: 'pi', π: 'pi', ℯ: 'e', im: 'i', true: '1', false: '0', eps: 'eps' },
  mathematica: { Pi: 'pi', E: 'e', I: 'i', Degree: '(pi/180)', True: '1', False: '0' },
  r: { pi: 'pi', TRUE: '1', FALSE: '0', T: '1', F: '0' },
  cpp: { M_PI: 'pi', M_E: 'e', M_SQRT2: '1.4142135623730951', M_SQRT1_2: '0.7071067811865476', M_PI_2: '1.5707963267948966', M_PI_4: '0.7853981633974483', M_1_PI: '0.3183098861837907', M_2_PI: '0.6366197723675814', M_LN2: '0.6931471805599453', M_LN10: '2.302585092994046', EIGEN_PI: 'pi', pi: 'pi', e: 'e', sqrt2: '1.4142135623730951', true: '1', false: '0' },
  rust: { PI: 'pi', E: 'e', TAU: 'tau', SQRT_2: '1.4142135623730951', FRAC_1_SQRT_2: '0.7071067811865476', FRAC_PI_2: '1.5707963267948966', FRAC_PI_3: '1.0471975511965979', FRAC_PI_4: '0.7853981633974483', FRAC_PI_6: '0.5235987755982989', FRAC_1_PI: '0.3183098861837907', LN_2: '0.6931471805599453', LN_10: '2.302585092994046' },
  fortran: {},
  typst: { pi: 'pi', π: 'pi', i: 'i' },
  generic: { pi: 'pi', π: 'pi' },
};

const NON_FINITE = new Set(['inf', 'Inf', 'INF', 'infinity', 'Infinity', 'INFINITY', 'nan', 'NaN', 'NAN', 'oo', 'zoo', 'Indeterminate', 'ComplexInfinity', 'DirectedInfinity', 'NEG_INFINITY', 'NegInf', 'PosInf', 'Inf64', 'NaN64', 'Inf32', 'NaN32', 'HUGE_VAL']);
const MISSING = new Set(['None', 'NA', 'NA_real_', 'NA_integer_', 'NA_complex_', 'null', 'undefined', 'missing', 'nothing', 'NULL', 'NaT', 'Null', 'Missing']);

/** Base name of a dotted or `::` path once a known module prefix is removed. */
function stripPrefix(f: Family, name: string): string {
  for (const p of PREFIXES[f] ?? []) if (name.startsWith(p) && name.length > p.length) return name.slice(p.length);
  return name;
}

function lastPart(name: string): string {
  const m = /[A-Za-z_0-9\u0080-\uffff]+$/.exec(name);
  return m ? m[0] : name;
}

/** Refuses a non-number name with the right kind (non-finite, missing, symbolic). */
export function refuseName(ctx: Ctx, name: string, offset: number): never {
  const base = lastPart(name);
  if (NON_FINITE.has(base) || /^(np|numpy|math|torch)\.(inf|nan|NINF|PINF|infty)$/i.test(name)) {
    fail(ctx, 'non-finite', `non-finite entry '${name}': NaN and Inf cannot be factorised`, offset);
  }
  if (MISSING.has(base)) fail(ctx, 'missing-values', `missing value '${name}' where a number was expected`, offset);
  if (base === 'Ellipsis') fail(ctx, 'unsupported', `'Ellipsis' marks truncated output; the full matrix is needed`, offset);
  fail(ctx, 'symbolic', `symbolic entry '${name}': only numbers can be read (no variables or symbols)`, offset);
}

function resolveFunction(d: Dialect, name: string): string | undefined {
  const f = d.family;
  const fam = FAMILY_FUNCS[f] ?? {};
  if (Object.prototype.hasOwnProperty.call(fam, name)) return fam[name];
  const base = stripPrefix(f, name);
  if (Object.prototype.hasOwnProperty.call(fam, base)) return fam[base];
  if (f === 'mathematica') return undefined;
  if (base !== name || !name.includes('.')) {
    if (Object.prototype.hasOwnProperty.call(COMMON_FUNCS, base)) return COMMON_FUNCS[base];
  }
  return undefined;
}

function resolveConstant(d: Dialect, name: string): string | undefined {
  const table = CONSTS[d.family] ?? {};
  if (d.sympy && (name === 'I' || name === 'sp.I' || name === 'sympy.I')) return 'i';
  if (d.sympy && (name === 'E' || name === 'sp.E' || name === 'sympy.E')) return 'e';
  if (d.family === 'python' && (name === 'S.Pi' || name === 'sp.S.Pi')) return 'pi';
  if (Object.prototype.hasOwnProperty.call(table, name)) return table[name];
  const base = stripPrefix(d.family, name);
  if (base !== name && Object.prototype.hasOwnProperty.call(table, base)) return table[base];
  return undefined;
}

function implicitMultiplication(f: Family): boolean {
  return f === 'julia' || f === 'mathematica' || f === 'typst' || f === 'latex' || f === 'generic';
}

/** Fast path: `[±]num`, `[±]num ± num·imag`, `[±]num·imag`. Returns undefined when the entry is anything else. */
function fastEntry(toks: readonly Token[], a: number, b: number): Entry | undefined {
  let k = a;
  let sign = 1;
  if (toks[k].kind === 'op' && (toks[k].text === '-' || toks[k].text === '+')) {
    sign = toks[k].text === '-' ? -1 : 1;
    k++;
  }
  if (k >= b || toks[k].kind !== 'num') return undefined;
  const first = toks[k];
  const v = sign * Number(first.text);
  if (k + 1 === b) return first.imag ? { re: sign * 0, im: v } : v;
  if (k + 3 === b && !first.imag && toks[k + 1].kind === 'op' && (toks[k + 1].text === '+' || toks[k + 1].text === '-') && toks[k + 2].kind === 'num' && toks[k + 2].imag) {
    const im = Number(toks[k + 2].text);
    return { re: v, im: toks[k + 1].text === '-' ? -im : im };
  }
  return undefined;
}

/** Refuses an entry whose value is NaN or infinite, saying where. */
export function checkFinite(ctx: Ctx, e: Entry, offset: number, end: number): Entry {
  const ok = typeof e === 'number' ? Number.isFinite(e) : Number.isFinite(e.re) && Number.isFinite(e.im);
  if (!ok) fail(ctx, 'non-finite', `non-finite entry ${quote(ctx, offset, end)} (NaN or Inf, or a number too large for a double)`, offset);
  if (typeof e === 'object') markOrigin(e, offset);
  return e;
}

/** Evaluates an already translated canonical expression, mapping refusals to positioned errors. */
export function evalCanonical(ctx: Ctx, expr: string, start: number, end: number): Entry {
  let v: Entry;
  try {
    v = evaluateCanonical(expr);
  } catch (e) {
    if (e instanceof ExpressionRefusal) {
      fail(ctx, e.reason === 'symbolic' ? 'symbolic' : e.reason, `cannot read entry ${quote(ctx, start, end)}: ${e.message}`, start);
    }
    fail(ctx, 'syntax', `cannot read entry ${quote(ctx, start, end)}`, start);
  }
  return checkFinite(ctx, v, start, end);
}

/**
 * Evaluates tokens `[a, b)` as one entry. Throws a positioned `LiteralError`
 * (symbolic names, non-finite values, syntax). Example: tokens of `-np.sqrt(2)/2` → -0.7071067811865476.
 */
export function evalEntry(ctx: Ctx, toks: readonly Token[], a: number, b: number, d: Dialect): Entry {
  if (a >= b) fail(ctx, 'syntax', 'expected a number but found nothing (an empty entry)', a < toks.length ? toks[a].start : ctx.text.length);
  const start = toks[a].start;
  const end = toks[b - 1].end;
  const quick = fastEntry(toks, a, b);
  if (quick !== undefined) return checkFinite(ctx, quick, start, end);
  if (b - a > 500) fail(ctx, 'syntax', `entry ${quote(ctx, start, end)} is too long to be a number (a missing separator?)`, start);
  return evalCanonical(ctx, translate(ctx, toks, a, b, d), start, end);
}

function translate(ctx: Ctx, toks: readonly Token[], a: number, b: number, d: Dialect): string {
  const f = d.family;
  const out: string[] = [];
  const closers: string[] = [];
  let prevOperand = false;
  const operandStart = (t: Token): void => {
    if (!prevOperand) return;
    if (implicitMultiplication(f) || d.sympy) out.push('*');
    else fail(ctx, 'syntax', `expected an operator or a separator before ${quote(ctx, t.start, t.end)}`, t.start);
  };
  for (let k = a; k < b; k++) {
    const t = toks[k];
    const next = k + 1 < b ? toks[k + 1] : undefined;
    switch (t.kind) {
      case 'num':
        // Two numbers side by side (`2 3`) are a missing separator, not a product, except in
        // Mathematica, where a space multiplies; `2pi` or `2 sqrt(2)` may still multiply below.
        if (k > a && toks[k - 1].kind === 'num' && f !== 'mathematica') {
          fail(ctx, 'syntax', `expected an operator or a separator before ${quote(ctx, t.start, t.end)}`, t.start);
        }
        operandStart(t);
        out.push(t.imag ? `(${t.text}*i)` : t.text);
        prevOperand = true;
        break;
      case 'id': {
        const callOpen = next && next.kind === 'open' && (next.text === '(' || (f === 'mathematica' && next.text === '['));
        const template = f === 'cpp' && next && next.kind === 'op' && next.text === '<';
        if (callOpen || template) {
          const fn = resolveFunction(d, t.text);
          if (!fn) {
            if (/^(float|np\.float64|numpy\.float64|double)$/.test(t.text) && k + 2 < b && toks[k + 2].kind === 'str') refuseName(ctx, toks[k + 2].text, toks[k + 2].start);
            fail(ctx, 'symbolic', `function ${quote(ctx, t.start, t.end)} is not one of the allowed numeric functions (sqrt, exp, log, sin, cos, …)`, t.start);
          }
          operandStart(t);
          if (template) {
            let m = k + 1;
            while (m < b && !(toks[m].kind === 'op' && toks[m].text === '>')) m++;
            k = m;
            if (!(k + 1 < b && toks[k + 1].kind === 'open' && toks[k + 1].text === '(')) fail(ctx, 'syntax', `expected '(' after ${quote(ctx, t.start, toks[Math.min(k, b - 1)].end)}`, t.start);
          }
          out.push(fn);
          prevOperand = false;
          if (f === 'mathematica' && toks[k + 1].text === '[') {
            out.push('(');
            closers.push(')');
            k++;
          }
          break;
        }
        const c = resolveConstant(d, t.text);
        if (c === undefined) refuseName(ctx, t.text, t.start);
        operandStart(t);
        out.push(c);
        prevOperand = true;
        break;
      }
      case 'op': {
        let op = t.text;
        if (op === '**' && f !== 'mathematica' && f !== 'latex') op = '^';
        else if ((op === '.^' || op === '.*' || op === './') && (f === 'matlab' || f === 'julia')) op = op.slice(1);
        else if (op === '//' && (f === 'julia' || f === 'generic')) op = '/';
        else if (op === '^' && (f === 'python' || f === 'js') && !d.sympy) fail(ctx, 'unsupported', `'^' is bitwise xor in this language; use '**' for powers`, t.start);
        else if (op === '√') {
          operandStart(t);
          out.push('sqrt');
          if (!(next && next.kind === 'open')) {
            if (!next || (next.kind !== 'num' && next.kind !== 'id')) fail(ctx, 'syntax', `expected a number after '√'`, t.start);
            out.push('(');
            closers.push('');
            const c = next.kind === 'num' ? (next.imag ? `(${next.text}*i)` : next.text) : resolveConstant(d, next.text);
            if (c === undefined) refuseName(ctx, next.text, next.start);
            out.push(c, ')');
            closers.pop();
            k++;
            prevOperand = true;
          } else prevOperand = false;
          break;
        }
        if (!['+', '-', '*', '/', '^'].includes(op)) fail(ctx, 'syntax', `unexpected ${quote(ctx, t.start, t.end)} in a matrix entry`, t.start);
        out.push(op);
        prevOperand = false;
        break;
      }
      case 'open':
        if (t.text !== '(') fail(ctx, 'syntax', `unexpected ${quote(ctx, t.start, t.end)} inside an entry (a nested list where a number was expected?)`, t.start);
        operandStart(t);
        out.push('(');
        closers.push(')');
        prevOperand = false;
        break;
      case 'close': {
        const c = closers.pop();
        if (c === undefined) fail(ctx, 'syntax', `unbalanced ${quote(ctx, t.start, t.end)}`, t.start);
        out.push(c);
        prevOperand = true;
        break;
      }
      case 'sep':
        if (t.text !== ',' || closers.length === 0) fail(ctx, 'syntax', `unexpected '${t.text}' inside an entry`, t.start);
        out.push(',');
        prevOperand = false;
        break;
      case 'str':
        refuseName(ctx, t.text.trim() || '""', t.start);
        break;
      case 'ellipsis':
        fail(ctx, 'unsupported', `the matrix is truncated ('${t.text}'): print it in full (e.g. np.set_printoptions(threshold=sys.maxsize)) and read that instead`, t.start);
    }
  }
  if (closers.length) fail(ctx, 'syntax', `missing ')' in entry ${quote(ctx, toks[a].start, toks[b - 1].end)}`, toks[b - 1].end);
  return out.join(' ');
}

/** Recognises names of entries that are not numbers without evaluating (used by table cell checks). */
export function nameKind(name: string): 'non-finite' | 'missing' | 'other' {
  const base = lastPart(name);
  if (NON_FINITE.has(base)) return 'non-finite';
  if (MISSING.has(base)) return 'missing';
  return 'other';
}

/** True when `t` ends an operand (re-exported for the splitters). */
export { endsOperand };
