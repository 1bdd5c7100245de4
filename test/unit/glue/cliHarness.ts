/** Runs the CLI in-process with fake I/O: `input` is stdin's text, an error to throw, or a map of file names to texts. */
import { runCli } from '../../../src/cli/main';

export function runCliWith(argv: string[], input: string | Error | Record<string, string>): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    readInput: (file) => {
      if (input instanceof Error) throw input;
      if (typeof input === 'string') return input;
      if (!(file in input)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return input[file];
    },
  });
  return { code, out, err };
}
