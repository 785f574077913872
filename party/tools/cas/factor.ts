/**
 * @module Factoring: integers into primes, polynomials over the rationals (in one variable by
 * factor-univariate.ts; homogeneous ones in two variables through one; others by the engine), and
 * fractions as their factored numerator over their factored denominator. Every factorization is
 * multiplied back and compared with the input exactly.
 */
import { ToolError } from "../tool-error.ts";
import { Rational } from "../math/rational.ts";
import { MAX_FACTOR_DEGREE } from "./caps.ts";
import { factorUnivariate } from "./factor-univariate.ts";
import type { IntPoly } from "./factor-univariate.ts";
import { factorInteger } from "./integer-factor.ts";
import { hasInexact, headsOf, integer, rational, rationalValue } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { Poly } from "./poly.ts";
import { deepExpand, fromPoly, Ring, toPoly } from "./poly-convert.ts";
import { productParts } from "./print-parts.ts";
import type { Algebra } from "./session.ts";

export type Factorization = { result: Json; complete: boolean };

const product = (factors: Json[]): Json => (factors.length === 0 ? 1 : factors.length === 1 ? factors[0]! : ["Multiply", ...factors]);
const withPower = (base: Json, k: number): Json => (k === 1 ? base : ["Power", base, k]);

function factorNumber(q: { n: bigint; d: bigint }, algebra: Algebra): Json {
  const part = (m: bigint): Json[] => (m === 1n ? [] : factorInteger(m, algebra.budget).map(([p, e]) => withPower(integer(p), e)));
  const top = part(q.n < 0n ? -q.n : q.n);
  const bottom = part(q.d);
  let json: Json = top.length ? product(top) : 1;
  if (q.n === 0n) json = 0;
  if (bottom.length) json = ["Divide", json, product(bottom)];
  return q.n < 0n ? ["Negate", json] : json;
}

/** Signed content and factors as MathJSON: −2·(x + 1)²·(x² + 1). */
function assemble(content: Rational, factors: { json: Json; multiplicity: number }[]): Json {
  const parts = factors.map((f) => withPower(f.json, f.multiplicity));
  const magnitude = content.sign() < 0 ? content.neg() : content;
  const front = magnitude.equals(Rational.ONE) ? [] : [rational(magnitude.n, magnitude.d)];
  const body = product([...front, ...parts]);
  return content.sign() < 0 ? ["Negate", body] : body;
}

const asRationals = (p: IntPoly) => p.map((n) => new Rational(n));

function factorPolynomial(p: Poly, ring: Ring, algebra: Algebra): Factorization {
  const used = p.usedVariables();
  if (used.length === 0) {
    const c = p.constantValue()!;
    return { result: factorNumber({ n: c.n, d: c.d }, algebra), complete: true };
  }
  if (used.length === 1) return univariate(p, used[0]!, ring, algebra);
  if (used.length === 2 && homogeneous(p)) return homogeneousPair(p, used as [number, number], ring, algebra);
  return byEngine(p, ring, algebra);
}

function univariate(p: Poly, index: number, ring: Ring, algebra: Algebra): Factorization {
  if (p.degreeIn(index) > MAX_FACTOR_DEGREE) throw new ToolError(`polynomials of degree above ${MAX_FACTOR_DEGREE} are not factored here`);
  const { content, factors, complete } = factorUnivariate(p.dense(index), algebra.budget);
  const json = factors.map((f) => ({ json: fromPoly(Poly.fromDense(p.n, index, asRationals(f.poly)), ring), multiplicity: f.multiplicity }));
  return { result: assemble(content, json), complete };
}

function homogeneous(p: Poly): boolean {
  const degrees = new Set([...p.entries()].map(([e]) => e.reduce((s, x) => s + x, 0)));
  return degrees.size === 1;
}

/** f(x, y) homogeneous of degree n is yⁿ·f(x/y, 1): factor the one-variable polynomial, then homogenise back. */
function homogeneousPair(p: Poly, [x, y]: [number, number], ring: Ring, algebra: Algebra): Factorization {
  const n = p.totalDegree();
  if (n > MAX_FACTOR_DEGREE) throw new ToolError(`polynomials of degree above ${MAX_FACTOR_DEGREE} are not factored here`);
  const dense: Rational[] = new Array(n + 1).fill(Rational.ZERO);
  for (const [e, c] of p.entries()) dense[e[x]!] = c;
  const { content, factors, complete } = factorUnivariate(dense, algebra.budget);
  const homogenised = factors.map((f) => {
    const d = f.poly.length - 1;
    const q = new Poly(p.n);
    f.poly.forEach((c, k) => {
      if (c === 0n) return;
      const e = new Array(p.n).fill(0);
      e[x] = k;
      e[y] = d - k;
      q.terms.set(e.join(","), new Rational(c));
    });
    return { json: fromPoly(q, ring), multiplicity: f.multiplicity, degree: d };
  });
  // The degree lost when y = 1 is a power of y.
  const lost = n - homogenised.reduce((s, f) => s + f.degree * f.multiplicity, 0);
  const all = lost > 0 ? [{ json: ring.atoms[y]!, multiplicity: lost, degree: 1 }, ...homogenised] : homogenised;
  // Single variables first (x·y·(x − y)·(x + y)), then by degree.
  const key = (j: Json) => (typeof j === "string" ? `0${j}` : "1");
  all.sort((a, b) => (key(a.json) < key(b.json) ? -1 : key(a.json) > key(b.json) ? 1 : a.degree - b.degree));
  return { result: assemble(content, all), complete };
}

function byEngine(p: Poly, ring: Ring, algebra: Algebra): Factorization {
  if (p.totalDegree() > MAX_FACTOR_DEGREE) throw new ToolError(`polynomials of degree above ${MAX_FACTOR_DEGREE} are not factored here`);
  const expanded = fromPoly(p, ring);
  const answer = algebra.run("the factorization", ({ ce }) => ce.box(["Factor", expanded] as never).evaluate().json as Json);
  // The engine's answer counts only if it is exact and multiplies back to the polynomial.
  if (!headsOf(answer).has("Factor") && !hasInexact(answer) && samePolynomial(answer, expanded, algebra)) return { result: answer, complete: true };
  return { result: expanded, complete: false };
}

/** a and b expand to the same polynomial, over one ring (functions and roots as its generators). */
export function samePolynomial(a: Json, b: Json, algebra: Algebra): boolean {
  // Generators are compared in normal form: 1/(x − 1) written either way is one generator.
  const ring = new Ring();
  const inner = (j: Json) => deepExpand(j, algebra.budget);
  const [p, q] = [toPoly(a, ring, { opaque: true, inner, budget: algebra.budget }), toPoly(b, ring, { opaque: true, inner, budget: algebra.budget })];
  if (!p || !q) return false;
  const n = ring.atoms.length;
  const widen = (x: Poly) => new Poly(n, new Map([...x.entries()].map(([e, c]) => [[...e, ...new Array(n - e.length).fill(0)].join(","), c])));
  return widen(p).equals(widen(q));
}

export function factor(algebra: Algebra, json: Json): Factorization {
  const q = rationalValue(json);
  if (q) return { result: factorNumber(q, algebra), complete: true };
  const parts = productParts(json);
  const fraction = parts.denominator.some((d) => rationalValue(d) === undefined);
  if (fraction) {
    const top = factor(algebra, parts.negative ? ["Negate", product(parts.numerator)] : product(parts.numerator));
    const bottom = factor(algebra, product(parts.denominator));
    return { result: ["Divide", top.result, bottom.result], complete: top.complete && bottom.complete };
  }
  const ring = new Ring();
  const p = toPoly(json, ring, { opaque: true, budget: algebra.budget })!;
  const constant = p.constantValue();
  if (constant) return { result: factorNumber({ n: constant.n, d: constant.d }, algebra), complete: true };
  const result = factorPolynomial(p, ring, algebra);
  if (!samePolynomial(result.result, json, algebra)) throw new Error("factorization does not multiply back to the input");
  return result;
}
