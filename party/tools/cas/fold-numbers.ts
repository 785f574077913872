/**
 * @module Exact arithmetic on the parts of an expression made only of rational numbers, done before the
 * algebra engine sees it: the engine differentiates c·x² with c = (10¹⁶ + 50)³ left as a power into a
 * 30-digit decimal (2.00000000000003000000000000016e+48·x), and leaves (−1)^1000001 unevaluated; given the
 * integer itself it is exact. Each result's size is bounded before it is computed, as the preflight
 * bounds the numbers it can see (an exponent that is itself a sum or power, 2^(10^9), it cannot).
 */
import { Rational } from "../math/rational.ts";
import { bitLength, integerRoot } from "../math/exact-float.ts";
import { MAX_EXACT_DENOMINATOR_BITS, MAX_EXACT_NUMBER_BITS, MAX_EXACT_TOTAL_BITS, MAX_SYMBOLIC_COEFFICIENT_BITS } from "./caps.ts";
import { ToolError } from "../tool-error.ts";
import { args, head, mapTree, rational, rationalValue } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";

const exact = (node: Json): Rational | undefined => {
  const value = rationalValue(node);
  return value && new Rational(value.n, value.d);
};

const digitsOf = (bits: number) => (Number.isFinite(bits) ? Math.round(bits * Math.LOG10E * Math.LN2).toLocaleString("en-US") : "countless");

/** The refusal of an exact number of `bits` too many, or of too many bits in all. */
export function tooLarge(what: string, bits: number | "in all", kind: "number" | "denominator" | "coefficients" = "number"): ToolError {
  if (bits === "in all") return new ToolError(`${what}: the exact numbers in it would have more than ${digitsOf(MAX_EXACT_TOTAL_BITS)} digits in all; make them smaller`);
  if (kind === "coefficients") {
    return new ToolError(`${what}: expanded, it would have coefficients of about ${digitsOf(bits)} digits, more than the ${digitsOf(MAX_SYMBOLIC_COEFFICIENT_BITS)} a shared room computes; make its numbers or powers smaller`);
  }
  if (kind === "denominator") {
    return new ToolError(`${what}: a fraction in it would have a denominator of about ${digitsOf(bits)} digits, more than the ${digitsOf(MAX_EXACT_DENOMINATOR_BITS)} a shared room computes; make it smaller`);
  }
  return new ToolError(`${what}: a number in it would have about ${digitsOf(bits)} digits exactly, more than the ${digitsOf(MAX_EXACT_NUMBER_BITS)} a shared room computes; make it smaller`);
}

/** Refuses a number of these sizes (estimated before it is computed); `total` counts all of a call's. */
export function checkSize(what: string, bits: number, denominatorBits: number, total: number): void {
  if (bits > MAX_EXACT_NUMBER_BITS) throw tooLarge(what, bits);
  if (denominatorBits > MAX_EXACT_DENOMINATOR_BITS) throw tooLarge(what, denominatorBits, "denominator");
  if (total > MAX_EXACT_TOTAL_BITS) throw tooLarge(what, "in all");
}

/** log₂|n| (0 for 0 and ±1). */
export function log2Of(n: bigint): number {
  const magnitude = n < 0n ? -n : n;
  if (magnitude <= 1n) return 0;
  const bits = bitLength(magnitude);
  return bits <= 1000 ? Math.log2(Number(magnitude)) : bits;
}

const sizeOf = (r: Rational) => Math.max(log2Of(r.n), log2Of(r.d));
const denominatorOf = (r: Rational) => log2Of(r.d);

/** The q-th root of a positive rational when it is rational ((17^12)^(1/3) = 83521), else undefined. */
function exactRoot(base: Rational, q: bigint): Rational | undefined {
  if (base.sign() <= 0 || q < 2n || q > 64n) return undefined;
  const [n, d] = [integerRoot(base.n, q), integerRoot(base.d, q)];
  return n ** q === base.n && d ** q === base.d ? new Rational(n, d) : undefined;
}

function power(base: Rational, exponent: Rational, bound: (bits: number, denominatorBits: number) => void): Rational | undefined {
  if (!exponent.isInteger()) {
    // An exact root is computed, so the checks read its value (factorial((17^12)^(1/3)) slipped past them).
    const root = exactRoot(base, exponent.d);
    return root && power(root, new Rational(exponent.n), bound);
  }
  if (base.isZero()) return exponent.sign() > 0 ? Rational.ZERO : undefined;
  const k = exponent.n < 0n ? -exponent.n : exponent.n;
  // ±1 to any power stays one bit; anything else grows by its size per unit of the exponent.
  if (base.d === 1n && (base.n === 1n || base.n === -1n)) return new Rational(base.n ** (k % 2n));
  bound(Number(k) * sizeOf(base), Number(k) * (exponent.sign() < 0 ? log2Of(base.n) : denominatorOf(base)));
  const raised = new Rational(base.n ** k, base.d ** k);
  return exponent.sign() < 0 ? Rational.ONE.div(raised) : raised;
}

/** The parts of json made only of rational numbers, computed; what = the input's name in a refusal. */
export function foldNumbers(json: Json, what = "the expression"): Json {
  let total = 0;
  const bound = (bits: number, denominatorBits: number) => {
    total += bits;
    checkSize(what, bits, denominatorBits, total);
  };
  /** One node whose arguments are all rational numbers, computed; anything else (0/0, 2^(1/2), sin(1)) as it was. */
  const fold = (node: Json): Json => {
    const h = head(node);
    if (!h || h === "Rational") return node;
    if (h === "Root" && exact(args(node)[1] ?? 1)?.isZero()) throw new ToolError(`${what} has a root of order 0 (nthRoot(a, 0)), which is undefined`);
    const values = args(node).map(exact);
    if (values.length === 0 || values.some((v) => !v)) return node;
    const numbers = values as Rational[];
    const [a, b] = numbers;
    const sum = numbers.map(sizeOf).reduce((t, n) => t + n, 0);
    const denominators = numbers.map(denominatorOf).reduce((t, n) => t + n, 0);
    let result: Rational | undefined;
    switch (h) {
      case "Add":
        bound(sum + 1, denominators);
        result = numbers.reduce((total, v) => total.add(v), Rational.ZERO);
        break;
      case "Multiply":
        bound(sum, denominators);
        result = numbers.reduce((product, v) => product.mul(v), Rational.ONE);
        break;
      case "Subtract":
        if (numbers.length === 2) bound(sum + 1, denominators);
        result = numbers.length === 2 ? a!.sub(b!) : undefined;
        break;
      case "Divide":
        if (numbers.length === 2) bound(sum, denominatorOf(a!) + log2Of(b!.n));
        result = numbers.length === 2 && !b!.isZero() ? a!.div(b!) : undefined;
        break;
      case "Negate":
        result = numbers.length === 1 ? a!.neg() : undefined;
        break;
      case "Power":
        // A negative number to a fractional power is its principal value, as in number mode (mathjs), and
        // not the engine's real root for odd denominators: (−8)^(1/3) is 1 + √3·i, as cbrt(−8) is −2.
        if (numbers.length === 2 && a!.sign() < 0 && !b!.isInteger() && b!.d % 2n === 1n) {
          return ["Multiply", mapTree(["Power", rational(-a!.n, a!.d), rational(b!.n, b!.d)], fold), ["Exp", ["Multiply", ["Complex", 0, 1], "Pi", rational(b!.n, b!.d)]]];
        }
        result = numbers.length === 2 ? power(a!, b!, bound) : undefined;
        break;
      case "Sqrt":
        result = numbers.length === 1 ? exactRoot(a!, 2n) : undefined;
        break;
      case "Root":
        result = numbers.length === 2 && b!.isInteger() ? exactRoot(a!, b!.n) : undefined;
        break;
      // A rational is real: conj(2^7) is 128, so (10^300)^conj(2^7) is a power the checks can size.
      case "Conjugate":
      case "Real":
        result = numbers.length === 1 ? a : undefined;
        break;
      case "Imaginary":
        result = numbers.length === 1 ? Rational.ZERO : undefined;
        break;
      case "Max":
      case "Min": {
        // Compared by the sign of the difference (d > 0 always): max(10^60, 99986) is a number a check can read.
        const larger = (x: Rational, y: Rational) => x.n * y.d > y.n * x.d;
        result = numbers.reduce((best, v) => ((h === "Max" ? larger(v, best) : larger(best, v)) ? v : best));
        break;
      }
    }
    return result ? rational(result.n, result.d) : node;
  };
  return mapTree(json, fold);
}
