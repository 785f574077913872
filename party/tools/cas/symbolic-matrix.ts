/**
 * @module Determinants and inverses of small matrices with symbols in them, exactly: entries become
 * polynomials (functions of the symbols are the ring's generators), the determinant comes from Bareiss's
 * fraction-free elimination (each division exact), and the inverse is the adjugate over the determinant.
 * No division by something that might be zero is ever made, unlike Gaussian elimination by the engine.
 */
import { ToolError } from "../tool-error.ts";
import type { Budget } from "../math/budget.ts";
import type { Json } from "./mathjson.ts";
import { divideExactly, Poly } from "./poly.ts";
import { fromPoly, Ring, toPoly } from "./poly-convert.ts";

const widen = (p: Poly, n: number) => new Poly(n, new Map([...p.entries()].map(([e, c]) => [[...e, ...new Array(n - e.length).fill(0)].join(","), c])));

function polys(entries: Json[][], ring: Ring, budget?: Budget): Poly[][] {
  const rows = entries.map((row) =>
    row.map((cell) => {
      const p = toPoly(cell, ring, { opaque: true, budget });
      if (!p) throw new ToolError("an entry of a could not be read as an expression");
      return p;
    }),
  );
  return rows.map((row) => row.map((p) => widen(p, ring.atoms.length)));
}

function bareiss(m: Poly[][], budget?: Budget): Poly {
  const n = m.length;
  const a = m.map((row) => [...row]);
  let sign = 1;
  let previous: Poly | undefined;
  for (let k = 0; k < n - 1; k++) {
    let pivot = k;
    while (pivot < n && a[pivot]![k]!.isZero()) pivot++;
    if (pivot === n) return new Poly(a[0]![0]!.n);
    if (pivot !== k) {
      [a[k], a[pivot]] = [a[pivot]!, a[k]!];
      sign = -sign;
    }
    for (let i = k + 1; i < n; i++) {
      for (let j = k + 1; j < n; j++) {
        const numerator = a[i]![j]!.mul(a[k]![k]!, budget).add(a[i]![k]!.mul(a[k]![j]!, budget), -1);
        const quotient = previous ? divideExactly(numerator, previous, budget) : numerator;
        if (!quotient) throw new Error("Bareiss division was not exact");
        a[i]![j] = quotient;
      }
    }
    previous = a[k]![k]!;
  }
  const det = a[n - 1]![n - 1]!;
  return sign < 0 ? negate(det) : det;
}

const negate = (p: Poly) => new Poly(p.n, new Map([...p.terms].map(([k, c]) => [k, c.neg()])));

export function symbolicDeterminant(entries: Json[][], budget?: Budget): Json {
  const ring = new Ring();
  return fromPoly(bareiss(polys(entries, ring, budget), budget), ring);
}

/** The inverse as adjugate / determinant, each entry a cofactor over the determinant. */
export function symbolicInverse(entries: Json[][], budget?: Budget): Json[][] {
  const ring = new Ring();
  const m = polys(entries, ring, budget);
  const n = m.length;
  const det = bareiss(m, budget);
  if (det.isZero()) throw new ToolError("a is singular (its determinant is 0), so it has no inverse");
  const denominator = fromPoly(det, ring);
  const minor = (i: number, j: number) => m.filter((_, r) => r !== i).map((row) => row.filter((_, c) => c !== j));
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      // (A⁻¹)ᵢⱼ = (−1)^(i+j)·det(minor without row j and column i) / det A
      if (n === 1) return ["Divide", 1, denominator] as Json;
      const cofactor = bareiss(minor(j, i), budget);
      const signed = (i + j) % 2 === 0 ? cofactor : negate(cofactor);
      return signed.isZero() ? 0 : (["Divide", fromPoly(signed, ring), denominator] as Json);
    }),
  );
}
