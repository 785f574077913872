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
import { dimensions, exactBits, firstElement, isCollection, productShapes } from "./values.ts";
import type { BigNumber } from "mathjs";
import { bigSeries, CALL_UNITS, TRANSCENDENTAL, transcendental } from "./costs-series.ts";
import { bigUnits, elementUnits, forEachElement, fractionUnits, magnitude, precisionOf, weigh } from "./weights.ts";

type Model = (args: unknown[]) => number;

/** Sum of every argument's weight: the default model, one touch per element. */
const linear: Model = (args) => {
  let units = CALL_UNITS;
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
    // Numerator and denominator both grow, to about n times the bits each.
    return 1 + ((2 * Math.max(bits, 64) * Math.max(1, n)) / 100) ** 2;
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
    // A scalar is one division; decimal.js divides at several times the cost of a multiplication.
    return 1 + shape(args).units * 4 + n ** 3 * stepUnits(matrix, n) * factor;
  };

/** A whole-number argument's size: how many terms a product or a recurrence runs through. */
const valueOf = (arg: unknown) => Math.min(magnitude(arg), 1e300);

/** One term of a product or recurrence: a multiplication by a small whole number, linear in the digits. */
function termUnits(sample: unknown): number {
  if (isBigNumber(sample)) return 1 + precisionOf(sample) / 100;
  if (isFraction(sample)) return 4;
  return 0.05;
}

const sampleOf = (arg: unknown) => (isCollection(arg) ? firstElement(arg) : arg);
const countOf = (arg: unknown) => (isCollection(arg) ? weigh(arg).count : 1);

/**
 * Products and sums over terms counted from the arguments' values: factorial(n) multiplies n terms in
 * bignumber mode (in number mode it is Γ, one evaluation), combinations(n, k) min(k, n − k), and so on.
 */
const counted =
  (terms: (n: number, k: number) => number, numberTerms = true): Model =>
  (args) => {
    const n = valueOf(args[0]);
    const k = args.length > 1 ? valueOf(args[1]) : n;
    const sample = sampleOf(args[0]);
    if (!numberTerms && typeof sample === "number") return 1 + countOf(args[0]) * 2;
    return 1 + countOf(args[0]) * (2 + terms(n, k) * termUnits(sample));
  };


/** A power: exponentiation by squaring; an exact result costs the square of its bits (reduced by a gcd). */
const power =
  (elementwise: boolean): Model =>
  (args) => {
  const [base, exponent] = args;
  if (isCollection(base) && !elementwise) {
    // Squarings and multiplications, each a matrix product with its own dispatch and checks.
    const products = Math.log2(Math.abs(Number(valueOf(exponent))) + 2);
    return cubic(4 * products)([base]) + 50 * products;
  }
  const e = Math.abs(valueOf(exponent));
  const bits = exactBits(isCollection(base) ? firstElement(base) : base);
  const count = isCollection(base) ? weigh(base).count : 1;
  if (bits > 0) return CALL_UNITS + count * (1 + ((bits * e) / 100) ** 2);
  return transcendental("pow")(args);
};

/** Miller–Rabin (primality.ts): thirteen bases, each a modular power over the number's bits. */
const primality: Model = (args) => {
  let units = 1;
  forEachElement(args[0], (x) => (units += 5 + 13 * Math.log2(Math.abs(Number(isBigNumber(x) ? x.valueOf() : x)) + 2) * 0.3));
  return units;
};

/** Fast Fourier transform: n log n butterflies for a power of two; a chirp-z transform (three of them, twice as long) otherwise. */
const fourier: Model = (args) => {
  const [rows = 1, columns = 1] = dimensions(args[0]);
  const transform = (n: number) => {
    const size = (n & (n - 1)) === 0 ? n : 3 * 2 ** Math.ceil(Math.log2(2 * n));
    return size * Math.log2(size + 1) * 1.6;
  };
  // Each butterfly is complex arithmetic in the elements' own kind: BigNumbers cost far more.
  const scale = Math.max(1, shape(args).heaviest / 0.3);
  return 1 + scale * (dimensions(args[0]).length === 2 ? rows * transform(columns) + columns * transform(rows) : transform(rows));
};

/** Euclid's algorithm: steps grow with the bits of exact numbers, each costing as much again. */
const euclid: Model = (args) => {
  // With decimals, each Euclid step is a decimal division: log₂ of the largest value steps, for every element.
  const decimal = args.map(sampleOf).find(isBigNumber);
  if (decimal) {
    const steps = 3 + 1.5 * Math.log2(Math.max(...args.map(magnitude)) + 2);
    return 1 + args.reduce((n: number, a) => n + countOf(a), 0) * steps * bigUnits(precisionOf(decimal as BigNumber));
  }
  let units = 1;
  // mathjs's gcd of numbers checks every step with typed arithmetic: 10–40 µs a pair.
  for (const arg of args) forEachElement(arg, (x) => (units += typeof x === "number" ? 20 : Math.max(fractionUnits(exactBits(x)), elementUnits(x)) * 4));
  return units;
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
  // Formatting options (a precision, a notation) are read and checked on every call.
  let units = CALL_UNITS + 10;
  forEachElement(args[0], (x) => (units += textUnits(x)));
  return units;
};

/**
 * Writing a value as text: decimals and exact integers by a base conversion quadratic in their digits;
 * a fraction also looks for the repeating part of its decimal expansion (hundreds of microseconds).
 */
function textUnits(x: unknown): number {
  if (isBigNumber(x)) return 2 + (precisionOf(x) / 4) ** 2;
  if (isFraction(x)) return 500 + (exactBits(x) / 50) ** 2;
  if (typeof x === "bigint") return 5 + (exactBits(x) / 200) ** 2;
  return elementUnits(x) * 10;
}

/** A double to an exact fraction: a continued-fraction search of up to a few thousand steps. */
const toFraction: Model = (args) => {
  let units = 1;
  forEachElement(args[0], (x) => (units += typeof x === "number" && !Number.isInteger(x) ? 2500 : typeof x === "bigint" ? fractionUnits(exactBits(x)) : elementUnits(x) * 3));
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
  for (const { left, rows, inner, columns } of productShapes(args)) units += rows * inner * columns * stepUnits(left, inner) * 2;
  return 1 + units;
};

/**
 * Sums and products over a collection: exact values grow as they accumulate (the sum of n fractions with
 * unrelated denominators has n times their bits), and each step costs the square of what has grown, so n
 * terms cost about n³/3 steps' worth. Decimals keep their precision; numbers stay numbers.
 */
const reduction =
  (growth: number): Model =>
  (args) => {
  let units = CALL_UNITS;
  for (const arg of args) {
    if (typeof arg === "function" || typeof arg === "string") continue;
    const w = weigh(arg);
    let bits = 0;
    forEachElement(arg, (x) => (bits = isFraction(x) || typeof x === "bigint" ? Math.max(bits, exactBits(x)) : bits));
    units += w.units;
    // Squares (variance, norms) double the bits once more.
    if (bits > 0) units += (((2 * growth * bits) / 100) ** 2 * Math.max(w.count, 2) ** 3) / 3;
  }
  return units;
};

/** The 2-norm of a matrix (its default) is an eigenvalue problem; other norms sum squares or p-th powers. */
const norm: Model = (args) => {
  const p = args.length < 2 ? 2 : args[1];
  const spectral = typeof p !== "string" && Number((p as { valueOf(): unknown }).valueOf()) === 2 && dimensions(args[0]).length === 2;
  if (!spectral) return reduction(2)(args) + transcendental("norm")(args);
  // An eigenvalue iteration: a fixed start-up in the elements' own kind, then n³ steps per sweep.
  const n = side(args);
  const { units, heaviest } = shape(args);
  return units + 500 * Math.max(1, heaviest / 0.3) + n ** 3 * 8 * stepUnits(args[0], n);
};

/** A variance, then a square root per result (a series at high precision). */
const standardDeviation: Model = (args) => {
  const sample = sampleOf(args[0]);
  return reduction(2)(args) + (isBigNumber(sample) ? bigSeries("sqrt", sample) * Math.max(1, side(args)) : 0);
};

/**
 * Bit operations on decimals: mathjs writes each operand out in binary digit by digit, and a shift
 * multiplies or divides by 2ⁿ, a power by squaring: per element, work in the bits of the operands and of
 * the shift, at the decimals' precision (leftShift of 7,203 ones by 965,926,915 took 0.8 s).
 */
const bitwise =
  (shift: boolean): Model =>
  (args) => {
    const sample = args.map(sampleOf).find(isBigNumber);
    if (!sample) return linear(args);
    const bits = (x: unknown) => Math.log2(magnitude(x) + 2);
    const steps = 5 + (shift ? bits(args[0]) / 4 + 2 * bits(args[1]) : args.reduce((n: number, a) => n + bits(a) / 4, 0));
    return linear(args) + Math.max(1, ...args.map(countOf)) * steps * bigUnits(precisionOf(sample as BigNumber));
  };

/** Conversions into another kind of number: a division or a parse per element. */
const conversion: Model = (args) => {
  let units = 1;
  forEachElement(args[0], (x) => (units += 10 + elementUnits(x) * 2));
  return units;
};

/** Correlation of decimals: sums of products and a square root per pair, in mathjs's BigNumber path a series each. */
const correlation: Model = (args) => {
  let units = linear(args);
  forEachElement(args[0], (x) => (units += isBigNumber(x) ? bigSeries("corr", x) / 2 : 0));
  return units;
};

/**
 * mathjs's zeta sums n terms, each of n factorials: n = 20 for real arguments (every call costs that),
 * and n = 19.5 + 0.9·|Im s| for complex ones, so zeta(1 + 10⁶i) would run for hours.
 */
const zeta: Model = (args) => {
  let units = 1;
  forEachElement(args[0], (s) => {
    const n = isComplex(s) ? 19.5 + 0.9 * Math.abs((s as { im: number }).im) : 20;
    units += n * n * (isBigNumber(s) ? bigSeries("zeta", s) / 100 : 40);
  });
  return units;
};

/** Per-element work well above a plain touch: rounding (mathjs checks each result with a tolerance), mod. */
const perElement =
  (factor: number): Model =>
  (args) =>
    CALL_UNITS + (linear(args) - CALL_UNITS) * factor;

/** mode compares elements by their text: each is written out first. */
const byText: Model = (args) => {
  let units = nLogN(args);
  for (const arg of args) forEachElement(arg, (x) => (units += textUnits(x)));
  return units;
};

/**
 * Iterative matrix algorithms (Schur, Sylvester, Lyapunov): QR sweeps until they converge, thousands for
 * some 2×2 matrices; in exact numbers they are refused by their guard.
 */
const iterative =
  (base: number, perCube: number): Model =>
  (args) => {
    const { units, heaviest } = shape(args);
    // Each sweep is arithmetic in the elements' own kind: decimals at 500 digits cost hundreds of times more.
    return (base + side(args) ** 3 * perCube) * Math.max(1, heaviest / 0.3) + units;
  };

/** A rotation matrix: a sine and a cosine of its angle. */
const rotation: Model = (args) => 2 * transcendental("sin")([args[0]]) + linear(args.slice(1));

const MODELS: Record<string, Model> = {
  // zpk2tf multiplies out one polynomial factor per zero and per pole: n² complex operations each.
  zpk2tf: (args) => CALL_UNITS + args.slice(0, 2).reduce((u: number, a) => u + weigh(a).count ** 2 * 3, 0) + linear(args),
  round: perElement(30), ceil: perElement(30), floor: perElement(30), fix: perElement(30), mod: perElement(30),
  squeeze: perElement(5), rotationMatrix: rotation, expm: (args) => 1000 + cubic(30)(args),
  schur: iterative(60_000, 5_000), sylvester: iterative(120_000, 10_000), lyap: iterative(120_000, 10_000),
  // A distance ends in a square root: a series of its own in decimals.
  distance: (args) => linear(args) + transcendental("sqrt")([sampleOf(args[0])]),
  bitAnd: bitwise(false), bitOr: bitwise(false), bitXor: bitwise(false), bitNot: bitwise(false),
  leftShift: bitwise(true), rightArithShift: bitwise(true), rightLogShift: bitwise(true),
  multiply: matrixProduct, corr: (args) => 4 * correlation(args), zeta,
  sum: reduction(1), mean: reduction(1), prod: reduction(1), cumsum: reduction(1), variance: reduction(2), std: standardDeviation, dot: (args) => 6 * reduction(1)(args),
  // A norm sums squares (or p-th powers) first; the 2-norm of a matrix is an eigenvalue problem.
  norm,
  num: conversion, den: conversion, bignumber: conversion, number: conversion, bigint: conversion, complex: conversion, numeric: conversion, unit: conversion,
  divide: (args) => (isCollection(args[1]) ? matrixProduct(args) + cubic(2)([args[1]]) : linear(args)),
  sort: nLogN, median: nLogN, quantileSeq: nLogN, mode: byText, mad: (args) => 3 * nLogN(args), partitionSelect: nLogN, setDistinct: nLogN,
  setUnion: pairwise, setIntersect: pairwise, setDifference: pairwise, setSymDifference: pairwise, setIsSubset: pairwise,
  setMultiplicity: pairwise, setCartesian: (args) => 40 * pairwise(args), deepEqual: linear,
  det: cubic(1), inv: cubic(2), pinv: cubic(6), lup: cubic(1), qr: cubic(3), slu: cubic(3), lusolve: cubic(2), lsolve: cubic(0.5),
  usolve: cubic(0.5), lsolveAll: cubic(1), usolveAll: cubic(1), sqrtm: cubic(60), eigs: cubic(2000), kron: scaled(2),
  pow: power(false), dotPow: power(true),
  factorial: counted((n) => n, false), gamma: counted((n) => n, false), permutations: counted((n, k) => Math.min(n, k)),
  combinations: counted((n, k) => Math.min(k, n - k) + 1), combinationsWithRep: counted((n, k) => Math.min(k, n) + 1),
  composition: counted((n, k) => Math.min(k, n - k) + 1), catalan: counted((n) => 2 * n), multinomial: counted((n) => n),
  stirlingS2: recurrence(true), bellNumbers: recurrence(true), bernoulli,
  gcd: euclid, lcm: euclid, xgcd: euclid, invmod: euclid,
  cube: scaled(3), square: scaled(2), index: scaled(3),
  isPrime: primality, fft: fourier, ifft: fourier,
  bin: baseConversion, hex: baseConversion, oct: baseConversion, format: baseConversion, print: baseConversion, string: baseConversion,
  fraction: toFraction, freqz: frequencyResponse,
};
for (const name of TRANSCENDENTAL) MODELS[name] ??= transcendental(name);

/**
 * The models are fitted to the mean of what they describe; their worst case across kinds of number runs
 * up to about twice that. Charging twice keeps a unit below a microsecond everywhere.
 */
const SAFETY = 2;

/** Work units one call of `name` costs before it runs. */
export function costOf(name: string, args: unknown[]): number {
  const model = MODELS[name] ?? linear;
  return model(args) * SAFETY;
}

/** Units the elements of a result cost to build (charged after a call, for functions that create large results). */
export function resultUnits(result: unknown): number {
  return isCollection(result) || isMatrix(result) ? weigh(result).units * SAFETY : 0;
}
