/**
 * @module One equation in one unknown. In order: an identity (true for every x) is said to be one; a
 * polynomial has all its complex roots, exact where they have a closed form, with multiplicities; a
 * fraction has the roots of its numerator that do not cancel; anything else gets the engine's exact
 * solutions (each substituted back and kept only if it checks) together with every real root a numeric
 * scan finds in the range, touching roots included.
 */
import { ToolError } from "../tool-error.ts";
import { TooInvolved } from "./engine.ts";
import type { LongWork } from "../math/long-work.ts";
import * as C from "./complex.ts";
import type { C as Complex } from "./complex.ts";
import { compileNumeric, numericValue, Unsupported } from "./evaluate-numeric.ts";
import { args, hasInexact, head, headsOf, integerValue, largestExpansion, nodeCount, substitute } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { approximate, MAX_APPROXIMATION_TICKS } from "./numeric-check.ts";
import { polynomialRoots } from "./polynomial-roots.ts";
import { Ring, toPoly } from "./poly-convert.ts";
import { realRoots } from "./real-roots.ts";
import type { Algebra } from "./session.ts";
import { variablesOf } from "./variables.ts";
import { compareExpressions, vanishes } from "./verify.ts";

export type Root = { text: string; latex: string; value: Complex; exact: boolean; multiplicity: number; touching?: boolean };
export type Solution =
  /** `digits`: not proven, but both sides agree to that many digits (an equation without variables). */
  | { kind: "identity"; digits?: number }
  | { kind: "roots"; roots: Root[]; method: "exact" | "numeric" | "mixed"; scanned?: [number, number]; parametric?: boolean };

const SCAN_SAMPLES = 4000;

function rootFromText(algebra: Algebra, text: string, value: Complex, exact: boolean, multiplicity: number): Root {
  let latex = text;
  try {
    latex = algebra.latex(algebra.read(text, { what: "a root" }));
  } catch {
    // A numeric root's text is plain enough as it is.
  }
  return { text, latex, value, exact, multiplicity };
}

function rootFromJson(algebra: Algebra, json: Json, value: Complex): Root {
  return { text: algebra.text(json), latex: algebra.latex(json), value, exact: !hasInexact(json), multiplicity: 1 };
}

/** d ≡ 0: the engine simplifies it to 0 and it vanishes at every sample point. */
function isIdentity(algebra: Algebra, d: Json): boolean {
  const simplified = algebra.run("the equation", ({ ce }) => ce.box(d as never).simplify().json as Json);
  return simplified === 0 && vanishes(d, variablesOf(d), { budget: algebra.budget }) === "agree";
}

/** Real and imaginary parts of the candidate, or undefined when d does not vanish there. */
function checks(algebra: Algebra, d: Json, x: string, root: Json): Complex | undefined {
  const value = approximate(algebra, root);
  if (!value) return undefined;
  try {
    const f = compileNumeric(d);
    const residual = f(new Map([[x, value]]));
    const near = [0.5, 2].map((s) => C.abs(f(new Map([[x, C.add(value, C.c(1e-6 * s * Math.max(1, C.abs(value))))]]))));
    // The residual must be tiny next to how f varies around the root.
    return C.abs(residual) <= 1e-9 * Math.max(1e-300, ...near) || C.abs(residual) <= 1e-12 ? value : undefined;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function polynomialSolution(algebra: Algebra, d: Json, x: string): Solution | undefined {
  const ring = new Ring();
  const p = toPoly(d, ring, { budget: algebra.budget });
  if (!p) return undefined;
  const used = p.usedVariables().map((i) => ring.atoms[i]);
  if (used.some((v) => v !== x)) return undefined;
  if (p.isZero()) return { kind: "identity" };
  const index = ring.has(x);
  if (index === undefined || p.degreeIn(index) < 1) return { kind: "roots", roots: [], method: "exact" };
  const roots = polynomialRoots(p.dense(index), algebra.budget).map((r) => rootFromText(algebra, r.text, C.c(r.value.re, r.value.im), r.exact, r.multiplicity));
  return { kind: "roots", roots, method: roots.every((r) => r.exact) ? "exact" : "mixed" };
}

/** A fraction N/D: the roots of N where D does not vanish too. */
function fractionSolution(algebra: Algebra, d: Json, x: string): Solution | undefined {
  if (!headsOf(d).has("Divide") && !headsOf(d).has("Power")) return undefined;
  const together = algebra.run("the equation", ({ ce }) => ce.box(["Together", d] as never).evaluate().json as Json);
  if (head(together) !== "Divide") return undefined;
  const [numerator, denominator] = args(together) as [Json, Json];
  const top = polynomialSolution(algebra, numerator, x);
  if (!top || top.kind !== "roots" || !toPoly(denominator, new Ring())) return top;
  const bottom = compileNumeric(denominator);
  // Other variables in the denominator ((x + 42)/a¹¹) are given generic values: a root is dropped only
  // where the denominator vanishes whatever they are.
  const others = variablesOf(denominator).filter((v) => v !== x);
  const generic = [0.7390851332, -1.3247179572].map((g, k) => new Map<string, Complex>(others.map((v, i) => [v, C.c(g + 0.1 * i + 0.01 * k)])));
  const nonZero = (values: Map<string, Complex>) => {
    try {
      return !(C.abs(bottom(values)) <= 1e-9);
    } catch (error) {
      if (error instanceof Unsupported) return true;
      throw error;
    }
  };
  const roots = top.roots.filter((r) => generic.some((values) => nonZero(new Map([...values, [x, r.value]]))));
  return { ...top, roots };
}

/** Digits to which both sides of an equation without variables must agree to be called equal. */
const CONSTANT_DIGITS = 80;

/** A constant's value in doubles, if it is a finite one. */
function finiteValue(json: Json): Complex | undefined {
  const value = numericValue(json);
  return value && Number.isFinite(value.re) && Number.isFinite(value.im) ? value : undefined;
}

/** Every subexpression's value in doubles: the size of the parts a sum of them can cancel down from. */
function largestPart(d: Json): number {
  let largest = 0;
  const visit = (node: Json) => {
    const value = finiteValue(node);
    if (value) largest = Math.max(largest, C.abs(value));
    // A fraction or a complex number is one value: 10^20 + 1 over 10^20 is not a part of size 10^20.
    if (Array.isArray(node) && head(node) !== "Rational" && head(node) !== "Complex") node.slice(1).forEach(visit);
  };
  visit(d);
  return largest;
}

/**
 * Whether a constant is nonzero by its shape: a product of nonzero factors, a power or root of a nonzero
 * base, e to a finite power; any other part only when doubles put it far above the parts it is made of.
 * (i + (−1)^(1/3))^−56 is 5·10⁻¹⁷, nonzero because i + (−1)^(1/3) is 1.93, not because 5·10⁻¹⁷ is.
 */
function plainlyNonzero(json: Json): boolean {
  const h = head(json);
  const parts = args(json);
  const finite = (part: Json | undefined) => part !== undefined && finiteValue(part) !== undefined;
  if (h === "Multiply" || h === "Divide") return parts.every(plainlyNonzero);
  if (h === "Negate" || h === "Sqrt") return parts.length === 1 && plainlyNonzero(parts[0]!);
  if (h === "Power" || h === "Root") return parts.length === 2 && plainlyNonzero(parts[0]!) && finite(parts[1]);
  if (h === "Exp") return parts.length === 1 && finite(parts[0]);
  const value = finiteValue(json);
  return value !== undefined && C.abs(value) > 1e-8 * largestPart(json);
}

/** A value as the engine has it: the base-10 logarithm of its size (past the range of doubles too) and its direction. */
type Magnitude = { log10: number; direction: Complex };

/** The engine's value of a constant at `precision` digits, if it is at hand. */
function valueAt(algebra: Algebra, d: Json, precision: number): Magnitude | undefined {
  try {
    return algebra.run(
      "the equation",
      ({ ce }) => {
        const saved = ce.precision;
        ce.precision = precision;
        try {
          const n = ce.box(d as never).N();
          // A real value is read from its decimal text: e^−1000 is 5·10⁻⁴³⁵, 0 as a double.
          const decimal = /^(-)?(\d+(?:\.\d*)?)(?:e([+-]?\d+))?$/.exec(n.toString());
          if (decimal) {
            const mantissa = Number.parseFloat(decimal[2]!);
            if (mantissa === 0) return { log10: Number.NEGATIVE_INFINITY, direction: C.c(0) };
            return { log10: Math.log10(mantissa) + Number(decimal[3] ?? 0), direction: C.c(decimal[1] ? -1 : 1) };
          }
          if (typeof n.re !== "number" || typeof n.im !== "number") return undefined;
          const value = C.c(n.re, n.im);
          const size = C.abs(value);
          if (!Number.isFinite(size)) return undefined;
          return { log10: Math.log10(size), direction: size === 0 ? C.c(0) : C.c(value.re / size, value.im / size) };
        } finally {
          ce.precision = saved;
        }
      },
      MAX_APPROXIMATION_TICKS,
    );
  } catch (error) {
    if (error instanceof TooInvolved) return undefined;
    throw error;
  }
}

/**
 * c = 0 with no variable in c holds for every x or for none, and a scan of x can tell neither: a
 * constant of 5·10⁻¹⁷ is not a root, and cosh(3)² − sinh(3)² − 1, which doubles leave at 10⁻¹⁴, is not
 * "no root". c is nonzero by its shape, or when doubles put it far above the parts it was summed from
 * (and the engine agrees), or when the engine's value holds still as its precision rises; it is zero, to
 * CONSTANT_DIGITS digits, when the engine's value falls with the precision it works at (rounding, not a
 * value). Otherwise it is not decided, and the caller is told so.
 */
function constantSolution(algebra: Algebra, d: Json, x: string): Solution {
  algebra.budget.spend(nodeCount(d) ** 2);
  const [lhs, rhs] = args(d);
  const c = head(d) === "Subtract" && rhs === 0 ? lhs! : d;
  const none: Solution = { kind: "roots", roots: [], method: "exact" };
  if (plainlyNonzero(c)) return none;
  const value = finiteValue(c);
  const scale = Math.max(largestPart(c), 1e-300);
  const logScale = Math.log10(scale);
  if (value && C.abs(value) > 1e-8 * scale) {
    const [size, rough] = [C.abs(value), valueAt(algebra, c, 30)];
    const agrees = !rough || (Math.abs(rough.log10 - Math.log10(size)) <= 1e-6 && C.abs(C.sub(rough.direction, C.c(value.re / size, value.im / size))) <= 1e-6);
    if (agrees) return none;
  } else {
    const [fine, finest] = [valueAt(algebra, c, 60), valueAt(algebra, c, 100)];
    if (fine && finest) {
      const holdsStill = Math.abs(fine.log10 - finest.log10) <= 1e-6 && C.abs(C.sub(fine.direction, finest.direction)) <= 1e-6;
      // Nonzero when its value holds still as the precision rises, above where doubles round or far below
      // it: the engine works out a few parts (a factorial of a fraction) in doubles only, and what is left
      // of their rounding holds still too, at about 10⁻¹⁶ of the parts.
      if (holdsStill && (finest.log10 > logScale - 12 || finest.log10 < logScale - 25)) return none;
      const allZero = fine.log10 === Number.NEGATIVE_INFINITY && finest.log10 === Number.NEGATIVE_INFINITY;
      if (allZero || (!holdsStill && fine.log10 <= logScale - 40 && finest.log10 <= logScale - CONSTANT_DIGITS)) return { kind: "identity", digits: CONSTANT_DIGITS };
    }
  }
  const shown = (n: number) => Number(n.toPrecision(3));
  throw new ToolError(
    `the equation has no ${algebra.text(x)} in it, so it holds for every ${algebra.text(x)} or for none, and which could not be decided: ` +
      `its two sides differ by about ${value ? shown(C.abs(value)) : "an amount that cannot be worked out"} next to parts of about ${shown(scale)}`,
  );
}

/** Terms a sum given to the engine's solver may have. */
const MAX_ENGINE_SOLVE_TERMS = 12;

export async function solveEquation(algebra: Algebra, d: Json, x: string, range: [number, number], work: LongWork): Promise<Solution> {
  const others = variablesOf(d).filter((v) => v !== x);
  if (isIdentity(algebra, d)) return { kind: "identity" };
  const polynomial = polynomialSolution(algebra, d, x) ?? fractionSolution(algebra, d, x);
  if (polynomial) return polynomial;
  if (variablesOf(d).length === 0) return constantSolution(algebra, d, x);
  // The engine's exact solutions, each substituted back. Its solver matches patterns against the terms of
  // a sum, trying subsets of them, in steps its meter does not see: (x^(1/3) − 5)^32 held it 265 s. Past
  // a dozen terms expanded, in the equation or in any part of it, only the numeric search runs.
  const candidates =
    largestExpansion(d) > MAX_ENGINE_SOLVE_TERMS
      ? []
      : algebra.run("the equation", ({ ce }) => {
          const found = ce.box(["Equal", d, 0] as never).solve(x) as unknown;
          return Array.isArray(found) ? found.map((r) => (r as { json: Json }).json) : [];
        });
  if (others.length) {
    const roots = candidates.filter((r) => !headsOf(r).has("Error")).map((r) => rootFromJson(algebra, r, C.c(Number.NaN)));
    const verified = roots.filter((r, k) => parametricCheck(d, x, candidates[k]!, others));
    if (!verified.length) throw new ToolError(`no solution for ${algebra.text(x)} was found in terms of ${others.map((o) => algebra.text(o)).join(", ")}`);
    return { kind: "roots", roots: verified, method: "exact", parametric: true };
  }
  const exact: Root[] = [];
  for (const candidate of candidates) {
    const value = checks(algebra, d, x, candidate);
    if (value && !exact.some((r) => C.abs(C.sub(r.value, value)) <= 1e-9 * Math.max(1, C.abs(value)))) exact.push(rootFromJson(algebra, candidate, value));
  }
  const numeric = await scan(algebra, d, x, range, work);
  for (const found of numeric) {
    if (exact.some((r) => Math.abs(r.value.im) < 1e-12 && Math.abs(r.value.re - found.x) <= 1e-7 * Math.max(1, Math.abs(found.x)))) continue;
    exact.push({ text: String(found.x), latex: String(found.x), value: C.c(found.x), exact: false, multiplicity: found.touching ? 2 : 1, touching: found.touching });
  }
  exact.sort((a, b) => Number(a.value.im !== 0) - Number(b.value.im !== 0) || a.value.re - b.value.re);
  const method = exact.every((r) => r.exact) ? "exact" : exact.some((r) => r.exact) ? "mixed" : "numeric";
  return { kind: "roots", roots: exact, method, scanned: range };
}

/** A solution in terms of parameters holds at sample values of them. */
function parametricCheck(d: Json, x: string, root: Json, others: string[]): boolean {
  const substituted = substitute(d, new Map([[x, root]]));
  return vanishes(substituted, others, { tolerance: 1e-8 }) === "agree";
}

async function scan(algebra: Algebra, d: Json, x: string, [from, to]: [number, number], work: LongWork) {
  const real = (g: ReturnType<typeof compileNumeric>) => (t: number) => {
    let v: Complex;
    try {
      v = g(new Map([[x, C.c(t)]]));
    } catch (error) {
      // A part with no numeric value (NaN written in the equation) leaves the point without one.
      if (error instanceof Unsupported) return Number.NaN;
      throw error;
    }
    return Math.abs(v.im) > 1e-12 * Math.max(1, Math.abs(v.re)) ? Number.NaN : v.re;
  };
  let f: (t: number) => number;
  try {
    f = real(compileNumeric(d));
  } catch (error) {
    if (error instanceof Unsupported) return [];
    throw error;
  }
  // f' finds touching roots precisely; without it they are found by minimising |f|.
  let df: ((t: number) => number) | undefined;
  try {
    const derivative = algebra.run("the equation", ({ ce }) => ce.box(["D", d, x] as never).evaluate().json as Json);
    if (!headsOf(derivative).has("D")) df = real(compileNumeric(derivative));
  } catch (error) {
    if (!(error instanceof Unsupported) && !(error instanceof ToolError)) throw error;
  }
  const nodes = nodeCount(d);
  algebra.budget.spend(SCAN_SAMPLES * nodes * 2);
  return realRoots(f, df, from, to, SCAN_SAMPLES, work, (evaluations) => algebra.budget.spend(evaluations * nodes));
}
