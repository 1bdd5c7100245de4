/**
 * `linalg-lens` — the engine in a terminal. Same parser and engine as the
 * extension. Exit codes: 0 success, 1 refused input (parse or numerical), 2 usage,
 * 3 unexpected failure (a bug; the stack goes to stderr).
 */
import * as fs from 'fs';
import { parseArgs, UsageError, USAGE } from './args';
import { renderJson, renderText } from './render';
import { parseLiteral } from '../literals';
import { LiteralError, positionAt } from '../literals/types';
import { LinAlgError } from '../linalg/errors';
import { realMatrix } from '../engine/report';
import { OPERATIONS, isOperationName } from '../engine/operations';

declare const LINALG_LENS_VERSION: string | undefined;

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readInput: (file: string) => string;
}

function errorJson(kind: string, message: string, line: number | null, column: number | null): string {
  return JSON.stringify({ error: { kind, message, line, column } });
}

/** Runs the CLI and returns its exit code. `io` is injectable for tests. */
export function runCli(argv: readonly string[], io: Io): number {
  let json = argv.includes('--json');
  try {
    const req = parseArgs(argv);
    json = req.json;
    if (req.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    if (req.version) {
      io.stdout(`${typeof LINALG_LENS_VERSION === 'string' ? LINALG_LENS_VERSION : 'dev'}\n`);
      return 0;
    }
    if (req.operation !== 'parse' && !isOperationName(req.operation)) {
      throw new UsageError(`unknown operation "${req.operation}" (try: parse, ${Object.keys(OPERATIONS).join(', ')})`);
    }
    let text: string;
    try {
      text = io.readInput(req.file);
    } catch (e) {
      const why = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : 'unreadable';
      const message = `cannot read ${req.file === '-' ? 'standard input' : req.file} (${why})`;
      io.stderr(json ? errorJson('io', message, null, null) + '\n' : `linalg-lens: ${message}\n`);
      if (json) io.stdout(errorJson('io', message, null, null) + '\n');
      return 1;
    }
    try {
      const parsed = parseLiteral(text);
      if (req.operation === 'parse') {
        io.stdout((json ? renderJson('parse', parsed) : renderText('parse', parsed, req)) + '\n');
        return 0;
      }
      if (!isOperationName(req.operation)) return 2;
      const report = OPERATIONS[req.operation](realMatrix(parsed));
      io.stdout((json ? renderJson(req.operation, report) : renderText(req.operation, report, req)) + '\n');
      return 0;
    } catch (e) {
      if (e instanceof LiteralError) {
        const p = positionAt(text, e.position.offset);
        if (json) io.stdout(errorJson(e.kind, e.message, p.line, p.column) + '\n');
        else io.stderr(`linalg-lens: ${e.message} (line ${p.line}, column ${p.column})\n`);
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
      io.stderr(`linalg-lens: ${e.message}\n\n${USAGE}\n`);
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
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readInput: (file) => fs.readFileSync(file === '-' ? 0 : file, 'utf8'),
  });
}
