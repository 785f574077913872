/**
 * @module Sparse polynomials in several variables with exact rational coefficients: the ground expand,
 * factor and gcd stand on. Work is bounded by the terms a product may have, counted before it is formed.
 */
import { ToolError } from "../tool-error.ts";
import { Rational, gcd } from "../math/rational.ts";
import { bitLength } from "../math/exact-float.ts";
import type { Budget } from "../math/budget.ts";
import { MAX_EXACT_BITS } from "../math/limits.ts";
import { MAX_EXPAND_TERMS } from "./caps.ts";

/** Exponents of each variable of the ring, in its order. */
type Exponents = number[];

const key = (e: Exponents) => e.join(",");
const unkey = (k: string): Exponents => (k === "" ? [] : k.split(",").map(Number));

export const TOO_MANY_TERMS = `the expansion would have more than ${MAX_EXPAND_TERMS} terms; expand a smaller expression`;

export class Poly {
  /** Coefficients by exponent key; no zero coefficients are stored. */
  readonly terms: Map<string, Rational>;
  readonly n: number;

  constructor(n: number, terms = new Map<string, Rational>()) {
    this.n = n;
    this.terms = terms;
  }

  static constant(n: number, c: Rational): Poly {
    const p = new Poly(n);
    if (!c.isZero()) p.terms.set(key(new Array(n).fill(0)), c);
    return p;
  }

  static variable(n: number, index: number): Poly {
    const e = new Array(n).fill(0);
    e[index] = 1;
    return new Poly(n, new Map([[key(e), Rational.ONE]]));
  }

  get size(): number {
    return this.terms.size;
  }

  isZero(): boolean {
    return this.terms.size === 0;
  }

  /** The constant it is, or undefined when a variable occurs. */
  constantValue(): Rational | undefined {
    if (this.terms.size === 0) return Rational.ZERO;
    if (this.terms.size > 1) return undefined;
    const [k, c] = [...this.terms][0]!;
    return unkey(k).every((e) => e === 0) ? c : undefined;
  }

  *entries(): Generator<[Exponents, Rational]> {
    for (const [k, c] of this.terms) yield [unkey(k), c];
  }

  add(o: Poly, sign = 1): Poly {
    const out = new Map(this.terms);
    for (const [k, c] of o.terms) {
      const sum = (out.get(k) ?? Rational.ZERO)[sign > 0 ? "add" : "sub"](c);
      if (sum.isZero()) out.delete(k);
      else out.set(k, sum);
    }
    return new Poly(this.n, out);
  }

  scale(c: Rational): Poly {
    if (c.isZero()) return new Poly(this.n);
    return new Poly(this.n, new Map([...this.terms].map(([k, v]) => [k, v.mul(c)])));
  }

  /** The largest coefficient's size in bits, and whether any is a fraction. */
  coefficientSize(): { bits: number; fractions: boolean } {
    let bits = 0;
    let fractions = false;
    for (const c of this.terms.values()) {
      bits = Math.max(bits, bitLength(c.n), bitLength(c.d));
      fractions ||= c.d !== 1n;
    }
    return { bits, fractions };
  }

  mul(o: Poly, budget?: Budget): Poly {
    // The work is the pairs of terms, however many of them collapse into one, each priced by the size of
    // its coefficients (pairCost): ((46 + a)^33)^46 took a second at two units a pair.
    const pairs = this.size * o.size;
    if (pairs > MAX_TERM_PAIRS) throw new ToolError(TOO_MANY_TERMS);
    const [a, b] = [this.coefficientSize(), o.coefficientSize()];
    const [left, right] = [this.#overCommonDenominator(a), o.#overCommonDenominator(b)];
    let out: Map<string, Rational>;
    if (left && right) {
      // Integers over one denominator each: a pair is a product and a sum, and lowest terms (a gcd) are
      // taken once per term of the product, not once per pair; ((e − 9/400000) − 23^x)^46 went from 1.1 s to 0.1 s.
      const bits = (left.bits + right.bits) / 2;
      budget?.spend(pairs * pairCost(bits, false));
      const sums = new Map<string, bigint>();
      const rights = [...right.numerators].map(([k, c]) => [unkey(k), c] as const);
      for (const [ka, ca] of left.numerators) {
        const ea = unkey(ka);
        for (const [eb, cb] of rights) {
          const k = key(ea.map((x, i) => x + eb[i]!));
          sums.set(k, (sums.get(k) ?? 0n) + ca * cb);
        }
      }
      const denominator = left.denominator * right.denominator;
      if (denominator !== 1n) budget?.spend(sums.size * pairCost(left.bits + right.bits, true));
      out = new Map();
      for (const [k, c] of sums) if (c !== 0n) out.set(k, new Rational(c, denominator));
    } else {
      budget?.spend(pairs * pairCost((a.bits + b.bits) / 2, a.fractions || b.fractions));
      out = new Map();
      for (const [ka, ca] of this.terms) {
        const ea = unkey(ka);
        for (const [kb, cb] of o.terms) {
          const eb = unkey(kb);
          const k = key(ea.map((x, i) => x + eb[i]!));
          const sum = (out.get(k) ?? Rational.ZERO).add(ca.mul(cb));
          if (sum.isZero()) out.delete(k);
          else out.set(k, sum);
        }
      }
    }
    if (out.size > MAX_EXPAND_TERMS) throw new ToolError(TOO_MANY_TERMS);
    for (const c of out.values()) if (bitLength(c.n) > MAX_EXACT_BITS || bitLength(c.d) > MAX_EXACT_BITS) {
      throw new ToolError("the expansion's coefficients would be too large to compute exactly");
    }
    return new Poly(this.n, out);
  }

  /**
   * The coefficients as integers over their least common denominator, with the size of the largest in
   * bits; undefined when that denominator would be much larger than the coefficients' own (many unlike
   * denominators), where keeping fractions costs less.
   */
  #overCommonDenominator(size: { bits: number; fractions: boolean }): { numerators: Map<string, bigint>; denominator: bigint; bits: number } | undefined {
    let denominator = 1n;
    for (const c of this.terms.values()) {
      if (denominator % c.d === 0n) continue;
      denominator = (denominator / gcd(denominator, c.d)) * c.d;
      if (bitLength(denominator) > 2 * size.bits + 64) return undefined;
    }
    const numerators = new Map<string, bigint>();
    let bits = bitLength(denominator);
    for (const [k, c] of this.terms) {
      const numerator = c.n * (denominator / c.d);
      numerators.set(k, numerator);
      bits = Math.max(bits, bitLength(numerator));
    }
    return { numerators, denominator, bits };
  }

  pow(k: number, budget?: Budget): Poly {
    if (estimatePower(this.size, this.usedVariables().length, k, this.totalDegree()) > MAX_EXPAND_TERMS) throw new ToolError(TOO_MANY_TERMS);
    let result = Poly.constant(this.n, Rational.ONE);
    let base: Poly = this;
    let e = k;
    while (e > 0) {
      if (e & 1) result = result.mul(base, budget);
      e >>= 1;
      if (e > 0) base = base.mul(base, budget);
    }
    return result;
  }

  /** The highest power of variable `index` that occurs (−1 for the zero polynomial). */
  degreeIn(index: number): number {
    let d = -1;
    for (const [e] of this.entries()) d = Math.max(d, e[index]!);
    return d;
  }

  totalDegree(): number {
    let d = -1;
    for (const [e] of this.entries()) d = Math.max(d, e.reduce((s, x) => s + x, 0));
    return d;
  }

  /** Variables that occur. */
  usedVariables(): number[] {
    const used = new Set<number>();
    for (const [e] of this.entries()) e.forEach((x, i) => x > 0 && used.add(i));
    return [...used].sort((a, b) => a - b);
  }

  equals(o: Poly): boolean {
    return this.add(o, -1).isZero();
  }

  /** Coefficients in variable `index` from the constant term up (only for a polynomial in that variable alone). */
  dense(index: number): Rational[] {
    const out: Rational[] = new Array(Math.max(this.degreeIn(index) + 1, 1)).fill(Rational.ZERO);
    for (const [e, c] of this.entries()) out[e[index]!] = c;
    return out;
  }

  static fromDense(n: number, index: number, coefficients: readonly Rational[]): Poly {
    const p = new Poly(n);
    coefficients.forEach((c, d) => {
      if (c.isZero()) return;
      const e = new Array(n).fill(0);
      e[index] = d;
      p.terms.set(key(e), c);
    });
    return p;
  }
}


/**
 * Work units (about a microsecond each) to multiply two coefficients of `bits` bits and add the product to
 * a sum: measured in Node for integers (2.2 µs at 2,048 bits, 10 at 8,192, 98 at 34,000) and fractions,
 * which are kept in lowest terms (27 µs at 2,048 bits, 154 at 8,192, 2,079 at 34,000); the prices sit above both.
 */
export function pairCost(bits: number, fractions: boolean): number {
  return fractions ? 5 + bits / 80 + 2 * (bits / 1024) ** 2 : 2 + bits / 1000 + 6 * (bits / 4096) ** 2;
}

/** Pairs of terms one product may multiply. */
const MAX_TERM_PAIRS = 400_000;

/**
 * Terms the k-th power of a polynomial of t terms and total degree d in n variables can have, at most:
 * the multisets of k of its terms, C(k + t − 1, k), and the monomials of degree ≤ k·d, C(k·d + n, n).
 */
export function estimatePower(t: number, n: number, k: number, d: number): number {
  const binomial = (N: number, r: number) => {
    let c = 1;
    for (let i = 1; i <= r; i++) {
      c = (c * (N - r + i)) / i;
      if (c > 1e12) return c;
    }
    return Math.round(c);
  };
  if (t <= 1) return 1;
  return Math.min(binomial(k + t - 1, Math.min(k, t - 1)), binomial(k * Math.max(d, 1) + n, Math.min(n, k * Math.max(d, 1))));
}

/** Lexicographic order of exponent vectors: the leading term of a division. */
function lexGreater(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** The term of p that leads in lexicographic order. */
export function leadingTerm(p: Poly): [number[], Rational] | undefined {
  let best: [number[], Rational] | undefined;
  for (const entry of p.entries()) if (!best || lexGreater(entry[0], best[0])) best = entry;
  return best;
}

/** p ÷ g when g divides p exactly (a single divisor: the remainder is zero exactly then), else undefined. */
export function divideExactly(p: Poly, g: Poly, budget?: Budget): Poly | undefined {
  const lead = leadingTerm(g);
  if (!lead) return undefined;
  let rest = p;
  let quotient = new Poly(p.n);
  for (let steps = 0; !rest.isZero(); steps++) {
    if (steps > MAX_EXPAND_TERMS) return undefined;
    const [e, c] = leadingTerm(rest)!;
    const shift = e.map((x, i) => x - lead[0][i]!);
    if (shift.some((x) => x < 0)) return undefined;
    const term = new Poly(p.n, new Map([[shift.join(","), c.div(lead[1])]]));
    quotient = quotient.add(term);
    rest = rest.add(term.mul(g, budget), -1);
  }
  return quotient;
}
