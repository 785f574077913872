/**
 * @module Systems of linear equations, solved exactly: Gauss–Jordan elimination on rationals.
 */
import { Rational } from "./rational.ts";
import type { LinearForm } from "./polynomial.ts";

export type LinearSolution =
  | { kind: "unique"; values: Map<string, Rational> }
  | { kind: "none" }
  /** Each pivot unknown in terms of the free ones: x = c + Σ kᵢ·freeᵢ. */
  | { kind: "infinite"; free: string[]; expressions: Map<string, { constant: Rational; terms: [string, Rational][] }> };

/** Solves Σ aᵢⱼ·xⱼ + cᵢ = 0 for every equation i. */
export function solveLinear(equations: LinearForm[], unknowns: string[]): LinearSolution {
  // Augmented rows [a₁ … aₙ | −c].
  const rows = equations.map((e) => [...unknowns.map((u) => e.coefficients.get(u) ?? Rational.ZERO), e.constant.neg()]);
  const n = unknowns.length;
  const pivots: number[] = [];
  let r = 0;
  for (let column = 0; column < n && r < rows.length; column++) {
    const pivot = rows.findIndex((row, i) => i >= r && !row[column]!.isZero());
    if (pivot < 0) continue;
    [rows[r], rows[pivot]] = [rows[pivot]!, rows[r]!];
    const inverse = Rational.ONE.div(rows[r]![column]!);
    rows[r] = rows[r]!.map((v) => v.mul(inverse));
    for (let i = 0; i < rows.length; i++) {
      const factor = rows[i]![column]!;
      if (i !== r && !factor.isZero()) rows[i] = rows[i]!.map((v, j) => v.sub(factor.mul(rows[r]![j]!)));
    }
    pivots.push(column);
    r++;
  }
  // A row 0 = c with c ≠ 0 is a contradiction.
  if (rows.slice(r).some((row) => !row[n]!.isZero())) return { kind: "none" };
  if (pivots.length === n) {
    return { kind: "unique", values: new Map(pivots.map((column, i) => [unknowns[column]!, rows[i]![n]!])) };
  }
  const free = unknowns.filter((_, column) => !pivots.includes(column));
  const expressions = new Map(
    pivots.map((column, i) => [
      unknowns[column]!,
      {
        constant: rows[i]![n]!,
        terms: free.map((name) => [name, rows[i]![unknowns.indexOf(name)]!.neg()] as [string, Rational]).filter(([, k]) => !k.isZero()),
      },
    ]),
  );
  return { kind: "infinite", free, expressions };
}

/** `3 - 2*y + z/2` from a constant and terms. */
export function linearText(constant: Rational, terms: [string, Rational][]): string {
  const parts: string[] = [];
  if (!constant.isZero() || terms.length === 0) parts.push(constant.toString());
  for (const [name, k] of terms) {
    const size = k.sign() < 0 ? k.neg() : k;
    const term = size.equals(Rational.ONE) ? name : size.isInteger() ? `${size}*${name}` : `${size.n}*${name}/${size.d}`;
    parts.push(parts.length === 0 ? (k.sign() < 0 ? `-${term}` : term) : `${k.sign() < 0 ? "-" : "+"} ${term}`);
  }
  return parts.join(" ");
}
