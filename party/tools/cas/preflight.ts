/**
 * @module Checks on an expression before the algebra engine works on it: its size and depth, how deeply
 * functions nest, and the numbers whose exact value would be huge (factorials, powers). The meter stops
 * what slips through; these checks refuse it at once, with a reason a person can act on.
 */
import { ToolError } from "../tool-error.ts";
import { MAX_EXACT_BITS, MAX_FACTORIAL } from "../math/limits.ts";
import { MAX_CAS_DEPTH, MAX_CAS_NODES, MAX_EXACT_TERMS, MAX_FUNCTION_NESTING } from "./caps.ts";
import { args, head, integerValue, nodeCount, rationalValue } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";

/** Heads that do not count as a level of function nesting: arithmetic, and roots and powers with constant exponents. */
const ARITHMETIC = new Set(["Add", "Subtract", "Multiply", "Divide", "Negate", "Rational", "Complex", "Sqrt", "Root", "Abs", "List", "Matrix", "Equal", "NotEqual", "Less", "Greater", "LessEqual", "GreaterEqual", "And"]);

/** How deeply non-arithmetic functions nest (x^x^x counts each variable exponent as a level). */
export function functionNesting(json: Json): number {
  const h = head(json);
  if (!h) return 0;
  const inner = Math.max(0, ...args(json).map(functionNesting));
  if (ARITHMETIC.has(h)) return inner;
  if (h === "Power") {
    const exponent = args(json)[1]!;
    return rationalValue(exponent) !== undefined ? inner : inner + 1;
  }
  return inner + 1;
}

function depthWithin(json: Json, limit: number): boolean {
  if (limit <= 0) return false;
  return args(json).every((a) => depthWithin(a, limit - 1));
}

/** Bits of |n|. */
const bitsOf = (n: bigint) => (n < 0n ? -n : n).toString(2).length;

/** Refuses numbers whose exact value would be too large to compute in a shared room. */
function checkNumbers(json: Json, what: string): void {
  const h = head(json);
  const a = args(json);
  if (h === "Factorial" || h === "Gamma" || h === "Factorial2") {
    const n = rationalValue(a[0]!);
    if (n && (n.n / n.d > BigInt(MAX_FACTORIAL) || -n.n / n.d > BigInt(MAX_FACTORIAL))) {
      throw new ToolError(`${what}: factorials and gamma of numbers above ${MAX_FACTORIAL} are too large to compute exactly`);
    }
  }
  if (h === "Binomial") {
    const n = integerValue(a[0]!);
    if (n !== undefined && (n > BigInt(MAX_FACTORIAL) || n < -BigInt(MAX_FACTORIAL))) {
      throw new ToolError(`${what}: binomial coefficients of n above ${MAX_FACTORIAL} are too large to compute exactly`);
    }
  }
  if (h === "Power") {
    const base = rationalValue(a[0]!);
    const exponent = integerValue(a[1]!) ?? (rationalValue(a[1]!) ? rationalValue(a[1]!)!.n / rationalValue(a[1]!)!.d : undefined);
    if (base && exponent !== undefined) {
      const bits = Math.max(bitsOf(base.n), bitsOf(base.d));
      if (bits > 1 && Number(exponent < 0n ? -exponent : exponent) * bits > MAX_EXACT_BITS) {
        throw new ToolError(`${what}: the exact value of this power would have more than ${Math.round(MAX_EXACT_BITS * 0.30103)} digits`);
      }
    }
  }
  if (h === "Sum" || h === "Product") {
    // Written out term by term when its limits are numbers: their count is bounded like any loop.
    for (const limits of a.slice(1)) {
      const [, low, high] = head(limits) === "Limits" || head(limits) === "Tuple" ? args(limits) : [];
      const [lo, hi] = [low === undefined ? undefined : integerValue(low), high === undefined ? undefined : integerValue(high)];
      if (lo !== undefined && hi !== undefined && hi - lo + 1n > BigInt(MAX_EXACT_TERMS)) {
        throw new ToolError(`${what}: a sum or product of more than ${MAX_EXACT_TERMS} terms is not written out exactly`);
      }
    }
  }
  for (const child of a) checkNumbers(child, what);
}

/** Every check that applies to any expression given to the engine. */
export function preflight(json: Json, what = "the expression"): void {
  const count = nodeCount(json, MAX_CAS_NODES + 1);
  if (count > MAX_CAS_NODES) throw new ToolError(`${what} has more than ${MAX_CAS_NODES} parts (room functions included); split it up`);
  if (!depthWithin(json, MAX_CAS_DEPTH)) throw new ToolError(`${what} nests more than ${MAX_CAS_DEPTH} levels deep`);
  const nesting = functionNesting(json);
  if (nesting > MAX_FUNCTION_NESTING) {
    throw new ToolError(`${what} nests functions ${nesting} deep (such as sin(sin(…))); algebra takes at most ${MAX_FUNCTION_NESTING} levels`);
  }
  checkNumbers(json, what);
}
