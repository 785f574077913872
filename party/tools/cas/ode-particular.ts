/**
 * @module A particular solution of Σ aₖ·y⁽ᵏ⁾ = g(x) when g is a sum of P(x)·e^(αx)·cos(βx) and
 * P(x)·e^(αx)·sin(βx): the method of undetermined coefficients, exactly. With c = α + iβ of multiplicity
 * m as a root of the characteristic polynomial p, y = x^m·Q(x)·e^(cx) where p(D + c)[x^m·Q] = P, a
 * triangular linear system for Q's coefficients; the real or imaginary part gives the cosine or sine case.
 */
import { Rational } from "../math/rational.ts";
import type { Budget } from "../math/budget.ts";
import { termOf } from "./integrate-elementary.ts";
import type { Term } from "./integrate-elementary.ts";
import { rational } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { Poly } from "./poly.ts";
import { fromPoly, Ring } from "./poly-convert.ts";
import { sumTerms } from "./print-parts.ts";

type Q = { re: Rational; im: Rational };
const ZERO: Q = { re: Rational.ZERO, im: Rational.ZERO };
const add = (a: Q, b: Q): Q => ({ re: a.re.add(b.re), im: a.im.add(b.im) });
const mul = (a: Q, b: Q): Q => ({ re: a.re.mul(b.re).sub(a.im.mul(b.im)), im: a.re.mul(b.im).add(a.im.mul(b.re)) });
const scale = (a: Q, r: Rational): Q => ({ re: a.re.mul(r), im: a.im.mul(r) });
const div = (a: Q, b: Q): Q => {
  const d = b.re.mul(b.re).add(b.im.mul(b.im));
  return { re: a.re.mul(b.re).add(a.im.mul(b.im)).div(d), im: a.im.mul(b.re).sub(a.re.mul(b.im)).div(d) };
};
const isZero = (a: Q) => a.re.isZero() && a.im.isZero();
const factorial = (k: number) => Array.from({ length: k }, (_, i) => BigInt(i + 1)).reduce((f, n) => f * n, 1n);

/** p⁽ʲ⁾(c)/j! for every j: the coefficients of p(D + c) in powers of D. */
function shifted(p: Rational[], c: Q): Q[] {
  return p.map((_, j) => {
    let sum = ZERO;
    let power: Q = { re: Rational.ONE, im: Rational.ZERO };
    for (let k = j; k < p.length; k++) {
      if (k > j) power = mul(power, c);
      // d^j/ds^j s^k / j! = C(k, j) s^(k−j)
      const binomial = new Rational(factorial(k), factorial(j) * factorial(k - j));
      sum = add(sum, scale(power, p[k]!.mul(binomial)));
    }
    return sum;
  });
}

/** R = x^m·Q with p(D + c)[R] = P: R's coefficients, by back-substitution from the top degree. */
function solveShifted(p: Rational[], c: Q, P: Rational[]): { R: Q[]; m: number } {
  const L = shifted(p, c);
  let m = 0;
  while (m < L.length && isZero(L[m]!)) m++;
  const d = P.length - 1;
  const R: Q[] = new Array(m + d + 1).fill(ZERO);
  // The coefficient of x^t in Σ_j L_j·D^j(Σ r_k x^k) is Σ_j L_j·r_(t+j)·(t+j)!/t!.
  for (let t = d; t >= 0; t--) {
    let rest: Q = { re: P[t] ?? Rational.ZERO, im: Rational.ZERO };
    for (let j = m + 1; j < L.length; j++) {
      const k = t + j;
      if (k >= R.length) continue;
      rest = add(rest, scale(mul(L[j]!, R[k]!), new Rational(-factorial(k), factorial(t))));
    }
    const k = t + m;
    R[k] = div(rest, scale(L[m]!, new Rational(factorial(k), factorial(t))));
  }
  return { R, m };
}

function particularTerm(p: Rational[], term: Term, x: string): Json {
  const c: Q = { re: term.alpha, im: term.trig === "none" ? Rational.ZERO : term.beta };
  const { R } = solveShifted(p, c, term.poly);
  const ring = new Ring();
  ring.indexOf(x);
  const asJson = (coefficients: Rational[]) => fromPoly(Poly.fromDense(1, 0, coefficients), ring);
  const re = R.map((q) => q.re);
  const im = R.map((q) => q.im);
  const exponential: Json[] = term.alpha.isZero() ? [] : [["Power", "ExponentialE", ["Multiply", rational(term.alpha.n, term.alpha.d), x]]];
  const times = (body: Json): Json => (exponential.length ? ["Multiply", body, ...exponential] : body);
  if (term.trig === "none" || term.beta.isZero()) return times(asJson(re));
  const angle: Json = term.beta.equals(Rational.ONE) ? x : ["Multiply", rational(term.beta.n, term.beta.d), x];
  // Re[(A + iB)(cos + i sin)] = A cos − B sin;  Im[…] = A sin + B cos.
  const [cosPart, sinPart] = term.trig === "cos" ? [re, im.map((q) => q.neg())] : [im, re];
  const parts: Json[] = [];
  if (cosPart.some((q) => !q.isZero())) parts.push(["Multiply", asJson(cosPart), ["Cos", angle]]);
  if (sinPart.some((q) => !q.isZero())) parts.push(["Multiply", asJson(sinPart), ["Sin", angle]]);
  return times(parts.length === 1 ? parts[0]! : ["Add", ...parts]);
}

/** y_p for the forcing g, or undefined when g is not a sum of such terms. */
export function undeterminedCoefficients(p: Rational[], forcing: Json, x: string, budget?: Budget): Json | undefined {
  const terms = sumTerms(forcing).map((t) => termOf(t, x));
  if (terms.some((t) => !t)) return undefined;
  budget?.spend(terms.reduce((s, t) => s + (t!.poly.length + p.length) ** 2 * 50, 0));
  const parts = terms.map((t) => particularTerm(p, t!, x));
  return parts.length === 1 ? parts[0]! : ["Add", ...parts];
}
