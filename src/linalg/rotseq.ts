/**
 * Applying sequences of plane rotations to adjacent columns of a row-major
 * matrix (the work of LAPACK's dlasr with side 'R', pivot 'V'), as the
 * bidiagonal QR iteration needs them.
 */
/** Column-rotation target: rows×(≥ n) row-major with leading dimension ld. */
export interface Target {
  a: Float64Array;
  rows: number;
  ld: number;
}

/** Rotates columns i and i+1 of every row: (x, y) ← (c·x + s·y, c·y − s·x). */
export function rotCols(t: Target | null, i: number, c: number, s: number): void {
  if (!t || (c === 1 && s === 0)) return;
  const { a, rows, ld } = t;
  for (let r = 0, p = i; r < rows; r++, p += ld) {
    const x = a[p];
    const y = a[p + 1];
    a[p] = c * x + s * y;
    a[p + 1] = c * y - s * x;
  }
}

/**
 * Applies the rotations cs[j], sn[j] (j = 0..cnt−1) in the planes (ll+j, ll+j+1),
 * in increasing j (forward) or decreasing j (backward) order, to every row.
 */
export function applySeq(t: Target | null, ll: number, cnt: number, cs: Float64Array, sn: Float64Array, forward: boolean): void {
  if (!t || cnt <= 0) return;
  const { a, rows, ld } = t;
  let r = 0;
  // Where the six-row blocks stop: a remainder of 2 or 3 rows becomes two
  // four-row blocks (plus one), so rows never fall to the latency-bound single-row loop needlessly.
  const rem = rows % 6;
  const sixEnd = rows >= 12 && (rem === 2 || rem === 3) ? rows - rem - 6 : rows - rem;
  // Six (then four) rows at a time: independent recurrences keep the FPU busy
  // (six measured ~8% faster than four in V8; more spill registers).
  if (forward) {
    for (; r + 5 < sixEnd; r += 6) {
      const p0 = r * ld + ll;
      const p1 = p0 + ld;
      const p2 = p1 + ld;
      const p3 = p2 + ld;
      const p4 = p3 + ld;
      const p5 = p4 + ld;
      let x0 = a[p0];
      let x1 = a[p1];
      let x2 = a[p2];
      let x3 = a[p3];
      let x4 = a[p4];
      let x5 = a[p5];
      for (let j = 0; j < cnt; j++) {
        const c = cs[j];
        const s = sn[j];
        const u0 = a[p0 + j + 1];
        const u1 = a[p1 + j + 1];
        const u2 = a[p2 + j + 1];
        const u3 = a[p3 + j + 1];
        const u4 = a[p4 + j + 1];
        const u5 = a[p5 + j + 1];
        a[p0 + j] = c * x0 + s * u0;
        a[p1 + j] = c * x1 + s * u1;
        a[p2 + j] = c * x2 + s * u2;
        a[p3 + j] = c * x3 + s * u3;
        a[p4 + j] = c * x4 + s * u4;
        a[p5 + j] = c * x5 + s * u5;
        x0 = c * u0 - s * x0;
        x1 = c * u1 - s * x1;
        x2 = c * u2 - s * x2;
        x3 = c * u3 - s * x3;
        x4 = c * u4 - s * x4;
        x5 = c * u5 - s * x5;
      }
      a[p0 + cnt] = x0;
      a[p1 + cnt] = x1;
      a[p2 + cnt] = x2;
      a[p3 + cnt] = x3;
      a[p4 + cnt] = x4;
      a[p5 + cnt] = x5;
    }
    for (; r + 3 < rows; r += 4) {
      const p0 = r * ld + ll;
      const p1 = p0 + ld;
      const p2 = p1 + ld;
      const p3 = p2 + ld;
      let x0 = a[p0];
      let x1 = a[p1];
      let x2 = a[p2];
      let x3 = a[p3];
      for (let j = 0; j < cnt; j++) {
        const c = cs[j];
        const s = sn[j];
        const u0 = a[p0 + j + 1];
        const u1 = a[p1 + j + 1];
        const u2 = a[p2 + j + 1];
        const u3 = a[p3 + j + 1];
        a[p0 + j] = c * x0 + s * u0;
        a[p1 + j] = c * x1 + s * u1;
        a[p2 + j] = c * x2 + s * u2;
        a[p3 + j] = c * x3 + s * u3;
        x0 = c * u0 - s * x0;
        x1 = c * u1 - s * x1;
        x2 = c * u2 - s * x2;
        x3 = c * u3 - s * x3;
      }
      a[p0 + cnt] = x0;
      a[p1 + cnt] = x1;
      a[p2 + cnt] = x2;
      a[p3 + cnt] = x3;
    }
    for (; r < rows; r++) {
      const p = r * ld + ll;
      let x = a[p];
      for (let j = 0; j < cnt; j++) {
        const u = a[p + j + 1];
        a[p + j] = cs[j] * x + sn[j] * u;
        x = cs[j] * u - sn[j] * x;
      }
      a[p + cnt] = x;
    }
  } else {
    for (; r + 5 < sixEnd; r += 6) {
      const p0 = r * ld + ll;
      const p1 = p0 + ld;
      const p2 = p1 + ld;
      const p3 = p2 + ld;
      const p4 = p3 + ld;
      const p5 = p4 + ld;
      let x0 = a[p0 + cnt];
      let x1 = a[p1 + cnt];
      let x2 = a[p2 + cnt];
      let x3 = a[p3 + cnt];
      let x4 = a[p4 + cnt];
      let x5 = a[p5 + cnt];
      for (let j = cnt - 1; j >= 0; j--) {
        const c = cs[j];
        const s = sn[j];
        const u0 = a[p0 + j];
        const u1 = a[p1 + j];
        const u2 = a[p2 + j];
        const u3 = a[p3 + j];
        const u4 = a[p4 + j];
        const u5 = a[p5 + j];
        a[p0 + j + 1] = c * x0 - s * u0;
        a[p1 + j + 1] = c * x1 - s * u1;
        a[p2 + j + 1] = c * x2 - s * u2;
        a[p3 + j + 1] = c * x3 - s * u3;
        a[p4 + j + 1] = c * x4 - s * u4;
        a[p5 + j + 1] = c * x5 - s * u5;
        x0 = c * u0 + s * x0;
        x1 = c * u1 + s * x1;
        x2 = c * u2 + s * x2;
        x3 = c * u3 + s * x3;
        x4 = c * u4 + s * x4;
        x5 = c * u5 + s * x5;
      }
      a[p0] = x0;
      a[p1] = x1;
      a[p2] = x2;
      a[p3] = x3;
      a[p4] = x4;
      a[p5] = x5;
    }
    for (; r + 3 < rows; r += 4) {
      const p0 = r * ld + ll;
      const p1 = p0 + ld;
      const p2 = p1 + ld;
      const p3 = p2 + ld;
      let x0 = a[p0 + cnt];
      let x1 = a[p1 + cnt];
      let x2 = a[p2 + cnt];
      let x3 = a[p3 + cnt];
      for (let j = cnt - 1; j >= 0; j--) {
        const c = cs[j];
        const s = sn[j];
        const u0 = a[p0 + j];
        const u1 = a[p1 + j];
        const u2 = a[p2 + j];
        const u3 = a[p3 + j];
        a[p0 + j + 1] = c * x0 - s * u0;
        a[p1 + j + 1] = c * x1 - s * u1;
        a[p2 + j + 1] = c * x2 - s * u2;
        a[p3 + j + 1] = c * x3 - s * u3;
        x0 = c * u0 + s * x0;
        x1 = c * u1 + s * x1;
        x2 = c * u2 + s * x2;
        x3 = c * u3 + s * x3;
      }
      a[p0] = x0;
      a[p1] = x1;
      a[p2] = x2;
      a[p3] = x3;
    }
    for (; r < rows; r++) {
      const p = r * ld + ll;
      let x = a[p + cnt];
      for (let j = cnt - 1; j >= 0; j--) {
        const u = a[p + j];
        a[p + j + 1] = cs[j] * x - sn[j] * u;
        x = cs[j] * u + sn[j] * x;
      }
      a[p] = x;
    }
  }
}
