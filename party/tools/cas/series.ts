/**
 * @module Taylor and Laurent series by the engine, of f(x₀ + t) in t, read back term by term and written
 * in powers of (x − x₀) up to O((x − x₀)ⁿ). The coefficients are checked against Cauchy's integral
 * formula evaluated numerically on circles around the point.
 */
import { ToolError } from "../tool-error.ts";
import { MAX_SERIES_ORDER } from "./caps.ts";
import * as C from "./complex.ts";
import type { C as Complex } from "./complex.ts";
import { compileNumeric, Unsupported } from "./evaluate-numeric.ts";
import { args, hasInexact, head, headsOf, mentions, rational, rationalValue, substitute } from "./mathjson.ts";
import { seriesAtZero, Unsupported as NoSeries } from "./power-series.ts";
import type { Json } from "./mathjson.ts";
import { approximate } from "./numeric-check.ts";
import type { Algebra } from "./session.ts";
import type { Verdict } from "./verify.ts";

type Term = { coefficient: Json; exponent: number };
export type Series = { result: Json; terms: Term[]; verdict: Verdict; exact: boolean };

/** The placeholder the engine expands in. */
const T = "t__series";

/** c·tᵏ read from one term, or undefined when the term is not of that form. */
function monomial(term: Json, t: string): Term | undefined {
  if (!mentions(term, t)) return { coefficient: term, exponent: 0 };
  if (term === t) return { coefficient: 1, exponent: 1 };
  const h = head(term);
  const a = args(term);
  if (h === "Power" && a[0] === t) {
    const q = rationalValue(a[1]!);
    return q ? { coefficient: 1, exponent: Number(q.n) / Number(q.d) } : undefined;
  }
  if (h === "Sqrt" && a[0] === t) return { coefficient: 1, exponent: 0.5 };
  if (h === "Root" && a[0] === t && typeof a[1] === "number") return { coefficient: 1, exponent: 1 / a[1] };
  if (h === "Negate") {
    const m = monomial(a[0]!, t);
    return m && { coefficient: ["Negate", m.coefficient], exponent: m.exponent };
  }
  if (h === "Multiply" || h === "Divide") {
    const parts = a.map((x) => monomial(x, t));
    if (parts.some((p) => !p)) return undefined;
    const [first, ...rest] = parts as Term[];
    if (h === "Divide") return { coefficient: ["Divide", first!.coefficient, rest[0]!.coefficient], exponent: first!.exponent - rest[0]!.exponent };
    return { coefficient: ["Multiply", ...parts.map((p) => p!.coefficient)], exponent: parts.reduce((s, p) => s + p!.exponent, 0) };
  }
  return undefined;
}

/** The terms of the engine's answer, without its O(·) term, merged by exponent. */
function termsOf(algebra: Algebra, series: Json): Term[] {
  const parts = head(series) === "Add" ? args(series) : [series];
  const byExponent = new Map<number, Json[]>();
  for (const part of parts) {
    if (head(part) === "BigO") continue;
    const m = monomial(part, T);
    if (!m) throw new ToolError("the series has a form this service cannot read back; try another point or order");
    byExponent.set(m.exponent, [...(byExponent.get(m.exponent) ?? []), m.coefficient]);
  }
  const sorted = [...byExponent].sort(([a], [b]) => a - b);
  const sums: Json[] = sorted.map(([, cs]) => (cs.length === 1 ? cs[0]! : ["Add", ...cs]));
  const simplified = algebra.run("the series", ({ ce }) => sums.map((sum) => ce.box(sum as never).simplify().json as Json));
  return sorted.map(([exponent], k) => ({ coefficient: simplified[k]!, exponent })).filter((term) => term.coefficient !== 0);
}

/** A fractional exponent (the engine's Puiseux series) as the small fraction it is. */
function fraction(k: number): Json {
  for (let d = 2; d <= 24; d++) if (Math.abs(Math.round(k * d) - k * d) < 1e-9) return rational(BigInt(Math.round(k * d)), BigInt(d));
  return { num: String(k) };
}

/** Σ cₖ·(x − x₀)ᵏ + O((x − x₀)ⁿ) as MathJSON. */
function assemble(terms: Term[], variable: string, point: Json, order: number): Json {
  const base: Json = point === 0 ? variable : ["Subtract", variable, point];
  const power = (k: number): Json | undefined => (k === 0 ? undefined : k === 1 ? base : ["Power", base, Number.isInteger(k) ? k : fraction(k)]);
  const written = terms.map(({ coefficient, exponent }) => {
    const p = power(exponent);
    if (!p) return coefficient;
    if (coefficient === 1) return p;
    return ["Multiply", coefficient, p] as Json;
  });
  return ["Add", ...written, ["BigO", ["Power", base, order]]];
}

/** Cauchy coefficients of g(t) = f(x₀ + t) on the circle |t| = r: cₖ·rᵏ for k in [low, high]. */
function cauchy(g: (t: Complex) => Complex, r: number, low: number, high: number): { scaled: Map<number, Complex>; size: number } | undefined {
  const N = 128;
  const values: Complex[] = [];
  let size = 0;
  for (let j = 0; j < N; j++) {
    const v = g(C.c(r * Math.cos((2 * Math.PI * j) / N), r * Math.sin((2 * Math.PI * j) / N)));
    if (!Number.isFinite(v.re) || !Number.isFinite(v.im)) return undefined;
    values.push(v);
    size = Math.max(size, C.abs(v));
  }
  const scaled = new Map<number, Complex>();
  for (let k = low; k <= high; k++) {
    let sum = C.c(0);
    values.forEach((v, j) => (sum = C.add(sum, C.mul(v, C.c(Math.cos((-2 * Math.PI * j * k) / N), Math.sin((-2 * Math.PI * j * k) / N))))));
    scaled.set(k, C.div(sum, C.c(N)));
  }
  return { scaled, size };
}

function check(algebra: Algebra, json: Json, variable: string, point: Json, terms: Term[], order: number): Verdict {
  if (terms.some((t) => !Number.isInteger(t.exponent))) return "unknown";
  const x0 = approximate(algebra, point);
  const coefficients = new Map<number, Complex | undefined>(terms.map((t) => [t.exponent, approximate(algebra, t.coefficient)]));
  if (!x0 || [...coefficients.values()].some((c) => !c)) return "unknown";
  let f: ReturnType<typeof compileNumeric>;
  try {
    f = compileNumeric(json);
  } catch (error) {
    if (error instanceof Unsupported) return "unknown";
    throw error;
  }
  const g = (t: Complex) => f(new Map([[variable, C.add(x0, t)]]));
  const low = Math.min(-8, ...terms.map((t) => t.exponent));
  const misses: Map<number, Complex>[] = [];
  algebra.budget.spend(4 * 128 * (order - low + 2) * 4);
  for (const r of [0.5, 0.25, 0.1, 0.05]) {
    let numeric: ReturnType<typeof cauchy>;
    try {
      numeric = cauchy(g, r, low, order - 1);
    } catch (error) {
      if (error instanceof Unsupported) return "unknown";
      throw error;
    }
    if (!numeric) continue;
    let agree = true;
    for (const [k, c] of numeric.scaled) {
      const claimed = coefficients.get(k) ?? C.c(0);
      const expected = C.mul(claimed!, C.c(r ** k));
      if (C.abs(C.sub(c, expected)) > 1e-7 * Math.max(1, numeric.size)) agree = false;
    }
    if (agree) return "agree";
    misses.push(new Map([...numeric.scaled].map(([k, c]) => [k, C.div(c, C.c(r ** k))])));
  }
  // Wrong only when the numbers settled: two radii give the same coefficients, and not the engine's.
  const [a, b] = misses.slice(-2);
  if (a && b && [...a].every(([k, c]) => C.abs(C.sub(c, b.get(k)!)) <= 1e-6 * Math.max(1, C.abs(c)))) return "disagree";
  return "unknown";
}

/** The series by this service's power-series arithmetic, when every coefficient is rational. */
function ownSeries(algebra: Algebra, shifted: Json, order: number): Term[] | undefined {
  try {
    const { low, coefficients } = seriesAtZero(shifted, T, order, algebra.budget);
    return coefficients.map((q, k) => ({ coefficient: rational(q.n, q.d), exponent: low + k })).filter((t) => t.coefficient !== 0);
  } catch (error) {
    if (error instanceof NoSeries) return undefined;
    throw error;
  }
}

function engineSeries(algebra: Algebra, shifted: Json, order: number): Term[] {
  const raw = algebra.run("the series", ({ ce }) => ce.box(["Series", shifted, T, 0, order - 1] as never).evaluate().json as Json);
  const heads = headsOf(raw);
  if (heads.has("Series") || heads.has("Error")) throw new ToolError("no series was found at this point (the function may have a branch point or an essential singularity there)");
  return termsOf(algebra, raw).filter((t) => t.exponent < order);
}

export function series(algebra: Algebra, json: Json, variable: string, point: Json, order: number): Series {
  if (order < 1 || order > MAX_SERIES_ORDER) throw new ToolError(`order must be from 1 to ${MAX_SERIES_ORDER}`);
  // The engine evaluates the expression at the point: the numbers that makes must be computable
  // (x^1000 at 10^20 is 10^20000; a^(x²) at 1000 has (3/2)^1000000 in it).
  if (point !== 0) algebra.expect(substitute(json, new Map([[variable, point]])), "the expression at the point");
  const shifted = substitute(json, new Map([[variable, point === 0 ? T : (["Add", point, T] as Json)]]));
  // An expression free of the variable is its own series (the engine would work out ((π − 3)^100)^100 first).
  const terms = !mentions(json, variable) ? [{ coefficient: json, exponent: 0 }] : (ownSeries(algebra, shifted, order) ?? engineSeries(algebra, shifted, order));
  const verdict = check(algebra, json, variable, point, terms, order);
  if (verdict === "disagree") {
    console.error("series failed its check:", JSON.stringify(json), JSON.stringify(point), order, "→", JSON.stringify(terms));
    throw new ToolError("the series failed its numeric check, so it is not given; please report the expression");
  }
  const result = assemble(terms, variable, point, order);
  return { result, terms, verdict, exact: !terms.some((t) => hasInexact(t.coefficient)) };
}
