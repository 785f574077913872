/**
 * @module Ordinary differential equations. Linear ones with constant coefficients get their homogeneous
 * solutions from ode-linear.ts (exact) and, when forced, a particular solution from the engine; others
 * (separable, first-order linear) are the engine's. Every solution is put back into the equation and
 * checked at sample points; initial conditions fix the constants (Cramer's rule, exactly).
 */
import { ToolError } from "../tool-error.ts";
import { MAX_ENGINE_EXPANDED_POWER } from "./caps.ts";
import { args, hasInexact, head, headsOf, largestExpandedPower, mapTree, mentions, substitute } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { homogeneousBasis, linearConstantCoefficients, placeholder } from "./ode-linear.ts";
import { undeterminedCoefficients } from "./ode-particular.ts";
import { deepExpand } from "./poly-convert.ts";
import type { Algebra } from "./session.ts";
import { tidy } from "./simplify.ts";
import { TooInvolved } from "./engine.ts";
import { vanishes } from "./verify.ts";
import type { Verdict } from "./verify.ts";

export type OdeSolution = {
  /** y(x) = solution, or an implicit relation between x and y when no explicit form was found. */
  solution: Json;
  explicit: boolean;
  constants: string[];
  verdict: Verdict;
  exact: boolean;
};

const constant = (k: number) => `C${k}`;

/** The derivative order of D(D(y(x), x), x): 2. */
function orderOf(json: Json, y: Json): number {
  if (JSON.stringify(json) === JSON.stringify(y)) return 0;
  if (head(json) === "D") {
    const inner = orderOf(args(json)[0]!, y);
    return inner >= 0 ? inner + 1 : Math.max(-1, ...args(json).map((a) => orderOf(a, y)));
  }
  return Math.max(-1, ...args(json).map((a) => orderOf(a, y)));
}

/** Replaces y(x), y'(x), … by placeholders. */
function withPlaceholders(json: Json, y: Json, order: number): Json {
  const forms = new Map<string, Json>();
  let form = y;
  for (let k = 0; k <= order; k++) {
    forms.set(JSON.stringify(form), placeholder(k));
    form = ["D", form, args(y)[0]!];
  }
  const walk = (j: Json): Json => forms.get(JSON.stringify(j)) ?? (Array.isArray(j) ? ([j[0], ...args(j).map(walk)] as Json) : j);
  return walk(json);
}

/** y and its derivatives, worked out for a candidate solution. */
function derivatives(algebra: Algebra, solution: Json, x: string, order: number): Json[] {
  return algebra.run("the differential equation", ({ ce }) => {
    const out: Json[] = [solution];
    for (let k = 1; k <= order; k++) out.push(ce.box(["D", out[k - 1]!, x] as never).evaluate().json as Json);
    return out;
  });
}

/** Whether `solution` satisfies d = 0 (d written with placeholders) for sample values of x and the constants. */
function satisfies(algebra: Algebra, d: Json, solution: Json, x: string, order: number, constants: string[]): Verdict {
  const forms = derivatives(algebra, solution, x, order);
  const residual = substitute(d, new Map(forms.map((f, k) => [placeholder(k), f])));
  return vanishes(residual, [x, ...constants], { tolerance: 1e-8, budget: algebra.budget });
}

/** The engine's general solution(s): explicit y = …, or an implicit relation. */
function engineSolutions(algebra: Algebra, equation: Json, y: string, x: string): Json[] {
  // Its solver matches rules against subsets of a sum's terms, in steps its meter does not see:
  // y' = c·y + (−19 − y³)^100 ran for minutes.
  if (largestExpandedPower(equation) > MAX_ENGINE_EXPANDED_POWER) return [];
  const answer = algebra.run("the differential equation", ({ ce }) => ce.box(["DSolve", equation, y, x] as never).evaluate().json as Json);
  if (head(answer) !== "List") return [];
  return args(answer).map((a) => mapTree(a, (n) => (typeof n === "string" && /^c_\d+$/.test(n) ? constant(Number(n.slice(2))) : n)));
}

/** The engine's general solution with its constants set to 0. */
function enginesParticular(algebra: Algebra, ode: Json, y: string, x: string, applied: Json): Json {
  const found = engineSolutions(algebra, ode, y, x).find((s) => head(s) === "Equal" && JSON.stringify(args(s)[0]) === JSON.stringify(applied));
  if (!found) throw new ToolError("no particular solution was found for this forcing term");
  const general = args(found)[1]!;
  return tidy(algebra, substitute(general, new Map(constantsIn(general).map((c) => [c, 0 as Json])))).result;
}

const constantsIn = (json: Json) => Array.from({ length: 6 }, (_, k) => constant(k + 1)).filter((c) => mentions(json, c));

export function dsolve(algebra: Algebra, ode: Json, y: string, x: string): OdeSolution {
  const applied: Json = [y, x];
  const [lhs, rhs] = head(ode) === "Equal" ? (args(ode) as [Json, Json]) : [ode, 0 as Json];
  const difference: Json = rhs === 0 ? lhs : ["Subtract", lhs, rhs];
  const order = orderOf(difference, applied);
  if (order < 1) throw new ToolError("this is not a differential equation in the unknown function (no derivative of it appears)");
  const d = withPlaceholders(difference, applied, order);
  if (mentions(d, y)) throw new ToolError("the unknown function appears other than as y(x) and its derivatives");
  const linear = linearConstantCoefficients(d, order, algebra.budget);
  if (linear) {
    const { basis, exact, roots } = homogeneousBasis(linear.coefficients, x, (text) => algebra.read(text, { what: "a root" }), algebra.budget);
    // e^(rx)-type solutions solve the equation exactly when r solves the characteristic equation: check each r.
    const characteristic = (z: { re: number; im: number }) => {
      let [value, size, power] = [{ re: 0, im: 0 }, 0, { re: 1, im: 0 }];
      for (const a of linear.coefficients.map((q) => q.toNumber())) {
        value = { re: value.re + a * power.re, im: value.im + a * power.im };
        size += Math.abs(a) * Math.hypot(power.re, power.im);
        power = { re: power.re * z.re - power.im * z.im, im: power.re * z.im + power.im * z.re };
      }
      return Math.hypot(value.re, value.im) <= 1e-8 * Math.max(1, size);
    };
    if (!roots.every(characteristic)) throw new ToolError("the solution failed its check, so it is not given; please report the equation");
    let particular: Json = 0;
    let particularVerdict: Verdict = "agree";
    if (linear.forcing !== 0) {
      // Undetermined coefficients, exactly, for forcing made of P(x)·e^(αx)·cos/sin(βx); the engine for the rest.
      particular = undeterminedCoefficients(linear.coefficients, deepExpand(linear.forcing, algebra.budget), x, algebra.budget) ?? enginesParticular(algebra, ode, y, x, applied);
      try {
        particularVerdict = satisfies(algebra, d, particular, x, order, []);
      } catch (error) {
        // Differentiating a large particular solution back can exceed the work allowed: it stays unchecked.
        if (!(error instanceof TooInvolved)) throw error;
        particularVerdict = "unknown";
      }
      if (particularVerdict === "disagree") throw new ToolError("the particular solution found failed its check, so it is not given");
    }
    const terms = basis.map((b, k) => ["Multiply", constant(k + 1), b] as Json);
    const solution: Json = particular === 0 ? ["Add", ...terms] : ["Add", ...terms, particular];
    const constants = basis.map((_, k) => constant(k + 1));
    return { solution, explicit: true, constants, verdict: particularVerdict, exact: exact && !hasInexact(particular) };
  }
  const all = engineSolutions(algebra, ode, y, x);
  // An answer with an integral left unevaluated (∫ e^(1/x^999) dx) cannot be written in the expression language.
  const found = all.filter((s) => !headsOf(s).has("Integrate"));
  if (!found.length && all.length) throw new ToolError("the solution needs an integral that has no closed form here, so it cannot be written out");
  for (const s of found) {
    if (head(s) === "Equal" && JSON.stringify(args(s)[0]) === JSON.stringify(applied)) {
      const solution = args(s)[1]!;
      const constants = constantsIn(solution);
      const verdict = satisfies(algebra, d, solution, x, order, constants);
      if (verdict !== "disagree") return { solution, explicit: true, constants, verdict, exact: !hasInexact(solution) };
    }
  }
  const implicit = found.find((s) => head(s) === "Equal" && !headsOf(s).has("DSolve"));
  if (implicit) return { solution: implicit, explicit: false, constants: constantsIn(implicit), verdict: "unknown", exact: !hasInexact(implicit) };
  throw new ToolError("no solution was found: dsolve handles linear equations with constant coefficients, and separable or linear first-order ones");
}

/** The constants fixed by initial conditions y(x₀) = v, y'(x₀) = w (Cramer's rule, exact), and the solution with them. */
export function applyConditions(algebra: Algebra, found: OdeSolution, conditions: Json[], y: string, x: string): Json {
  if (!found.explicit) throw new ToolError("initial conditions need an explicit solution, and this one is implicit");
  const n = conditions.length;
  if (n > found.constants.length) throw new ToolError(`the equation has ${found.constants.length} constant${found.constants.length === 1 ? "" : "s"}, so it takes at most that many conditions`);
  const maxOrder = Math.max(0, ...conditions.map((c) => (head(args(c)[0]!) === "ValueAt" ? Number(args(args(c)[0]!)[0]) : 0)));
  const forms = derivatives(algebra, found.solution, x, maxOrder);
  const equations = conditions.map((c) => {
    const [left, value] = args(c) as [Json, Json];
    const [k, at] = head(left) === "ValueAt" ? [Number(args(left)[0]), args(left)[1]!] : head(left) === y ? [0, args(left)[0]!] : [-1, 0 as Json];
    if (k < 0) throw new ToolError("initial conditions look like y(0) = 1 or y'(0) = 0");
    return { form: substitute(forms[k]!, new Map([[x, at]])), value };
  });
  const unknowns = found.constants.slice(0, n);
  const values = algebra.run("the initial conditions", ({ ce }) => {
    // Coefficients of each constant: the form with that constant 1 and the others 0.
    const coefficient = (form: Json, c: string) =>
      ce.box(substitute(form, new Map(found.constants.map((d) => [d, (d === c ? 1 : 0) as Json]))) as never).evaluate().json as Json;
    const offset = (form: Json) => ce.box(substitute(form, new Map(found.constants.map((d) => [d, 0 as Json]))) as never).evaluate().json as Json;
    const matrix = equations.map((e) => unknowns.map((c) => ["Subtract", coefficient(e.form, c), offset(e.form)] as Json));
    const rhs = equations.map((e) => ["Subtract", e.value, offset(e.form)] as Json);
    const det = ce.box(["Determinant", ["Matrix", ["List", ...matrix.map((row) => ["List", ...row])]]] as never).evaluate().simplify().json as Json;
    if (det === 0) throw new ToolError("the initial conditions do not determine the constants (they are dependent or inconsistent)");
    return unknowns.map((_, j) => {
      const replaced = matrix.map((row, i) => row.map((cell, k) => (k === j ? rhs[i]! : cell)));
      const numerator = ce.box(["Determinant", ["Matrix", ["List", ...replaced.map((row) => ["List", ...row])]]] as never).evaluate().json as Json;
      return ce.box(["Divide", numerator, det] as never).simplify().json as Json;
    });
  });
  const fixed = substitute(found.solution, new Map(unknowns.map((c, k) => [c, values[k]!])));
  return tidy(algebra, fixed).result;
}
