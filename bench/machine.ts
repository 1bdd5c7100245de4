/** What the numbers were measured on. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Machine {
  cpu: string;
  cores: number;
  memGiB: number;
  os: string;
  node: string;
  v8: string;
  date: string;
  commit: string;
  /** Files under src/linalg that differ from the commit (the working tree is what was measured). */
  dirtyLinalg: string[];
  /** When the running bundle (dist/bench.js) was built: the code measured is the source tree of that moment. */
  bundleBuilt: string;
}

function cpuModel(): string {
  try {
    const text = fs.readFileSync('/proc/cpuinfo', 'utf8');
    const m = /^model name\s*:\s*(.+)$/m.exec(text);
    if (m) return m[1].trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

function git(args: string[]): string {
  try {
    // trimEnd only: porcelain lines start with a status column that may be a space.
    return execFileSync('git', args, { cwd: path.resolve(__dirname, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  } catch {
    return '';
  }
}

export function machine(): Machine {
  const dirty = git(['status', '--porcelain', '--', 'src/linalg'])
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.slice(3));
  // (rev-parse output has no leading space, so trimEnd is enough there too.)
  return {
    cpu: cpuModel(),
    cores: os.cpus().length,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: git(['rev-parse', '--short', 'HEAD']) || 'unknown',
    dirtyLinalg: dirty,
    bundleBuilt: bundleTime(),
  };
}

function bundleTime(): string {
  try {
    return fs.statSync(__filename).mtime.toISOString().replace(/\.\d+Z$/, 'Z');
  } catch {
    return 'unknown';
  }
}
