/**
 * @module Cost models of transcendental functions (sines, logarithms, roots, hyperbolic functions): a
 * series per element, whose cost in decimals grows with the precision and, for some, with the value.
 * Units as in costs.ts.
 */
import type { BigNumber } from "mathjs";
import { isBigNumber, isComplex } from "./kinds.ts";
import { bigUnits, elementUnits, forEachElement, precisionOf } from "./weights.ts";

/**
 * What any call costs before it touches an element: typed-function dispatch, the guard, the model and
 * the result's check take a few microseconds.
 */
export const CALL_UNITS = 5;

/** Transcendental functions: a series per element; decimal.js's cost grows with the precision. */
const SLOWEST = new Set(["asin", "acos", "atan", "atan2", "acot", "asec", "acsc", "zeta"]);
/** decimal.js's inverse hyperbolic functions take a logarithm and a square root, and more digits for both. */
const SLOWER = new Set(["asinh", "acosh", "atanh", "acoth", "asech", "acsch"]);
const HYPERBOLIC = new Set(["sinh", "cosh", "tanh", "coth", "sech", "csch"]);
/** Roots converge by Newton's method: a few dozen multiplications, not a series. */
const ROOTS = new Set(["sqrt", "cbrt", "hypot"]);

/** Units of one transcendental function of a BigNumber. */
export function bigSeries(name: string, x: BigNumber): number {
  const precision = precisionOf(x);
  if (ROOTS.has(name)) return (name === "sqrt" ? 30 : 100) * bigUnits(precision);
  const series = 600 * Math.max(1, (precision / 64) ** 2.3) * (SLOWEST.has(name) ? 25 : SLOWER.has(name) ? 8 : 1);
  // exp of a large argument halves it down (about log₂ x times) and squares back up.
  if (name === "exp" || name === "expm1" || name === "pow" || name === "dotPow") return series * (1 + Math.log10(Math.abs(Number(x.valueOf())) + 1) / 6);
  if (!HYPERBOLIC.has(name)) return series;
  // decimal.js reduces a hyperbolic function's argument by 4^k, with k from the number of limbs rather
  // than from the magnitude: cosh(99999) sums about 70,000 Taylor terms (0.1 s), sinh(10⁷) millions.
  const limbs = (x as unknown as { d?: number[] }).d?.length ?? 1;
  const k = limbs < 3 ? 0 : limbs < 32 ? Math.ceil(limbs / 3) : 16;
  const terms = (Math.E * Math.abs(Number(x.valueOf()))) / 4 ** k;
  const reciprocal = name === "coth" || name === "csch" || name === "sech" || name === "tanh" ? 8 : 1;
  return (series + terms * 3 * bigUnits(precision)) * reciprocal;
}

export function transcendental(name: string): (args: unknown[]) => number {
  return (args) => {
    let units = CALL_UNITS;
    for (const arg of args) {
      if (typeof arg === "function") continue;
      forEachElement(arg, (x) => {
        if (isBigNumber(x)) units += bigSeries(name, x);
        else units += isComplex(x) ? 2 : elementUnits(x) * 3;
      });
    }
    return units;
  };
}

export const TRANSCENDENTAL = [
  "sin", "cos", "tan", "sec", "csc", "cot", "asin", "acos", "atan", "asec", "acsc", "acot", "atan2",
  "sinh", "cosh", "tanh", "sech", "csch", "coth", "asinh", "acosh", "atanh", "asech", "acsch", "acoth",
  "exp", "expm1", "log", "log2", "log10", "log1p", "sqrt", "cbrt", "nthRoot", "nthRoots", "gamma", "lgamma",
  "erf", "zeta", "hypot", "arg", "sinc", "kldivergence",
];
