/**
 * @module The simplify and derivative tools: symbolic rewriting with mathjs, on bounded input.
 */
import { z } from "zod";
import type { MathNode } from "mathjs";
import { defineTool } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { Budget } from "./budget.ts";
import { parseChecked, run } from "./expression.ts";
import { MAX_SYMBOLIC_NODES } from "./limits.ts";
import { pure, resultShape, text } from "./schema.ts";

const tex = (node: MathNode) => node.toTex({ parenthesis: "auto", implicit: "hide" });

/** Parses an expression for symbolic work: no assignments, and smaller than evaluate allows. */
function symbolicInput(expression: string) {
  return parseChecked(expression, "number", { allowAssignment: false, maxNodes: MAX_SYMBOLIC_NODES });
}

export const simplifyTool = defineTool({
  name: "simplify",
  title: "Simplify an expression",
  description:
    "Simplifies an algebraic expression symbolically with mathjs's rules, e.g. \"2x + 3x\" → \"5 * x\", " +
    "\"x * x / x + 0\" → \"x\", \"3 * (y + 1) - 3\" stays symbolic. Variables stay symbols; use evaluate for numbers.",
  inputSchema: z.strictObject({ expression: text("The expression to simplify, e.g. \"2x + 3x - x^2 / x\"") }),
  outputSchema: z.object(resultShape),
  annotations: pure,
  handler: ({ expression }) => {
    const { node, math } = symbolicInput(expression);
    const simplified = run(new Budget(), () => math.simplify(node));
    const value = simplified.toString();
    return { structured: { value, type: "expression", latex: tex(simplified) }, text: `${expression.trim()} simplifies to ${value}` };
  },
});

export const derivativeTool = defineTool({
  name: "derivative",
  title: "Derivative",
  description:
    "The symbolic derivative of an expression with respect to a variable, simplified: " +
    "\"x^3 + sin(x)\" by x → \"3 * x ^ 2 + cos(x)\". order 2 or 3 differentiates again.",
  inputSchema: z.strictObject({
    expression: text("The expression, e.g. \"x^2 * exp(x)\""),
    variable: z.string().describe("The variable to differentiate by, e.g. \"x\""),
    order: z.number().int().min(1).max(5).optional().describe("How many times to differentiate (default 1)"),
  }),
  outputSchema: z.object(resultShape),
  annotations: pure,
  handler: ({ expression, variable, order = 1 }) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw new ToolError(`variable must be a name such as x, not ${JSON.stringify(variable)}`);
    const { node, math } = symbolicInput(expression);
    let result: MathNode = node;
    const budget = new Budget();
    for (let i = 0; i < order; i++) {
      const current = result;
      result = run(budget, () => math.derivative(current, variable));
      if (result.toString().length > 20_000) throw new ToolError("the derivative grows too large to show; try a lower order or a simpler expression");
    }
    const value = result.toString();
    const prime = order === 1 ? "" : `^${order}`;
    return {
      structured: { value, type: "expression", latex: tex(result) },
      text: `d${prime}/d${variable}${prime} (${expression.trim()}) = ${value}`,
    };
  },
});
