/**
 * @module The expand, factor and partial_fractions tools: exact polynomial algebra, checked.
 */
import * as z from "zod";
import { defineTool } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { loadCas } from "../cas/engine.ts";
import { partialFractions } from "../cas/apart.ts";
import { expand } from "../cas/expand.ts";
import { factor, samePolynomial } from "../cas/factor.ts";
import { Algebra } from "../cas/session.ts";
import { variablesOf } from "../cas/variables.ts";
import { algebraAnswer, algebraShape } from "./algebra-shape.ts";
import { checkVariableName } from "./real-function.ts";
import { pure, text } from "./schema.ts";

export const expandTool = defineTool({
  name: "expand",
  title: "Expand",
  description:
    "Multiplies out products and whole powers exactly: \"(x + 1)^5\" → \"x^5 + 5*x^4 + 10*x^3 + 10*x^2 + 5*x + 1\", " +
    "\"(a + b)*(a - b)\" → \"a^2 - b^2\"; a fraction is spread over its denominator. At most 2000 terms.",
  inputSchema: z.strictObject({ expression: text("The expression, e.g. \"(x + y)^3\"") }),
  outputSchema: z.object(algebraShape),
  annotations: pure,
  handler: async ({ expression }, context) => {
    await loadCas();
    const algebra = new Algebra(context);
    const json = algebra.read(expression);
    const result = expand(algebra, json);
    if (!samePolynomial(json, result, algebra)) {
      console.error("expansion failed its check:", JSON.stringify(json), "→", JSON.stringify(result));
      throw new ToolError("the expansion failed its check (compared with the input at sample points), so it is not given; please report the expression");
    }
    const answer = algebraAnswer(algebra, result, "expression");
    return { structured: answer, text: `${expression.trim()} = ${answer.value}` };
  },
});

export const factorTool = defineTool({
  name: "factor",
  title: "Factor",
  description:
    "Factors exactly: polynomials over the rationals (\"x^4 - 1\" → \"(x - 1)*(x + 1)*(x^2 + 1)\", \"x^4 + 4\" → " +
    "\"(x^2 - 2*x + 2)*(x^2 + 2*x + 2)\", \"x^2 - y^2\" → \"(x - y)*(x + y)\"), fractions (numerator and denominator), " +
    "and integers into primes (\"360\" → \"2^3*3^2*5\"). The factors are multiplied back and compared with the input.",
  inputSchema: z.strictObject({ expression: text("A polynomial, a fraction of polynomials, or an integer, e.g. \"x^3 - x\"") }),
  outputSchema: z.object({ ...algebraShape, complete: z.boolean().describe("false when the search for factors stopped early") }),
  annotations: pure,
  handler: async ({ expression }, context) => {
    await loadCas();
    const algebra = new Algebra(context);
    const { result, complete } = factor(algebra, algebra.read(expression));
    const answer = algebraAnswer(algebra, result, "expression");
    const note = complete ? "" : " (the search for further factors stopped early: some factors may split further)";
    return { structured: { ...answer, complete }, text: `${expression.trim()} = ${answer.value}${note}` };
  },
});

export const partialFractionsTool = defineTool({
  name: "partial_fractions",
  title: "Partial fractions",
  description:
    "Splits a fraction of polynomials into partial fractions: \"1/(x^2 - 1)\" → \"1/(2*(x - 1)) - 1/(2*(x + 1))\", " +
    "\"(x^3)/(x^2 - 1)\" → \"x + …\". The decomposition is checked at sample points.",
  inputSchema: z.strictObject({
    expression: text("A fraction of polynomials, e.g. \"(x + 1)/(x^3 - x)\""),
    variable: z.string().optional().describe("The variable (found from the expression when it has only one)"),
  }),
  outputSchema: z.object(algebraShape),
  annotations: pure,
  handler: async ({ expression, variable }, context) => {
    if (variable !== undefined) checkVariableName(variable);
    await loadCas();
    const algebra = new Algebra(context);
    const json = algebra.read(expression, { bound: variable ? [variable] : [] });
    const names = variablesOf(json);
    const symbol = variable ? algebra.symbol(variable) : names.length === 1 ? names[0]! : undefined;
    if (!symbol) throw new ToolError(`name the variable: the expression has ${names.length ? names.map((n) => algebra.text(n)).join(", ") : "none"}`);
    const { result, verdict } = partialFractions(algebra, json, symbol);
    const answer = algebraAnswer(algebra, result, "expression", verdict);
    return { structured: answer, text: `${expression.trim()} = ${answer.value}` };
  },
});
