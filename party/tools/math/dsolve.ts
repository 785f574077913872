/**
 * @module The dsolve tool: ordinary differential equations (y' = y, y'' + 4y = sin(x), dy/dx = x*y), with
 * initial conditions (y(0) = 1, y'(0) = 0). solve hands differential equations here too.
 */
import * as z from "zod";
import { defineTool } from "../registry.ts";
import type { ToolContext } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { loadCas } from "../cas/engine.ts";
import { headsOf, mentions } from "../cas/mathjson.ts";
import type { Json } from "../cas/mathjson.ts";
import { applyConditions, dsolve } from "../cas/ode.ts";
import { rewriteDerivatives } from "../cas/ode-input.ts";
import { Algebra } from "../cas/session.ts";
import { checkVariableName } from "./real-function.ts";
import { MAX_EQUATIONS } from "./limits.ts";
import { resultShape } from "./schema.ts";

const outputShape = {
  ...resultShape,
  latex: z.string(),
  exact: z.boolean(),
  checked: z.boolean().describe("true when the solution was put back into the equation and checked at sample points"),
  general: z.string().optional().describe("The general solution, before initial conditions fixed its constants"),
  constants: z.array(z.string()).describe("The arbitrary constants of the general solution (C1, C2, …)"),
  explicit: z.boolean().describe("false when the solution is an implicit relation between x and y"),
};

type Options = { variable?: string; function?: string };

/** Solves the equation (and its initial conditions, as further equations). */
export async function solveOde(equations: string[], options: Options, context: Pick<ToolContext, "room">) {
  if (equations.length > MAX_EQUATIONS) throw new ToolError(`at most ${MAX_EQUATIONS} equations at once`);
  const rewritten = equations.map(rewriteDerivatives);
  const functions = new Set(rewritten.flatMap((r) => [...r.functions]));
  if (functions.size === 0) throw new ToolError("no differential equation was found (write derivatives as y' or dy/dx)");
  const fn = options.function ?? (functions.size === 1 ? [...functions][0]! : undefined);
  if (!fn) throw new ToolError(`name the unknown function with function: the equations differentiate ${[...functions].join(", ") || "nothing"}`);
  checkVariableName(fn);
  const leibniz = new Set(rewritten.flatMap((r) => [...r.variables]));
  const text = rewritten.map((r) => r.text).join(" ");
  const variable = options.variable ?? (leibniz.size === 1 ? [...leibniz][0]! : /\bx\b/.test(text) || !/\bt\b/.test(text) ? "x" : "t");
  checkVariableName(variable);
  if (variable === fn) throw new ToolError("the function and the variable need different names");
  await loadCas();
  const algebra = new Algebra(context);
  const ode = { fn, variable };
  const read = rewritten.map((r) => algebra.readEquation(r.text, { bound: [fn, variable], ode, what: "the equation" }));
  const [y, x] = [algebra.symbol(fn), algebra.symbol(variable)];
  const isOde = (json: Json) => mentions(json, x) || headsOf(json).has("D");
  const odes = read.filter(isOde);
  const conditions = read.filter((json) => !isOde(json));
  if (odes.length !== 1) throw new ToolError(odes.length ? "give one differential equation at a time (with its initial conditions)" : "no differential equation was found (write derivatives as y' or dy/dx)");
  const found = dsolve(algebra, odes[0]!, y, x);
  const general = found.explicit ? (["Equal", [y, x], found.solution] as Json) : found.solution;
  const name = `${fn}(${variable})`;
  if (!conditions.length) {
    const value = found.explicit ? `${name} = ${algebra.text(found.solution)}` : algebra.text(found.solution);
    return {
      structured: { value, type: "function", latex: algebra.latex(general), exact: found.exact, checked: found.verdict === "agree", constants: found.constants, explicit: found.explicit },
      text: `${value}${found.explicit ? "" : " (an implicit solution)"}${found.constants.length ? `, for any constant${found.constants.length > 1 ? "s" : ""} ${found.constants.join(", ")}` : ""}`,
    };
  }
  const particular = applyConditions(algebra, found, conditions, y, x);
  const value = `${name} = ${algebra.text(particular)}`;
  const remaining = found.constants.filter((c) => mentions(particular, c));
  return {
    structured: {
      value, type: "function", latex: algebra.latex(["Equal", [y, x], particular]), exact: found.exact, checked: found.verdict === "agree",
      general: `${name} = ${algebra.text(found.solution)}`, constants: remaining, explicit: true,
    },
    text: value,
  };
}

export const dsolveTool = defineTool({
  name: "dsolve",
  title: "Solve a differential equation",
  description:
    "Solves an ordinary differential equation: linear ones with constant coefficients of any order exactly (\"y'' + y = 0\" → " +
    "\"y(x) = C1*cos(x) + C2*sin(x)\", forcing terms included), separable and first-order linear ones (\"y' = x*y\"). " +
    "Write derivatives as y', y'' or dy/dx (here ' is never a transpose). Initial conditions go in the list: " +
    "[\"y'' + y = 0\", \"y(0) = 1\", \"y'(0) = 0\"] → \"y(x) = cos(x)\". The solution is checked by putting it back into the equation.",
  inputSchema: z.strictObject({
    equation: z
      .union([z.string().max(2000), z.array(z.string().max(2000)).min(1).max(MAX_EQUATIONS)])
      .describe("The equation, e.g. \"y' = y\", or a list of it and its initial conditions"),
    function: z.string().optional().describe("The unknown function's name (default: the one differentiated, e.g. y)"),
    variable: z.string().optional().describe("The independent variable (default x, or t when the equation uses t)"),
  }),
  outputSchema: z.object(outputShape),
  annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
  handler: ({ equation, function: fn, variable }, context) => solveOde(Array.isArray(equation) ? equation : [equation], { function: fn, variable }, context),
});
