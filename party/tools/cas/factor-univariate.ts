/**
 * @module Factoring a polynomial in one variable over the rationals: its content, Yun's square-free
 * decomposition (exact multiplicities), rational roots, and then the splitting of what remains by its
 * numeric roots: a product of some of them, scaled by the leading coefficient, that rounds to integers
 * and divides the polynomial exactly is a factor. Every factor found is checked by exact division, so
 * the factorization is always right; when the search is cut short, it may not be complete, and says so.
 */
import { Rational, gcd } from "../math/rational.ts";
import type { Budget } from "../math/budget.ts";
import { rationalRoot } from "../math/exact-roots.ts";
import { bitLength } from "../math/exact-float.ts";
import { polynomialRoots } from "../math/numeric-roots.ts";
import { squareFreeFactors } from "../math/square-free.ts";
import * as C from "./complex.ts";
import type { C as Complex } from "./complex.ts";

export type IntPoly = bigint[];
export type Factored = { content: Rational; factors: { poly: IntPoly; multiplicity: number }[]; complete: boolean };

/** Candidate products tried in all, per polynomial. */
const MAX_CANDIDATES = 20_000;

export const degreeOf = (p: IntPoly) => p.length - 1;

/** Integer coefficients with no common factor and a positive leading one; the factor taken out. */
export function primitive(p: readonly Rational[]): { poly: IntPoly; content: Rational } {
  let top = p.length - 1;
  while (top > 0 && p[top]!.isZero()) top--;
  const q = p.slice(0, top + 1);
  const lcm = q.reduce((l, c) => (l * c.d) / (gcd(l, c.d) || 1n), 1n);
  let ints = q.map((c) => (c.n * lcm) / c.d);
  let g = ints.reduce((a, b) => gcd(a, b), 0n) || 1n;
  if (ints[ints.length - 1]! < 0n) g = -g;
  ints = ints.map((c) => c / g);
  return { poly: ints, content: new Rational(g, lcm) };
}

/** a ÷ b over the integers when b divides a exactly, else undefined. */
export function divideExact(a: IntPoly, b: IntPoly): IntPoly | undefined {
  const rest = [...a];
  const db = degreeOf(b);
  const lead = b[db]!;
  if (degreeOf(a) < db) return undefined;
  const quotient: IntPoly = new Array(degreeOf(a) - db + 1).fill(0n);
  for (let d = degreeOf(a); d >= db; d--) {
    const c = rest[d]!;
    if (c % lead !== 0n) return undefined;
    const f = c / lead;
    quotient[d - db] = f;
    for (let i = 0; i <= db; i++) rest[d - db + i] = rest[d - db + i]! - f * b[i]!;
  }
  return rest.every((c) => c === 0n) ? quotient : undefined;
}

/**
 * The coefficients as doubles, scaled by a power of two so the largest is near 2^1000: each keeps its 53
 * significant bits (quantizing them to 10⁻¹² of the largest turned 1000002000001x² − 1 into x²).
 */
export function asDoubles(p: IntPoly): number[] {
  const bits = p.reduce((m, c) => Math.max(m, bitLength(c)), 0);
  const shift = BigInt(Math.max(0, bits - 1000));
  return p.map((c) => Number(c >> shift));
}

/** The numeric roots, paired: a real root alone, a complex one with its conjugate. */
function rootUnits(p: IntPoly): Complex[][] {
  const roots = polynomialRoots(asDoubles(p)).map((z) => C.c(z.re, z.im));
  const units: Complex[][] = [];
  const used = new Set<number>();
  roots.forEach((z, i) => {
    if (used.has(i)) return;
    used.add(i);
    if (Math.abs(z.im) <= 1e-7 * Math.max(1, C.abs(z))) return void units.push([C.c(z.re)]);
    let best = -1;
    roots.forEach((w, j) => {
      if (used.has(j)) return;
      if (best < 0 || C.abs(C.sub(w, C.c(z.re, -z.im))) < C.abs(C.sub(roots[best]!, C.c(z.re, -z.im)))) best = j;
    });
    if (best >= 0) used.add(best);
    units.push(best >= 0 ? [z, roots[best]!] : [z]);
  });
  return units;
}

/**
 * lead · ∏ (x − r) rounded to integers; undefined when it is not close to an integer polynomial, "unsure"
 * when its coefficients are too large for doubles to tell (past 10¹²).
 */
function candidate(roots: Complex[], lead: bigint): IntPoly | "unsure" | undefined {
  let coefficients: Complex[] = [C.c(Number(lead))];
  for (const r of roots) {
    const next: Complex[] = new Array(coefficients.length + 1).fill(C.c(0));
    coefficients.forEach((c, i) => {
      next[i + 1] = C.add(next[i + 1]!, c);
      next[i] = C.sub(next[i]!, C.mul(c, r));
    });
    coefficients = next;
  }
  const out: IntPoly = [];
  for (const c of coefficients) {
    // Past the range of doubles (a product of huge roots) nothing can be told.
    if (!Number.isFinite(c.re) || !Number.isFinite(c.im)) return "unsure";
    const rounded = Math.round(c.re);
    if (Math.abs(c.im) > 1e-6 * Math.max(1, Math.abs(c.re)) || Math.abs(c.re - rounded) > 1e-6 * Math.max(1, Math.abs(c.re))) return undefined;
    // Doubles carry about 16 digits, and the product of the roots loses a few: past 10¹² a rounded
    // coefficient may be off by one, and a factor missed.
    if (Math.abs(rounded) > 1e12) return "unsure";
    out.push(BigInt(rounded));
  }
  return primitive(out.map((n) => new Rational(n))).poly;
}

/** Splits a square-free primitive polynomial into irreducible factors (as far as the search goes). */
function split(p: IntPoly, budget: Budget | undefined, state: { tried: number; complete: boolean }): IntPoly[] {
  if (degreeOf(p) <= 1) return [p];
  if (p[0] === 0n) return [[0n, 1n], ...split(p.slice(1), budget, state)];
  budget?.spend(degreeOf(p) ** 2 * 50);
  // A rational root first, exactly: found where rounding a product of numeric roots cannot be (coefficients past 2^53).
  const root = rationalRoot(p);
  if (root) {
    const [num, den] = root;
    const linear = primitive([new Rational(-num), new Rational(den)]).poly;
    const rest = divideExact(p, linear);
    if (rest) return [linear, ...split(primitive(rest.map((n) => new Rational(n))).poly, budget, state)];
  }
  const units = rootUnits(p);
  const lead = p[degreeOf(p)]!;
  const half = degreeOf(p) / 2;
  // Subsets of units by size, smallest first: the first that divides is an irreducible factor.
  for (let size = 1; size <= units.length; size++) {
    for (const subset of subsets(units.length, size)) {
      const roots = subset.flatMap((i) => units[i]!);
      if (roots.length > half) continue;
      if (++state.tried > MAX_CANDIDATES) {
        state.complete = false;
        return [p];
      }
      budget?.spend(roots.length * roots.length + 20);
      const f = candidate(roots, lead);
      // Too large to round: this product may be a factor that cannot be found this way.
      if (f === "unsure") state.complete = false;
      if (!f || f === "unsure" || degreeOf(f) < 1) continue;
      const rest = divideExact(p, f);
      if (rest) return [f, ...split(primitive(rest.map((n) => new Rational(n))).poly, budget, state)];
    }
  }
  return [p];
}

function* subsets(n: number, k: number): Generator<number[]> {
  const pick = Array.from({ length: k }, (_, i) => i);
  if (k > n) return;
  for (;;) {
    yield [...pick];
    let i = k - 1;
    while (i >= 0 && pick[i] === n - k + i) i--;
    if (i < 0) return;
    pick[i]!++;
    for (let j = i + 1; j < k; j++) pick[j] = pick[j - 1]! + 1;
  }
}

/** The factorization of p (coefficients from the constant term up, degree ≥ 1). */
export function factorUnivariate(p: readonly Rational[], budget?: Budget): Factored {
  const { poly, content } = primitive(p);
  const state = { tried: 0, complete: true };
  if (poly.length <= 1) return { content, factors: [], complete: true };
  const factors: Factored["factors"] = [];
  for (const { factor, multiplicity } of squareFreeFactors(poly.map((n) => new Rational(n)))) {
    for (const irreducible of split(primitive(factor).poly, budget, state)) factors.push({ poly: irreducible, multiplicity });
  }
  // Gauss's lemma: the primitive factors multiply to the primitive part exactly; make sure of it.
  const product = factors.reduce((acc, f) => multiply(acc, powerPoly(f.poly, f.multiplicity)), [1n] as IntPoly);
  if (product.length !== poly.length || product.some((c, i) => c !== poly[i])) throw new Error("factorization does not multiply back");
  // x first, then by degree: x·(x − 1)·(x + 1)·(x² + 1).
  const monomial = (q: IntPoly) => q.slice(0, -1).every((c) => c === 0n);
  factors.sort((a, b) => Number(monomial(b.poly)) - Number(monomial(a.poly)) || degreeOf(a.poly) - degreeOf(b.poly) || compare(a.poly, b.poly));
  return { content, factors, complete: state.complete };
}

function compare(a: IntPoly, b: IntPoly): number {
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

export function multiply(a: IntPoly, b: IntPoly): IntPoly {
  const out: IntPoly = new Array(a.length + b.length - 1).fill(0n);
  a.forEach((x, i) => b.forEach((y, j) => (out[i + j] = out[i + j]! + x * y)));
  return out;
}

function powerPoly(p: IntPoly, k: number): IntPoly {
  let out: IntPoly = [1n];
  for (let i = 0; i < k; i++) out = multiply(out, p);
  return out;
}
