/**
 * Runs every JavaScript library on every case, one call at a time (the
 * machine has two cores; nothing runs in parallel with a measurement), each
 * library in its own worker thread so a call that runs past the timeout can be
 * stopped. Calls predicted to exceed the timeout at the next size are skipped.
 */
import { Worker } from 'node:worker_threads';
import type { BenchCase, Plan } from './cases';
import { LIB_ORDER, libraries } from './peers/all';
import type { LibId } from './peers/types';
import type { CellResult } from './result';
import type { RunMessage, WorkerMessage } from './worker';

export interface RunOptions {
  /** A single call (or the check after it) running longer than this is stopped. */
  timeoutMs: number;
  /** Time budget for the timed repetitions of one cell. */
  budgetMs: number;
  /** A first call at least this slow is taken as the only sample. */
  slowMs: number;
  log: (line: string) => void;
}

export type JsResults = Record<string, Partial<Record<LibId, CellResult>>>;

class Pool {
  private workers = new Map<LibId, Worker>();

  private get(lib: LibId): Worker {
    let w = this.workers.get(lib);
    if (!w) {
      w = new Worker(__filename, { workerData: { role: 'bench-peer', lib } });
      w.unref();
      this.workers.set(lib, w);
    }
    return w;
  }

  run(lib: LibId, msg: RunMessage, timeoutMs: number): Promise<CellResult> {
    const w = this.get(lib);
    const started = performance.now();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout;
      const finish = (r: CellResult): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        resolve(r);
      };
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.workers.delete(lib);
          void w.terminate();
          finish({
            status: 'timeout',
            samples: [],
            elapsedMs: performance.now() - started,
            error: `stopped after ${Math.round(timeoutMs / 1000)} s without finishing one call`,
            notes: [],
          });
        }, timeoutMs);
      };
      const onMessage = (m: WorkerMessage): void => {
        if (m.type === 'tick') arm();
        else finish(m.result);
      };
      const onError = (e: Error): void => {
        this.workers.delete(lib);
        finish({ status: 'error', samples: [], elapsedMs: performance.now() - started, error: `worker crashed: ${e.message}`, notes: [] });
      };
      const onExit = (code: number): void => {
        this.workers.delete(lib);
        finish({ status: 'error', samples: [], elapsedMs: performance.now() - started, error: `worker exited (${code})`, notes: [] });
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      arm();
      w.postMessage(msg);
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.terminate()));
    this.workers.clear();
  }
}

function fmtS(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`;
}

export async function runJs(plan: Plan, opts: RunOptions): Promise<JsResults> {
  const pool = new Pool();
  const out: JsResults = {};
  // Last measured (or failed) call per library and operation, for predicting the next size.
  const last = new Map<string, { n: number; ms: number; status: CellResult['status'] }>();
  try {
    for (const c of plan.cases) {
      out[c.id] = {};
      for (const lib of LIB_ORDER) {
        const r = await runOne(pool, lib, c, last, opts);
        out[c.id][lib] = r;
        const shown = r.medianMs !== undefined ? fmtS(r.medianMs) : r.elapsedMs !== undefined ? `after ${fmtS(r.elapsedMs)}` : '';
        opts.log(`  ${c.id.padEnd(22)} ${libraries[lib].name.padEnd(12)} ${r.status.padEnd(8)} ${shown}`);
      }
    }
  } finally {
    await pool.close();
  }
  return out;
}

async function runOne(
  pool: Pool,
  lib: LibId,
  c: BenchCase,
  last: Map<string, { n: number; ms: number; status: CellResult['status'] }>,
  opts: RunOptions,
): Promise<CellResult> {
  const library = libraries[lib];
  if (!library.impls[c.op]) return { status: 'n/a', samples: [], notes: [library.missing[c.op] ?? 'not available'] };
  const key = `${lib}:${c.op}`;
  const prev = last.get(key);
  if (prev && prev.status === 'timeout') {
    return { status: 'skipped', samples: [], notes: [`not attempted: timed out at n = ${prev.n}`] };
  }
  if (prev && prev.n < c.n) {
    const predicted = prev.ms * (c.n / prev.n) ** c.costPower;
    if (predicted > opts.timeoutMs) {
      last.set(key, { n: c.n, ms: predicted, status: 'skipped' });
      return {
        status: 'skipped',
        samples: [],
        notes: [`not attempted: predicted ≈ ${fmtS(predicted)} per call from n = ${prev.n} (${fmtS(prev.ms)}), over the ${fmtS(opts.timeoutMs)} timeout`],
      };
    }
  }
  const r = await pool.run(lib, { type: 'run', lib, c, budgetMs: opts.budgetMs, slowMs: opts.slowMs }, opts.timeoutMs);
  const ms = r.medianMs ?? r.elapsedMs;
  if (ms !== undefined) last.set(key, { n: c.n, ms, status: r.status });
  return r;
}
