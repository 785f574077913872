/**
 * @module The integrate tool: antiderivatives (checked by differentiating back) and definite integrals,
 * exact where the algebra engine finds a closed form that agrees with adaptive Gauss–Kronrod quadrature,
 * numeric with an honest error estimate otherwise.
 */
import * as z from "zod";
import { defineTool } from "../registry.ts";
import type { ToolContext } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { loadCas } from "../cas/engine.ts";
import { antiderivative, definiteExact } from "../cas/integrate.ts";
import type { Json } from "../cas/mathjson.ts";
import { approximationOf } from "../cas/exact-evaluate.ts";
import { approximate } from "../cas/numeric-check.ts";
import { Algebra } from "../cas/session.ts";
import { algebraAnswer, caveat } from "./algebra-shape.ts";
import { callBudget } from "./budget.ts";
import { texOf } from "./format.ts";
import { mathFor } from "./instances.ts";
import { MAX_SUBINTERVALS } from "./limits.ts";
import { LongWork } from "./long-work.ts";
import { Divergent, nonIntegrableSpikes, numericIntegral, Undefined } from "./numeric-integral.ts";
import type { Quadrature } from "./quadrature.ts";
import { checkVariableName, numberArgument, realFunction } from "./real-function.ts";
import { resultShape, text } from "./schema.ts";

const bound = z.union([z.number(), z.string().max(200)]);

/** Significant digits the error estimate supports, at least 1 and at most 15. */
function digits(value: number, error: number): number {
  if (error === 0 || value === 0) return 15;
  return Math.min(15, Math.max(1, Math.floor(Math.log10(Math.abs(value) / error))));
}

const limitTex = (x: number, given: number | string) => (x === Infinity ? "\\infty" : x === -Infinity ? "-\\infty" : typeof given === "number" ? String(given) : String(Number(x.toPrecision(6))));

/** The engine's reading of the integrand, or undefined when it uses what algebra does not (then only numbers). */
function tryRead(algebra: Algebra, expression: string, variable: string): Json | undefined {
  try {
    return algebra.read(expression, { bound: [variable], what: "the integrand" });
  } catch (error) {
    if (error instanceof ToolError) return undefined;
    throw error;
  }
}

async function quadrature(expression: string, variable: string, a: number, b: number, tolerance: number, context: ToolContext): Promise<Quadrature> {
  const f = realFunction(expression, variable, context.room, callBudget(context), "the integrand");
  const [low, high, sign] = a < b ? [a, b, 1] : [b, a, -1];
  const work = new LongWork(context, MAX_SUBINTERVALS, 50);
  const result = await numericIntegral(f, low, high, { tolerance, maxSegments: MAX_SUBINTERVALS, work });
  work.done();
  return { ...result, value: sign * result.value };
}

export const integrateTool = defineTool({
  name: "integrate",
  title: "Integral",
  description:
    "Integrates an expression. Without from and to: an antiderivative, exact (\"x*sin(x)\" → \"sin(x) - x*cos(x)\"), " +
    "checked by differentiating it back. With from and to: the definite integral, exact when a closed form exists and " +
    "agrees with numeric quadrature (\"1/sqrt(1 - x^2)\" from -1 to 1 → \"pi\"), otherwise numeric (adaptive Gauss–Kronrod) " +
    "with an error estimate. Limits may be numbers or expressions (\"pi/2\", \"inf\", \"-inf\"); integrable singular ends " +
    "and removable singularities (sin(x)/x at 0) are handled. Room variables and functions may appear.",
  inputSchema: z.strictObject({
    expression: text("The integrand, e.g. \"sin(x)^2\""),
    variable: z.string().describe("The variable of integration, e.g. \"x\""),
    from: bound.optional().describe("Lower limit (with to): a number or an expression such as \"0\", \"-pi\", \"-inf\""),
    to: bound.optional().describe("Upper limit (with from): a number or an expression such as \"1\", \"pi/2\", \"inf\""),
    tolerance: z.number().min(1e-15).max(0.1).optional().describe("Relative error to aim for in numeric quadrature (default 1e-10)"),
  }),
  outputSchema: z.object({
    ...resultShape,
    latex: z.string(),
    exact: z.boolean().describe("true when the value is an exact closed form"),
    checked: z.boolean().describe("true when the answer was confirmed numerically"),
    method: z.enum(["exact", "numeric"]),
    approximation: z.string().optional().describe("The decimal value of a definite integral"),
    error: z.number().optional().describe("Estimated absolute error of the numeric value"),
    converged: z.boolean().optional().describe("Whether the numeric error estimate met the tolerance"),
    evaluations: z.number().int().optional(),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
  handler: async ({ expression, variable, from, to, tolerance = 1e-10 }, context) => {
    checkVariableName(variable);
    if ((from === undefined) !== (to === undefined)) throw new ToolError("give both from and to for a definite integral, or neither for an antiderivative");
    await loadCas();
    const algebra = new Algebra(context);
    const json = tryRead(algebra, expression, variable);
    const x = algebra.symbol(variable);
    if (from === undefined || to === undefined) {
      if (!json) algebra.read(expression, { bound: [variable], what: "the integrand" });
      const found = antiderivative(algebra, json!, x);
      if (!found) throw new ToolError("no closed-form antiderivative was found; give from and to for a numeric value of a definite integral");
      const answer = { ...algebraAnswer(algebra, found.result, "expression", found.verdict), method: "exact" as const };
      return { structured: answer, text: `∫ ${expression.trim()} d${variable} = ${answer.value} + C${caveat(answer)}` };
    }
    const call = callBudget(context);
    const a = numberArgument(from, "from", context.room, call);
    const b = numberArgument(to, "to", context.room, call);
    if (Number.isNaN(a) || Number.isNaN(b)) throw new ToolError("from and to must be numbers");
    const integral = (value: string) => `∫ ${expression.trim()} d${variable} from ${from} to ${to} = ${value}`;
    if (a === b) return { structured: { value: "0", type: "number", latex: "0", exact: true, checked: true, method: "exact" as const }, text: integral("0 (the interval is empty)") };
    const closed = json ? definiteExact(algebra, json, x, algebra.read(String(from), { what: "from" }), algebra.read(String(to), { what: "to" })) : undefined;
    let numeric: Quadrature | undefined;
    let numericFailure: ToolError | undefined;
    try {
      // A pole inside can fool quadrature into settling on a huge number: look for one first between finite limits.
      if (Number.isFinite(a) && Number.isFinite(b)) {
        const f = realFunction(expression, variable, context.room, call, "the integrand");
        const poles = nonIntegrableSpikes(f, Math.min(a, b), Math.max(a, b), (units) => call.spend(units * 20));
        // Opposite signs beside a pole (1/x at 0), or beside two of them: +∞ on one side, −∞ on the other.
        const signs = new Set(poles.flatMap((pole) => pole.signs).filter((sign) => sign === 1 || sign === -1));
        if (signs.size > 1) throw new Undefined(poles);
        if (poles.length) throw new Divergent(poles[0]!.at);
      }
      numeric = await quadrature(expression, variable, a, b, tolerance, context);
      if (!Number.isFinite(numeric.value)) numeric = undefined;
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      numeric = undefined;
      numericFailure = error;
    }
    const exact = closed?.value;
    const reliable = numeric && numeric.converged;
    const integrand = json ? algebra.latex(json) : (texOf(mathFor("number"), expression) ?? expression);
    const texHead = `\\int_{${limitTex(a, from)}}^{${limitTex(b, to)}} ${integrand} \\, \\mathrm{d}${variable}`;
    if (exact !== undefined) {
      const infinite = exact === "PositiveInfinity" || exact === "NegativeInfinity";
      const value = infinite ? undefined : approximate(algebra, exact);
      const finiteValue = value && Number.isFinite(value.re) && Number.isFinite(value.im) ? value : undefined;
      // A divergent integral shows numerically as a blow-up, or as quadrature that never settles.
      const unsettled = numeric && !numeric.converged && numeric.error > 1e-3 * Math.max(1, Math.abs(numeric.value));
      // Agreement within an error bar counts only when the bar is small: quadrature of tan over [−10^15, 2]
      // does not settle, and its error estimate covered the engine's wrong value.
      const settled = numeric && (numeric.converged || numeric.error <= 1e-6 * Math.max(1, Math.abs(numeric.value)));
      const agrees = infinite ? numericFailure instanceof Divergent || unsettled : finiteValue && numeric && settled && Math.abs(finiteValue.re - numeric.value) <= Math.max(50 * numeric.error, 1e-8 * Math.max(1, Math.abs(numeric.value)));
      const contradicted = reliable && (infinite || (finiteValue && !agrees));
      // Between finite limits quadrature settles unless something blows up inside: then an exact value from an
      // antiderivative with a pole (∫ sec(x)^2 from 1 to 2) would be wrong, so it is not given unconfirmed.
      // An antiderivative smooth everywhere needs no confirmation (∫₀¹²³⁴⁵ e^x dx overflows doubles).
      const unconfirmable = !closed!.entire && ((!infinite && !agrees && Number.isFinite(a) && Number.isFinite(b)) || numericFailure instanceof Undefined);
      if (!contradicted && !unconfirmable) {
        const answer = algebraAnswer(algebra, exact, infinite ? "infinity" : "number", agrees ? "agree" : "unknown");
        const approximation = infinite ? undefined : approximationOf(algebra, exact);
        const said = infinite ? `${answer.value} (the integral diverges)` : `${answer.value}${approximation && approximation !== answer.value ? ` ≈ ${approximation}` : ""}`;
        return {
          structured: { ...answer, latex: `${texHead} = ${answer.latex}`, method: "exact" as const, ...(approximation ? { approximation } : {}) },
          text: integral(said + (answer.checked ? "" : " (not confirmed numerically)")),
        };
      }
      if (!(numericFailure instanceof Undefined)) console.error("definite integral disagrees with quadrature:", expression, from, to, JSON.stringify(exact), numeric?.value);
    }
    if (!numeric) throw numericFailure ?? new ToolError("the integral does not converge to a finite number");
    // Quadrature that did not settle is not an answer: a divergent integral (a pole inside) often looks like a
    // large number with a modest error estimate.
    if (!numeric.converged) {
      throw new ToolError(`the integral does not seem to converge (the numeric error estimate stays at ${numeric.error.toExponential(1)}); it may diverge, or have a singularity inside`);
    }
    const shown = String(Number(numeric.value.toPrecision(15)));
    const sure = Number(numeric.value.toPrecision(digits(numeric.value, numeric.error)));
    const note = numeric.converged
      ? `error ≈ ${numeric.error.toExponential(1)}, so ${sure} is safe`
      : `error estimate ${numeric.error.toExponential(1)} did not reach the tolerance`;
    return {
      structured: {
        value: shown, type: "number", latex: `${texHead} \\approx ${shown}`, exact: false, checked: numeric.converged, method: "numeric" as const,
        approximation: shown, error: numeric.error, converged: numeric.converged, evaluations: numeric.evaluations,
      },
      text: `∫ ${expression.trim()} d${variable} from ${from} to ${to} ≈ ${shown} (numeric: ${note})`,
    };
  },
});
