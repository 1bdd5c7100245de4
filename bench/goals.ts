/**
 * The performance goals and their evaluation on one row. A goal against a
 * peer counts as met when the peer failed or answered wrongly (a wrong answer
 * does not win), never when our own answer is wrong or missing.
 */
import type { BenchCase } from './cases';
import { medianOf, type CellResult } from './result';

export type Key = 'ours' | 'ml' | 'mathjs' | 'numpy';
export type Cells = Partial<Record<Key, CellResult>>;

export interface GoalDef {
  id: string;
  text: string;
}

export const GOALS: GoalDef[] = [
  { id: 'G1', text: 'Faster than ml-matrix on every operation at every size, and on PCA.' },
  { id: 'G2', text: 'At least 2× faster than ml-matrix on SVD and the eigendecompositions (svd, eigh, eig) from n = 100 on.' },
  { id: 'G3', text: 'SVD and eigendecompositions (svd, eigh, eig) within 5× of single-threaded numpy at n = 200.' },
  { id: 'G4', text: 'LU, QR and Cholesky within 10× of single-threaded numpy at n = 200.' },
];

export interface GoalEval {
  id: string;
  /** true met, false not met, null not decidable (peer missing). */
  met: boolean | null;
  /** Short reason, e.g. "1.6× < 2×". */
  detail: string;
}

const SPECTRAL = new Set(['svd', 'svd-wide', 'eigh', 'eig']);
const FACTOR = new Set(['lu', 'qr', 'cholesky']);

/** Goals are judged on per-call CPU time: the machine is shared, and wall-clock time absorbs other processes' load. */
function ms(r: CellResult | undefined): number | undefined {
  return medianOf(r, 'cpu');
}

const failed = (r: CellResult | undefined): boolean => !!r && (r.status === 'wrong' || r.status === 'error' || r.status === 'timeout');

function vsPeer(id: string, ours: CellResult | undefined, peer: CellResult | undefined, need: number): GoalEval {
  if (!ours || ours.status !== 'ok') return { id, met: false, detail: `ours ${ours?.status ?? 'missing'}` };
  if (failed(peer)) return { id, met: true, detail: `ml-matrix ${peer?.status}` };
  const o = ms(ours) as number;
  const p = ms(peer);
  if (p === undefined) return { id, met: null, detail: `ml-matrix ${peer?.status ?? 'missing'}` };
  const ratio = p / o;
  return need === 1
    ? { id, met: ratio > 1, detail: `${ratio.toFixed(2)}×` }
    : { id, met: ratio >= need, detail: `${ratio.toFixed(2)}×${ratio >= need ? '' : ` < ${need}×`}` };
}

function vsNumpy(id: string, ours: CellResult | undefined, np: CellResult | undefined, within: number): GoalEval {
  if (!ours || ours.status !== 'ok') return { id, met: false, detail: `ours ${ours?.status ?? 'missing'}` };
  const n = ms(np);
  if (n === undefined || np?.status !== 'ok') return { id, met: null, detail: `numpy ${np?.status ?? 'not run'}` };
  const ratio = (ms(ours) as number) / n;
  return { id, met: ratio <= within, detail: `${ratio.toFixed(1)}×${ratio <= within ? '' : ` > ${within}×`}` };
}

export function evaluate(c: BenchCase, cells: Cells): GoalEval[] {
  const out: GoalEval[] = [vsPeer('G1', cells.ours, cells.ml, 1)];
  const n = c.op === 'svd-wide' ? Math.min(c.rows, c.cols) : c.n;
  if (SPECTRAL.has(c.op) && n >= 100) out.push(vsPeer('G2', cells.ours, cells.ml, 2));
  if (SPECTRAL.has(c.op) && c.op !== 'svd-wide' && c.n === 200) out.push(vsNumpy('G3', cells.ours, cells.numpy, 5));
  if (FACTOR.has(c.op) && c.n === 200) out.push(vsNumpy('G4', cells.ours, cells.numpy, 10));
  return out;
}

export function goalText(g: GoalEval): string {
  const word = g.met === true ? 'met' : g.met === false ? 'NOT met' : 'n/a';
  return `${g.id} ${word} (${g.detail})`;
}
