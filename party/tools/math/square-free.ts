/**
 * @module Exact polynomial arithmetic over the rationals: division, gcd, and Yun's square-free
 * decomposition, which gives every root's multiplicity exactly. A repeated root is where floating-point
 * root finders go wrong (a root of multiplicity 30 scatters into a ring of complex numbers, or into NaN);
 * its square-free factor has it once, where it is well conditioned.
 *
 * Polynomials are coefficient arrays from the constant term up (see polynomial.ts).
 */
import { Rational } from "./rational.ts";
import { degree } from "./polynomial.ts";
import type { Polynomial } from "./polynomial.ts";

const trim = (p: Polynomial): Polynomial => p.slice(0, Math.max(degree(p) + 1, 1));
const isZero = (p: Polynomial) => degree(p) < 0;

/** The polynomial divided by its leading coefficient. */
function monic(p: Polynomial): Polynomial {
  const q = trim(p);
  const lead = q[q.length - 1]!;
  return lead.isZero() ? q : q.map((c) => c.div(lead));
}

export function derivative(p: Polynomial): Polynomial {
  if (p.length <= 1) return [Rational.ZERO];
  return trim(p.slice(1).map((c, i) => c.mul(Rational.of(i + 1))));
}

function subtract(a: Polynomial, b: Polynomial): Polynomial {
  const out: Polynomial = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) out.push((a[i] ?? Rational.ZERO).sub(b[i] ?? Rational.ZERO));
  return trim(out);
}

/** Quotient and remainder of a ÷ b (b not zero). */
export function divide(a: Polynomial, b: Polynomial): { quotient: Polynomial; remainder: Polynomial } {
  const divisor = trim(b);
  const db = degree(divisor);
  const lead = divisor[db]!;
  const remainder = [...trim(a)];
  const quotient: Polynomial = Array.from({ length: Math.max(1, degree(remainder) - db + 1) }, () => Rational.ZERO);
  for (let d = degree(remainder); d >= db && d >= 0; d = degree(remainder)) {
    const factor = remainder[d]!.div(lead);
    quotient[d - db] = factor;
    for (let i = 0; i <= db; i++) remainder[i + d - db] = remainder[i + d - db]!.sub(factor.mul(divisor[i]!));
    remainder[d] = Rational.ZERO;
  }
  return { quotient: trim(quotient), remainder: trim(remainder) };
}

/** The monic gcd of two polynomials (Euclid's algorithm over the rationals). */
export function polynomialGcd(a: Polynomial, b: Polynomial): Polynomial {
  let [x, y] = [trim(a), trim(b)];
  while (!isZero(y)) [x, y] = [y, monic(divide(x, y).remainder)];
  return isZero(x) ? x : monic(x);
}

/**
 * Yun's algorithm: p = c · f₁ · f₂² · f₃³ · …, each fᵢ square-free and coprime to the others.
 * Answers the factors of degree ≥ 1 (monic) with their multiplicity.
 */
export function squareFreeFactors(p: Polynomial): { factor: Polynomial; multiplicity: number }[] {
  const f = monic(p);
  if (degree(f) < 1) return [];
  const df = derivative(f);
  const a = polynomialGcd(f, df);
  let b = divide(f, a).quotient;
  let c = divide(df, a).quotient;
  let d = subtract(c, derivative(b));
  const factors: { factor: Polynomial; multiplicity: number }[] = [];
  for (let i = 1; degree(b) >= 1; i++) {
    const g = polynomialGcd(b, d);
    if (degree(g) >= 1) factors.push({ factor: g, multiplicity: i });
    b = divide(b, g).quotient;
    c = divide(d, g).quotient;
    d = subtract(c, derivative(b));
  }
  return factors;
}
