/**
 * Command-line parsing for `linalg-lens`. Pure: takes argv, returns a typed
 * request or a usage error message.
 */

export interface CliRequest {
  operation: string;
  /** Input file, or '-' for standard input. */
  file: string;
  json: boolean;
  /** Notation for printed matrices (readable output). */
  format?: string;
  /** Significant digits in readable output. */
  digits: number;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

/** Parses `argv` (without node and script). Throws `UsageError` with a one-line reason. */
export function parseArgs(argv: readonly string[]): CliRequest {
  const req: CliRequest = { operation: '', file: '-', json: false, digits: 6, help: false, version: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--json') req.json = true;
    else if (a === '-h' || a === '--help') req.help = true;
    else if (a === '-V' || a === '--version') req.version = true;
    else if (a === '--format' || a.startsWith('--format=')) req.format = value();
    else if (a === '--digits' || a.startsWith('--digits=')) {
      const d = Number(value());
      if (!Number.isInteger(d) || d < 1 || d > 17) throw new UsageError('--digits takes a whole number from 1 to 17');
      req.digits = d;
    } else if (a === '-') positional.push(a);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  if (req.help || req.version) return req;
  if (positional.length === 0) throw new UsageError('missing operation');
  if (positional.length > 2) throw new UsageError(`too many arguments: ${positional.slice(2).join(' ')}`);
  req.operation = positional[0];
  if (positional[1] !== undefined) req.file = positional[1];
  return req;
}

export const USAGE = `Usage: linalg-lens <operation> [FILE|-] [options]

Reads one matrix literal (NumPy, MATLAB, Julia, LaTeX, R, CSV, … — see docs/cli.md)
from FILE, or from standard input when FILE is '-' or missing, and prints the result.

Operations:
  parse      the matrix as read: shape, notation and entries
  svd        singular value decomposition A = U · diag(S) · Vh (thin), with residuals

Options:
  --json           machine-readable output (errors too: {"error": {kind, message, line, column}})
  --format NAME    notation of printed matrices: numpy, matlab, julia, latex, mathematica, r, js, csv
  --digits N       significant digits in readable output (default 6; --json is always full precision)
  -h, --help       this help
  -V, --version    the version`;
