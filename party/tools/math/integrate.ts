/**
 * @module The integrate tool: definite integrals, numerically, with an error estimate; infinite limits
 * are mapped onto finite intervals first.
 */
import { z } from "zod";
import { defineTool } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { MAX_SUBINTERVALS } from "./limits.ts";
import { callBudget } from "./budget.ts";
import { LongWork } from "./long-work.ts";
import { integrate } from "./quadrature.ts";
import { texOf } from "./format.ts";
import { mathFor } from "./instances.ts";
import { numberArgument, realFunction } from "./real-function.ts";
import { resultShape, text } from "./schema.ts";

const bound = z.union([z.number(), z.string()]);

/** ∫ₐᵇ f over an infinite range as ∫ of a finite one: x = a + t/(1 − t), x = b − (1 − t)/t, x = t/(1 − t²). */
function finiteForm(f: (x: number) => number, a: number, b: number): [(t: number) => number, number, number] {
  if (Number.isFinite(a) && Number.isFinite(b)) return [f, a, b];
  // At the mapped infinite end a convergent integrand contributes nothing; x itself would overflow there.
  const mapped = (x: number, scale: number) => (Number.isFinite(x) && Number.isFinite(scale) ? f(x) * scale : 0);
  if (Number.isFinite(a)) return [(t) => mapped(a + t / (1 - t), 1 / (1 - t) ** 2), 0, 1];
  if (Number.isFinite(b)) return [(t) => mapped(b - (1 - t) / t, 1 / t ** 2), 0, 1];
  return [(t) => mapped(t / (1 - t * t), (1 + t * t) / (1 - t * t) ** 2), -1, 1];
}

/** Significant digits the error estimate supports, at least 1 and at most 15. */
function digits(value: number, error: number): number {
  if (error === 0 || value === 0) return 15;
  return Math.min(15, Math.max(1, Math.floor(Math.log10(Math.abs(value) / error))));
}

const limitTex = (x: number) => (x === Infinity ? "\\infty" : x === -Infinity ? "-\\infty" : String(Number(x.toPrecision(6))));

function integralTex(expression: string, variable: string, a: number, b: number, value: string): string {
  const integrand = texOf(mathFor("number"), expression) ?? expression;
  return `\\int_{${limitTex(a)}}^{${limitTex(b)}} ${integrand} \\, \\mathrm{d}${variable} \\approx ${value}`;
}

export const integrateTool = defineTool({
  name: "integrate",
  title: "Definite integral",
  description:
    "The definite integral of an expression over [from, to], computed numerically (adaptive Gauss–Kronrod) " +
    "with an estimate of its error: \"exp(-x^2)\" from \"-inf\" to \"inf\" ≈ 1.7724538509055159. Limits may be " +
    "numbers or expressions (\"pi/2\", \"inf\"). Room variables and functions may appear in the expression.",
  inputSchema: z.strictObject({
    expression: text("The integrand, e.g. \"sin(x)^2\""),
    variable: z.string().describe("The variable of integration, e.g. \"x\""),
    from: bound.describe("Lower limit: a number or an expression such as \"0\", \"-pi\", \"-inf\""),
    to: bound.describe("Upper limit: a number or an expression such as \"1\", \"pi/2\", \"inf\""),
    tolerance: z.number().min(1e-15).max(0.1).optional().describe("Relative error to aim for (default 1e-10)"),
  }),
  outputSchema: z.object({
    ...resultShape,
    error: z.number().describe("Estimated absolute error"),
    converged: z.boolean().describe("Whether the error estimate met the tolerance"),
    evaluations: z.number().int(),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
  handler: async ({ expression, variable, from, to, tolerance = 1e-10 }, context) => {
    const call = callBudget(context);
    const f = realFunction(expression, variable, context.room, call, "the integrand");
    const a = numberArgument(from, "from", context.room, call);
    const b = numberArgument(to, "to", context.room, call);
    if (Number.isNaN(a) || Number.isNaN(b)) throw new ToolError("from and to must be numbers");
    if (a === b) return { structured: { value: "0", type: "number", error: 0, converged: true, evaluations: 0 }, text: "The interval is empty: the integral is 0." };
    const [low, high, sign] = a < b ? [a, b, 1] : [b, a, -1];
    const [g, s, t] = finiteForm(f, low, high);
    const work = new LongWork(context, MAX_SUBINTERVALS, 50);
    const result = await integrate(g, s, t, { tolerance, maxSegments: MAX_SUBINTERVALS, work });
    work.done();
    const value = sign * result.value;
    if (!Number.isFinite(value)) throw new ToolError("the integral does not converge to a finite number");
    // Fifteen significant digits: what a double holds reliably after thousands of additions.
    const shown = String(Number(value.toPrecision(15)));
    const sure = Number(value.toPrecision(digits(value, result.error)));
    const note = result.converged
      ? `error ≈ ${result.error.toExponential(1)}, so ${sure} is safe`
      : `error estimate ${result.error.toExponential(1)} did not reach the tolerance: the integral may diverge or be hard to resolve`;
    return {
      structured: { value: shown, type: "number", latex: integralTex(expression, variable, a, b, shown), error: result.error, converged: result.converged, evaluations: result.evaluations },
      text: `∫ ${expression.trim()} d${variable} from ${from} to ${to} ≈ ${shown} (${note})`,
    };
  },
});
