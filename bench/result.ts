/** The outcome of one library on one case. */
import type { Check } from './checks';

export type Status = 'ok' | 'wrong' | 'error' | 'timeout' | 'n/a' | 'skipped';

export interface CellResult {
  status: Status;
  /** Timed repetitions (wall-clock ms), after warm-up. */
  samples: number[];
  medianMs?: number;
  /** The same repetitions as CPU time of the process (user + system ms); robust when other processes compete for the cores. */
  cpuSamples?: number[];
  cpuMedianMs?: number;
  /** For 'error'/'timeout': how long the failing call ran before it threw or was stopped (ms). */
  elapsedMs?: number;
  error?: string;
  check?: Check;
  notes: string[];
  /** How the library was called for this operation. */
  how?: string;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

export type Clock = 'cpu' | 'wall';

/** The median a table or goal uses: CPU time when it was measured, else wall-clock. */
export function medianOf(r: CellResult | undefined, clock: Clock): number | undefined {
  if (!r || (r.status !== 'ok' && r.status !== 'wrong')) return undefined;
  return clock === 'cpu' ? (r.cpuMedianMs ?? r.medianMs) : r.medianMs;
}
