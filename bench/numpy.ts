/**
 * Runs bench/numpy_bench.py once, in a subprocess, on the same bytes the
 * JavaScript libraries saw. numpy is pinned to one thread, and the OpenBLAS
 * tuning variables some machines set for old OpenBLAS builds are removed for
 * that process only (they slow a current OpenBLAS down).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchCase } from './cases';
import type { CellResult } from './result';

export interface NumpyInfo {
  numpy?: string;
  blas_name?: string;
  blas_version?: string;
  openblas?: { lib: string; corename?: string; config?: string; threads?: number; error?: string }[];
  threadpoolctl?: unknown;
  env?: Record<string, string | null>;
  scipy_lu?: boolean;
}

export interface NumpyRun {
  /** Why numpy was not measured, when it was not. */
  skipped?: string;
  info?: NumpyInfo;
  /** Values of the OpenBLAS tuning variables in the parent environment (removed for the subprocess). */
  removedEnv: Record<string, string>;
  python?: string;
  results: Record<string, CellResult>;
}

interface PyEntry {
  status: CellResult['status'];
  samples: number[];
  median_ms?: number;
  cpu_samples?: number[];
  cpu_median_ms?: number;
  error?: string;
  notes: string[];
  wrong: string[];
  metrics: Record<string, number>;
  how?: string;
}

export function runNumpy(cases: BenchCase[], budgetMs: number, slowMs: number, timeoutMs: number): NumpyRun {
  const removedEnv: Record<string, string> = {};
  const env: NodeJS.ProcessEnv = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  for (const k of ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE']) {
    if (env[k] !== undefined) removedEnv[k] = env[k] as string;
    delete env[k];
  }
  const python = process.env.PYTHON ?? 'python3';
  const probe = spawnSync(python, ['-c', 'import numpy, sys; print(sys.version.split()[0])'], { env, encoding: 'utf8' });
  if (probe.error) return { skipped: `${python} not found (${probe.error.message})`, removedEnv, results: {} };
  if (probe.status !== 0) return { skipped: `numpy is not importable by ${python}: ${lastLine(probe.stderr)}`, removedEnv, results: {} };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linalg-bench-'));
  try {
    let total = 0;
    for (const c of cases) total += c.a.length + (c.b ? c.b.length : 0);
    const buf = new Float64Array(total);
    let off = 0;
    const entries = cases.map((c) => {
      const e: { id: string; op: string; rows: number; cols: number; reps: number; a: number; b: number | null } = {
        id: c.id,
        op: c.op,
        rows: c.rows,
        cols: c.cols,
        reps: c.reps,
        a: off,
        b: null,
      };
      buf.set(c.a, off);
      off += c.a.length;
      if (c.b) {
        e.b = off;
        buf.set(c.b, off);
        off += c.b.length;
      }
      return e;
    });
    const dataFile = path.join(dir, 'matrices.f64');
    // Float64Array is little-endian on every platform node runs on here; numpy reads '<f8'.
    fs.writeFileSync(dataFile, Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength));
    const manifestFile = path.join(dir, 'manifest.json');
    fs.writeFileSync(manifestFile, JSON.stringify({ data: dataFile, cases: entries, budget_ms: budgetMs, slow_ms: slowMs }));
    const script = path.resolve(__dirname, '..', 'bench', 'numpy_bench.py');
    const r = spawnSync(python, [script, manifestFile], { env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
    if (r.error) return { skipped: `numpy run failed: ${r.error.message}`, removedEnv, python: probe.stdout.trim(), results: {} };
    if (r.status !== 0) return { skipped: `numpy run exited with ${r.status}: ${lastLine(r.stderr)}`, removedEnv, python: probe.stdout.trim(), results: {} };
    const parsed = JSON.parse(r.stdout) as { info: NumpyInfo; results: Record<string, PyEntry> };
    const results: Record<string, CellResult> = {};
    for (const [id, e] of Object.entries(parsed.results)) {
      results[id] = {
        status: e.status,
        samples: e.samples,
        medianMs: e.median_ms,
        cpuSamples: e.cpu_samples,
        cpuMedianMs: e.cpu_median_ms,
        error: e.error,
        notes: e.notes,
        how: e.how,
        check: { metrics: e.metrics, wrong: e.wrong, notes: [] },
      };
    }
    return { info: parsed.info, removedEnv, python: probe.stdout.trim(), results };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function lastLine(s: string): string {
  const lines = s.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}
