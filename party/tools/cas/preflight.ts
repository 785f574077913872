/**
 * @module Checks on an expression before the algebra engine works on it: its size and depth, how deeply
 * functions nest, and the numbers whose exact value would be huge (factorials, powers). The meter stops
 * what slips through; these checks refuse it at once, with a reason a person can act on.
 */
import { ToolError } from "../tool-error.ts";
import { MAX_FACTORIAL } from "../math/limits.ts";
import { MAX_CAS_DEPTH, MAX_CAS_NODES, MAX_EXACT_DENOMINATOR_BITS, MAX_EXACT_TERMS, MAX_EXPAND_TERMS, MAX_FUNCTION_NESTING, MAX_SERIES_ORDER, MAX_SYMBOLIC_COEFFICIENT_BITS, MAX_VARIABLE_DEGREE } from "./caps.ts";
import { checkSize, foldNumbers, log2Of, tooLarge } from "./fold-numbers.ts";
import { engineMayEvaluate, MAX_EXPONENT } from "./numeric-check.ts";
import { args, expandedTerms, head, integerValue, isNum, isSymbol, largestDegree, mapTree, nodeCount, rationalValue } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";

/**
 * x·x as x²: the engine's integrator takes a product's factors for constants when one of them repeats,
 * and answered ∫ (x·x)^−3 dx = −1/(2x⁴).
 */
function likeFactorsAsPowers(node: Json): Json {
  if (head(node) !== "Multiply") return node;
  const groups = new Map<string, { factor: Json; count: number }>();
  for (const factor of args(node)) {
    const key = rationalValue(factor) ? `#${groups.size}` : JSON.stringify(factor);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { factor, count: 1 });
  }
  if (groups.size === args(node).length) return node;
  const factors = [...groups.values()].map(({ factor, count }) => (count === 1 ? factor : (["Power", factor, count] as Json)));
  return factors.length === 1 ? factors[0]! : ["Multiply", ...factors];
}

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

/**
 * Powers of sums the engine would expand into more than MAX_EXPAND_TERMS terms. It expands them term by
 * term from Pascal's triangle, built row by row up to the exponent, whether the sum holds variables or
 * only constants: (1 − atan2(1/2, e))^13000 built 84 million entries (2.3 s, mostly garbage collection).
 */
function checkExpandedPowers(json: Json, what: string): void {
  const h = head(json);
  const a = args(json);
  if (h === "Power" && integerValue(a[1]!) !== undefined && expandedTerms(json) > MAX_EXPAND_TERMS) {
    throw new ToolError(`${what}: a power of a sum in it would expand to more than ${MAX_EXPAND_TERMS} terms; algebra takes smaller powers`);
  }
  for (const part of a) checkExpandedPowers(part, what);
}

/**
 * Bits a number under a root may have. Each time the engine evaluates a root of an integer past 2^53 it
 * tests it for a perfect power, prime exponent by prime exponent: 12 ms at 2,000 bits, 60 ms at 4,000, in
 * one step its meter cannot see — and a series evaluates it at every coefficient (the series of
 * cbrt(x·529!) at 1/3 took 2.7 s).
 */
const MAX_RADICAND_BITS = 1024;

/** Numbers of more than MAX_RADICAND_BITS under a square root, a root or a fractional power. */
function checkRadicands(json: Json, what: string): void {
  const h = head(json);
  const a = args(json);
  const exponent = h === "Power" ? rationalValue(a[1]!) : undefined;
  const radical = h === "Sqrt" || h === "Root" || (h === "Power" && !(exponent && exponent.d === 1n));
  if (radical) {
    // The numbers in it, folded already, and the factorials the engine will compute (cbrt(x·529!)).
    const large = (node: Json): boolean => {
      const literal = literalSize(node);
      if (literal) return Math.max(literal.n, literal.d) > MAX_RADICAND_BITS;
      const n = head(node) === "Factorial" || head(node) === "Gamma" ? integerValue(args(node)[0]!) : undefined;
      if (n !== undefined && n > 2n && Number(n) * Math.log2(Number(n) / Math.E) > MAX_RADICAND_BITS) return true;
      return args(node).some(large);
    };
    if (large(a[0]!)) throw new ToolError(`${what} takes a root or fractional power of a number of more than ${Math.floor(MAX_RADICAND_BITS * Math.log10(2))} digits; algebra takes roots of numbers up to that size`);
  }
  for (const part of a) checkRadicands(part, what);
}

/** Refuses factorials, binomials and sums written out whose exact value would be too large to compute in a shared room (powers: checkExactSizes). */
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
    // C(n, k) has about min(k, n − k)·log₂ n bits; n or k past MAX_FACTORIAL is refused whatever the other.
    for (const part of [a[0]!, a[1]!]) {
      const v = part === undefined ? undefined : integerValue(part);
      if (v !== undefined && (v > BigInt(MAX_FACTORIAL) || v < -BigInt(MAX_FACTORIAL))) {
        throw new ToolError(`${what}: binomial coefficients of n or k above ${MAX_FACTORIAL} are too large to compute exactly`);
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

/**
 * log₂ of the numerator and denominator of an exact number, at most: an estimate from its parts'. For a
 * part with variables (symbolic), the same of the coefficients its expansion would have: (x + 10⁻³⁰⁰)⁵⁴
 * expands with denominators of 16,200 digits.
 */
type Size = { n: number; d: number; symbolic?: boolean };

/** The size of a number written in the input: an integer, a fraction, or a decimal such as 1.5e-300 (read exactly). */
function literalSize(node: Json): Size | undefined {
  const exact = rationalValue(node);
  if (exact) return { n: log2Of(exact.n), d: log2Of(exact.d) };
  if (!isNum(node)) return undefined;
  const match = /^[+-]?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(node.num);
  if (!match) return undefined;
  const [, whole = "", fraction = "", exponent = "0"] = match;
  const shift = Number(exponent) - fraction.length;
  const digits = `${whole}${fraction}`.replace(/^0+/, "").length;
  return { n: (digits + Math.max(shift, 0)) * Math.log2(10), d: Math.max(-shift, 0) * Math.log2(10) };
}


/** The heads whose sizes follow from their parts'. */
const KNOWN_SIZES = new Set(["Add", "Subtract", "Multiply", "Divide", "Negate", "Abs", "Sqrt", "Root", "Power", "Factorial", "Gamma"]);

/**
 * Refuses an expression when an exact number the engine would compute along the way is too large: every
 * part made only of numbers has its size bounded from its parts' (a sum of fractions by the product of
 * their denominators, a power by its exponent times its base), each within MAX_EXACT_NUMBER_BITS and all
 * of them within MAX_EXACT_TOTAL_BITS. Parts with variables are left to the engine, which works on them
 * symbolically; the size of the coefficients they may grow is returned, with the largest number's: the
 * engine's steps cost more the larger the numbers it carries (see Algebra's weight).
 */
function checkExactSizes(json: Json, what: string): number {
  let total = 0;
  let largest = 0;
  const admit = (size: Size): Size => {
    const bits = Math.max(size.n, size.d);
    largest = Math.max(largest, bits);
    if (size.symbolic) {
      if (bits > MAX_SYMBOLIC_COEFFICIENT_BITS) throw tooLarge(what, bits, "coefficients");
      if (size.d > MAX_EXACT_DENOMINATOR_BITS) throw tooLarge(what, size.d, "denominator");
      return size;
    }
    total += bits;
    checkSize(what, bits, size.d, total);
    return size;
  };
  // Post-order, every node once: a part's size is known only when all its parts' are.
  const sizeOf = (node: Json): Size | undefined => {
    // i is a number to the engine: (i + 10^-300)^100 is computed exactly, not kept symbolic.
    if (node === "ImaginaryUnit") return { n: 0, d: 0 };
    if (isSymbol(node)) return { n: 0, d: 0, symbolic: true };
    const literal = literalSize(node);
    if (literal) return admit(literal);
    const h = head(node);
    if (!h) return undefined;
    const parts = args(node).map(sizeOf);
    // A function the sizes cannot follow (sinh(-12), erf(x)) is an opaque atom, as a variable is.
    const opaque: Size = { n: 0, d: 0, symbolic: true };
    // Derivatives and series bring a number in an exponent down as a factor, to the power of their order.
    if (h === "Power" && parts[1]) largest = Math.max(largest, (parts[1].n + parts[1].d) * MAX_SERIES_ORDER);
    // And a variable exponent the base's numbers: b^x = e^(x·ln b) brings b down at every order.
    if (h === "Power" && parts[0] && (!parts[1] || parts[1].symbolic)) largest = Math.max(largest, Math.max(parts[0].n, parts[0].d) * MAX_SERIES_ORDER);
    if (!KNOWN_SIZES.has(h)) return opaque;
    if (parts.some((p) => !p)) return undefined;
    const sizes = parts as Size[];
    const symbolic = sizes.some((s) => s.symbolic);
    const sum = (pick: (s: Size) => number) => sizes.reduce((t, s) => t + pick(s), 0);
    switch (h) {
      case "Add":
      case "Subtract": {
        // Σ nᵢ/dᵢ = (Σ nᵢ·Πⱼ≠ᵢ dⱼ)/Π dⱼ.
        const d = sum((s) => s.d);
        return admit({ n: Math.max(...sizes.map((s) => s.n - s.d)) + d + Math.log2(sizes.length), d, symbolic });
      }
      case "Multiply":
        return admit({ n: sum((s) => s.n), d: sum((s) => s.d), symbolic });
      case "Divide":
        return admit({ n: sizes[0]!.n + sizes[1]!.d, d: sizes[0]!.d + sizes[1]!.n, symbolic });
      case "Negate":
      case "Abs":
      case "Sqrt":
      case "Root":
        return sizes[0];
      case "Power": {
        // A fractional power may be taken as a power of a root or a root of a power: the larger, to be safe
        // (p/q counts as p; a decimal exponent as its digits).
        const written = args(node)[1]!;
        const exponent = rationalValue(written);
        const k = exponent ? Math.abs(Number(exponent.n)) : isNum(written) ? Math.abs(Number(written.num.replace(/[.]|e.*$/gi, ""))) : Number.NaN;
        // A variable exponent (14^x) is an opaque atom to what contains it: ((x + 10^300) + 14^x)^34 still
        // expands to coefficients of 34 times 997 bits (its steps weighed nothing more, and took 2.7 s).
        if (Number.isNaN(k)) return opaque;
        const [base] = sizes;
        const grow = (bits: number) => (bits === 0 ? 0 : bits * k);
        const negative = exponent ? exponent.n < 0n : isNum(written) && written.num.startsWith("-");
        return admit({ n: grow(negative ? base!.d : base!.n), d: grow(negative ? base!.n : base!.d), symbolic: base!.symbolic });
      }
      case "Factorial":
      case "Gamma": {
        const v = rationalValue(args(node)[0]!);
        if (!v || v.d !== 1n || v.n < 2n || v.n > BigInt(MAX_FACTORIAL)) return opaque;
        const n = Number(v.n);
        return admit({ n: n * Math.log2(n / Math.E) + Math.log2(2 * Math.PI * n) / 2 + 1, d: 0 });
      }
      default:
        return undefined;
    }
  };
  sizeOf(json);
  return largest;
}

/**
 * Every check that applies to any expression given to the engine, with the parts made only of rational
 * numbers computed first (foldNumbers): the expression as the engine gets it, and the size in bits of the
 * largest number in it or in the coefficients its expansion may have.
 */
export function preflight(json: Json, what = "the expression"): { json: Json; bits: number } {
  const count = nodeCount(json, MAX_CAS_NODES + 1);
  if (count > MAX_CAS_NODES) throw new ToolError(`${what} has more than ${MAX_CAS_NODES} parts (room functions included); split it up`);
  if (!depthWithin(json, MAX_CAS_DEPTH)) throw new ToolError(`${what} nests more than ${MAX_CAS_DEPTH} levels deep`);
  const nesting = functionNesting(json);
  if (nesting > MAX_FUNCTION_NESTING) {
    throw new ToolError(`${what} nests functions ${nesting} deep (such as sin(sin(…))); algebra takes at most ${MAX_FUNCTION_NESTING} levels`);
  }
  const folded = foldNumbers(mapTree(json, likeFactorsAsPowers), what);
  // After folding: factorial(10^5) is factorial(100000) by now, and (x^38)^((-50)·(-45)) is x^85500.
  const degree = largestDegree(folded);
  if (degree > MAX_VARIABLE_DEGREE) throw new ToolError(`${what} has a power of a variable of degree ${degree.toLocaleString("en-US")}; algebra takes degrees up to ${MAX_VARIABLE_DEGREE.toLocaleString("en-US")}`);
  checkNumbers(folded, what);
  checkRadicands(folded, what);
  checkExpandedPowers(folded, what);
  // The engine evaluates a constant in decimals whenever it needs its sign or its integer part
  // (floor(cosh(123456789))^(5/6) took 39 s, in steps of arithmetic on a 53-million-digit number).
  if (!engineMayEvaluate(folded)) {
    throw new ToolError(`${what} has an exponential past e^${MAX_EXPONENT.toLocaleString("en-US")} (a number of more than 43,000 digits); a shared room does not compute with numbers that large`);
  }
  return { json: folded, bits: checkExactSizes(folded, what) };
}
