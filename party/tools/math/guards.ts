/**
 * @module Argument checks that run before a built-in function does its work, for every function whose
 * cost or result size follows from its arguments rather than from the size of its inputs.
 */
import { isBigInt, isBigNumber, isFraction, isMatrix } from "./kinds.ts";
import type { Matrix } from "mathjs";
import { ToolError } from "../tool-error.ts";
import type { Budget } from "./budget.ts";
import { MAX_ELEMENTS, MAX_EXACT_BITS, MAX_FACTORIAL, MAX_MATRIX_POWER } from "./limits.ts";
import { dimensions, elementCount, exactBits, firstElement, isCollection, productShapes, tooManyElements } from "./values.ts";

type Guard = (args: unknown[], budget: Budget) => void;

/** A plain number for size checks; NaN for anything that is not a real scalar. */
export function scalar(value: unknown): number {
  if (typeof value === "number") return value;
  if (isBigNumber(value) || isFraction(value)) return Number((value as { valueOf(): string }).valueOf());
  if (isBigInt(value)) return Number(value);
  return Number.NaN;
}

function refuse(name: string, why: string): never {
  throw new ToolError(`${name}: ${why}`);
}

function checkCount(name: string, count: number): void {
  if (!(count <= MAX_ELEMENTS)) refuse(name, tooManyElements(count));
}

/** Sizes given as numbers, or as one array or matrix of numbers; text arguments (a format) are skipped. */
function sizeArguments(args: unknown[]): number[] {
  const sizes: number[] = [];
  for (const arg of args) {
    if (typeof arg === "string" || typeof arg === "boolean") continue;
    if (isCollection(arg)) sizes.push(...flatValues(arg).map(scalar));
    else sizes.push(scalar(arg));
  }
  return sizes;
}

function flatValues(value: unknown): unknown[] {
  if (elementCount(value) > MAX_ELEMENTS) return [Number.POSITIVE_INFINITY];
  return isMatrix(value) ? ((value as Matrix).toArray() as unknown[]).flat(8) : (value as unknown[]).flat(8);
}

/** Elements of a matrix of these sizes; an empty dimension counts as 1, since zeros(1e9, 0) still builds 1e9 empty rows. */
const product = (sizes: number[]) => sizes.reduce((p, n) => p * Math.max(1, Math.ceil(Math.abs(n))), 1);

function checkSizes(name: string, sizes: number[]): void {
  if (sizes.some((n) => !Number.isFinite(n))) refuse(name, "sizes must be finite whole numbers");
  checkCount(name, product(sizes));
}

/** Each element of an argument (or the argument itself) must be at most `max`. */
function checkEach(name: string, value: unknown, max: number, what: string): void {
  const values = isCollection(value) ? flatValues(value) : [value];
  for (const v of values) {
    const n = Math.abs(scalar(v));
    if (n > max) refuse(name, `${what} must be at most ${max} (got ${formatBig(n)})`);
  }
}

const formatBig = (n: number) => (n >= 1e21 || !Number.isFinite(n) ? n.toExponential(3) : String(n));

function rangeCount(name: string, args: unknown[]): void {
  let bounds: number[];
  if (typeof args[0] === "string") {
    const parts = args[0].split(":").map((part) => Number(part.trim()));
    if (parts.length < 2 || parts.length > 3 || parts.some((n) => Number.isNaN(n))) refuse(name, "a range text must be start:end or start:step:end");
    bounds = parts.length === 3 ? [parts[0]!, parts[2]!, parts[1]!] : [parts[0]!, parts[1]!];
  } else bounds = args.slice(0, 3).filter((a) => typeof a !== "boolean").map(scalar);
  const [start = 0, end = 0, step = 1] = bounds;
  checkRange(name, start, end, step);
}

/** A range must end: a step of 0, or one too small to change a large start (2^53 + 1 = 2^53), never would. */
export function checkRange(name: string, start: number, end: number, step: number): void {
  if (step === 0) refuse(name, "the step of a range must not be 0");
  if (Math.abs(step) <= Math.max(Math.abs(start), Math.abs(end)) * 2 ** -50) {
    refuse(name, `a step of ${step} is too small to count from ${start} to ${end} in double precision`);
  }
  checkCount(name, Math.floor(Math.abs((end - start) / step)) + 1);
}

/** Bits of a matrix power's or an exact power's result, estimated before computing it. */
function checkPower(name: string, base: unknown, exponent: unknown, budget: Budget): void {
  const e = scalar(exponent);
  if (isCollection(base) && !isCollection(exponent)) {
    const [rows = 0] = dimensions(base);
    if (Math.abs(e) > MAX_MATRIX_POWER) refuse(name, `a matrix power's exponent must be at most ${MAX_MATRIX_POWER} (got ${formatBig(e)})`);
    const exact = isFraction(firstElement(base)) || isBigNumber(firstElement(base));
    if (exact && Math.abs(e) > 64) refuse(name, "an exact matrix power's exponent must be at most 64");
    if (rows > MAX_ELEMENTS) refuse(name, tooManyElements(rows));
    return;
  }
  const bases = isCollection(base) ? flatValues(base) : [base];
  for (const b of bases) {
    const bits = exactBits(b);
    if (bits === 0 && !isFraction(b) && !isBigInt(b)) continue;
    if (Number.isInteger(e)) {
      if (bits * Math.abs(e) > MAX_EXACT_BITS) {
        refuse(name, `the exact result of this power would have more than ${Math.round(MAX_EXACT_BITS * 0.30103)} digits; use a smaller exponent or mode "number"`);
      }
    } else if (isFraction(b) && (bits > 32 || exactBits(exponent) > 32)) {
      // fraction.js looks for an exact root by factoring the numerator and denominator: keep them small.
      refuse(name, "an exact root needs a base with at most about 9 digits above and below the fraction bar; use mode \"number\"");
    }
  }
}

/** A matrix product's result must fit (its cost is costs.ts's). */
const matrixProduct: Guard = (args) => {
  for (const { rows, columns } of productShapes(args)) checkCount("multiply", rows * columns);
};

/** Element-wise operations broadcast their arguments to a common size: check that size first. */
const broadcast: Guard = (args) => {
  const shapes = args.filter(isCollection).map(dimensions);
  if (shapes.length < 2) return;
  const rank = Math.max(...shapes.map((s) => s.length));
  const size: number[] = [];
  for (let i = 0; i < rank; i++) {
    size.push(Math.max(...shapes.map((s) => s[i - (rank - s.length)] ?? 1)));
  }
  checkCount("an element-wise operation", product(size));
};

const factorialLike =
  (name: string, max = MAX_FACTORIAL): Guard =>
  (args) => {
    for (const arg of args) if (typeof arg !== "string") checkEach(name, arg, max, "its argument");
  };

/** Guards by the function's name in the expression namespace. */
export const guards: Record<string, Guard> = {
  zeros: (args) => checkSizes("zeros", sizeArguments(args)),
  ones: (args) => checkSizes("ones", sizeArguments(args)),
  identity: (args) => {
    const sizes = sizeArguments(args);
    checkSizes("identity", sizes.length === 1 ? [sizes[0]!, sizes[0]!] : sizes);
  },
  random: (args) => void (isCollection(args[0]) && checkSizes("random", sizeArguments([args[0]]))),
  randomInt: (args) => void (isCollection(args[0]) && checkSizes("randomInt", sizeArguments([args[0]]))),
  pickRandom: (args) => void (args.length > 1 && !isCollection(args[1]) && checkSizes("pickRandom", [scalar(args[1])])),
  range: (args) => rangeCount("range", args),
  resize: (args) => checkSizes("resize", sizeArguments([args[1]])),
  reshape: (args) => checkSizes("reshape", sizeArguments([args[1]])),
  matrixFromFunction: (args) => checkSizes("matrixFromFunction", sizeArguments([args[0]])),
  diag: (args) => {
    const [vector, k] = args;
    const dims = dimensions(vector);
    if (dims.length === 1) {
      const n = dims[0]! + Math.abs(scalar(k ?? 0) || 0);
      checkCount("diag", n * n);
    }
  },
  kron: (args) => checkCount("kron", elementCount(args[0]) * elementCount(args[1])),
  setCartesian: (args) => checkCount("setCartesian", elementCount(args[0]) * elementCount(args[1])),
  setPowerset: (args) => {
    const n = elementCount(args[0]);
    if (n > 13) refuse("setPowerset", `a set of ${n} elements has 2^${n} subsets; at most 13 elements are allowed`);
  },
  nthRoots: (args) => checkEach("nthRoots", args[1] ?? 2, MAX_ELEMENTS, "the root's degree"),
  pow: (args, budget) => checkPower("pow", args[0], args[1], budget),
  dotPow: (args, budget) => {
    broadcast(args, budget);
    if (!isCollection(args[1])) checkPower("dotPow", args[0], args[1], budget);
    else if (isFraction(firstElement(args[0])) || isBigInt(firstElement(args[0]))) {
      checkEach("dotPow", args[1], 64, "an exact element-wise power's exponent");
      // fraction.js looks for exact roots by factoring: a fractional exponent of an exact base is refused.
      if (flatValues(args[1]).some((e) => !Number.isInteger(scalar(e)))) refuse("dotPow", "an exact element-wise power needs whole-number exponents; use mode \"number\"");
    }
  },
  factorial: factorialLike("factorial"),
  gamma: factorialLike("gamma"),
  permutations: factorialLike("permutations"),
  catalan: factorialLike("catalan"),
  multinomial: (args) => {
    const total = flatValues(args[0]).reduce((sum: number, v) => sum + Math.abs(scalar(v)), 0);
    if (!(total <= MAX_FACTORIAL)) refuse("multinomial", `the sum of its arguments must be at most ${MAX_FACTORIAL}`);
  },
  combinations: (args) => {
    const [n, k] = args.map(scalar);
    // Counting past 2^53 in doubles never ends (n + 1 = n there).
    if (!(Math.abs(n!) <= Number.MAX_SAFE_INTEGER)) refuse("combinations", "n must be at most 2^53 − 1");
    // mathjs loops min(k, n − k) times for numbers, but max(k, n − k) times for BigNumbers.
    if (isBigNumber(args[0]) || isBigNumber(args[1])) {
      if (!(Math.max(k!, n! - k!) <= MAX_FACTORIAL)) refuse("combinations", `with bignumbers, n must be at most ${MAX_FACTORIAL}`);
    } else if (!(Math.min(k!, n! - k!) <= MAX_FACTORIAL)) refuse("combinations", `min(k, n − k) must be at most ${MAX_FACTORIAL}`);
  },
  combinationsWithRep: factorialLike("combinationsWithRep"),
  composition: factorialLike("composition"),
  // mathjs keeps every row it computes in a cache that lives as long as the isolate: keep it small.
  stirlingS2: factorialLike("stirlingS2", 300),
  bellNumbers: factorialLike("bellNumbers", 300),
  bernoulli: factorialLike("bernoulli", 500),
  isPrime: (args) => {
    const values = isCollection(args[0]) ? flatValues(args[0]) : [args[0]];
    // Doubles past 2^53 are not whole numbers one apart; bigints and bignumbers go further (primality.ts).
    if (values.some((v) => typeof v === "number" && Math.abs(v) > 2 ** 53)) refuse("isPrime", "numbers above 2^53 are not exact; use bigint(\"…\") or mode bignumber");
  },
  freqz: (args) => void (args.length > 2 && !isCollection(args[2]) && checkSizes("freqz", [scalar(args[2])])),
  quantileSeq: (args) => void (!isCollection(args[1]) && scalar(args[1]) > 1 && checkSizes("quantileSeq", [scalar(args[1])])),
  format: (args) => void (typeof args[1] === "number" && checkEach("format", args[1], 1000, "the precision")),
  multiply: matrixProduct,
  divide: (args, budget) => void (isCollection(args[1]) && matrixProduct(args, budget)),
};

/**
 * Statistics of several matrices at once (mean(A, B), variance(A, v)) take mathjs's path for lists of
 * values, where each value is a matrix: matrix products per element, seconds for 100×100. Data comes as
 * one list or matrix (with a dimension or a normalization after it).
 */
const oneDataSet =
  (name: string): Guard =>
  (args) => {
    // One collection first (a dimension or a normalization may follow), or plain values only.
    const collections = args.filter(isCollection).length;
    if (args.length > 1 && (collections > 1 || (collections === 1 && !isCollection(args[0])))) {
      refuse(name, "give the data as one list or matrix (several at once, or values mixed with a matrix, are not supported)");
    }
  };

/** Random numbers take plain numbers as bounds and sizes (bigints and fractions made mathjs loop for long). */
const plainRandom =
  (name: string, sizeGuard: Guard): Guard =>
  (args, budget) => {
    sizeGuard(args, budget);
    for (const arg of args) {
      const values = isCollection(arg) ? flatValues(arg) : [arg];
      if (values.some((v) => typeof v !== "number" && typeof v !== "string" && typeof v !== "boolean")) refuse(name, "bounds and sizes must be plain numbers");
    }
  };

/** round(x, n) and its kin: n decimals, a whole number (mathjs's failure path for others costs 0.4 ms a call). */
const decimals =
  (name: string): Guard =>
  (args, budget) => {
    broadcast(args, budget);
    if (args.length < 2 || isCollection(args[1])) return;
    const n = scalar(args[1]);
    if (!(Number.isInteger(n) && n >= 0 && n <= 1000)) refuse(name, `the number of decimals must be a whole number from 0 to 1000 (got ${args[1]})`);
  };

for (const name of [
  "add", "subtract", "dotMultiply", "dotDivide", "mod", "atan2", "bitAnd", "bitOr", "bitXor", "leftShift",
  "rightArithShift", "rightLogShift", "equal", "unequal", "larger", "largerEq", "smaller", "smallerEq", "compare",
  "compareNatural", "and", "or", "xor", "gcd", "lcm", "nthRoot", "log", "hypot",
  "nullish", "map", "forEach", "max", "min",
]) {
  guards[name] = broadcast;
}

/**
 * A p-norm of exact fractions ends in pow(sum, 1/p), which fraction.js answers by factoring the sum in
 * search of an exact root (checkPower refuses that for pow itself): norm([1/3, 2/7]) is fine, norm of
 * sixteen 16-digit fractions never ends. The 1- and ∞-norms take no root.
 */
guards.norm = (args) => {
  const values = flatValues(args[0]);
  if (!values.some(isFraction)) return;
  const p = args.length < 2 ? 2 : args[1];
  if (p === "inf" || p === "-inf" || Math.abs(scalar(p)) === 1 || !Number.isFinite(scalar(p))) return;
  // The sum's numerator and denominator grow by every element's bits, times p.
  const bits = values.reduce((total: number, v) => total + exactBits(v), 0) * Math.max(1, Math.abs(scalar(p)));
  if (bits > 32) refuse("norm", 'a norm of exact fractions takes an exact root, possible only for numbers of at most about 9 digits; use mode "number" or norm(number(v))');
};

for (const name of ["round", "ceil", "floor", "fix"]) guards[name] = decimals(name);

for (const name of ["mean", "median", "variance", "std", "mad", "mode"]) guards[name] = oneDataSet(name);
for (const name of ["random", "randomInt", "pickRandom"]) guards[name] = plainRandom(name, guards[name] ?? (() => {}));
