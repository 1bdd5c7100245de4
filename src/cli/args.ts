/**
 * Command-line parsing for `linalg-lens`. Pure: takes argv, returns a typed
 * request or throws a UsageError with a one-line reason.
 */

export interface CliRequest {
  operation: string;
  /** Input files ('-' is standard input). One, or three for `attention` (Q K V). */
  files: string[];
  json: boolean;
  /** Notation for printed matrices (readable output). */
  format?: string;
  /** Significant digits in readable output. */
  digits: number;
  /** `lstsq`: file with the right-hand side(s). */
  rhs?: string;
  /** `lstsq`: the last column of A is b. */
  augmented: boolean;
  /** `lowrank` target rank / `pca` number of components. */
  k?: number;
  /** `svd`, `qr`: complete factors. */
  full: boolean;
  /** `cholesky`: the upper factor. */
  upper: boolean;
  /** `steps`: rref, lu, det or inv. */
  target?: 'rref' | 'lu' | 'det' | 'inv';
  /** `attention`: causal mask. */
  causal: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

const TARGETS = ['rref', 'lu', 'det', 'inv'] as const;

/** Notations accepted by --format (aliases included). */
export const FORMATS = ['numpy', 'torch', 'python', 'matlab', 'octave', 'julia', 'latex', 'mathematica', 'r', 'js', 'javascript', 'ts', 'csv', 'markdown'] as const;

/** Parses `argv` (without node and script). Throws `UsageError`. */
export function parseArgs(argv: readonly string[]): CliRequest {
  const req: CliRequest = { operation: '', files: [], json: false, digits: 6, augmented: false, full: false, upper: false, causal: false, help: false, version: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    const value = (): string => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (name) {
      case '--json': req.json = true; break;
      case '-h': case '--help': req.help = true; break;
      case '-V': case '--version': req.version = true; break;
      case '--augmented': req.augmented = true; break;
      case '--full': req.full = true; break;
      case '--upper': req.upper = true; break;
      case '--causal': req.causal = true; break;
      case '--format': {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format is one of ${FORMATS.join(', ')}, not "${f}"`);
        req.format = f;
        break;
      }
      case '--rhs': req.rhs = value(); break;
      case '--digits': {
        const d = Number(value());
        if (!Number.isInteger(d) || d < 1 || d > 17) throw new UsageError('--digits takes a whole number from 1 to 17');
        req.digits = d;
        break;
      }
      case '--k': {
        const raw = value();
        const k = Number(raw);
        if (!Number.isInteger(k) || k < 0) throw new UsageError(`--k takes a whole number ≥ 0, not "${raw}"`);
        req.k = k;
        break;
      }
      case '--target': {
        const t = value();
        if (!(TARGETS as readonly string[]).includes(t)) throw new UsageError(`--target is one of ${TARGETS.join(', ')}, not "${t}"`);
        req.target = t as CliRequest['target'];
        break;
      }
      default:
        if (a !== '-' && a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        positional.push(a);
    }
  }
  if (req.help || req.version) return req;
  if (positional.length === 0) throw new UsageError('missing operation');
  req.operation = positional[0];
  req.files = positional.slice(1);
  const want = req.operation === 'attention' ? 3 : 1;
  if (req.files.length === 0 && want === 1) req.files = ['-'];
  if (req.files.length !== want) {
    throw new UsageError(want === 3 ? 'attention reads three files: Q K V' : `too many arguments: ${req.files.slice(1).join(' ')}`);
  }
  if (req.files.filter((f) => f === '-').length + (req.rhs === '-' ? 1 : 0) > 1) throw new UsageError('standard input (-) can be read only once');
  if (req.rhs !== undefined && req.augmented) throw new UsageError('use either --rhs or --augmented, not both');
  if (req.operation === 'lstsq' && req.rhs === undefined && !req.augmented) throw new UsageError('lstsq needs a right-hand side: --rhs FILE, or --augmented to use the last column');
  if (req.operation === 'lowrank' && req.k === undefined) throw new UsageError('lowrank needs the target rank: --k K');
  // An option given to an operation that ignores it is a mistake worth saying (svd --k 1 would silently compute the full SVD).
  const applies: Array<[boolean, string, readonly string[]]> = [
    [req.k !== undefined, '--k', ['lowrank', 'pca']],
    [req.rhs !== undefined, '--rhs', ['lstsq']],
    [req.augmented === true, '--augmented', ['lstsq']],
    [req.full === true, '--full', ['svd', 'qr']],
    [req.upper === true, '--upper', ['cholesky']],
    [req.causal === true, '--causal', ['attention']],
    [req.target !== undefined, '--target', ['steps']],
  ];
  for (const [given, flag, ops] of applies) {
    if (given && !ops.includes(req.operation)) throw new UsageError(`${flag} applies to ${ops.join(' and ')} only, not to ${req.operation}`);
  }
  return req;
}

export function usage(ops: Record<string, { summary: string }>): string {
  const width = Math.max(...Object.keys(ops).map((k) => k.length), 5) + 2;
  const lines = [['parse', 'the matrix as read: shape, notation and entries'], ...Object.entries(ops).map(([k, v]) => [k, v.summary])]
    .map(([k, s]) => `  ${k.padEnd(width)}${s}`)
    .join('\n');
  return `Usage: linalg-lens <operation> [FILE|-] [options]

Reads one matrix literal (NumPy, MATLAB, Julia, LaTeX, R, CSV, … — see docs/cli.md)
from FILE, or from standard input when FILE is '-' or missing, and prints the result.

Operations:
${lines}

Options:
  --json           machine-readable output (errors too: {"error": {kind, message, line, column}})
  --format NAME    notation of printed matrices: numpy, torch, matlab, julia, latex, mathematica, r, js, csv
  --digits N       significant digits in readable output (default 6; --json is always full precision)
  --rhs FILE       lstsq: the right-hand side b (a vector or a matrix of columns)
  --augmented      lstsq: the last column of A is b
  --k K            lowrank: target rank; pca: number of components
  --full           svd, qr: complete instead of thin/reduced factors
  --upper          cholesky: the upper factor U with A = UᵀU
  --target T       steps: rref (default), lu, det or inv
  --causal         attention: query i attends to keys 0..i only
  -h, --help       this help
  -V, --version    the version`;
}
