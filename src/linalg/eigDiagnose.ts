/**
 * Turns eigenvalue condition numbers into the `defective` flag and plain
 * warnings of `eig`. An eigenvalue is treated as numerically defective when
 * it is ill-conditioned (κ ≥ 1e4) and another computed eigenvalue lies
 * within the uncertainty a rounding-sized perturbation causes,
 * 10·n·eps·‖A‖_F·κ: the two cannot be told apart in double precision, and
 * their eigenvectors are nearly parallel (exact Jordan blocks give κ = ∞ or
 * astronomically large κ and are always caught).
 */
import { EPS } from './eigShared';
import type { Complex } from './eig';

/** κ above which an eigenvalue gets a sensitivity warning even when it is not defective. */
const KAPPA_WARN = 1e6;
/** κ below which repeated eigenvalues are taken to have independent eigenvectors. */
const KAPPA_DEFECT = 1e4;

function fmt(z: Complex): string {
  const r = Number(z.re.toPrecision(6));
  if (z.im === 0) return String(r);
  const i = Number(Math.abs(z.im).toPrecision(6));
  return `${r} ${z.im < 0 ? '−' : '+'} ${i}i`;
}

function fmtE(x: number): string {
  return x === Infinity ? '∞' : x.toExponential(1);
}

/** Decides defectiveness and writes the warnings; `lams` and `cond` are in output order. */
export function describeConditioning(
  lams: Complex[],
  cond: number[],
  normA: number,
  n: number,
): { defective: boolean; warnings: string[] } {
  const warnings: string[] = [];
  const radius = cond.map((k) => 10 * n * EPS * normA * k);
  const used = new Array<boolean>(n).fill(false);
  let defective = false;
  for (let i = 0; i < n; i++) {
    if (used[i] || !(cond[i] >= KAPPA_DEFECT)) continue;
    const members = [i];
    for (let j = 0; j < n; j++) {
      if (j === i || used[j]) continue;
      const d = Math.hypot(lams[i].re - lams[j].re, lams[i].im - lams[j].im);
      if (d <= Math.max(radius[i], radius[j])) members.push(j);
    }
    if (members.length < 2) continue;
    defective = true;
    let re = 0;
    let im = 0;
    for (const j of members) {
      used[j] = true;
      re += lams[j].re / members.length;
      im += lams[j].im / members.length;
    }
    const k = members.length;
    const spread = (n * EPS) ** (1 / k);
    warnings.push(
      `The matrix is defective (or numerically indistinguishable from a defective one): the eigenvalue ${fmt({ re, im })} ` +
        `appears ${k} times but does not have ${k} independent eigenvectors — it belongs to a Jordan block. ` +
        'Its returned eigenvectors are (nearly) parallel, so the eigenvector matrix V is singular and A = V·Λ·V⁻¹ does not hold. ' +
        `The ${k} computed copies can differ from the exact value by about (n·ε)^(1/${k}) ≈ ${fmtE(spread)} relative to ‖A‖.`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (used[i] || !(cond[i] >= KAPPA_WARN)) continue;
    warnings.push(
      `Eigenvalue ${fmt(lams[i])} is ill-conditioned (condition number ≈ ${fmtE(cond[i])}): ` +
        `a rounding-sized change of A can move it by about ${fmtE(cond[i] * EPS)}·‖A‖, so trust fewer of its digits.`,
    );
  }
  return { defective, warnings };
}
