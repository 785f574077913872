/**
 * Probes every function an expression can call, as the locked-down namespace runs it, with inputs of
 * growing size and of every kind of number, and pairs the work units it was charged with the time it
 * took. The cost models are true when time per unit stays under a bound for every function and size.
 */
import type { MathJsInstance } from "mathjs";
import { Budget, withBudget } from "../../party/tools/math/budget.ts";
import { expressionNamespace, loadMath, mathFor, usePrecision } from "../../party/tools/math/instances.ts";
import { DISABLED } from "../../party/tools/math/lockdown.ts";
import { MAX_CALL_WORK } from "../../party/tools/math/limits.ts";
import { costOf } from "../../party/tools/math/costs.ts";
import { ToolError } from "../../party/tools/tool-error.ts";
import type { Mode } from "../../party/tools/math/values.ts";
import { generator } from "../support/random.ts";

export type Point = { fn: string; family: string; size: number; units: number; micros: number; refused: boolean };

/** A family of arguments that grows with `size`; sizes are tried in order until a call takes long enough. */
type Family = { name: string; mode: Mode; precision?: number; sizes: number[]; make: (math: MathJsInstance, size: number, rng: () => number) => unknown[] };

const pow10 = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => 10 ** (from + i));
/** Sizes from `from` growing fourfold up to `to`, which is always the last. */
const doubling = (from: number, to: number) => {
  const sizes: number[] = [];
  for (let n = from; n < to; n *= 4) sizes.push(n);
  return [...sizes, to];
};
/** Most collections an expression can make hold at most 10,000 elements. */
const ELEMENTS = 10_000;

/** A deterministic generator, so a run can be repeated exactly. */
const seeded = (seed: number) => generator(seed).next;

const vector = (n: number, rng: () => number, scale = 100) => Array.from({ length: n }, () => Math.round(rng() * scale * 1000) / 1000 + 1);
const square = (n: number, rng: () => number) => Array.from({ length: n }, () => vector(n, rng));
/** An integer of about `bits` bits, as decimal text. */
const digits = (bits: number, rng: () => number) => {
  let text = String(1 + Math.floor(rng() * 9));
  for (let i = 1; i < Math.max(1, Math.round(bits * 0.30103)); i++) text += Math.floor(rng() * 10);
  return text;
};

export const FAMILIES: Family[] = [
  { name: "x", mode: "number", sizes: pow10(0, 15), make: (_, n) => [n + 0.5] },
  { name: "int", mode: "number", sizes: [...pow10(1, 15), 2 ** 53 - 111], make: (_, n) => [n - 1] },
  { name: "int,int", mode: "number", sizes: pow10(1, 15), make: (_, n) => [n, Math.floor(n / 3)] },
  { name: "int,2", mode: "number", sizes: pow10(1, 15), make: (_, n) => [n, 2] },
  { name: "vec", mode: "number", sizes: doubling(16, ELEMENTS), make: (_, n, rng) => [vector(n, rng)] },
  { name: "ints", mode: "number", sizes: doubling(16, ELEMENTS), make: (_, n) => [Array.from({ length: n }, (_, i) => 9007199254740881 - 2 * i)] },
  { name: "range", mode: "number", sizes: doubling(16, ELEMENTS), make: (_, n) => [Array.from({ length: n }, (_, i) => i + 1)] },
  { name: "vec,vec", mode: "number", sizes: doubling(16, ELEMENTS), make: (_, n, rng) => [vector(n, rng), vector(n, rng)] },
  { name: "range,range", mode: "number", sizes: doubling(16, ELEMENTS), make: (_, n) => [Array.from({ length: n }, (_, i) => i), Array.from({ length: n }, (_, i) => i + n)] },
  { name: "vec,2", mode: "number", sizes: doubling(16, ELEMENTS), make: (_, n, rng) => [vector(n, rng), 2] },
  { name: "mat", mode: "number", sizes: doubling(2, 100), make: (math, n, rng) => [math.matrix(square(n, rng))] },
  { name: "mat,mat", mode: "number", sizes: doubling(2, 100), make: (math, n, rng) => [math.matrix(square(n, rng)), math.matrix(square(n, rng))] },
  { name: "mat,vec", mode: "number", sizes: doubling(2, 100), make: (math, n, rng) => [math.matrix(square(n, rng)), vector(n, rng)] },
  { name: "mat,3", mode: "number", sizes: doubling(2, 100), make: (math, n, rng) => [math.matrix(square(n, rng)), 3] },
  { name: "complex", mode: "number", sizes: pow10(0, 12), make: (math, n) => [math.complex(n, n / 3)] },
  { name: "cvec", mode: "number", sizes: doubling(16, ELEMENTS), make: (math, n, rng) => [vector(n, rng).map((x) => math.complex(x, x / 2))] },
  { name: "text", mode: "number", sizes: doubling(16, 8192), make: (_, n) => ["7".repeat(n)] },
  { name: "text,text", mode: "number", sizes: doubling(16, 8192), make: (_, n) => ["7".repeat(n), "7".repeat(n - 1) + "8"] },
  { name: "bigint", mode: "number", sizes: doubling(64, 65536), make: (_, bits, rng) => [BigInt(digits(bits, rng))] },
  { name: "bigint,bigint", mode: "number", sizes: doubling(64, 65536), make: (_, bits, rng) => [BigInt(digits(bits, rng)), BigInt(digits(bits, rng))] },
  ...[64, 500].flatMap((precision): Family[] => [
    { name: `big${precision}`, mode: "bignumber", precision, sizes: pow10(0, 15), make: (math, n) => [math.bignumber(n).plus(math.bignumber(1).div(7))] },
    { name: `bigint${precision}`, mode: "bignumber", precision, sizes: [...pow10(1, 15), 2 ** 53 - 111], make: (math, n) => [math.bignumber(n - 1)] },
    { name: `big${precision},big`, mode: "bignumber", precision, sizes: pow10(0, 15), make: (math, n) => [math.bignumber(n).div(3), math.bignumber(n).div(7)] },
    { name: `bvec${precision}`, mode: "bignumber", precision, sizes: doubling(16, ELEMENTS), make: (math, n, rng) => [vector(n, rng).map((x) => math.bignumber(x).div(7))] },
    { name: `bvec${precision},bvec`, mode: "bignumber", precision, sizes: doubling(16, ELEMENTS), make: (math, n, rng) => [vector(n, rng).map((x) => math.bignumber(x).div(7)), vector(n, rng).map((x) => math.bignumber(x).div(3))] },
    { name: `bmat${precision}`, mode: "bignumber", precision, sizes: doubling(2, 64), make: (math, n, rng) => [math.matrix(square(n, rng).map((row) => row.map((x) => math.bignumber(x).div(7))))] },
    { name: `bmat${precision},bmat`, mode: "bignumber", precision, sizes: doubling(2, 64), make: (math, n, rng) => [math.matrix(square(n, rng).map((row) => row.map((x) => math.bignumber(x).div(7)))), math.matrix(square(n, rng).map((row) => row.map((x) => math.bignumber(x).div(3))))] },
  ]),
  { name: "frac", mode: "fraction", sizes: doubling(16, 65536), make: (math, bits, rng) => [math.fraction(`${digits(bits, rng)}/${digits(bits, rng)}`)] },
  { name: "frac,frac", mode: "fraction", sizes: doubling(16, 65536), make: (math, bits, rng) => [math.fraction(`${digits(bits, rng)}/${digits(bits, rng)}`), math.fraction(`${digits(bits, rng)}/${digits(bits, rng)}`)] },
  { name: "frac,int", mode: "fraction", sizes: doubling(1, 4096), make: (math, n, rng) => [math.fraction(`${digits(30, rng)}/${digits(30, rng)}`), math.fraction(n)] },
  { name: "fvec", mode: "fraction", sizes: doubling(16, 8192), make: (math, n, rng) => [Array.from({ length: n }, () => math.fraction(`${digits(53, rng)}/${digits(53, rng)}`))] },
  { name: "fmat", mode: "fraction", sizes: doubling(2, 32), make: (math, n, rng) => [math.matrix(Array.from({ length: n }, () => Array.from({ length: n }, () => math.fraction(`${digits(53, rng)}/${digits(53, rng)}`))))] },
  { name: "fmat,fmat", mode: "fraction", sizes: doubling(2, 32), make: (math, n, rng) => Array.from({ length: 2 }, () => math.matrix(Array.from({ length: n }, () => Array.from({ length: n }, () => math.fraction(`${digits(53, rng)}/${digits(53, rng)}`))))) },
  { name: "fmat-bits", mode: "fraction", sizes: doubling(16, 4096), make: (math, bits, rng) => [math.matrix(Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => math.fraction(`${digits(bits, rng)}/${digits(bits, rng)}`))))] },
];

/** A call that takes less than this is repeated until the repetitions together take this long. */
const MIN_MEASURE_MICROS = 1_000;
/** Rounds per point, the best kept: a busy machine only ever makes a call slower. */
const ROUNDS = Number(process.env.PROBE_ROUNDS ?? 2);
/** A family stops growing once one call takes this long (the next size is at most a few times more). */
const STOP_MICROS = 40_000;

function instanceFor(family: Family): MathJsInstance {
  return family.mode === "bignumber" ? usePrecision(family.precision ?? 64) : mathFor(family.mode);
}

/**
 * Work a probed call may be charged: more than any tool call may spend, so that every call a tool could
 * make is measured, and a call its model prices beyond that is refused before it runs, as in a room.
 */
const PROBE_BUDGET = 2 * MAX_CALL_WORK;

/** One call under a fresh budget: the units it was charged, and whether a guard or its price refused it. */
function once(fn: (...args: unknown[]) => unknown, args: unknown[]): { units: number; refused: boolean; failed: boolean } {
  const budget = new Budget(PROBE_BUDGET);
  try {
    withBudget(budget, () => fn(...args));
    return { units: budget.work, refused: false, failed: false };
  } catch (error) {
    return { units: budget.work, refused: error instanceof ToolError, failed: !(error instanceof ToolError) };
  }
}

/** Time per call in µs: repeated until the total is long enough to read, best of two rounds. */
function measure(fn: (...args: unknown[]) => unknown, make: () => unknown[]): { micros: number; units: number; refused: boolean; failed: boolean } {
  // Arguments are made once (making a 65,536-bit fraction from text takes longer than most calls).
  const args = make();
  // The first call of a signature compiles it (typed-function resolves conversions lazily): not counted,
  // unless it is slow enough that compiling does not matter.
  const first = performance.now();
  const outcome = once(fn, args);
  const firstMicros = (performance.now() - first) * 1000;
  if (outcome.refused || outcome.failed) return { micros: 0, ...outcome };
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    let calls = 0;
    let spent = 0;
    while (spent < MIN_MEASURE_MICROS) {
      const started = performance.now();
      once(fn, args);
      spent += (performance.now() - started) * 1000;
      calls++;
    }
    best = Math.min(best, spent / calls);
    // A slow call is measured well enough by two runs.
    if (best > 5 * MIN_MEASURE_MICROS) return { micros: Math.min(best, firstMicros), ...outcome };
  }
  return { micros: best, ...outcome };
}

/** Every function an expression can call, by name. */
export async function probeableFunctions(): Promise<string[]> {
  await loadMath();
  const namespace = expressionNamespace(mathFor("number"));
  return Object.keys(namespace).filter((name) => !DISABLED.has(name) && typeof namespace[name] === "function");
}

/**
 * Three sizes of a family for a quick probe: its smallest, the largest its model prices within
 * `QUICK_UNITS` (about a tenth of a second, if the model is right), and one between. A model that is
 * wrong shows at moderate prices as well as at large ones; where it is right, large ones only cost time.
 */
const QUICK_UNITS = 30_000;

/** Arguments by family and size, made once for every function probed (making them is slow for big numbers). */
const made = new Map<string, unknown[]>();

function argumentsOf(family: Family, size: number, seed: number): unknown[] {
  const key = `${family.name}@${size}#${seed}`;
  let args = made.get(key);
  if (!args) made.set(key, (args = family.make(instanceFor(family), size, seeded(seed + size))));
  return args;
}

function quickSizes(fn: string, family: Family, seed: number): number[] {
  instanceFor(family);
  const priced = family.sizes.filter((size) => {
    try {
      return costOf(fn, argumentsOf(family, size, seed)) <= QUICK_UNITS;
    } catch {
      return false;
    }
  });
  if (priced.length === 0) return family.sizes.slice(0, 1);
  return [...new Set([priced[0]!, priced[Math.floor((priced.length - 1) / 2)]!, priced[priced.length - 1]!])];
}

/** Probes one function with every family it accepts; families it rejects by type are skipped. */
export function probe(fn: string, options: { families?: Family[]; seed?: number; sizes?: "all" | "quick" } = {}): Point[] {
  const { families = FAMILIES, seed = 1, sizes = "all" } = options;
  const points: Point[] = [];
  for (const family of families) {
    const math = instanceFor(family);
    const target = expressionNamespace(math)[fn] as (...args: unknown[]) => unknown;
    if (typeof target !== "function") continue;
    for (const size of sizes === "all" ? family.sizes : quickSizes(fn, family, seed)) {
      instanceFor(family);
      const { micros, units, refused, failed } = measure(target, () => argumentsOf(family, size, seed));
      if (failed) break; // The first size failing means this is not a kind the function takes.
      points.push({ fn, family: family.name, size, units, micros, refused });
      if (refused || micros > STOP_MICROS) break;
    }
  }
  return points;
}
