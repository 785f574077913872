/**
 * @module All complex roots of a polynomial with rational coefficients, with their multiplicities: it is
 * factored over the rationals first (factor-univariate.ts), and each irreducible factor is solved on its
 * own, in closed form up to degree 4 (exact-roots.ts) and numerically beyond. So x⁶ − 1 has six exact
 * roots, (3x + 8)³ one root of multiplicity 3, and (x − 3)⁴(x + 4) the roots 3 (4 times) and −4.
 */
import { Rational } from "../math/rational.ts";
import type { Budget } from "../math/budget.ts";
import { complexText, polynomialRootsExact } from "../math/exact-roots.ts";
import type { Complex } from "../math/numeric-roots.ts";
import { factorUnivariate } from "./factor-univariate.ts";

export type PolynomialRoot = { text: string; value: Complex; exact: boolean; multiplicity: number };

/** Equal roots once each; real roots first in increasing order, then complex ones by real and imaginary part. */
function order(roots: PolynomialRoot[]): PolynomialRoot[] {
  return roots.sort((a, b) => {
    const [x, y] = [a.value, b.value];
    const re = Math.abs(x.re - y.re) <= 1e-9 * Math.max(1, Math.abs(x.re)) ? 0 : x.re - y.re;
    return Number(x.im !== 0) - Number(y.im !== 0) || re || x.im - y.im;
  });
}

export function polynomialRoots(coefficients: readonly Rational[], budget?: Budget): PolynomialRoot[] {
  const { factors } = factorUnivariate(coefficients, budget);
  const roots: PolynomialRoot[] = [];
  for (const { poly, multiplicity } of factors) {
    budget?.spend(poly.length ** 3 * 20);
    const found = polynomialRootsExact(poly.map((n) => new Rational(n)));
    for (const root of found) {
      const text = root.exact ? root.expression : complexText(root.value);
      roots.push({ text, value: root.value, exact: root.exact, multiplicity });
    }
  }
  return order(roots);
}
