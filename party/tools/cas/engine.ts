/**
 * @module The algebra engine (Compute Engine, pinned): loaded on the first symbolic call, locked down,
 * and run one bounded, isolated piece of work at a time.
 *
 * One engine per isolate. Each run is metered (meter.ts), charged to the tool call's budget, and undone
 * afterwards: a scope is pushed for it and the engine is restored to the checkpoint taken when it was
 * made, so nothing one call declares or assumes is seen by another call or another room. Only MathJSON
 * this service built goes in (never text for its parser unless it is LaTeX checked by latex-input.ts),
 * and plain MathJSON comes out.
 */
import type { ComputeEngine } from "@cortex-js/compute-engine";
import { ToolError } from "../tool-error.ts";
import type { Budget } from "../math/budget.ts";
import { bitLength } from "../math/exact-float.ts";
import { MAX_CAS_STEPS, MAX_CAS_TICKS, MAX_DECIMAL_DIGITS, MAX_DECIMAL_EXPONENT, MAX_ENGINE_EXACT_BITS, TICK_UNITS } from "./caps.ts";
import { Meter } from "./meter.ts";

type Module = typeof import("@cortex-js/compute-engine");

let module: Module | undefined;
let engine: { ce: ComputeEngine; meter: Meter; baseline: unknown } | undefined;

/** Loads the engine's code on first use: it is large, and most calls never need it. */
export async function loadCas(): Promise<void> {
  module ??= await import("@cortex-js/compute-engine");
}

type Internal = ComputeEngine & {
  _withBudget<T>(limit: { steps?: number; label?: string }, fn: () => T): T;
  checkpoint(): unknown;
  restore(checkpoint: unknown): void;
  jit: unknown;
  effects: unknown;
};

/** The engine, made and locked down on first use. */
function theEngine(): { ce: Internal; meter: Meter; baseline: unknown } {
  if (engine) return engine as { ce: Internal; meter: Meter; baseline: unknown };
  if (!module) throw new Error("the algebra engine is used before loadCas() finished");
  const { ComputeEngine: Engine, CancellationError, BigDecimal } = module;
  const ce = new Engine() as Internal;
  if (typeof ce._withBudget !== "function" || typeof ce.checkpoint !== "function") {
    throw new Error("this version of the algebra engine lacks the step budget or checkpoints this service relies on");
  }
  // No code generation (workerd forbids it anyway), no console, no host randomness.
  ce.jit = "off";
  ce.effects = { console: null, entropy: null };
  ce.recursionLimit = 100;
  ce.iterationLimit = 1024;
  ce.precision = 30;
  const meter = new Meter((message) => new CancellationError({ cause: "timeout", message }));
  meter.install(ce);
  meter.guardNumbers(BigDecimal.prototype, decimalTooLarge(BigDecimal));
  for (const name of DECIMAL_ARITHMETIC) meter.price(BigDecimal.prototype, BigDecimal.prototype, name, (self, a) => decimalArithmeticTicks(name, [self, ...a]));
  const exact = Object.getPrototypeOf((ce.number(10n ** 30n + 7n) as unknown as { numericValue: object }).numericValue) as object;
  meter.guardNumbers(exact, exactTooLarge(exact));
  // Arithmetic on exact numbers keeps fractions in lowest terms: a gcd, one step the meter sees, priced by size.
  for (const name of EXACT_ARITHMETIC) meter.price(exact, exact, name, (self, a) => exactArithmeticTicks([self, ...a]));
  // Exact numbers become decimals one part at a time, in methods the meter sees only as one step each.
  meter.price(exact, exact, "_bignumComponent", (_, [rational]) => (Array.isArray(rational) ? decimalConversionTicks(rational[0]) + decimalConversionTicks(rational[1]) : 0));
  meter.price(Object.getPrototypeOf(ce), ce, "bignum", (_, [value]) => decimalConversionTicks(value));
  writeRationalsLinearly(exact);
  engine = { ce, meter, baseline: ce.checkpoint() };
  return engine;
}

/**
 * The engine writes an exact number as MathJSON in time that grows with the square of its longest run of
 * zeros (it trims trailing zeros with a regular expression that backtracks), and its pattern matcher
 * writes the same number again at every comparison: 10^4700 + 3 held a solve 2.7 s, 10^58800 + 47^17
 * 2.5 s a writing. Rationals (the common case) are written here in linear time, in the engine's own form:
 * an integer within doubles' exact range as a number, a larger one as {num} with more than five trailing
 * zeros written e+k, a fraction as ["Rational", n, d]. Roots and complex numbers stay the engine's.
 */
function writeRationalsLinearly(exact: object): void {
  const proto = exact as { toJSON(): unknown };
  const original = proto.toJSON;
  type Exact = { rational: [bigint | number, bigint | number]; radical: unknown; isComplex: boolean; isNaN: boolean; isPositiveInfinity: boolean; isNegativeInfinity: boolean };
  // Complex numbers and roots are written by the engine, once: numbers are immutable (their parts are
  // compared to be sure), and the pattern matcher asks again and again.
  type Complex = { imRational?: [unknown, unknown]; imRadical?: unknown };
  const written = new WeakMap<object, { parts: unknown[]; json: unknown }>();
  const engineJson = (v: Exact & Complex) => {
    const parts = [v.rational?.[0], v.rational?.[1], v.radical, v.imRational?.[0], v.imRational?.[1], v.imRadical];
    const known = written.get(v);
    if (known && known.parts.every((p, k) => p === parts[k])) return known.json;
    const json = original.call(v);
    written.set(v, { parts, json });
    return json;
  };
  proto.toJSON = function rationalJson(this: Exact & Complex) {
    const [n, d] = this.rational ?? [];
    if (this.radical !== 1 || this.isComplex || this.isNaN || this.isPositiveInfinity || this.isNegativeInfinity || !isInteger(n) || !isInteger(d)) return engineJson(this);
    if (n == 0 || (d == 1 && (n == 1 || n == -1))) return original.call(this);
    return d == 1 ? integerJson(n) : ["Rational", integerJson(n), integerJson(d)];
  };
}

const isInteger = (v: unknown): v is bigint | number => typeof v === "bigint" || (typeof v === "number" && Number.isSafeInteger(v));

function integerJson(v: bigint | number): number | { num: string } {
  if (typeof v === "number" || (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER))) return Number(v);
  const text = v.toString();
  let zeros = 0;
  while (text.charCodeAt(text.length - 1 - zeros) === 48) zeros++;
  return { num: zeros > 5 ? `${text.slice(0, -zeros)}e+${zeros}` : text };
}

const DIGITS_LIMIT = 10n ** BigInt(MAX_DECIMAL_DIGITS);
const EXACT_LIMIT = 2n ** BigInt(MAX_ENGINE_EXACT_BITS);

/** Whether an operation on the engine's exact numbers would work on, or (a whole power) make, one past MAX_ENGINE_EXACT_BITS. */
function exactTooLarge(proto: object) {
  type Exact = { rational?: [bigint | number, bigint | number]; imRational?: [bigint | number, bigint | number] };
  const big = (v: unknown) => typeof v === "bigint" && (v >= EXACT_LIMIT || -v >= EXACT_LIMIT);
  const large = (v: unknown): boolean => {
    if (typeof v !== "object" || v === null || !proto.isPrototypeOf(v)) return false;
    const { rational, imRational } = v as Exact;
    return big(rational?.[0]) || big(rational?.[1]) || big(imRational?.[0]) || big(imRational?.[1]);
  };
  const bits = (v: bigint | number | undefined) => (typeof v === "bigint" ? bitLength(v) : 53);
  return (method: string, self: unknown, args: unknown[]): boolean => {
    if (large(self) || args.some(large)) return true;
    if (method !== "pow" || typeof args[0] !== "number") return false;
    const { rational } = self as Exact;
    return Number.isInteger(args[0]) && Math.abs(args[0]) * Math.max(bits(rational?.[0]), bits(rational?.[1])) > MAX_ENGINE_EXACT_BITS;
  };
}

/** The exact numbers' methods that may take a gcd of their parts. */
const EXACT_ARITHMETIC = ["normalize", "add", "sub", "mul", "div", "pow", "inv", "root", "sqrt", "gcd"];

/**
 * Ticks for arithmetic on the engine's exact numbers. It keeps every result in lowest terms by Euclid's
 * gcd of the result's parts, whose size is about the sum of the operands': measured in Node, a fraction of
 * 16,384 bits plus 1/27 took 26 ms, two such 92 ms, two of 35,000 bits 0.76 s and of 70,000 bits 3.2 s
 * (0.1–0.15 ns × bits² of the result); priced at 0.2 ns × bits² once a denominator is in play (integers'
 * arithmetic is fast) and the result may pass 2,048 bits. dsolve y' = 1.5^(1/2.25e−5)·y − 46 took 4.9 s
 * in gcds of 3^44444/2^44444.
 */
export function exactArithmeticTicks(values: unknown[]): number {
  let [bits, fraction] = [0, false];
  for (const v of values) {
    const { rational, imRational } = (typeof v === "object" && v !== null ? v : {}) as { rational?: unknown[]; imRational?: unknown[] };
    let largest = 0;
    for (const part of [rational?.[0], rational?.[1], imRational?.[0], imRational?.[1]]) if (typeof part === "bigint") largest = Math.max(largest, bitLength(part));
    for (const part of [rational?.[1], imRational?.[1]]) fraction ||= (typeof part === "bigint" && part !== 1n) || (typeof part === "number" && part !== 1);
    bits += largest;
  }
  return !fraction || bits < 2048 ? 0 : Math.ceil((0.2e-3 * bits * bits) / TICK_UNITS);
}

/** The engine's decimal methods whose cost grows with the digits they work on. */
const DECIMAL_ARITHMETIC = ["add", "sub", "mul", "div", "inv", "pow", "mod", "sqrt", "cbrt", "exp", "ln", "log", "toString", "toFixed", "_digitCount"];

/**
 * Ticks for an operation on the engine's decimals, by the digits it works on (an addition aligns its
 * operands first, so their exponents' distance counts). Measured in Node: at 10,000 digits a product
 * 0.14 ms, at 50,000 1.1 ms, at 100,000 a division by 3 4.9 ms, and counting digits for a comparison
 * 2.3 ms (a power of ten that size is made; the count is kept). Priced at 0.015·D + 5·10⁻⁷·D² µs from
 * 2,000 digits. The engine's erfi series at 3·10⁹ (∫ (e^(x²))^0.1 from 10^10) grew its terms by 19
 * digits a step: 4.7 s.
 */
export function decimalArithmeticTicks(method: string, values: unknown[]): number {
  // Comparisons count digits once, and keep the count.
  if (method === "_digitCount" && (values[0] as { _digits?: number } | undefined)?._digits !== undefined) return 0;
  let digits = 0;
  const exponents: number[] = [];
  for (const v of values) {
    const { significand, exponent } = (typeof v === "object" && v !== null ? v : {}) as { significand?: unknown; exponent?: unknown };
    if (typeof significand !== "bigint") continue;
    digits = Math.max(digits, bitLength(significand) * Math.LOG10E * Math.LN2);
    if (typeof exponent === "number" && Number.isFinite(exponent)) exponents.push(exponent);
  }
  if ((method === "add" || method === "sub") && exponents.length === 2) digits += Math.min(Math.abs(exponents[0]! - exponents[1]!), 1e6);
  return digits < 2000 ? 0 : Math.ceil((0.015 * digits + 5e-7 * digits * digits) / TICK_UNITS);
}

const BILLION = 1_000_000_000n;

/**
 * Ticks to make a decimal of an integer. The engine's decimals drop the trailing zeros of what they are
 * made of by dividing by 10⁹ while it divides, each division as long as the number: quadratic. Measured in
 * Node, 10^4620 took 1.5 ms (the engine made it 475 times for the series of x^231 at 10^20, 2.2 s) and
 * 10^40000 82 ms, about 12 ns per 64-bit word per division; priced at 15. The trailing zero bits bound
 * the trailing zero digits.
 */
export function decimalConversionTicks(value: unknown): number {
  if (typeof value !== "bigint" || value % BILLION !== 0n || value === 0n) return 0;
  const zeros = bitLength(value & -value) - 1;
  return Math.ceil((((zeros / 9) * (bitLength(value) / 64) * 15) / 1000) / TICK_UNITS);
}

/** Whether a decimal operation would work on, or (a whole power) make, a number past the bounds in caps.ts. */
function decimalTooLarge(BigDecimal: Function) {
  const large = (v: unknown): boolean => {
    if (!(v instanceof BigDecimal)) return false;
    const { significand, exponent } = v as unknown as { significand: bigint; exponent: number };
    if (!Number.isFinite(exponent) || significand === 0n) return false;
    return Math.abs(exponent) > MAX_DECIMAL_EXPONENT || significand >= DIGITS_LIMIT || -significand >= DIGITS_LIMIT;
  };
  return (method: string, self: unknown, args: unknown[]): boolean => {
    if (large(self) || args.some(large)) return true;
    if (method !== "pow") return false;
    // An integer power is computed exactly by squaring: its digits are the base's times the power.
    const n = Number(typeof args[0] === "number" ? args[0] : String(args[0]));
    const { significand } = self as { significand: bigint };
    const digits = bitLength(significand) * Math.LOG10E * Math.LN2;
    return Number.isInteger(n) && Math.abs(n) * digits > MAX_DECIMAL_DIGITS;
  };
}

/** Thrown when a run has spent what it may. */
export const TOO_INVOLVED = (what: string) =>
  `${what} needs more work than a shared room allows (the expression is too large or too involved); try a smaller or simpler one`;

/** A run that spent what it may: callers that can do without its result (a tidier form) catch this one. */
export class TooInvolved extends ToolError {}

export type CasRun = { ce: ComputeEngine; ticks(): number };

/**
 * Runs `work` on the engine, synchronously, inside a fresh scope, within what the call's budget still
 * affords (and at most MAX_CAS_TICKS, or `maxTicks` plain ticks), each tick weighing `weight` (more for
 * large numbers). The ticks spent are charged to the budget. `work` must return plain data (MathJSON, numbers), never engine
 * objects: the scope they belong to is gone afterwards.
 */
export function casRun<T>(call: Budget, what: string, work: (run: CasRun) => T, weight = 1, maxTicks = MAX_CAS_TICKS): T {
  const { ce, meter, baseline } = theEngine();
  const units = TICK_UNITS * weight;
  const affordable = Math.floor((call.maxWork - call.work) / units);
  const limit = Math.min(Math.floor(Math.min(maxTicks, MAX_CAS_TICKS) / weight), affordable);
  if (limit < 1_000) throw new TooInvolved(TOO_INVOLVED(what));
  let result: T | undefined;
  let failure: unknown;
  const depth = scopeDepth(ce);
  meter.start(limit, weight);
  try {
    ce.pushScope();
    result = ce._withBudget({ steps: MAX_CAS_STEPS, label: "math-mcp" }, () => work({ ce, ticks: () => meter.ticks }));
  } catch (error) {
    failure = error;
  }
  const tripped = meter.tripped;
  const ticks = meter.stop();
  // A cancelled run may leave the engine's own scopes pushed (it does not unwind them): pop back to ours.
  while (scopeDepth(ce) > depth) ce.popScope();
  ce.restore(baseline);
  call.spend(Math.min(ticks, limit) * units);
  if (tripped || isCancellation(failure)) throw new TooInvolved(TOO_INVOLVED(what));
  if (failure !== undefined) throw translate(failure, what);
  return result as T;
}

const scopeDepth = (ce: ComputeEngine) => (ce as unknown as { contextStack: unknown[] }).contextStack.length;

function isCancellation(error: unknown): boolean {
  return error instanceof Error && error.name === "CancellationError";
}

/** The engine's failures as sentences; never its stack. */
function translate(error: unknown, what: string): ToolError {
  if (error instanceof ToolError) return error;
  if (error instanceof RangeError && /call stack|recursion/i.test(error.message)) return new ToolError(`${what} nests too deeply for the algebra engine`);
  if (error instanceof Error && /recursion limit|iteration limit/i.test(error.message)) return new TooInvolved(TOO_INVOLVED(what));
  console.error(`algebra engine failed on ${what}:`, error);
  return new ToolError(`the algebra engine could not work out ${what}`);
}

const definedNames = new Map<string, boolean>();

/** Whether the engine's library defines a name (N, D, m, Pi, …): such a name of a person's is renamed. */
export function engineDefines(name: string): boolean {
  let defined = definedNames.get(name);
  if (defined === undefined) {
    const { ce } = theEngine();
    defined = (ce as unknown as { lookupDefinition(name: string): unknown }).lookupDefinition(name) !== undefined;
    if (definedNames.size < 10_000) definedNames.set(name, defined);
  }
  return defined;
}
