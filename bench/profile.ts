/**
 * Profiling helpers for LinAlg Lens's own kernels (no peers, main thread only):
 *
 *   node dist/bench.js --profile svd 400 [--seconds 6]
 *       runs the operation repeatedly under V8's sampling profiler (in-process,
 *       node:inspector) and prints where the time goes: self and inclusive time
 *       per function and the hottest source lines, mapped back to src/ through
 *       the bundle's source map.
 *   node --cpu-prof dist/bench.js --profile svd 400 --no-inspector
 *   node dist/bench.js --summarize CPU.*.cpuprofile
 *       the same summary for a profile written by node --cpu-prof.
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { makeCase, shapeFor, type Op } from './cases';
import { oursLibrary } from './peers/ours';
import { median } from './result';
import { SourceMap } from './sourcemap';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Handles the profiling flags; returns false when none was given. */
export function profileMain(args: string[]): boolean {
  const sumFile = flag(args, '--summarize');
  if (sumFile) {
    const prof = JSON.parse(fs.readFileSync(sumFile, 'utf8')) as CpuProfile;
    console.log(summarize(prof, Number(flag(args, '--top') ?? 15)));
    return true;
  }
  const i = args.indexOf('--profile');
  if (i < 0) return false;
  const op = args[i + 1] as Op;
  const n = Number(args[i + 2] ?? 200);
  const seconds = Number(flag(args, '--seconds') ?? 6);
  // Read our own source map now: if dist/bench.js is rebuilt while we run, a later read would not match this code.
  preloadMap(__filename);
  const im = oursLibrary.impls[op];
  if (!im) throw new Error(`--profile: unknown operation ${op}`);
  const [rows, cols] = shapeFor(op, n, false);
  const c = makeCase(op, rows, cols, Number(flag(args, '--seed') ?? 20250101));
  const input = im.prepare(c);
  for (let k = 0; k < 3; k++) im.run(input);
  const useInspector = !args.includes('--no-inspector');
  const session = useInspector ? new Session() : null;
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => {
      (session as Session).post(method, params ?? {}, (err: Error | null, res?: unknown) => (err ? reject(err) : resolve(res)));
    });
  const go = async (): Promise<void> => {
    if (session) {
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
    }
    const times: number[] = [];
    const until = performance.now() + seconds * 1000;
    do {
      const t0 = performance.now();
      im.run(input);
      times.push(performance.now() - t0);
    } while (performance.now() < until);
    console.log(`${op} ${rows}×${cols}: ${times.length} calls, median ${median(times).toFixed(2)} ms`);
    if (session) {
      const res = (await post('Profiler.stop')) as { profile: CpuProfile };
      session.disconnect();
      const out = flag(args, '--save');
      if (out) fs.writeFileSync(out, JSON.stringify(res.profile));
      console.log(summarize(res.profile, Number(flag(args, '--top') ?? 15)));
    }
  };
  go().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
  return true;
}

const maps = new Map<string, SourceMap | null>();

function preloadMap(file: string): void {
  mapFor(`file://${file}`);
}

function mapFor(url: string): SourceMap | null {
  if (!url.startsWith('file://')) return null;
  if (!maps.has(url)) {
    const file = decodeURIComponent(url.slice('file://'.length));
    let m: SourceMap | null = null;
    try {
      if (fs.existsSync(`${file}.map`)) m = new SourceMap(`${file}.map`);
    } catch {
      m = null;
    }
    maps.set(url, m);
  }
  return maps.get(url) ?? null;
}

function where(cf: CallFrame): string {
  const m = mapFor(cf.url);
  const o = m?.lookup(cf.lineNumber + 1, cf.columnNumber);
  if (o) return `${o.source}:${o.line}`;
  return cf.url ? `${path.basename(cf.url)}:${cf.lineNumber + 1}` : '';
}

function pct(x: number, total: number): string {
  return `${((100 * x) / total).toFixed(1).padStart(5)}%`;
}

/** Self time and inclusive time per function, and the hottest lines. */
export function summarize(p: CpuProfile, top = 15): string {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const nd of p.nodes) byId.set(nd.id, nd);
  for (const nd of p.nodes) for (const ch of nd.children ?? []) parent.set(ch, nd.id);
  const sampleMs = new Map<number, number>();
  // timeDeltas[i] is the time since the previous sample; charge it to sample i.
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    sampleMs.set(id, (sampleMs.get(id) ?? 0) + dt);
    total += dt;
  });
  const key = (cf: CallFrame): string => `${cf.functionName || '(anonymous)'} ${where(cf)}`;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const [id, ms] of sampleMs) {
    const nd = byId.get(id) as ProfileNode;
    const k = key(nd.callFrame);
    self.set(k, (self.get(k) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const kk = key((byId.get(cur) as ProfileNode).callFrame);
      if (seen.has(kk)) continue;
      seen.add(kk);
      incl.set(kk, (incl.get(kk) ?? 0) + ms);
    }
  }
  // Line ticks: positionTicks count samples per line of each node's script.
  const lineTicks = new Map<string, { ticks: number; text: string }>();
  let tickTotal = 0;
  for (const nd of p.nodes) {
    for (const pt of nd.positionTicks ?? []) {
      const m = mapFor(nd.callFrame.url);
      const o = m?.lookup(pt.line);
      const k = o ? `${o.source}:${o.line}` : `${path.basename(nd.callFrame.url)}:${pt.line}`;
      const e = lineTicks.get(k) ?? { ticks: 0, text: o ? `${nd.callFrame.functionName}: ${o.text}` : nd.callFrame.functionName };
      e.ticks += pt.ticks;
      lineTicks.set(k, e);
      tickTotal += pt.ticks;
    }
  }
  const L: string[] = [`sampled ${total.toFixed(0)} ms`, '', 'self time by function:'];
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    L.push(`  ${pct(v, total)} self ${pct(incl.get(k) ?? v, total)} incl  ${k}`);
  }
  L.push('', 'inclusive time by function:');
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, top)) L.push(`  ${pct(v, total)}  ${k}`);
  L.push('', 'hottest source lines (share of line-attributed samples):');
  for (const [k, v] of [...lineTicks].sort((a, b) => b[1].ticks - a[1].ticks).slice(0, top)) {
    L.push(`  ${pct(v.ticks, tickTotal)}  ${k.padEnd(32)} ${v.text.slice(0, 110)}`);
  }
  return L.join('\n');
}
