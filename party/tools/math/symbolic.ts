/**
 * @module The simplify and derivative tools: the algebra engine, on bounded input, with answers checked
 * at sample points (negative values included).
 */
import * as z from "zod";
import { defineTool } from "../registry.ts";
import { loadCas } from "../cas/engine.ts";
import { readAssumptions } from "../cas/assumptions.ts";
import { differentiate } from "../cas/differentiate.ts";
import { Algebra } from "../cas/session.ts";
import { simplify } from "../cas/simplify.ts";
import { algebraAnswer, algebraShape, variableInput } from "./algebra-shape.ts";
import { checkVariableName } from "./real-function.ts";
import { pure, text } from "./schema.ts";

const assumeInput = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(10)])
  .optional()
  .describe('What may be assumed about the variables: "x > 0", "n integer", "x real", "y nonzero", or a list of them');

const asList = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const simplifyTool = defineTool({
  name: "simplify",
  title: "Simplify an expression",
  description:
    "Simplifies an expression exactly, correct for every real value of its variables: \"(x^2)^(1/2)\" → \"abs(x)\", " +
    "\"(x^2 - 4)/(x - 2)\" → \"x + 2\", \"sin(x)^2 + cos(x)^2\" → \"1\". Nothing that needs an assumption is done without it: " +
    "pass assume (\"x > 0\") and \"sqrt(x^2)\" → \"x\". mathjs syntax or LaTeX; room variables and functions are filled in. " +
    "The answer is checked numerically at sample points.",
  inputSchema: z.strictObject({
    expression: text("The expression to simplify, e.g. \"2x + 3x - x^2 / x\" or \"\\\\frac{x^2-1}{x+1}\""),
    assume: assumeInput,
  }),
  outputSchema: z.object(algebraShape),
  annotations: pure,
  handler: async ({ expression, assume }, context) => {
    await loadCas();
    const algebra = new Algebra(context);
    const assumptions = readAssumptions(algebra, asList(assume));
    const json = algebra.read(expression);
    const { result, verdict } = simplify(algebra, json, assumptions);
    const answer = algebraAnswer(algebra, result, "expression", verdict);
    const under = assumptions.length ? ` (assuming ${asList(assume).join(", ")})` : "";
    return { structured: answer, text: `${expression.trim()} simplifies to ${answer.value}${under}` };
  },
});

export const derivativeTool = defineTool({
  name: "derivative",
  title: "Derivative",
  description:
    "The exact derivative of an expression with respect to a variable, simplified: \"x^3 + sin(x)\" by x → " +
    "\"3*x^2 + cos(x)\"; \"(x^2)^(1/2)\" → \"x/sqrt(x^2)\" (which is sign(x)). order 2 to 5 differentiates again. " +
    "mathjs syntax or LaTeX; checked numerically against difference quotients.",
  inputSchema: z.strictObject({
    expression: text("The expression, e.g. \"x^2 * exp(x)\""),
    variable: variableInput,
    order: z.number().int().min(1).max(5).optional().describe("How many times to differentiate (default 1)"),
  }),
  outputSchema: z.object(algebraShape),
  annotations: pure,
  handler: async ({ expression, variable, order = 1 }, context) => {
    checkVariableName(variable);
    await loadCas();
    const algebra = new Algebra(context);
    const json = algebra.read(expression, { bound: [variable] });
    const { result, verdict } = differentiate(algebra, json, algebra.symbol(variable), order);
    const answer = algebraAnswer(algebra, result, "expression", verdict);
    const prime = order === 1 ? "" : `^${order}`;
    return { structured: answer, text: `d${prime}/d${variable}${prime} (${expression.trim()}) = ${answer.value}` };
  },
});
