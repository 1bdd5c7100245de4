/**
 * Sandboxed evaluation of expression entries (`np.sqrt(2)/2`, `\frac{1}{3}`).
 * The notation parsers translate an entry into a tiny canonical expression
 * language (numbers, `+ - * / ^`, parentheses, the whitelisted names below);
 * this module parses it with mathjs's `parse` and walks the tree itself,
 * allowing only constants, parentheses, arithmetic operators, whitelisted
 * functions and whitelisted constants. mathjs `evaluate` is never called, and
 * mathjs is loaded only when the first expression entry appears.
 */
import type * as MathJs from 'mathjs';
import type { Complex as MComplex, MathNode } from 'mathjs';
import type { Entry } from './types';

type Value = number | MComplex;
type F1 = (x: Value) => Value;
type F2 = (x: Value, y: Value) => Value;

/** The part of mathjs the walker uses, typed for numbers and complex numbers only. */
interface MathModule {
  parse: (expr: string) => MathNode;
  complex: (re: number, im: number) => MComplex;
  sqrt: F1; cbrt: F1; exp: F1; log: F1; log2: F1; log10: F1; log1p: F1; expm1: F1;
  sin: F1; cos: F1; tan: F1; sec: F1; csc: F1; cot: F1; asin: F1; acos: F1; atan: F1;
  sinh: F1; cosh: F1; tanh: F1; asinh: F1; acosh: F1; atanh: F1; abs: F1; conj: F1; re: F1; im: F1;
  unaryMinus: F1; add: F2; subtract: F2; multiply: F2; divide: F2; pow: F2;
  nthRoot: (x: number, n: number) => Value;
}

let mathjs: MathModule | undefined;

function lib(): MathModule {
  if (!mathjs) {
    // Lazy on purpose: mathjs costs a noticeable start-up time and most literals are plain numbers.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mathjs = require('mathjs') as typeof MathJs as unknown as MathModule;
  }
  return mathjs;
}

/** Why an expression was refused; the caller turns it into a positioned `LiteralError`. */
export class ExpressionRefusal extends Error {
  constructor(readonly reason: 'syntax' | 'symbolic' | 'non-finite', message: string) {
    super(message);
  }
}

/** Whitelisted constants of the canonical language. */
const CONSTANTS: Record<string, (m: MathModule) => Value> = {
  pi: () => Math.PI,
  e: () => Math.E,
  tau: () => 2 * Math.PI,
  eps: () => 2 ** -52,
  i: (m) => m.complex(0, 1),
};

type Fn = (m: MathModule, a: Value[]) => Value;

const unary = (f: (m: MathModule, x: Value) => Value): { arity: [number, number]; f: Fn } => ({ arity: [1, 1], f: (m, a) => f(m, a[0]) });

function real(x: Value, what: string): number {
  if (typeof x === 'number') return x;
  if (x.im === 0) return x.re;
  throw new ExpressionRefusal('syntax', `${what} needs real arguments`);
}

/** Whitelisted functions of the canonical language, with their arity range. */
const FUNCTIONS: Record<string, { arity: [number, number]; f: Fn }> = {
  sqrt: unary((m, x) => m.sqrt(x)),
  cbrt: unary((m, x) => (typeof x === 'number' ? Math.cbrt(x) : m.cbrt(x))),
  exp: unary((m, x) => m.exp(x)),
  log: { arity: [1, 2], f: (m, a) => (a.length === 2 ? m.divide(m.log(a[0]), m.log(a[1])) : m.log(a[0])) },
  log2: unary((m, x) => m.log2(x)),
  log10: unary((m, x) => m.log10(x)),
  log1p: unary((m, x) => m.log1p(x)),
  expm1: unary((m, x) => m.expm1(x)),
  sin: unary((m, x) => m.sin(x)),
  cos: unary((m, x) => m.cos(x)),
  tan: unary((m, x) => m.tan(x)),
  sec: unary((m, x) => m.sec(x)),
  csc: unary((m, x) => m.csc(x)),
  cot: unary((m, x) => m.cot(x)),
  asin: unary((m, x) => m.asin(x)),
  acos: unary((m, x) => m.acos(x)),
  atan: unary((m, x) => m.atan(x)),
  sinh: unary((m, x) => m.sinh(x)),
  cosh: unary((m, x) => m.cosh(x)),
  tanh: unary((m, x) => m.tanh(x)),
  asinh: unary((m, x) => m.asinh(x)),
  acosh: unary((m, x) => m.acosh(x)),
  atanh: unary((m, x) => m.atanh(x)),
  abs: unary((m, x) => m.abs(x)),
  conj: unary((m, x) => m.conj(x)),
  re: unary((m, x) => m.re(x)),
  im: unary((m, x) => m.im(x)),
  floor: unary((_m, x) => Math.floor(real(x, 'floor'))),
  ceil: unary((_m, x) => Math.ceil(real(x, 'ceil'))),
  round: unary((_m, x) => Math.round(real(x, 'round'))),
  id: unary((_m, x) => x),
  deg2rad: unary((m, x) => m.multiply(x, Math.PI / 180)),
  rad2deg: unary((m, x) => m.multiply(x, 180 / Math.PI)),
  atan2: { arity: [2, 2], f: (_m, a) => Math.atan2(real(a[0], 'atan2'), real(a[1], 'atan2')) },
  hypot: { arity: [2, 2], f: (_m, a) => Math.hypot(real(a[0], 'hypot'), real(a[1], 'hypot')) },
  pow: { arity: [2, 2], f: (m, a) => m.pow(a[0], a[1]) as Value },
  ratio: { arity: [2, 2], f: (m, a) => m.divide(a[0], a[1]) as Value },
  complex: { arity: [1, 2], f: (m, a) => m.complex(real(a[0], 'complex'), a.length > 1 ? real(a[1], 'complex') : 0) },
  rootNX: { arity: [2, 2], f: (m, a) => m.nthRoot(real(a[1], 'root'), real(a[0], 'root')) as Value },
  nthRoot: { arity: [2, 2], f: (m, a) => m.nthRoot(real(a[0], 'root'), real(a[1], 'root')) as Value },
};

/** Names a notation may translate to (the translators check against this list). */
export function isCanonicalFunction(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

function walk(m: MathModule, node: MathNode, depth: number): Value {
  if (depth > 200) throw new ExpressionRefusal('syntax', 'expression nested too deeply');
  switch (node.type) {
    case 'ConstantNode': {
      const v = (node as MathJs.ConstantNode).value as unknown;
      if (typeof v !== 'number') throw new ExpressionRefusal('syntax', 'only numbers are allowed');
      return v;
    }
    case 'ParenthesisNode':
      return walk(m, (node as MathJs.ParenthesisNode).content, depth + 1);
    case 'SymbolNode': {
      const name = (node as MathJs.SymbolNode).name;
      if (!Object.prototype.hasOwnProperty.call(CONSTANTS, name)) throw new ExpressionRefusal('symbolic', `'${name}' is not a number`);
      return CONSTANTS[name](m);
    }
    case 'OperatorNode': {
      const op = node as unknown as { fn: string; args: MathNode[] };
      const a = op.args.map((x) => walk(m, x, depth + 1));
      if (a.length === 1) {
        if (op.fn === 'unaryMinus') return m.unaryMinus(a[0]);
        if (op.fn === 'unaryPlus') return a[0];
      } else if (a.length === 2) {
        switch (op.fn) {
          case 'add': return m.add(a[0], a[1]) as Value;
          case 'subtract': return m.subtract(a[0], a[1]) as Value;
          case 'multiply': return m.multiply(a[0], a[1]) as Value;
          case 'divide': return m.divide(a[0], a[1]) as Value;
          case 'pow': return m.pow(a[0], a[1]) as Value;
          default: break;
        }
      }
      throw new ExpressionRefusal('syntax', `operator '${op.fn}' is not allowed`);
    }
    case 'FunctionNode': {
      const fn = node as MathJs.FunctionNode;
      const name = fn.fn.type === 'SymbolNode' ? fn.fn.name : '';
      const spec = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
      if (!spec) throw new ExpressionRefusal('symbolic', `function '${name || '?'}' is not allowed`);
      if (fn.args.length < spec.arity[0] || fn.args.length > spec.arity[1]) {
        throw new ExpressionRefusal('syntax', `${name} takes ${spec.arity[0]}${spec.arity[1] > spec.arity[0] ? '–' + spec.arity[1] : ''} argument(s), got ${fn.args.length}`);
      }
      return spec.f(m, fn.args.map((x) => walk(m, x, depth + 1)));
    }
    default:
      throw new ExpressionRefusal('syntax', `${node.type.replace(/Node$/, '').toLowerCase()} is not allowed in a matrix entry`);
  }
}

/**
 * Evaluates a canonical expression (see module comment). Throws `ExpressionRefusal`.
 * Example: `evaluateCanonical('sqrt(2)/2')` → 0.7071067811865476.
 */
export function evaluateCanonical(expr: string): Entry {
  const m = lib();
  let node: MathNode;
  try {
    node = m.parse(expr);
  } catch (e) {
    throw new ExpressionRefusal('syntax', e instanceof Error ? e.message : 'cannot parse the expression');
  }
  let v: Value;
  try {
    v = walk(m, node, 0);
  } catch (e) {
    if (e instanceof ExpressionRefusal) throw e;
    throw new ExpressionRefusal('syntax', e instanceof Error ? e.message : 'cannot evaluate the expression');
  }
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && typeof v.re === 'number' && typeof v.im === 'number') return { re: v.re, im: v.im };
  throw new ExpressionRefusal('syntax', 'the expression does not give a number');
}
