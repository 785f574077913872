/**
 * @module Antiderivatives of sums of P(x)·e^(αx)·cos(βx) and P(x)·e^(αx)·sin(βx) (P a polynomial, α and β
 * rational), in closed form and exactly: x·sin(3x), x²·e^(−x), e^(2x)·sin(4x). The engine stumbles on
 * some of these (x·sin(3x) stays unevaluated; e^(2x)·sin(4x) runs out of work); here they take no search.
 *
 * With c = α + iβ: ∫ P·e^(cx) dx = e^(cx)·Σₖ (−1)ᵏ P⁽ᵏ⁾(x)/c^(k+1); the real and imaginary parts give the
 * cosine and sine cases.
 */
import { Rational } from "../math/rational.ts";
import type { Budget } from "../math/budget.ts";
import { args, head, mentions, rational, rationalValue } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { Poly } from "./poly.ts";
import { fromPoly, Ring, toPoly } from "./poly-convert.ts";
import { sumTerms } from "./print-parts.ts";

/** A complex rational a + bi. */
type Q = { re: Rational; im: Rational };
const qmul = (a: Q, b: Q): Q => ({ re: a.re.mul(b.re).sub(a.im.mul(b.im)), im: a.re.mul(b.im).add(a.im.mul(b.re)) });
const qinv = (a: Q): Q => {
  const d = a.re.mul(a.re).add(a.im.mul(a.im));
  return { re: a.re.div(d), im: a.im.neg().div(d) };
};

export type Term = { poly: Rational[]; alpha: Rational; beta: Rational; trig: "cos" | "sin" | "none" };

/** The rational k in k·x (or x), or undefined. */
function linearRate(json: Json, x: string): Rational | undefined {
  const ring = new Ring();
  ring.indexOf(x);
  const q = toPoly(json, ring, {});
  if (!q || ring.atoms.length !== 1 || q.degreeIn(0) !== 1) return undefined;
  const dense = q.dense(0);
  return dense[0]!.isZero() ? dense[1] : undefined;
}

/** The factors of a product, flattened through Multiply, Negate and division by a number. */
function factorsOf(json: Json): Json[] {
  const h = head(json);
  if (h === "Multiply") return args(json).flatMap(factorsOf);
  if (h === "Negate") return [-1, ...factorsOf(args(json)[0]!)];
  if (h === "Divide" && rationalValue(args(json)[1]!)) return [...factorsOf(args(json)[0]!), ["Divide", 1, args(json)[1]!]];
  return [json];
}

/** One term of the integrand as P(x)·e^(αx)·trig(βx), or undefined when it is not of that form. */
export function termOf(term: Json, x: string): Term | undefined {
  const factors = factorsOf(term);
  let alpha = Rational.ZERO;
  let beta = Rational.ZERO;
  let trig: Term["trig"] = "none";
  const polynomial: Json[] = [];
  for (const f of factors) {
    const h = head(f);
    if (!mentions(f, x)) {
      if (!rationalValue(f)) return undefined;
      polynomial.push(f);
      continue;
    }
    const exponent = h === "Exp" ? args(f)[0] : h === "Power" && args(f)[0] === "ExponentialE" ? args(f)[1] : undefined;
    if (exponent !== undefined) {
      const rate = linearRate(exponent, x);
      if (!rate) return undefined;
      alpha = alpha.add(rate);
      continue;
    }
    if ((h === "Sin" || h === "Cos") && trig === "none") {
      const rate = linearRate(args(f)[0]!, x);
      if (!rate) return undefined;
      beta = rate;
      trig = h === "Sin" ? "sin" : "cos";
      continue;
    }
    polynomial.push(f);
  }
  const ring = new Ring();
  ring.indexOf(x);
  const p = toPoly(polynomial.length === 1 ? polynomial[0]! : ["Multiply", ...polynomial], ring, {});
  if (!p || ring.atoms.length !== 1 || p.degreeIn(0) > 30) return undefined;
  // sin(−βx) = −sin(βx), cos(−βx) = cos(βx): keep β ≥ 0.
  let poly = p.dense(0);
  if (beta.sign() < 0) {
    beta = beta.neg();
    if (trig === "sin") poly = poly.map((c) => c.neg());
  }
  return { poly, alpha, beta, trig };
}

const derivative = (p: Rational[]) => p.slice(1).map((c, i) => c.mul(new Rational(BigInt(i + 1))));

/** ∫ P·e^(αx)·trig(βx) dx as MathJSON. */
function integrateTerm({ poly, alpha, beta, trig }: Term, x: string, n: number): Json {
  const ring = new Ring();
  ring.indexOf(x);
  const asJson = (coefficients: Rational[]) => fromPoly(Poly.fromDense(n, 0, coefficients), ring);
  if (alpha.isZero() && trig === "none") return asJson([Rational.ZERO, ...poly.map((c, i) => c.div(new Rational(BigInt(i + 1))))]);
  // Σₖ (−1)ᵏ P⁽ᵏ⁾ / c^(k+1) = A + iB, polynomials in x.
  const c: Q = { re: alpha, im: trig === "none" ? Rational.ZERO : beta };
  const inverse = qinv(c);
  let power = inverse;
  let derivativeK = poly;
  const A: Rational[] = new Array(poly.length).fill(Rational.ZERO);
  const B: Rational[] = new Array(poly.length).fill(Rational.ZERO);
  for (let k = 0; derivativeK.length > 0 && derivativeK.some((q) => !q.isZero()); k++) {
    const sign = k % 2 === 0 ? Rational.ONE : Rational.ONE.neg();
    derivativeK.forEach((q, i) => {
      A[i] = A[i]!.add(q.mul(power.re).mul(sign));
      B[i] = B[i]!.add(q.mul(power.im).mul(sign));
    });
    power = qmul(power, inverse);
    derivativeK = derivative(derivativeK);
  }
  const exponential: Json[] = alpha.isZero() ? [] : [["Power", "ExponentialE", alpha.equals(Rational.ONE) ? x : ["Multiply", rational(alpha.n, alpha.d), x]]];
  const times = (body: Json): Json => (exponential.length ? ["Multiply", body, ...exponential] : body);
  if (trig === "none" || beta.isZero()) return times(asJson(A));
  const angle: Json = beta.equals(Rational.ONE) ? x : ["Multiply", rational(beta.n, beta.d), x];
  // Re[(A + iB)(cos + i sin)] = A cos − B sin;  Im[…] = A sin + B cos.
  const [first, second] = trig === "cos" ? [A, B.map((q) => q.neg())] : [B, A];
  const parts = [
    ...(first.some((q) => !q.isZero()) ? [["Multiply", asJson(first), ["Cos", angle]] as Json] : []),
    ...(second.some((q) => !q.isZero()) ? [["Multiply", asJson(second), ["Sin", angle]] as Json] : []),
  ];
  return times(parts.length === 1 ? parts[0]! : ["Add", ...parts]);
}

/** The antiderivative, or undefined when some term is not of the form P(x)·e^(αx)·trig(βx). */
export function elementaryAntiderivative(json: Json, x: string, budget?: Budget): Json | undefined {
  const terms = sumTerms(json).map((t) => termOf(t, x));
  if (terms.some((t) => !t) || !terms.some((t) => !t!.alpha.isZero() || t!.trig !== "none")) return undefined;
  budget?.spend(terms.reduce((s, t) => s + t!.poly.length ** 2 * 20, 0));
  const parts = terms.map((t) => integrateTerm(t!, x, 1));
  return parts.length === 1 ? parts[0]! : ["Add", ...parts];
}
