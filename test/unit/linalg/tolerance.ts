/**
 * The one tolerance helper of the numerics tests. Its unit is machine
 * epsilon: every bound is written as "this figure, divided by (scale · eps),
 * stays below `units`", exactly the shape of the bounds in
 * shared/reference/README.md (e.g. ‖A − USVᵀ‖ / (N‖A‖eps) < 100).
 *
 *   withinEps('reconstruction', res / normA, N, 100);   // throws if res/normA ≥ 100·N·eps
 *   epsUnits(res / normA, N)                              // the figure itself, for messages/tables
 *
 * A failure message names the quantity, the figure in eps units and the bound,
 * so a red test says how far off it is.
 */
import { AssertionError } from 'assert';

/** IEEE double machine epsilon, 2^-52. */
export const EPS = 2.220446049250313e-16;

/** `value / (scale · eps)`: how many eps·scale the value is. NaN stays NaN (and fails `withinEps`). */
export function epsUnits(value: number, scale = 1): number {
  return value / (scale * EPS);
}

/**
 * Asserts `value / (scale · eps) < units`. Fails on NaN. `what` names the
 * quantity in the failure message, e.g. "svd hilbert_6 orthogonality U".
 */
export function withinEps(what: string, value: number, scale: number, units: number): void {
  const u = epsUnits(value, scale);
  if (!(u < units)) {
    throw new AssertionError({
      message: `${what}: ${u.toPrecision(3)} × (${scale.toPrecision(3)}·eps) is not below ${units} (value ${value.toExponential(3)})`,
    });
  }
}
