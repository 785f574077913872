/**
 * @module Checks the engine's answers numerically: two expressions agree at sample points (negative ones
 * included), a derivative matches difference quotients. The engine is good but not infallible; an
 * answer that fails its check is never passed on as right.
 */
import type { Budget } from "../math/budget.ts";
import * as C from "./complex.ts";
import type { C as Complex } from "./complex.ts";
import { compileNumeric, Unsupported } from "./evaluate-numeric.ts";
import { nodeCount } from "./mathjson.ts";
import { sumTerms } from "./print-parts.ts";
import type { Json } from "./mathjson.ts";

export type Verdict = "agree" | "disagree" | "unknown";

/** Sample values: both signs, away from integers and simple fractions, where poles and branch points sit. */
const SAMPLES = [-3.71, -2.23, -1.37, -0.613, -0.271, 0.312, 0.737, 1.41, 2.63, 3.29, 5.17, -7.93, 0.0573, 11.3, -0.0917, 1.93];

/** A deterministic generator, so a check gives the same verdict every time. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Points for the variables: one per sample for a single variable, random mixes of samples otherwise. */
export function samplePoints(variables: readonly string[], count = SAMPLES.length): Map<string, Complex>[] {
  const random = generator(variables.length * 7919 + 17);
  return Array.from({ length: count }, (_, k) =>
    new Map(variables.map((v, i) => [v, C.c(i === 0 ? SAMPLES[k % SAMPLES.length]! : SAMPLES[Math.floor(random() * SAMPLES.length)]! * (1 + 0.1 * random()))])),
  );
}

export type CompareOptions = {
  /** Only real values count: a point where either side is not real is skipped. */
  real?: boolean;
  tolerance?: number;
  /** Keeps only the points that satisfy the assumptions. */
  accept?: (point: ReadonlyMap<string, Complex>) => boolean;
  points?: Map<string, Complex>[];
  budget?: Budget;
};

const finite = (z: Complex) => Number.isFinite(z.re) && Number.isFinite(z.im);

/** Whether `a` and `b` agree wherever both are defined among the sample points. */
export function compareExpressions(a: Json, b: Json, variables: readonly string[], options: CompareOptions = {}): Verdict {
  let f: ReturnType<typeof compileNumeric>;
  let g: ReturnType<typeof compileNumeric>;
  try {
    f = compileNumeric(a);
    g = compileNumeric(b);
  } catch (error) {
    if (error instanceof Unsupported) return "unknown";
    throw error;
  }
  const tolerance = options.tolerance ?? 1e-7;
  const points = (options.points ?? samplePoints(variables)).filter((p) => options.accept?.(p) ?? true);
  options.budget?.spend(points.length * (nodeCount(a) + nodeCount(b)));
  let compared = 0;
  for (const point of points) {
    let x: Complex;
    let y: Complex;
    try {
      x = f(point);
      y = g(point);
    } catch (error) {
      if (error instanceof Unsupported) return "unknown";
      throw error;
    }
    if (!finite(x) || !finite(y)) continue;
    if (options.real && (Math.abs(x.im) > 1e-12 * (1 + Math.abs(x.re)) || Math.abs(y.im) > 1e-12 * (1 + Math.abs(y.re)))) continue;
    compared++;
    const scale = Math.max(1, C.abs(x), C.abs(y));
    if (C.abs(C.sub(x, y)) > tolerance * scale) return "disagree";
  }
  return compared >= Math.min(3, points.length) && compared > 0 ? "agree" : "unknown";
}

/** f'(x) by central differences with one Richardson step: error about h⁴. */
export function differenceQuotient(f: (x: number) => Complex, x: number): Complex | undefined {
  const h = 1e-3 * Math.max(1, Math.abs(x));
  const d = (step: number) => C.div(C.sub(f(x + step), f(x - step)), C.c(2 * step));
  const [coarse, fine] = [d(h), d(h / 2)];
  if (!finite(coarse) || !finite(fine)) return undefined;
  return C.div(C.sub(C.mul(C.c(4), fine), coarse), C.c(3));
}

/** Whether `derivative` is the derivative of `expression` in `variable`, at real sample points. */
export function checkDerivative(expression: Json, derivative: Json, variable: string, others: readonly string[] = [], budget?: Budget): Verdict {
  let f: ReturnType<typeof compileNumeric>;
  let g: ReturnType<typeof compileNumeric>;
  try {
    f = compileNumeric(expression);
    g = compileNumeric(derivative);
  } catch (error) {
    if (error instanceof Unsupported) return "unknown";
    throw error;
  }
  const points = samplePoints([variable, ...others]);
  budget?.spend(points.length * (5 * nodeCount(expression) + nodeCount(derivative)));
  let compared = 0;
  let disagreements = 0;
  for (const point of points) {
    const x = point.get(variable)!.re;
    const at = (t: number) => f(new Map(point).set(variable, C.c(t)));
    try {
      const numeric = differenceQuotient(at, x);
      const exact = g(point);
      if (!numeric || !finite(exact) || Math.abs(exact.im) > 1e-9 * (1 + Math.abs(exact.re)) || Math.abs(numeric.im) > 1e-9 * (1 + Math.abs(numeric.re))) continue;
      // Where the function's rounding, divided by the step, is as large as the derivative, the quotient
      // says nothing: (x + 10^20)^(4/3) is 10^26.7 with steps of 10^11 between doubles, its slope 10^6.7.
      const rounding = (Number.EPSILON * C.abs(at(x))) / (5e-4 * Math.max(1, Math.abs(x)));
      if (!(rounding <= 1e-6 * Math.max(1, C.abs(exact)))) continue;
      compared++;
      // Differences lose about half the digits; a genuinely wrong derivative is off by far more.
      if (C.abs(C.sub(numeric, exact)) > 1e-4 * Math.max(1, C.abs(exact), C.abs(numeric))) disagreements++;
    } catch (error) {
      if (error instanceof Unsupported) return "unknown";
      throw error;
    }
  }
  // A point close to a kink or a pole can fool the difference quotient once; a wrong answer fails often.
  if (compared >= 3 && disagreements > Math.max(1, compared / 4)) return "disagree";
  return compared >= 3 ? "agree" : "unknown";
}

/**
 * Whether an expression vanishes at the sample points, relative to the size of its terms: a residual
 * of 10¹³ is zero when the terms it cancels are 10²⁹ (as e^(x²/2) makes them at x = 11).
 */
export function vanishes(expression: Json, variables: readonly string[], options: { tolerance?: number; budget?: Budget } = {}): Verdict {
  const terms = sumTerms(expression);
  let total: ReturnType<typeof compileNumeric>;
  let parts: ReturnType<typeof compileNumeric>[];
  try {
    total = compileNumeric(expression);
    parts = terms.map(compileNumeric);
  } catch (error) {
    if (error instanceof Unsupported) return "unknown";
    throw error;
  }
  const tolerance = options.tolerance ?? 1e-8;
  const points = samplePoints(variables);
  options.budget?.spend(points.length * nodeCount(expression) * 2);
  let compared = 0;
  for (const point of points) {
    try {
      const value = total(point);
      const scale = parts.reduce((s, p) => s + C.abs(p(point)), 0);
      if (!finite(value) || !Number.isFinite(scale)) continue;
      compared++;
      if (C.abs(value) > tolerance * Math.max(1e-300, scale)) return "disagree";
    } catch (error) {
      if (error instanceof Unsupported) return "unknown";
      throw error;
    }
  }
  return compared >= 3 ? "agree" : "unknown";
}
