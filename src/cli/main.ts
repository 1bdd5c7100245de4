/**
 * `linalg-lens` — the engine in a terminal. Same parser and operation table as
 * the extension. Exit codes: 0 success, 1 refused input (parse or numerical),
 * 2 usage, 3 unexpected failure (a bug; the stack goes to stderr).
 */
import * as fs from 'fs';
import { parseArgs, UsageError, usage, type CliRequest } from './args';
import { renderJson, renderText } from './render';
import { parseLiteral } from '../literals';
import { LiteralError, positionAt, type ParsedMatrix } from '../literals/types';
import { LinAlgError } from '../linalg/errors';
import { EntryRefusal, realMatrix } from '../engine/report';
import { OPERATIONS, isOperationName, runOperation, type OperationInput } from '../engine/operations';

declare const LINALG_LENS_VERSION: string | undefined;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readInput: (file: string) => string;
}

/** A refusal tied to one input file, with a position in it when known. */
class InputError extends Error {
  constructor(
    readonly kind: string,
    message: string,
    readonly file: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super(message);
  }
}

function errorJson(kind: string, message: string, line: number | null, column: number | null, file?: string): string {
  return JSON.stringify({ error: { kind, message, line, column, ...(file !== undefined ? { file } : {}) } });
}

/** A parsed input file with its text (a refusal of one entry needs the text for its line and column). */
interface Input {
  parsed: ParsedMatrix;
  text: string;
}

function readParsed(io: Io, file: string): Input {
  let text: string;
  try {
    text = io.readInput(file);
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : 'unreadable';
    throw new InputError('io', `cannot read ${file === '-' ? 'standard input' : file} (${code})`, file, null, null);
  }
  // A UTF-8 byte-order mark is invisible in editors; dropping it keeps reported columns where users see them.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { parsed: parseLiteral(text), text };
  } catch (e) {
    if (!(e instanceof LiteralError)) throw e;
    const p = positionAt(text, e.position.offset);
    throw new InputError(e.kind, e.message, file, p.line, p.column);
  }
}

/** The real matrix in `file`; a complex entry is refused with its line and column. */
function readReal(file: string, { parsed, text }: Input): number[][] {
  try {
    return realMatrix(parsed);
  } catch (e) {
    if (!(e instanceof EntryRefusal)) throw e;
    const p = positionAt(text, e.offset);
    throw new InputError(e.kind, e.message, file, p.line, p.column);
  }
}

function buildInput(req: CliRequest, io: Io): { input: OperationInput; parsed: ParsedMatrix } {
  const first = readParsed(io, req.files[0]);
  const parsed = first.parsed;
  let A = readReal(req.files[0], first);
  const input: OperationInput = { A, full: req.full, upper: req.upper, causal: req.causal, target: req.target, k: req.k };
  if (req.operation === 'attention') {
    input.K = readReal(req.files[1], readParsed(io, req.files[1]));
    input.V = readReal(req.files[2], readParsed(io, req.files[2]));
  }
  if (req.operation === 'lstsq') {
    if (req.augmented) {
      if ((A[0]?.length ?? 0) < 2) throw new LinAlgError('shape', '--augmented needs at least two columns: the last one is b.');
      input.rhs = A.map((r) => [r[r.length - 1]]);
      input.rhsIsVector = true;
      A = A.map((r) => r.slice(0, -1));
      input.A = A;
    } else if (req.rhs !== undefined) {
      const b = readReal(req.rhs, readParsed(io, req.rhs));
      // A vector is read as a 1×m row; as a right-hand side it is the column b.
      const asVector = b.length === 1 && A.length !== 1;
      const rows = asVector ? b[0].length : b.length;
      if (rows !== A.length) {
        const what = asVector || (b[0]?.length ?? 0) === 1 ? `b has ${rows} ${rows === 1 ? 'entry' : 'entries'}` : `B has ${rows} rows`;
        throw new InputError('shape', `${what}, but A has ${A.length} rows: the right-hand side needs one entry per row of A.`, req.rhs, null, null);
      }
      input.rhs = asVector ? b[0].map((x) => [x]) : b;
      input.rhsIsVector = asVector || (b[0]?.length ?? 0) === 1;
    }
  }
  return { input, parsed };
}

/** Runs the CLI and returns its exit code. `io` is injectable for tests. */
export function runCli(argv: readonly string[], io: Io): number {
  let json = argv.includes('--json');
  const help = usage(OPERATIONS);
  try {
    const req = parseArgs(argv);
    json = req.json;
    if (req.help) {
      io.stdout(help + '\n');
      return 0;
    }
    if (req.version) {
      io.stdout(`${typeof LINALG_LENS_VERSION === 'string' ? LINALG_LENS_VERSION : 'dev'}\n`);
      return 0;
    }
    if (req.operation !== 'parse' && !isOperationName(req.operation)) {
      throw new UsageError(`unknown operation "${req.operation}" (try: parse, ${Object.keys(OPERATIONS).join(', ')})`);
    }
    try {
      if (req.operation === 'parse') {
        const { parsed } = readParsed(io, req.files[0]);
        io.stdout((json ? renderJson('parse', parsed) : renderText('parse', parsed, req)) + '\n');
        return 0;
      }
      const op = req.operation as keyof typeof OPERATIONS;
      const { input } = buildInput(req, io);
      const report = runOperation(op, input);
      io.stdout((json ? renderJson(op, report) : renderText(op, report, req)) + '\n');
      return 0;
    } catch (e) {
      if (e instanceof InputError) {
        const several = req.files.length > 1 || req.rhs !== undefined;
        const where = e.line !== null ? ` (${several ? `${e.file}, ` : ''}line ${e.line}, column ${e.column})` : several ? ` (${e.file})` : '';
        if (json) io.stdout(errorJson(e.kind, e.message, e.line, e.column, req.files.length > 1 || req.rhs ? e.file : undefined) + '\n');
        else io.stderr(`linalg-lens: ${e.message}${where}\n`);
        return 1;
      }
      if (e instanceof LinAlgError) {
        if (json) io.stdout(errorJson(e.kind, e.message, null, null) + '\n');
        else io.stderr(`linalg-lens: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      if (json) io.stdout(errorJson('usage', e.message, null, null) + '\n');
      else io.stderr(`linalg-lens: ${e.message}\nRun 'linalg-lens --help' for the operations and options.\n`);
      return 2;
    }
    const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
    if (json) io.stdout(errorJson('internal', 'unexpected failure (a bug in LinAlg Lens); details on stderr', null, null) + '\n');
    io.stderr(`linalg-lens: unexpected failure, please report it:\n${message}\n`);
    return 3;
  }
}

/** Entry for bin/linalg-lens.js: runs with the process's argv and streams. */
export function main(): void {
  // `linalg-lens svd big.txt | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readInput: (file) => fs.readFileSync(file === '-' ? 0 : file, 'utf8'),
  });
}
