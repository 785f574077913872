/**
 * @module Greatest common divisors and least common multiples of integers and of polynomials with
 * rational coefficients. One variable: Euclid's algorithm, exactly. Several: the engine's answer,
 * accepted only when it divides every polynomial exactly and leaves coprime quotients.
 */
import { ToolError } from "../tool-error.ts";
import { gcd as integerGcd, Rational } from "../math/rational.ts";
import { polynomialGcd } from "../math/square-free.ts";
import { hasInexact, headsOf, integerValue, rational } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { divideExactly, Poly } from "./poly.ts";
import { fromPoly, Ring, toPoly } from "./poly-convert.ts";
import { primitive } from "./factor-univariate.ts";
import type { Algebra } from "./session.ts";

export type Divisor = { result: Json; kind: "integer" | "rational" | "polynomial" };

const widen = (p: Poly, n: number) => new Poly(n, new Map([...p.entries()].map(([e, c]) => [[...e, ...new Array(n - e.length).fill(0)].join(","), c])));

/** The polynomials over one ring, or the integers, of the inputs. */
function read(items: Json[], algebra: Algebra): { integers: bigint[] } | { polys: Poly[]; ring: Ring } {
  const integers = items.map(integerValue);
  if (integers.every((n) => n !== undefined)) return { integers: integers as bigint[] };
  const ring = new Ring();
  const polys = items.map((item, k) => {
    const p = toPoly(item, ring, { budget: algebra.budget });
    if (!p) throw new ToolError(`value ${k + 1} is neither a number nor a polynomial (gcd and lcm take integers, fractions or polynomials)`);
    return p;
  });
  return { polys: polys.map((p) => widen(p, ring.atoms.length)), ring };
}

/** Integer content (the gcd of the coefficients, when they are integers) and the rest. */
function content(p: Poly): bigint {
  let g = 0n;
  for (const c of p.terms.values()) {
    if (!c.isInteger()) return 1n;
    g = integerGcd(g, c.n);
  }
  return g || 1n;
}

/** A gcd made unique: integer coefficients, positive leading coefficient, times the common integer content. */
function normalise(g: Poly, index: number | undefined, common: bigint): Poly {
  if (index === undefined) return g;
  const { poly } = primitive(g.dense(index));
  return Poly.fromDense(g.n, index, poly.map((n) => new Rational(n * common)));
}

function gcdPair(a: Poly, b: Poly, algebra: Algebra, ring: Ring): Poly {
  if (a.isZero()) return b;
  if (b.isZero()) return a;
  const used = [...new Set([...a.usedVariables(), ...b.usedVariables()])];
  const common = integerGcd(content(a), content(b)) || 1n;
  if (used.length <= 1) {
    const index = used[0] ?? 0;
    const g = Poly.fromDense(a.n, index, polynomialGcd(a.dense(index), b.dense(index)));
    return normalise(g, used.length ? index : undefined, common);
  }
  const answer = algebra.run("the greatest common divisor", ({ ce }) =>
    ce.box(["PolynomialGCD", fromPoly(a, ring), fromPoly(b, ring)] as never).evaluate().json as Json,
  );
  const g = !headsOf(answer).has("PolynomialGCD") && !hasInexact(answer) ? toPoly(answer, ring, { budget: algebra.budget }) : undefined;
  const wide = g && widen(g, a.n);
  const qa = wide && divideExactly(a, wide, algebra.budget);
  const qb = wide && divideExactly(b, wide, algebra.budget);
  if (!wide || !qa || !qb || !coprime(qa, qb)) throw new ToolError("the greatest common divisor of these polynomials could not be determined reliably");
  return wide;
}

/** Coprime (with near certainty): at two substitutions of integers for all variables but one, the gcd is 1. */
function coprime(a: Poly, b: Poly): boolean {
  const used = [...new Set([...a.usedVariables(), ...b.usedVariables()])];
  if (used.length === 0) return true;
  const [keep, ...others] = used;
  for (const seed of [7, 13]) {
    const values = new Map(others.map((v, k) => [v, new Rational(BigInt(seed + 3 * k))]));
    const collapse = (p: Poly) => {
      const dense: Rational[] = new Array(p.degreeIn(keep!) + 1).fill(Rational.ZERO);
      for (const [e, c] of p.entries()) {
        let term = c;
        for (const [v, x] of values) term = term.mul(new Rational(x.n ** BigInt(e[v]!)));
        dense[e[keep!]!] = dense[e[keep!]!]!.add(term);
      }
      return dense;
    };
    const g = polynomialGcd(collapse(a), collapse(b));
    if (g.length <= 1) return true;
  }
  return false;
}

const abs = (n: bigint) => (n < 0n ? -n : n);
const integerLcm = (a: bigint, b: bigint) => (a === 0n || b === 0n ? 0n : abs((a / integerGcd(a, b)) * b));

/** The numbers of constant polynomials (no variable at all), or undefined when any input has a variable. */
function constants(input: { polys: Poly[]; ring: Ring }): Rational[] | undefined {
  if (input.ring.atoms.length > 0) return undefined;
  return input.polys.map((p) => [...p.terms.values()][0] ?? Rational.ZERO);
}

/**
 * Of rational numbers, the usual extension: gcd(a/b, c/d) = gcd(a, c)/lcm(b, d), the largest rational
 * that divides both an integer number of times; lcm(a/b, c/d) = lcm(a, c)/gcd(b, d).
 */
function rationalDivisor(numbers: Rational[], greatest: boolean): Divisor {
  const [tops, bottoms] = [numbers.map((r) => r.n), numbers.map((r) => r.d)];
  const value = greatest
    ? new Rational(tops.reduce(integerGcd, 0n), bottoms.reduce(integerLcm, 1n))
    : new Rational(tops.reduce(integerLcm, 1n), bottoms.reduce(integerGcd, 0n));
  return { result: rational(value.n, value.d), kind: value.d === 1n ? "integer" : "rational" };
}

export function gcdOf(algebra: Algebra, items: Json[]): Divisor {
  const input = read(items, algebra);
  if ("integers" in input) return { result: rational(input.integers.reduce((g, n) => integerGcd(g, n), 0n), 1n), kind: "integer" };
  const numbers = constants(input);
  if (numbers) return rationalDivisor(numbers, true);
  const g = input.polys.reduce((acc, p) => gcdPair(acc, p, algebra, input.ring));
  return { result: fromPoly(g, input.ring), kind: "polynomial" };
}

export function lcmOf(algebra: Algebra, items: Json[]): Divisor {
  const input = read(items, algebra);
  if ("integers" in input) {
    const lcm = input.integers.reduce((l, n) => (n === 0n || l === 0n ? 0n : (l / integerGcd(l, n)) * (n < 0n ? -n : n)), 1n);
    return { result: rational(lcm, 1n), kind: "integer" };
  }
  const numbers = constants(input);
  if (numbers) return rationalDivisor(numbers, false);
  const l = input.polys.reduce((acc, p) => {
    const g = gcdPair(acc, p, algebra, input.ring);
    const quotient = divideExactly(acc.mul(p, algebra.budget), g, algebra.budget);
    if (!quotient) throw new ToolError("the least common multiple of these polynomials could not be determined reliably");
    return quotient;
  });
  // The multiple's integer content is the lcm of the contents: only its sign is normalised.
  const used = l.usedVariables();
  const lead = used.length === 1 ? l.dense(used[0]!).at(-1) : undefined;
  return { result: fromPoly(lead && lead.sign() < 0 ? l.scale(Rational.ONE.neg()) : l, input.ring), kind: "polynomial" };
}
