/**
 * @module MathJSON to polynomials and back. Variables and anything that is not a polynomial operation —
 * sin(x), √2, 1/(x − 1), e^x — become the ring's generators ("kernels"), so (x + sin y)² expands like
 * (x + k)². Powers beyond MAX_EXPAND_POWER are refused before any work.
 */
import { ToolError } from "../tool-error.ts";
import { Rational } from "../math/rational.ts";
import type { Budget } from "../math/budget.ts";
import { MAX_EXACT_NUMBER_BITS, MAX_EXPAND_POWER } from "./caps.ts";
import { log2Of, tooLarge } from "./fold-numbers.ts";
import { args, head, integerValue, isNum, isSymbol, rational, rationalValue } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { repeatingDecimal } from "./numbers.ts";
import { Poly } from "./poly.ts";

/** The ring's generators: each a MathJSON atom (a symbol, or an opaque subexpression). */
export class Ring {
  readonly atoms: Json[] = [];
  readonly #index = new Map<string, number>();

  indexOf(atom: Json): number {
    const k = JSON.stringify(atom);
    let i = this.#index.get(k);
    if (i === undefined) {
      i = this.atoms.length;
      this.atoms.push(atom);
      this.#index.set(k, i);
    }
    return i;
  }

  has(atom: Json): number | undefined {
    return this.#index.get(JSON.stringify(atom));
  }
}

/** A decimal read exactly; one with an exponent past ±2000 (1e+3500 from cbrt((1e-300)^35)) is refused. */
function decimal(text: string): Rational {
  try {
    return Rational.fromDecimal(text);
  } catch (error) {
    if (error instanceof RangeError) throw new ToolError(`the number ${text} is too large or too small to work with exactly`);
    throw error;
  }
}

function numberOf(json: Json): Rational | undefined {
  if (typeof json === "number") return Number.isInteger(json) ? new Rational(BigInt(json)) : decimal(String(json));
  if (isNum(json)) {
    const q = repeatingDecimal(json.num);
    return q ? new Rational(q.n, q.d) : decimal(json.num);
  }
  const q = rationalValue(json);
  return q ? new Rational(q.n, q.d) : undefined;
}

export type PolyOptions = {
  budget?: Budget;
  /** Non-polynomial parts become generators (expand); without it they make the conversion fail (factor, gcd). */
  opaque?: boolean;
  /** Applied to the arguments of an opaque part before it becomes a generator (expand goes deep). */
  inner?: (json: Json) => Json;
  /** What the polynomial is, in refusals ("the expression" unless said). */
  what?: string;
};

/**
 * The polynomial `json` is over the ring's generators, or undefined when it is not one (and `opaque` is off).
 * Generators are collected first, so every polynomial of one conversion has the same number of variables.
 */
export function toPoly(json: Json, ring: Ring, options: PolyOptions = {}): Poly | undefined {
  const what = options.what ?? "the expression";
  const atoms: Json[] = [];
  const inners = new Map<string, Json>();
  const atom = (j: Json): Json => {
    if (!options.inner || !Array.isArray(j)) return j;
    const k = JSON.stringify(j);
    let done = inners.get(k);
    if (done === undefined) inners.set(k, (done = [j[0], ...args(j).map(options.inner)] as Json));
    return done;
  };
  // First pass: the generators (so the ring's size is known), in the order they occur.
  const collect = (j: Json): boolean => {
    if (numberOf(j)) return true;
    if (isSymbol(j)) return atoms.push(j), true;
    const h = head(j);
    const a = args(j);
    if (h === "Add" || h === "Subtract" || h === "Negate" || h === "Multiply") return a.every(collect);
    // Its parts are collected too: Complex(0, √2) has √2 as a generator (found during conversion, it crashed).
    if (h === "Complex") return atoms.push("ImaginaryUnit"), a.every(collect);
    if (h === "Divide" && numberOf(a[1]!)) return collect(a[0]!);
    if (h === "Power") {
      const e = integerValue(a[1]!);
      if (e !== undefined && e >= 0n) {
        if (e > BigInt(MAX_EXPAND_POWER) && !numberOf(a[0]!)) throw new ToolError(`powers above ${MAX_EXPAND_POWER} are not expanded`);
        return collect(a[0]!);
      }
    }
    if (!options.opaque) return false;
    if (h === "Divide") return collect(a[0]!) && (atoms.push(atom(["Power", a[1]!, -1])), true);
    atoms.push(atom(j));
    return true;
  };
  if (!collect(json)) return undefined;
  for (const a of atoms) ring.indexOf(a);
  const n = ring.atoms.length;
  const convert = (j: Json): Poly => {
    const q = numberOf(j);
    if (q) return Poly.constant(n, q);
    if (isSymbol(j)) return Poly.variable(n, ring.indexOf(j));
    const h = head(j);
    const a = args(j);
    switch (h) {
      case "Add":
        return a.map(convert).reduce((s, p) => s.add(p), new Poly(n));
      case "Subtract":
        return convert(a[0]!).add(convert(a[1]!), -1);
      case "Negate":
        return convert(a[0]!).scale(Rational.ONE.neg());
      case "Multiply":
        return a.map(convert).reduce((s, p) => s.mul(p, options.budget), Poly.constant(n, Rational.ONE));
      case "Complex":
        return convert(a[0]!).add(convert(a[1]!).mul(Poly.variable(n, ring.indexOf("ImaginaryUnit"))));
    }
    if (h === "Divide" && numberOf(a[1]!)) {
      const divisor = numberOf(a[1]!)!;
      if (divisor.isZero()) throw new ToolError(`${what} divides by zero`);
      return convert(a[0]!).scale(Rational.ONE.div(divisor));
    }
    if (h === "Power") {
      const e = integerValue(a[1]!);
      if (e !== undefined && e >= 0n) {
        const base = numberOf(a[0]!);
        if (base) return Poly.constant(n, power(base, e, what));
        return convert(a[0]!).pow(Number(e), options.budget);
      }
    }
    if (h === "Divide") return convert(a[0]!).mul(Poly.variable(n, ring.indexOf(atom(["Power", a[1]!, -1]))), options.budget);
    return Poly.variable(n, ring.indexOf(atom(j)));
  };
  return reduceRadicals(convert(json), ring, what);
}

/** i² = −1, (√q)² = q, (∛q)³ = q: powers of generators that are roots of rationals are brought down. */
function reduceRadicals(p: Poly, ring: Ring, what: string): Poly {
  const roots = ring.atoms.map((a) => radical(a));
  if (roots.every((r) => r === undefined)) return p;
  let out = new Poly(p.n);
  for (const [e, c] of p.entries()) {
    let coefficient = c;
    const exponents = [...e];
    roots.forEach((r, i) => {
      // A ring shared between conversions may have gained generators this polynomial does not have.
      if (!r || i >= exponents.length || exponents[i]! < r.order) return;
      const whole = Math.floor(exponents[i]! / r.order);
      exponents[i] = exponents[i]! % r.order;
      coefficient = coefficient.mul(power(r.value, BigInt(whole), what));
    });
    const term = new Poly(p.n, new Map([[exponents.join(","), coefficient]]));
    out = out.add(term);
  }
  return out;
}

/** A generator that is the m-th root of a rational: i (of −1), √q, ∛q, q^(1/m). */
function radical(atom: Json): { order: number; value: Rational } | undefined {
  if (atom === "ImaginaryUnit") return { order: 2, value: Rational.ONE.neg() };
  const h = head(atom);
  const a = args(atom);
  const base = a[0] === undefined ? undefined : numberOf(a[0]);
  if (!base) return undefined;
  if (h === "Sqrt") return { order: 2, value: base };
  if (h === "Root") {
    const m = integerValue(a[1]!);
    return m !== undefined && m > 1n && m < 64n ? { order: Number(m), value: base } : undefined;
  }
  if (h === "Power") {
    const q = rationalValue(a[1]!);
    return q && q.n === 1n && q.d > 1n && q.d < 64n ? { order: Number(q.d), value: base } : undefined;
  }
  return undefined;
}

function power(q: Rational, e: bigint, what: string): Rational {
  const bits = Math.max(log2Of(q.n), log2Of(q.d)) * Number(e);
  if (bits > MAX_EXACT_NUMBER_BITS) throw tooLarge(what, bits);
  return new Rational(q.n ** e, q.d ** e);
}

/** The polynomial as MathJSON: terms by falling total degree, generators in ring order. */
export function fromPoly(p: Poly, ring: Ring): Json {
  // i is a number, not a variable: it does not count towards a term's degree, and real parts come first.
  const i = ring.has("ImaginaryUnit");
  const degree = (e: number[]) => e.reduce((s, x, k) => s + (k === i ? 0 : x), 0);
  const terms = [...p.entries()].sort(([a], [b]) => {
    const [da, db] = [degree(a), degree(b)];
    if (da !== db) return db - da;
    if (i !== undefined && a[i] !== b[i]) return a[i]! - b[i]!;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
    return 0;
  });
  const json = terms.map(([e, c]) => {
    const factors: Json[] = [];
    e.forEach((x, i) => {
      if (x === 0) return;
      const base = ring.atoms[i]!;
      factors.push(x === 1 ? base : ["Power", base, x]);
    });
    const coefficient = rational(c.n, c.d);
    if (factors.length === 0) return coefficient;
    if (c.equals(Rational.ONE)) return factors.length === 1 ? factors[0]! : ["Multiply", ...factors];
    if (c.equals(Rational.ONE.neg())) return ["Negate", factors.length === 1 ? factors[0]! : ["Multiply", ...factors]] as Json;
    return ["Multiply", coefficient, ...factors] as Json;
  });
  if (json.length === 0) return 0;
  return json.length === 1 ? json[0]! : ["Add", ...json];
}

/** The expression multiplied out, inside function arguments and denominators too: a normal form for comparing. */
export function deepExpand(json: Json, budget?: Budget): Json {
  const deep = (j: Json): Json => {
    const ring = new Ring();
    const p = toPoly(j, ring, { opaque: true, inner: deep, budget })!;
    return fromPoly(p, ring);
  };
  return deep(json);
}
