/**
 * @module Cost models: the work units one call of a built-in function is charged before it runs, from
 * its arguments. A unit is about a microsecond of this machine's time at worst; test/node/cost-models
 * probes every function with every kind of number and growing sizes and holds each model to that.
 *
 * Most functions touch each element of their arguments a fixed number of times (the default model).
 * The others are listed here: those whose work grows faster than their input (sorting, set operations,
 * matrix factorisations, transforms), and those whose work follows the value of an argument rather than
 * its size (factorial of n, primality of n, hyperbolic functions of large decimals).
 */
import { isBigNumber, isComplex, isFraction, isMatrix } from "./kinds.ts";
import { dimensions, exactBits, firstElement, isCollection } from "./values.ts";
import { bigUnits, elementUnits, forEachElement, magnitude, precisionOf, weigh } from "./weights.ts";

type Model = (args: unknown[]) => number;

/** Sum of every argument's weight: the default model, one touch per element. */
const linear: Model = (args) => {
  let units = 1;
  for (const arg of args) if (typeof arg !== "function") units += weigh(arg).units;
  return units;
};

const scaled =
  (factor: number): Model =>
  (args) =>
    1 + (linear(args) - 1) * factor;

/** Elements of all collection arguments, and the heaviest element's units. */
function shape(args: unknown[]): { n: number; heaviest: number; units: number } {
  let n = 0;
  let heaviest = 0.1;
  let units = 0;
  for (const arg of args) {
    if (typeof arg === "function" || typeof arg === "string") continue;
    const w = weigh(arg);
    n += w.count;
    units += w.units;
    heaviest = Math.max(heaviest, w.heaviest);
  }
  return { n, heaviest, units };
}

/** Sorting and selection: n log n comparisons. */
const nLogN: Model = (args) => {
  const { n, heaviest } = shape(args);
  return 1 + n * Math.log2(n + 2) * heaviest * 1.5;
};

/** Set operations compare every element of one set with every element of the other. */
const pairwise: Model = (args) => {
  const sizes = args.filter((a) => typeof a !== "function").map((a) => weigh(a));
  const [a = { count: 1, heaviest: 0.1 }, b = { count: 1, heaviest: 0.1 }] = sizes;
  return 1 + a.count * b.count * Math.max(a.heaviest, b.heaviest) * 1.5 + a.count + b.count;
};

/** The side of the largest square matrix among the arguments. */
const side = (args: unknown[]) => Math.max(0, ...args.filter(isCollection).flatMap((a) => dimensions(a)));

/**
 * Units of one step of a matrix factorisation: exact entries grow as elimination goes on (the entries of
 * an n×n fraction matrix reach about n times their bits), so they cost the square of that.
 */
function stepUnits(matrix: unknown, n: number): number {
  const sample = firstElement(matrix);
  if (isFraction(sample)) {
    let bits = 0;
    forEachElement(matrix, (element) => (bits = Math.max(bits, exactBits(element))));
    return 1 + ((Math.max(bits, 64) * Math.max(1, n / 2)) / 100) ** 2;
  }
  if (isBigNumber(sample)) return bigUnits(precisionOf(sample)) * 2;
  if (isComplex(sample)) return 1;
  return typeof sample === "number" ? 0.08 : elementUnits(sample);
}

const cubic =
  (factor: number): Model =>
  (args) => {
    const n = side(args);
    const matrix = args.find(isCollection);
    return 1 + shape(args).units + n ** 3 * stepUnits(matrix, n) * factor;
  };

/** A whole-number argument's size: how many terms a product or a recurrence runs through. */
const valueOf = (arg: unknown) => Math.min(magnitude(arg), 1e300);

/** Products of n terms at the precision of the numbers (factorial, gamma of an integer, falling products). */
const product =
  (termFactor: number): Model =>
  (args) => {
    const n = valueOf(args[0]);
    const sample = isCollection(args[0]) ? firstElement(args[0]) : args[0];
    const count = isCollection(args[0]) ? weigh(args[0]).count : 1;
    const perTerm = isBigNumber(sample) ? 0.3 + precisionOf(sample) / 200 : isFraction(sample) ? 2 : 0;
    return 1 + count * (10 + n * perTerm * termFactor);
  };

/** Transcendental functions: a series per element; decimal.js's cost grows with the precision. */
const SLOWEST = new Set(["asin", "acos", "atan", "atan2", "acot", "asec", "acsc", "zeta"]);
const HYPERBOLIC = new Set(["sinh", "cosh", "tanh", "coth", "sech", "csch", "asinh", "acosh", "atanh", "acoth", "asech", "acsch"]);

function transcendental(name: string): Model {
  return (args) => {
    let units = 1;
    for (const arg of args) {
      if (typeof arg === "function" || typeof arg === "string") continue;
      forEachElement(arg, (x) => {
        if (isBigNumber(x)) {
          const series = 600 * Math.max(1, (precisionOf(x) / 64) ** 2.3) * (SLOWEST.has(name) ? 25 : 1);
          // decimal.js's hyperbolic functions reduce their argument linearly: cosh(10⁷) takes a second.
          const size = HYPERBOLIC.has(name) ? 1 + Math.abs(Number(x.valueOf())) / 2000 : 1;
          units += series * size;
        } else units += isComplex(x) ? 2 : elementUnits(x) * 3;
      });
    }
    return units;
  };
}

export const TRANSCENDENTAL = [
  "sin", "cos", "tan", "sec", "csc", "cot", "asin", "acos", "atan", "asec", "acsc", "acot", "atan2",
  "sinh", "cosh", "tanh", "sech", "csch", "coth", "asinh", "acosh", "atanh", "asech", "acsch", "acoth",
  "exp", "expm1", "log", "log2", "log10", "log1p", "sqrt", "cbrt", "nthRoot", "nthRoots", "gamma", "lgamma",
  "erf", "zeta", "hypot", "arg", "sinc", "norm",
];

/** A power: exponentiation by squaring; an exact result costs the square of its bits (reduced by a gcd). */
const power: Model = (args) => {
  const [base, exponent] = args;
  if (isCollection(base)) return cubic(Math.log2(Math.abs(Number(valueOf(exponent))) + 2))([base]);
  const e = Math.abs(valueOf(exponent));
  const bits = exactBits(isCollection(base) ? firstElement(base) : base);
  const count = isCollection(base) ? weigh(base).count : 1;
  if (bits > 0) return 1 + count * (1 + ((bits * e) / 100) ** 2);
  return transcendental("pow")(args);
};

/** Trial division up to √n (numbers); decimal.js's BigNumbers use the same loop. */
const primality: Model = (args) => {
  let units = 1;
  forEachElement(args[0], (x) => (units += 1 + Math.sqrt(Math.abs(Number(isBigNumber(x) ? x.valueOf() : x)) || 0) / (isBigNumber(x) ? 20 : 200)));
  return units;
};

/** Fast Fourier transform: n log n butterflies for a power of two; a chirp-z transform (three of them, twice as long) otherwise. */
const fourier: Model = (args) => {
  const [rows = 1, columns = 1] = dimensions(args[0]);
  const transform = (n: number) => {
    const size = (n & (n - 1)) === 0 ? n : 3 * 2 ** Math.ceil(Math.log2(2 * n));
    return size * Math.log2(size + 1) * 1.6;
  };
  return 1 + (dimensions(args[0]).length === 2 ? rows * transform(columns) + columns * transform(rows) : transform(rows));
};

/** Combinatorial numbers built by a recurrence over n (and k): a table of n·k exact or decimal terms. */
const recurrence =
  (square: boolean): Model =>
  (args) => {
    const n = valueOf(args[0]);
    const k = args.length > 1 ? valueOf(args[1]) : n;
    const sample = isCollection(args[0]) ? firstElement(args[0]) : args[0];
    const perTerm = isBigNumber(sample) ? bigUnits(precisionOf(sample)) * 2 : 0.3;
    return 1 + (square ? n * Math.min(n, k + 1) : n) * perTerm * (1 + n / 400);
  };

/** Bernoulli numbers: an exact recurrence over every smaller one, with fractions of about n log n bits. */
const bernoulli: Model = (args) => {
  const n = valueOf(args[0]);
  const sample = isCollection(args[0]) ? firstElement(args[0]) : args[0];
  if (typeof sample === "number") return 1 + n * 0.1;
  return 1 + n * n * (1 + ((n * Math.log2(n + 2)) / 100) ** 2) * 0.05;
};

/** Text conversions of decimals: base conversion is quadratic in the digits. */
const baseConversion: Model = (args) => {
  let units = 1;
  forEachElement(args[0], (x) => (units += isBigNumber(x) ? 2 + (precisionOf(x) / 25) ** 2 : elementUnits(x) * 5));
  return units;
};

/** A double to an exact fraction: a continued-fraction search of up to a few thousand steps. */
const toFraction: Model = (args) => {
  let units = 1;
  forEachElement(args[0], (x) => (units += typeof x === "number" && !Number.isInteger(x) ? 2500 : elementUnits(x) * 3));
  for (const arg of args.slice(1)) units += elementUnits(arg);
  return units;
};

/** Frequency response at w points (512 by default) of two polynomials. */
const frequencyResponse: Model = (args) => {
  const [b, a, w] = args;
  const points = isCollection(w) ? weigh(w).count : typeof w === "number" ? w : 512;
  return 1 + (weigh(b).count + weigh(a).count) * points * 2;
};

/** Matrix products: rows × inner × columns multiply-adds; a / B also inverts B. */
const matrixProduct: Model = (args) => {
  let units = shape(args).units;
  let left = args[0];
  for (const right of args.slice(1)) {
    if (isCollection(left) && isCollection(right)) {
      const a = dimensions(left);
      const b = dimensions(right);
      const rows = a.length === 2 ? a[0]! : 1;
      const columns = b.length === 2 ? b[1]! : 1;
      units += rows * (a[a.length - 1] ?? 1) * columns * stepUnits(left, a[a.length - 1] ?? 1) * 2;
    }
    left = isCollection(right) ? right : left;
  }
  return 1 + units;
};

const MODELS: Record<string, Model> = {
  multiply: matrixProduct,
  divide: (args) => (isCollection(args[1]) ? matrixProduct(args) + cubic(2)([args[1]]) : linear(args)),
  sort: nLogN, median: nLogN, quantileSeq: nLogN, mode: nLogN, mad: nLogN, partitionSelect: nLogN, setDistinct: nLogN,
  setUnion: pairwise, setIntersect: pairwise, setDifference: pairwise, setSymDifference: pairwise, setIsSubset: pairwise,
  setMultiplicity: pairwise, setCartesian: pairwise, deepEqual: linear,
  det: cubic(1), inv: cubic(2), pinv: cubic(6), lup: cubic(1), qr: cubic(3), slu: cubic(3), lusolve: cubic(2), lsolve: cubic(0.5),
  usolve: cubic(0.5), lsolveAll: cubic(1), usolveAll: cubic(1), expm: cubic(30), sqrtm: cubic(60), schur: cubic(200),
  sylvester: cubic(400), lyap: cubic(400), eigs: cubic(600), kron: scaled(2),
  pow: power, dotPow: power,
  factorial: product(1), gamma: product(1), permutations: product(2), combinations: product(2), combinationsWithRep: product(2),
  multinomial: product(2), catalan: product(4),
  stirlingS2: recurrence(true), bellNumbers: recurrence(true), composition: recurrence(true), bernoulli,
  isPrime: primality, fft: fourier, ifft: fourier,
  bin: baseConversion, hex: baseConversion, oct: baseConversion, format: baseConversion, print: baseConversion,
  fraction: toFraction, freqz: frequencyResponse,
};
for (const name of TRANSCENDENTAL) MODELS[name] ??= transcendental(name);

/** Work units one call of `name` costs before it runs. */
export function costOf(name: string, args: unknown[]): number {
  const model = MODELS[name] ?? linear;
  return model(args);
}

/** Units the elements of a result cost to build (charged after a call, for functions that create large results). */
export function resultUnits(result: unknown): number {
  return isCollection(result) || isMatrix(result) ? weigh(result).units : 0;
}
