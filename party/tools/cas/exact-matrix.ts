/**
 * @module Exact linear algebra over the rationals: determinant (Bareiss, fraction-free), inverse and
 * reduced row echelon form (Gauss–Jordan), rank, null space, and the characteristic polynomial
 * (Faddeev–LeVerrier), whose roots are the eigenvalues.
 */
import { ToolError } from "../tool-error.ts";
import { Rational } from "../math/rational.ts";
import { bitLength } from "../math/exact-float.ts";
import type { Budget } from "../math/budget.ts";

export type RationalMatrix = Rational[][];

/**
 * Work units of one elimination: n³ steps on integers that grow to about n times the entries' bits
 * (Bareiss keeps them there); a step costs more as its numbers grow. Measured: a 100×100 matrix of
 * one-digit integers takes about 0.15 s here.
 */
function charge(budget: Budget | undefined, m: RationalMatrix): void {
  const n = Math.max(m.length, m[0]?.length ?? 0);
  let bits = 4;
  for (const row of m) for (const q of row) bits = Math.max(bits, bitLength(q.n) + bitLength(q.d));
  const size = bits * n;
  budget?.spend(n ** 3 * (0.2 + (size / 1500) ** 2));
}

/** Integer rows (each row's denominators cleared), and the scale each row was multiplied by. */
function integerRows(m: RationalMatrix): { rows: bigint[][]; scales: bigint[] } {
  const scales: bigint[] = [];
  const rows = m.map((row) => {
    const lcm = row.reduce((l, q) => (l * q.d) / gcdBig(l, q.d), 1n);
    scales.push(lcm);
    return row.map((q) => (q.n * lcm) / q.d);
  });
  return { rows, scales };
}

export function determinant(m: RationalMatrix, budget?: Budget): Rational {
  charge(budget, m);
  const n = m.length;
  // Bareiss on the integers after clearing denominators row by row.
  const { rows: ints, scales } = integerRows(m);
  const scale = new Rational(1n, scales.reduce((p, s) => p * s, 1n));
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

/**
 * Reduced row echelon form, and the pivot columns: fraction-free Gauss–Jordan (each step divides exactly by
 * the previous pivot, so entries stay integers of bounded size), then one division per pivot row.
 */
export function rref(m: RationalMatrix, budget?: Budget): { rows: RationalMatrix; pivots: number[] } {
  charge(budget, m);
  const { rows: a } = integerRows(m);
  const columns = a[0]?.length ?? 0;
  const pivots: number[] = [];
  let previous = 1n;
  let r = 0;
  for (let c = 0; c < columns && r < a.length; c++) {
    const p = a.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [a[r], a[p]] = [a[p]!, a[r]!];
    const pivot = a[r]![c]!;
    for (let i = 0; i < a.length; i++) {
      if (i === r) continue;
      const f = a[i]![c]!;
      a[i] = a[i]!.map((x, j) => (pivot * x - f * a[r]![j]!) / previous);
    }
    previous = pivot;
    pivots.push(c);
    r++;
  }
  // Every pivot row now holds the same pivot value times its reduced row.
  const rows = a.map((row, i) => (i < r ? row.map((x) => new Rational(x, a[i]![pivots[i]!]!)) : row.map(() => Rational.ZERO)));
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
