/**
 * @module The simplify and derivative tools: symbolic rewriting with mathjs, on bounded input.
 */
import { z } from "zod";
import type { MathJsInstance, MathNode } from "mathjs";
import { defineTool } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { Budget } from "./budget.ts";
import { parseChecked, run } from "./expression.ts";
import { MAX_SYMBOLIC_NODES } from "./limits.ts";
import { pure, resultShape, text } from "./schema.ts";

const tex = (node: MathNode) => node.toTex({ parenthesis: "auto", implicit: "hide" });

/** Node visits simplify may spend: measured at about 15 µs each, so simplify stops within a quarter of a second. */
const SIMPLIFY_WORK = 15_000;

function size(node: MathNode): number {
  let count = 0;
  node.traverse(() => count++);
  return count;
}

/**
 * mathjs's simplify, stopped when it has worked long enough: its rule loop cannot be interrupted from
 * outside, so a check between every two rules spends the tree's size from a budget. When the budget
 * runs out, the answer is the expression after one cheap pass (simplifyCore), marked as not complete.
 */
function boundedSimplify(math: MathJsInstance, node: MathNode): { result: MathNode; complete: boolean } {
  const budget = new Budget(SIMPLIFY_WORK);
  const check = (n: MathNode) => {
    budget.spend(size(n));
    return n;
  };
  const rules = (math.simplify as unknown as { rules: unknown[] }).rules.flatMap((rule) => [check, rule]);
  try {
    return { result: run(budget, () => math.simplify(node, rules as never)), complete: true };
  } catch (error) {
    if (budget.work <= budget.maxWork) throw error;
    return { result: math.simplifyCore(node), complete: false };
  }
}

const stoppedEarly = " (simplification stopped early: the expression is too involved to simplify fully here)";

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
    const { result, complete } = boundedSimplify(math, node);
    const value = result.toString();
    return {
      structured: { value, type: "expression", latex: tex(result) },
      text: `${expression.trim()} simplifies to ${value}${complete ? "" : stoppedEarly}`,
    };
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
    let complete = true;
    const budget = new Budget();
    for (let i = 0; i < order; i++) {
      const current = result;
      const raw = run(budget, () => math.derivative(current, variable, { simplify: false }));
      if (size(raw) > 5_000) throw new ToolError("the derivative grows too large to show; try a lower order or a simpler expression");
      const simplified = boundedSimplify(math, raw);
      result = simplified.result;
      complete &&= simplified.complete;
    }
    const value = result.toString();
    const prime = order === 1 ? "" : `^${order}`;
    return {
      structured: { value, type: "expression", latex: tex(result) },
      text: `d${prime}/d${variable}${prime} (${expression.trim()}) = ${value}${complete ? "" : stoppedEarly}`,
    };
  },
});
