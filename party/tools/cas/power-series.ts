/**
 * @module Truncated power series with rational coefficients, Laurent ones included: the series of an
 * expression at 0 built from the series of its parts (sums, products, quotients, whole and rational
 * powers, exp, log, sin, cos, tan, atan, asin, sinh, cosh, tanh, …). Exact and quick where the engine is
 * slow (its atan series takes seconds); where a coefficient would not be rational (exp(1), log(2), a
 * branch point) it gives up and the engine is asked instead.
 *
 * A series holds its coefficients from exponent `low` up, and knows them up to exponent `known` (exclusive).
 */
import { ToolError } from "../tool-error.ts";
import { integerRoot } from "../math/exact-float.ts";
import { Rational } from "../math/rational.ts";
import type { Budget } from "../math/budget.ts";
import { args, head, isSymbol, rationalValue } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { MAX_EXACT_NUMBER_BITS } from "./caps.ts";
import { log2Of } from "./fold-numbers.ts";

export class Unsupported extends Error {}

type S = { low: number; c: Rational[]; known: number };

const R = (n: number | bigint, d: number | bigint = 1) => new Rational(BigInt(n), BigInt(d));
const EXACT = Number.POSITIVE_INFINITY;

/** Drops leading zeros (raising `low`) and everything at or beyond `known`. */
function normal(s: S, cap: number): S {
  const known = Math.min(s.known, cap);
  let { low, c } = s;
  let k = 0;
  while (k < c.length && c[k]!.isZero()) k++;
  c = c.slice(k);
  low += k;
  if (c.length === 0) return { low: Math.min(known, cap), c: [], known };
  return { low, c: c.slice(0, Math.max(0, known - low)), known };
}

const at = (s: S, e: number) => (e >= s.low && e - s.low < s.c.length ? s.c[e - s.low]! : Rational.ZERO);

export class SeriesRing {
  readonly #cap: number;
  readonly #budget: Budget | undefined;

  /** @param cap exponents at or beyond this are never computed */
  constructor(cap: number, budget?: Budget) {
    this.#cap = cap;
    this.#budget = budget;
  }

  /** q + r (or q − r), priced before it runs: lowest terms are a gcd, quadratic in the size. */
  #add(q: Rational, r: Rational, sign = 1): Rational {
    this.#budget?.spend(stepCost(q, r));
    return sign > 0 ? q.add(r) : q.sub(r);
  }

  /** q·r, priced before it runs (its lowest terms are a gcd of products too). */
  #mul(q: Rational, r: Rational): Rational {
    this.#budget?.spend(stepCost(q, r));
    return q.mul(r);
  }

  constant(q: Rational): S {
    return normal({ low: 0, c: [q], known: EXACT }, this.#cap);
  }

  variable(): S {
    return normal({ low: 1, c: [Rational.ONE], known: EXACT }, this.#cap);
  }

  add(a: S, b: S, sign = 1): S {
    const known = Math.min(a.known, b.known, this.#cap);
    const low = Math.min(a.c.length ? a.low : known, b.c.length ? b.low : known);
    const c: Rational[] = [];
    for (let e = low; e < known; e++) c.push(this.#add(at(a, e), at(b, e), sign));
    return normal({ low, c, known }, this.#cap);
  }

  mul(a: S, b: S): S {
    // A zero series has low = known (it is zero as far as it is known), so one formula serves.
    const low = a.low + b.low;
    const known = Math.min(a.known + b.low, b.known + a.low, this.#cap);
    this.#budget?.spend(a.c.length * b.c.length);
    const c: Rational[] = [];
    for (let e = low; e < known; e++) {
      let sum = Rational.ZERO;
      // Each step priced by the size of what it works on, before it runs: ((0.333^-12)·x)^57 at 10^20
      // added 4,500 fractions of 12,000 bits, a millisecond each (lowest terms are a gcd, quadratic in
      // the size), and took 6 s at a unit a pair.
      for (let i = a.low; i <= e - b.low; i++) sum = this.#add(sum, this.#mul(at(a, i), at(b, e - i)));
      c.push(sum);
    }
    return normal({ low, c, known }, this.#cap);
  }

  inverse(b: S): S {
    if (!b.c.length) throw new Unsupported("division by a series that vanishes to the working order");
    const [w, lead] = [b.low, b.c[0]!];
    // 1/b = t^(−w)/lead · 1/(1 + u), u = b/(lead·t^w) − 1.
    const n = Math.min(b.known - w, this.#cap + w);
    const c: Rational[] = [Rational.ONE.div(lead)];
    // Priced step by step: the coefficients grow as they go (1/(x³ − 10^1321 − 1) at 1, to order 17, made
    // fractions of 70,000 bits and took 3.2 s when only the input's sizes were priced).
    for (let k = 1; k < n; k++) {
      let sum = Rational.ZERO;
      for (let j = 1; j <= k; j++) sum = this.#add(sum, this.#mul(at(b, w + j), c[k - j]!));
      c.push(this.#mul(sum.neg(), c[0]!));
    }
    return normal({ low: -w, c, known: b.known - 2 * w }, this.#cap);
  }

  /** Σ gₖ·uᵏ for u with zero constant term. */
  compose(g: (k: number) => Rational, u: S): S {
    if (u.c.length && u.low < 1) throw new Unsupported("the inner series does not vanish at the point");
    let result = this.constant(g(0));
    let power = this.constant(Rational.ONE);
    const terms = u.c.length ? Math.ceil(Math.min(this.#cap, u.known) / u.low) + 1 : 1;
    for (let k = 1; k <= terms; k++) {
      power = this.mul(power, u);
      if (!power.c.length && power.low >= this.#cap) break;
      const gk = g(k);
      if (!gk.isZero()) result = this.add(result, this.scale(power, gk));
    }
    return normal({ ...result, known: Math.min(result.known, u.known) }, this.#cap);
  }

  scale(a: S, q: Rational): S {
    return normal({ low: a.low, c: a.c.map((x) => this.#mul(x, q)), known: a.known }, this.#cap);
  }

  /** The constant term and the rest: a = c + u with u vanishing at 0 (a must have no negative powers). */
  split(a: S): [Rational, S] {
    if (a.c.length && a.low < 0) throw new Unsupported("a pole inside a function");
    const c = at(a, 0);
    return [c, this.add(a, this.constant(c), -1)];
  }

  power(a: S, r: Rational): S {
    if (r.isInteger()) {
      let n = Number(r.n);
      if (Math.abs(n) > 1000) throw new Unsupported("a large power");
      let base = n < 0 ? this.inverse(a) : a;
      n = Math.abs(n);
      let result = this.constant(Rational.ONE);
      while (n > 0) {
        if (n & 1) result = this.mul(result, base);
        base = this.mul(base, base);
        n >>= 1;
      }
      return result;
    }
    // a = lead·t^w·(1 + u): needs w·r whole and lead^r rational.
    if (!a.c.length) throw new Unsupported("a power of zero");
    const [w, lead] = [a.low, a.c[0]!];
    // (t^w)^r = t^(wr) fails for negative t ((t²)^(1/2) is |t|): only a base that does not vanish at the point.
    if (w !== 0) throw new Unsupported("a fractional power of something that vanishes or blows up at the point");
    const root = rationalRoot(lead, r);
    if (!root) throw new Unsupported("a power whose leading coefficient is not rational");
    const rest = this.scale(normal({ low: 0, c: a.c, known: a.known - w }, this.#cap + 1), Rational.ONE.div(lead));
    const [, u] = this.split(rest);
    const binomial = (k: number) => {
      let q = Rational.ONE;
      for (let i = 0; i < k; i++) q = q.mul(r.sub(R(i))).div(R(i + 1));
      return q;
    };
    const body = this.compose(binomial, u);
    // The body is computed only below the cap: a negative shift must not claim more than that.
    const shift = (w * Number(r.n)) / Number(r.d);
    return this.scale(normal({ low: body.low + shift, c: body.c, known: Math.min(body.known, this.#cap) + shift }, this.#cap), root);
  }
}

/** q^r when it is rational (4^(1/2) = 2), else undefined. */
function rationalRoot(q: Rational, r: Rational): Rational | undefined {
  const whole = (n: bigint, d: bigint): bigint | undefined => {
    if (n < 0n) {
      const positive = d % 2n === 1n ? whole(-n, d) : undefined;
      return positive === undefined ? undefined : -positive;
    }
    const root = integerRoot(n, d);
    return root ** d === n ? root : undefined;
  };
  const num = whole(q.n, r.d);
  const den = whole(q.d, r.d);
  if (num === undefined || den === undefined) return undefined;
  const k = r.n < 0n ? -r.n : r.n;
  // (±1)^k at once: 1^((17/45³)^10) multiplied 1 by itself 2·10^12 times.
  if (den === 1n && (num === 1n || num === -1n)) return new Rational(num < 0n && k % 2n === 1n ? -1n : 1n);
  if (num === 0n) return r.n < 0n ? undefined : Rational.ZERO;
  if (Math.max(log2Of(num), log2Of(den)) * Number(k) > MAX_EXACT_NUMBER_BITS) return undefined;
  const out = new Rational(num ** k, den ** k);
  return r.n < 0n ? Rational.ONE.div(out) : out;
}

const factorial = (k: number) => Array.from({ length: k }, (_, i) => BigInt(i + 1)).reduce((f, n) => f * n, 1n);

/** Taylor coefficients of the elementary functions at 0, k-th. */
const KERNELS: Record<string, (k: number) => Rational> = {
  Exp: (k) => R(1n, factorial(k)),
  Sin: (k) => (k % 2 === 0 ? Rational.ZERO : R(k % 4 === 1 ? 1n : -1n, factorial(k))),
  Cos: (k) => (k % 2 === 1 ? Rational.ZERO : R(k % 4 === 0 ? 1n : -1n, factorial(k))),
  Sinh: (k) => (k % 2 === 0 ? Rational.ZERO : R(1n, factorial(k))),
  Cosh: (k) => (k % 2 === 1 ? Rational.ZERO : R(1n, factorial(k))),
  Arctan: (k) => (k % 2 === 0 ? Rational.ZERO : R((k - 1) % 4 === 0 ? 1 : -1, k)),
  Artanh: (k) => (k % 2 === 0 ? Rational.ZERO : R(1, k)),
  // log(1 + u) = Σ (−1)^(k+1) u^k / k
  Log1p: (k) => (k === 0 ? Rational.ZERO : R(k % 2 === 1 ? 1 : -1, k)),
  Arcsin: (k) => {
    if (k % 2 === 0) return Rational.ZERO;
    const n = (k - 1) / 2;
    return R(factorial(2 * n), 4n ** BigInt(n) * factorial(n) ** 2n * BigInt(2 * n + 1));
  },
  Arsinh: (k) => {
    if (k % 2 === 0) return Rational.ZERO;
    const n = (k - 1) / 2;
    return R((n % 2 === 0 ? 1n : -1n) * factorial(2 * n), 4n ** BigInt(n) * factorial(n) ** 2n * BigInt(2 * n + 1));
  },
};

/** The series at 0 of `json` in `variable`, known up to exponent `order` (exclusive), or Unsupported. */
/**
 * Work units (about a microsecond) to add q to r in lowest terms: the gcd of numbers of the size of
 * their cross products, quadratic in it (measured in Node: 12,000-bit fractions, 1.06 ms an addition, with the product before it;
 * priced so that no case measured costs more than a microsecond a unit).
 */
function stepCost(q: Rational, r: Rational): number {
  const bits = Math.max(log2Of(q.n), log2Of(q.d)) + Math.max(log2Of(r.d), 1);
  return 2 + (bits * bits) / 25_000;
}

export function seriesAtZero(json: Json, variable: string, order: number, budget?: Budget): { low: number; coefficients: Rational[] } {
  for (const extra of [4, 12, 30]) {
    const ring = new SeriesRing(order + extra, budget);
    const s = build(json, variable, ring);
    if (s.known >= order) return { low: s.low, coefficients: s.c.slice(0, Math.max(0, order - s.low)) };
  }
  throw new Unsupported("too many terms cancel");
}

function build(json: Json, x: string, ring: SeriesRing): S {
  const q = rationalValue(json);
  if (q) return ring.constant(new Rational(q.n, q.d));
  if (isSymbol(json)) {
    if (json === x) return ring.variable();
    throw new Unsupported(`a symbol (${json}) whose value is not rational`);
  }
  const h = head(json);
  const a = args(json);
  const recur = (j: Json) => build(j, x, ring);
  switch (h) {
    case "Add":
      return a.map(recur).reduce((s, t) => ring.add(s, t));
    case "Subtract":
      return ring.add(recur(a[0]!), recur(a[1]!), -1);
    case "Negate":
      return ring.scale(recur(a[0]!), Rational.ONE.neg());
    case "Multiply":
      return a.map(recur).reduce((s, t) => ring.mul(s, t));
    case "Divide":
      return ring.mul(recur(a[0]!), ring.inverse(recur(a[1]!)));
    case "Sqrt":
      return ring.power(recur(a[0]!), R(1, 2));
    case "Root": {
      const n = rationalValue(a[1]!);
      if (!n) throw new Unsupported("a root of symbolic order");
      if (n.n === 0n) throw new ToolError("a root of order 0 has no value");
      return ring.power(recur(a[0]!), new Rational(n.d, n.n));
    }
    case "Power": {
      if (a[0] === "ExponentialE") return exp(recur(a[1]!), ring);
      const r = rationalValue(a[1]!);
      if (!r) throw new Unsupported("a power with a variable exponent");
      return ring.power(recur(a[0]!), new Rational(r.n, r.d));
    }
    case "Exp":
      return exp(recur(a[0]!), ring);
    case "Ln": {
      const [c, u] = ring.split(recur(a[0]!));
      if (!c.equals(Rational.ONE)) throw new Unsupported("log of a value other than 1 at the point");
      return ring.compose(KERNELS.Log1p!, u);
    }
    case "Tan":
      return ring.mul(trig("Sin", recur(a[0]!), ring), ring.inverse(trig("Cos", recur(a[0]!), ring)));
    case "Tanh":
      return ring.mul(trig("Sinh", recur(a[0]!), ring), ring.inverse(trig("Cosh", recur(a[0]!), ring)));
    case "Sec":
      return ring.inverse(trig("Cos", recur(a[0]!), ring));
    case "Csc":
      return ring.inverse(trig("Sin", recur(a[0]!), ring));
    case "Cot":
      return ring.mul(trig("Cos", recur(a[0]!), ring), ring.inverse(trig("Sin", recur(a[0]!), ring)));
  }
  if (h && Object.hasOwn(KERNELS, h) && a.length === 1) return trig(h, recur(a[0]!), ring);
  throw new Unsupported(`no series rule for ${h}`);
}

/** A function whose argument must vanish at the point (sin, atan, …). */
function trig(name: string, inner: S, ring: SeriesRing): S {
  const [c, u] = ring.split(inner);
  if (!c.isZero()) throw new Unsupported(`${name} of a non-zero value at the point`);
  return ring.compose(KERNELS[name]!, u);
}

function exp(inner: S, ring: SeriesRing): S {
  const [c, u] = ring.split(inner);
  if (!c.isZero()) throw new Unsupported("exp of a non-zero value at the point");
  return ring.compose(KERNELS.Exp!, u);
}
