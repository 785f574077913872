/**
 * @module MathJSON, the expression form the computer algebra engine reads and writes: the few shapes
 * this service builds and reads, and walks over them (size, depth, free symbols, substitution).
 *
 * A number is a JS number (an integer or a double) or `{num: "digits"}` (big or decimal); a symbol is a
 * string; a function is an array `[head, ...arguments]`.
 */
import { ENGINE_CONSTANTS } from "./names.ts";

export type Json = number | string | { num: string } | Json[];

/** A table's own entry for a key: never an inherited one (a variable may be called "constructor"). */
export function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The head of a function expression, or undefined for numbers and symbols. */
export function head(json: Json): string | undefined {
  return Array.isArray(json) && typeof json[0] === "string" ? json[0] : undefined;
}

/** The arguments of a function expression ([] for an atom). */
export function args(json: Json): Json[] {
  return Array.isArray(json) ? json.slice(1) : [];
}

export const isSymbol = (json: Json): json is string => typeof json === "string";
export const isNum = (json: Json): json is { num: string } => typeof json === "object" && !Array.isArray(json) && json !== null && typeof (json as { num?: unknown }).num === "string";

/** Number of nodes, counting every atom and every function node. */
export function nodeCount(json: Json, stopAt = Number.POSITIVE_INFINITY): number {
  let count = 0;
  const visit = (j: Json): void => {
    if (++count > stopAt) return;
    if (Array.isArray(j)) for (const a of j.slice(1)) visit(a);
  };
  visit(json);
  return count;
}

/** Depth of the tree: an atom is 1. */
export function depth(json: Json): number {
  if (!Array.isArray(json)) return 1;
  let deepest = 0;
  for (const a of json.slice(1)) deepest = Math.max(deepest, depth(a));
  return deepest + 1;
}

/** Every head that occurs anywhere in the expression. */
export function headsOf(json: Json, into = new Set<string>()): Set<string> {
  const h = head(json);
  if (h) into.add(h);
  for (const a of args(json)) headsOf(a, into);
  return into;
}

/** Symbols that occur in the expression (constants such as Pi included; the caller filters). */
export function symbolsOf(json: Json, into = new Set<string>()): Set<string> {
  if (isSymbol(json)) into.add(json);
  for (const a of args(json)) symbolsOf(a, into);
  return into;
}

/** Does `symbol` occur in the expression? */
export function mentions(json: Json, symbol: string): boolean {
  if (isSymbol(json)) return json === symbol;
  return args(json).some((a) => mentions(a, symbol));
}

/** Replaces symbols by expressions, everywhere (heads are left alone). */
export function substitute(json: Json, values: ReadonlyMap<string, Json>): Json {
  if (isSymbol(json)) return values.get(json) ?? json;
  if (!Array.isArray(json)) return json;
  return [json[0] as string, ...json.slice(1).map((a) => substitute(a, values))];
}

/** Rebuilds the tree bottom-up with `visit` applied to every node. */
export function mapTree(json: Json, visit: (node: Json) => Json): Json {
  if (!Array.isArray(json)) return visit(json);
  return visit([json[0] as string, ...json.slice(1).map((a) => mapTree(a, visit))]);
}

/** A small integer as MathJSON, or a big one as `{num}` so no digit is lost. */
export function integer(n: bigint): Json {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : { num: n.toString() };
}

/** The exact rational n/d as MathJSON, in lowest terms with a positive denominator. */
export function rational(n: bigint, d: bigint): Json {
  if (d < 0n) [n, d] = [-n, -d];
  let [a, b] = [n < 0n ? -n : n, d];
  while (b) [a, b] = [b, a % b];
  const g = a || 1n;
  [n, d] = [n / g, d / g];
  return d === 1n ? integer(n) : ["Rational", integer(n), integer(d)];
}

/** The integer a number node holds exactly, or undefined. */
export function integerValue(json: Json): bigint | undefined {
  if (typeof json === "number") return Number.isInteger(json) ? BigInt(json) : undefined;
  if (!isNum(json)) return undefined;
  if (/^[+-]?\d+$/.test(json.num)) return BigInt(json.num);
  // The engine writes big whole numbers in exponent form too: 5e+47.
  const match = /^([+-]?)(\d+)(?:\.(\d*))?e\+?(\d+)$/i.exec(json.num);
  if (!match) return undefined;
  const [, sign, whole, fraction = "", exponent] = match;
  const shift = Number(exponent) - fraction.replace(/0+$/, "").length;
  if (shift < 0 || shift > 2000) return undefined;
  return BigInt(`${sign}${whole}${fraction.replace(/0+$/, "")}`) * 10n ** BigInt(shift);
}

/** An exact rational held by a node (an integer, a Rational or a negated one), or undefined. */
export function rationalValue(json: Json): { n: bigint; d: bigint } | undefined {
  const n = integerValue(json);
  if (n !== undefined) return { n, d: 1n };
  const h = head(json);
  if (h === "Rational" && Array.isArray(json) && json.length === 3) {
    const [p, q] = [integerValue(json[1]!), integerValue(json[2]!)];
    if (p !== undefined && q !== undefined && q !== 0n) return q < 0n ? { n: -p, d: -q } : { n: p, d: q };
  }
  if (h === "Negate" && Array.isArray(json) && json.length === 2) {
    const r = rationalValue(json[1]!);
    return r && { n: -r.n, d: r.d };
  }
  if (h === "Divide" && Array.isArray(json) && json.length === 3) {
    const [p, q] = [integerValue(json[1]!), integerValue(json[2]!)];
    if (p !== undefined && q !== undefined && q !== 0n) return q < 0n ? { n: -p, d: -q } : { n: p, d: q };
  }
  if (json === "Half") return { n: 1n, d: 2n };
  return undefined;
}

/** Whether a number node is inexact: a double that is not whole, or decimal text. */
export function isInexactNumber(json: Json): boolean {
  if (typeof json === "number") return !Number.isInteger(json);
  return isNum(json) && integerValue(json) === undefined && !/^[+-]?\d*\.\(\d+\)$|^[+-]?\d+\.\d*\(\d+\)$/.test(json.num);
}

/** Whether any number in the expression is inexact (a float crept in). */
export function hasInexact(json: Json): boolean {
  if (isInexactNumber(json)) return true;
  return args(json).some(hasInexact);
}

/** How many terms json has when expanded, at most (a sum of m terms to the k has C(m + k − 1, k)). */
export function expandedTerms(json: Json): number {
  const h = head(json);
  const parts = args(json);
  if (h === "Add" || h === "Subtract") return parts.reduce<number>((n, p) => n + expandedTerms(p), 0);
  if (h === "Negate") return expandedTerms(parts[0]!);
  if (h === "Multiply" || h === "Divide") return parts.reduce<number>((n, p) => n * expandedTerms(p), 1);
  if (h === "Power") {
    const k = integerValue(parts[1]!);
    // (√u)^50 is u^25 to the engine: a root's power is a power of what is under it when the exponents
    // multiply to a whole number ((sqrt(18^x + 50))^50 held the engine's solver 2.4 s).
    const root = k === undefined ? undefined : rootOf(parts[0]!);
    if (root && (k! * root.n) % root.d === 0n) return expandedTerms(["Power", root.base, Number((k! * root.n) / root.d)]);
    const m = expandedTerms(parts[0]!);
    if (k === undefined || k < 2n || m < 2) return m;
    let count = 1;
    for (let i = 1; i <= Number(k) && count <= 1e6; i++) count = (count * (m + i - 1)) / i;
    return count;
  }
  return 1;
}

/** A root or fractional power, u^(n/d) with d > 1, as u and n/d. */
function rootOf(json: Json): { base: Json; n: bigint; d: bigint } | undefined {
  const h = head(json);
  const parts = args(json);
  if (h === "Sqrt" && parts.length === 1) return { base: parts[0]!, n: 1n, d: 2n };
  const order = h === "Root" && parts.length === 2 ? integerValue(parts[1]!) : undefined;
  if (order !== undefined && order > 1n) return { base: parts[0]!, n: 1n, d: order };
  const exponent = h === "Power" && parts.length === 2 ? rationalValue(parts[1]!) : undefined;
  if (exponent && exponent.d > 1n) return { base: parts[0]!, ...exponent };
  return undefined;
}

/**
 * The most terms any part of json expands to, a function's argument included: the engine's solver takes
 * log(u) = 0 to u = 1 and then matches its rules against subsets of u's terms (log((x − 17)^28 − 37) = 0
 * held it 9.8 s).
 */
export function largestExpansion(json: Json): number {
  // A negative power counts as the positive one: 1/u^−25 is u^25 to the engine, and it expands it
  // ((√2 − x^y)^−25 in a denominator held its solver 1.3 s).
  const parts = args(json);
  const k = head(json) === "Power" && parts.length === 2 ? integerValue(parts[1]!) : undefined;
  const flipped = k !== undefined && k < 0n ? expandedTerms(["Power", parts[0]!, Number(-k)]) : 0;
  return Math.max(expandedTerms(json), flipped, ...parts.map(largestExpansion));
}

/**
 * The most terms any power of a sum in json expands to ((x − 6)^48: 49). The engine expands such powers
 * and then matches its rules against subsets of the terms, in steps its meter does not see.
 */
export function largestExpandedPower(json: Json): number {
  const h = head(json);
  if (!h) return 1;
  const own = h === "Power" && integerValue(args(json)[1]!) !== undefined ? expandedTerms(json) : 1;
  return Math.max(own, ...args(json).map(largestExpandedPower));
}

/**
 * The highest power of a variable (not a constant such as e) json holds, nested powers multiplied
 * (((x^28)^23)^-10: 6440); 0 without one. A whole power multiplies the degree of a polynomial-like base
 * (a sum, product, quotient or power); of a function it does not (atan2(x^1000, x)^-12 has degree 1000).
 */
export function largestDegree(json: Json): number {
  const h = head(json);
  if (!h) return isSymbol(json) && !Object.hasOwn(ENGINE_CONSTANTS, json) ? 1 : 0;
  const parts = args(json);
  if (h === "Power") {
    const e = exponentSize(parts[1]!);
    const inner = largestDegree(parts[0]!);
    const base = head(parts[0]!);
    // A fractional exponent counts too: the engine's series of x^(10^20 + 1/2) made an array of 10^20 terms.
    if (e !== undefined && inner > 0 && (base === undefined || POLYNOMIAL_HEADS.has(base))) return inner * Math.max(1, e);
    return Math.max(inner, largestDegree(parts[1]!));
  }
  if (h === "Root" && parts.length === 2) {
    // The n-th root is the power 1/n: nthRoot(x, 10^-6) is x^1000000 (its series took 1.7 s).
    const order = exponentSize(parts[1]!);
    const inner = largestDegree(parts[0]!);
    if (order !== undefined && inner > 0) return inner * Math.max(1, order === 0 ? Number.POSITIVE_INFINITY : 1 / order);
  }
  return Math.max(0, ...parts.map(largestDegree));
}

/** |e| for a number written as an integer, a rational or a decimal; undefined for anything else. */
function exponentSize(json: Json): number | undefined {
  const q = rationalValue(json);
  if (q) return Math.abs(Number(q.n) / Number(q.d));
  if (isNum(json)) {
    const value = Math.abs(Number(json.num));
    return Number.isNaN(value) ? undefined : value;
  }
  return undefined;
}

const POLYNOMIAL_HEADS = new Set(["Add", "Subtract", "Multiply", "Divide", "Negate", "Power"]);

