/**
 * @module Exact linear algebra over the rationals: determinant (Bareiss, fraction-free), inverse and
 * reduced row echelon form (Gauss–Jordan), rank, null space, and the characteristic polynomial
 * (Faddeev–LeVerrier), whose roots are the eigenvalues.
 */
import { ToolError } from "../tool-error.ts";
import { Rational } from "../math/rational.ts";
import type { Budget } from "../math/budget.ts";

export type RationalMatrix = Rational[][];

/** Bits of the largest entry: exact elimination makes entries grow, so it is charged by their size. */
function weight(m: RationalMatrix): number {
  let bits = 1;
  for (const row of m) for (const q of row) bits = Math.max(bits, q.n.toString(16).length * 4, q.d.toString(16).length * 4);
  return bits;
}

function charge(budget: Budget | undefined, m: RationalMatrix): void {
  const n = Math.max(m.length, m[0]?.length ?? 0);
  const bits = weight(m) * n;
  budget?.spend(n ** 3 * (1 + (bits / 64) ** 2));
}

export function determinant(m: RationalMatrix, budget?: Budget): Rational {
  charge(budget, m);
  const n = m.length;
  const a = m.map((row) => row.map((q) => q));
  // Bareiss on the integers after clearing denominators row by row.
  let scale = Rational.ONE;
  const ints = a.map((row) => {
    const lcm = row.reduce((l, q) => (l * q.d) / gcdBig(l, q.d), 1n);
    scale = scale.mul(new Rational(1n, lcm));
    return row.map((q) => (q.n * lcm) / q.d);
  });
  let sign = 1n;
  let previous = 1n;
  for (let k = 0; k < n - 1; k++) {
    let pivot = k;
    while (pivot < n && ints[pivot]![k] === 0n) pivot++;
    if (pivot === n) return Rational.ZERO;
    if (pivot !== k) {
      [ints[k], ints[pivot]] = [ints[pivot]!, ints[k]!];
      sign = -sign;
    }
    for (let i = k + 1; i < n; i++) {
      for (let j = k + 1; j < n; j++) ints[i]![j] = (ints[i]![j]! * ints[k]![k]! - ints[i]![k]! * ints[k]![j]!) / previous;
      ints[i]![k] = 0n;
    }
    previous = ints[k]![k]!;
  }
  return new Rational(sign * ints[n - 1]![n - 1]!).mul(scale);
}

function gcdBig(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}

/** Reduced row echelon form, and the pivot columns. */
export function rref(m: RationalMatrix, budget?: Budget): { rows: RationalMatrix; pivots: number[] } {
  charge(budget, m);
  const rows = m.map((row) => [...row]);
  const columns = rows[0]?.length ?? 0;
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < columns && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && !row[c]!.isZero());
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const inverse = Rational.ONE.div(rows[r]![c]!);
    rows[r] = rows[r]!.map((q) => q.mul(inverse));
    for (let i = 0; i < rows.length; i++) {
      const f = rows[i]![c]!;
      if (i !== r && !f.isZero()) rows[i] = rows[i]!.map((q, j) => q.sub(f.mul(rows[r]![j]!)));
    }
    pivots.push(c);
    r++;
  }
  return { rows, pivots };
}

export const rank = (m: RationalMatrix, budget?: Budget) => rref(m, budget).pivots.length;

export function inverse(m: RationalMatrix, budget?: Budget): RationalMatrix {
  const n = m.length;
  const augmented = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO))]);
  const { rows, pivots } = rref(augmented, budget);
  if (pivots.slice(0, n).length < n || pivots[n - 1] !== n - 1) throw new ToolError("a is singular (its determinant is 0), so it has no inverse");
  return rows.map((row) => row.slice(n));
}

/** A basis of {v : m·v = 0}, one vector per free column, with 1 in its own place. */
export function nullSpace(m: RationalMatrix, budget?: Budget): RationalMatrix {
  const { rows, pivots } = rref(m, budget);
  const columns = m[0]?.length ?? 0;
  const free = Array.from({ length: columns }, (_, c) => c).filter((c) => !pivots.includes(c));
  return free.map((f) => {
    const v = Array.from({ length: columns }, (_, c) => (c === f ? Rational.ONE : Rational.ZERO));
    pivots.forEach((p, i) => (v[p] = rows[i]![f]!.neg()));
    return v;
  });
}

function multiply(a: RationalMatrix, b: RationalMatrix): RationalMatrix {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, q, k) => s.add(q.mul(b[k]![j]!)), Rational.ZERO)));
}

/** det(λI − A) = Σ cₖλᵏ, from the constant term up (Faddeev–LeVerrier). */
export function characteristicPolynomial(a: RationalMatrix, budget?: Budget): Rational[] {
  const n = a.length;
  charge(budget, a);
  budget?.spend(n ** 4 * 4);
  const c: Rational[] = new Array(n + 1).fill(Rational.ZERO);
  c[n] = Rational.ONE;
  let m: RationalMatrix = a.map((row) => row.map(() => Rational.ZERO));
  for (let k = 1; k <= n; k++) {
    // M_k = A·M_{k−1} + c_{n−k+1}·I, c_{n−k} = −tr(A·M_k)/k
    const am = multiply(a, m);
    m = am.map((row, i) => row.map((q, j) => (i === j ? q.add(c[n - k + 1]!) : q)));
    const trace = multiply(a, m).reduce((s, row, i) => s.add(row[i]!), Rational.ZERO);
    c[n - k] = trace.neg().div(new Rational(BigInt(k)));
  }
  return c;
}
