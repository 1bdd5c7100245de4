/**
 * Worker-thread side: one worker per library, so a library that hangs can be
 * stopped (terminated and replaced) without losing the others. Every worker
 * lives in the same node process as the runner.
 */
import { parentPort } from 'node:worker_threads';
import type { BenchCase } from './cases';
import { check } from './checks';
import { libraries } from './peers/all';
import type { LibId } from './peers/types';
import { median, type CellResult } from './result';

/**
 * Warm-up: repeat the call until this much time has gone by (or the call cap is
 * reached). V8 needs tens of calls before the optimised code of a kernel is in
 * place — qr at n = 100 drops from ~5 ms to ~2.3 ms only after ~30 calls.
 */
export const WARMUP_MS = 600;
export const WARMUP_MAX_CALLS = 300;

export interface RunMessage {
  type: 'run';
  lib: LibId;
  c: BenchCase;
  budgetMs: number;
  slowMs: number;
}

export type WorkerMessage = { type: 'tick'; phase: string } | { type: 'done'; result: CellResult };

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 400);
  return String(e).slice(0, 400);
}

export function startWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('startWorker must run inside a worker thread');
  const warnings: string[] = [];
  // Libraries that warn (ml-matrix on wide SVDs) get their warnings recorded, not printed.
  console.warn = (...args: unknown[]): void => {
    warnings.push(args.map(String).join(' '));
  };
  const tick = (phase: string): void => port.postMessage({ type: 'tick', phase } satisfies WorkerMessage);
  port.on('message', (msg: RunMessage) => {
    warnings.length = 0;
    const result = runCell(msg, tick);
    for (const w of new Set(warnings)) result.notes.push(`warned: “${w}”`);
    port.postMessage({ type: 'done', result } satisfies WorkerMessage);
  });
}

function runCell(msg: RunMessage, tick: (phase: string) => void): CellResult {
  const lib = libraries[msg.lib];
  const c = msg.c;
  const im = lib.impls[c.op];
  if (!im) return { status: 'n/a', samples: [], notes: [lib.missing[c.op] ?? 'not available'] };
  const notes: string[] = [];
  const input = im.prepare(c);
  let out: unknown;
  let cpuSamples: number[] = [];
  let lastCpu = 0;
  const timed = (): number => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    out = im.run(input);
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    lastCpu = (c.user + c.system) / 1000;
    return wall;
  };
  let samples: number[] = [];
  let t0 = performance.now();
  try {
    tick('warm-up');
    const first = timed();
    if (first >= msg.slowMs) {
      samples = [first];
      cpuSamples = [lastCpu];
      notes.push('single run (slow call: the warm-up run is the measurement)');
    } else {
      let warmTotal = first;
      let last = first;
      let count = 1;
      while (warmTotal < WARMUP_MS && count < WARMUP_MAX_CALLS) {
        tick('warm-up');
        last = timed();
        warmTotal += last;
        count++;
      }
      // The planned repetitions, more if they fit in half a second (cheap calls), fewer if the budget is short.
      const per = Math.max(last, 1e-3);
      const reps = Math.max(1, Math.min(Math.max(c.reps, Math.min(200, Math.floor(500 / per))), Math.floor(msg.budgetMs / per)));
      for (let i = 0; i < reps; i++) {
        tick('rep');
        t0 = performance.now();
        samples.push(timed());
        cpuSamples.push(lastCpu);
      }
    }
  } catch (e) {
    return { status: 'error', samples, elapsedMs: performance.now() - t0, error: describeError(e), notes, how: im.how };
  }
  tick('check');
  const timing = { samples, medianMs: median(samples), cpuSamples, cpuMedianMs: median(cpuSamples) };
  try {
    const std = im.extract(out, c);
    const chk = check(c, std);
    notes.push(...chk.notes);
    return { status: chk.wrong.length ? 'wrong' : 'ok', ...timing, check: chk, notes, how: im.how };
  } catch (e) {
    return {
      status: 'wrong',
      ...timing,
      check: { metrics: {}, wrong: [`result could not be read: ${describeError(e)}`], notes: [] },
      notes,
      how: im.how,
    };
  }
}
