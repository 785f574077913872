/**
 * @module Linear differential equations with constant coefficients, Σ aₖ·y⁽ᵏ⁾ = g(x): recognised, and their
 * homogeneous solutions built exactly from the characteristic polynomial's factors over the rationals:
 * a root r of multiplicity m gives xʲ·e^(rx), a pair α ± iβ gives xʲ·e^(αx)·cos(βx) and xʲ·e^(αx)·sin(βx).
 */
import { Rational } from "../math/rational.ts";
import type { Budget } from "../math/budget.ts";
import { polynomialRootsExact } from "../math/exact-roots.ts";
import { factorUnivariate } from "./factor-univariate.ts";
import { mentions, rational } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { fromPoly, Ring, toPoly } from "./poly-convert.ts";
import { Poly } from "./poly.ts";

export type LinearOde = { coefficients: Rational[]; forcing: Json };

/** Placeholders for y, y', y'', … while the equation is read as a polynomial. */
export const placeholder = (k: number) => `Y__${k}`;

/**
 * d (with y⁽ᵏ⁾ already replaced by placeholders) as Σ aₖ·Y__k + r(x) with rational aₖ, or undefined.
 * The equation d = 0 is then Σ aₖ·y⁽ᵏ⁾ = −r(x).
 */
export function linearConstantCoefficients(d: Json, order: number, budget?: Budget): LinearOde | undefined {
  const ring = new Ring();
  const ys = Array.from({ length: order + 1 }, (_, k) => ring.indexOf(placeholder(k)));
  const p = toPoly(d, ring, { opaque: true, budget });
  if (!p) return undefined;
  // y inside anything else (1/y, sin(y), y^(1/2)) makes it non-linear.
  if (ring.atoms.some((atom, i) => !ys.includes(i) && Array.from({ length: order + 1 }, (_, k) => placeholder(k)).some((y) => mentions(atom, y)))) return undefined;
  const coefficients = ys.map(() => Rational.ZERO);
  const rest = new Poly(p.n);
  for (const [e, c] of p.entries()) {
    const inY = ys.filter((i) => (e[i] ?? 0) > 0);
    if (inY.length === 0) {
      rest.terms.set(e.join(","), c);
      continue;
    }
    // A term with y in it must be a constant times one y⁽ᵏ⁾, nothing else.
    const k = ys.indexOf(inY[0]!);
    if (inY.length > 1 || e[inY[0]!] !== 1 || e.some((x, i) => i !== inY[0] && x > 0)) return undefined;
    coefficients[k] = coefficients[k]!.add(c);
  }
  if (coefficients[order]!.isZero()) return undefined;
  const r = fromPoly(rest, ring);
  return { coefficients, forcing: rest.isZero() ? 0 : ["Negate", r] };
}

const times = (...factors: Json[]): Json => {
  const kept = factors.filter((f) => f !== 1);
  return kept.length === 0 ? 1 : kept.length === 1 ? kept[0]! : ["Multiply", ...kept];
};
const exp = (rate: Json, x: string): Json => (rate === 0 ? 1 : ["Power", "ExponentialE", rate === 1 ? x : ["Multiply", rate, x]]);
const xPower = (j: number, x: string): Json => (j === 0 ? 1 : j === 1 ? x : ["Power", x, j]);

/** The homogeneous solutions' basis, whether every one of them is exact, and the characteristic roots used. */
export function homogeneousBasis(coefficients: Rational[], x: string, read: (text: string) => Json, budget?: Budget): { basis: Json[]; exact: boolean; roots: { re: number; im: number }[] } {
  const basis: Json[] = [];
  const roots: { re: number; im: number }[] = [];
  let exact = true;
  for (const { poly, multiplicity } of factorUnivariate(coefficients, budget).factors) {
    const d = poly.length - 1;
    const pushWith = (...parts: Json[]) => {
      for (let j = 0; j < multiplicity; j++) basis.push(times(xPower(j, x), ...parts));
    };
    if (d === 1) {
      roots.push({ re: Number(-poly[0]!) / Number(poly[1]!), im: 0 });
      pushWith(exp(rational(-poly[0]!, poly[1]!), x));
      continue;
    }
    if (d === 2) {
      const [c, b, a] = poly as [bigint, bigint, bigint];
      const disc = b * b - 4n * a * c;
      const alpha = rational(-b, 2n * a);
      const [re, spread] = [-Number(b) / (2 * Number(a)), Math.sqrt(Math.abs(Number(disc))) / (2 * Number(a))];
      if (disc < 0n) roots.push({ re, im: spread }, { re, im: -spread });
      else roots.push({ re: re - spread, im: 0 }, { re: re + spread, im: 0 });
      if (disc < 0n) {
        // α ± iβ with β = √(4ac − b²)/(2a), the root simplified: √(s²m) = s√m.
        const beta = surd(-disc, 2n * a);
        pushWith(exp(alpha, x), ["Cos", ["Multiply", beta, x]]);
        pushWith(exp(alpha, x), ["Sin", ["Multiply", beta, x]]);
      } else {
        for (const sign of [-1n, 1n]) {
          const root = surd(disc, 2n * a);
          pushWith(exp(["Add", alpha, sign < 0n ? ["Negate", root] : root], x));
        }
      }
      continue;
    }
    // Degree 3 and up: closed forms where exact-roots has them; complex pairs of a cubic numerically.
    const found = polynomialRootsExact(poly.map((n) => new Rational(n)));
    const seen: { re: number; im: number }[] = [];
    for (const root of found) {
      roots.push(root.value);
      if (root.value.im === 0) {
        pushWith(exp(root.exact ? read(root.expression) : { num: String(root.value.re) }, x));
        exact &&= root.exact;
        continue;
      }
      if (root.value.im < 0 || seen.some((s) => Math.abs(s.re - root.value.re) + Math.abs(s.im - root.value.im) < 1e-9)) continue;
      seen.push(root.value);
      exact = false;
      pushWith(exp({ num: String(root.value.re) }, x), ["Cos", ["Multiply", { num: String(root.value.im) }, x]]);
      pushWith(exp({ num: String(root.value.re) }, x), ["Sin", ["Multiply", { num: String(root.value.im) }, x]]);
    }
  }
  return { basis, exact, roots };
}

/** √n/d with square factors taken out of the root: √16/2 is 2, √12/2 is √3. */
function surd(n: bigint, d: bigint): Json {
  let [s, m] = [1n, n];
  for (let p = 2n; p * p <= m && p < 100_000n; p++) {
    while (m % (p * p) === 0n) {
      m /= p * p;
      s *= p;
    }
  }
  const coefficient = rational(s, d);
  if (m === 1n) return coefficient;
  return coefficient === 1 ? ["Sqrt", rational(m, 1n)] : ["Multiply", coefficient, ["Sqrt", rational(m, 1n)]];
}
