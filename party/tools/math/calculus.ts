/**
 * @module The limit and series tools: the algebra engine, its answers cross-checked numerically.
 */
import * as z from "zod";
import { defineTool } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { loadCas } from "../cas/engine.ts";
import { limit } from "../cas/limit.ts";
import { series } from "../cas/series.ts";
import { Algebra } from "../cas/session.ts";
import { MAX_SERIES_ORDER } from "../cas/caps.ts";
import { algebraAnswer, algebraShape, caveat, variableInput } from "./algebra-shape.ts";
import { checkVariableName } from "./real-function.ts";
import { pure, text } from "./schema.ts";

const point = z.union([z.number(), z.string().max(200)]);

export const limitTool = defineTool({
  name: "limit",
  title: "Limit",
  description:
    "The limit of an expression as a variable approaches a point, exactly: \"sin(x)/x\" at 0 → 1, \"(1 + 1/n)^n\" at inf → e, " +
    "\"1/x\" at 0 from the right → Infinity. direction \"left\" or \"right\" asks for a one-sided limit; a two-sided limit " +
    "whose sides differ is answered as not existing, with both sides. Checked against the expression's values near the point.",
  inputSchema: z.strictObject({
    expression: text("The expression, e.g. \"(1 - cos(x))/x^2\""),
    variable: variableInput,
    point: point.describe("Where the variable goes: a number, an expression such as \"pi/2\", or \"inf\" / \"-inf\""),
    direction: z.enum(["both", "left", "right"]).optional().describe("\"left\" (from below), \"right\" (from above) or \"both\" (default)"),
  }),
  outputSchema: z.object({ ...algebraShape, exists: z.boolean() }),
  annotations: pure,
  handler: async ({ expression, variable, point: at, direction = "both" }, context) => {
    checkVariableName(variable);
    await loadCas();
    const algebra = new Algebra(context);
    const json = algebra.read(expression, { bound: [variable] });
    const target = algebra.read(String(at), { what: "the point" });
    const found = limit(algebra, json, algebra.symbol(variable), target, direction);
    const side = direction === "left" ? "⁻" : direction === "right" ? "⁺" : "";
    const where = `${variable} → ${at}${side}`;
    if (found.note) {
      return {
        structured: { value: "does not exist", type: "none", latex: "\\text{does not exist}", exact: true, checked: found.verdict === "agree", exists: false },
        text: `lim ${where} ${expression.trim()}: ${found.note}`,
      };
    }
    const answer = { ...algebraAnswer(algebra, found.result, "expression", found.verdict), ...(found.numeric ? { exact: false } : {}) };
    const latex = `\\lim_{${algebra.latex(algebra.symbol(variable))} \\to ${algebra.latex(target)}${direction === "left" ? "^{-}" : direction === "right" ? "^{+}" : ""}} ${algebra.latex(json)} = ${answer.latex}`;
    const how = found.numeric ? " (judged from the expression's values near the point; no exact derivation was found)" : caveat(answer);
    return { structured: { ...answer, latex, exists: true }, text: `lim ${where} ${expression.trim()} = ${answer.value}${how}` };
  },
});

export const seriesTool = defineTool({
  name: "series",
  title: "Series expansion",
  description:
    "The Taylor (or Laurent) series of an expression around a point, up to O((x - point)^order): \"exp(x)\" at 0, order 4 → " +
    "\"1 + x + x^2/2 + x^3/6 + O(x^4)\"; \"1/(x*sin(x))\" → \"x^(-2) + 1/6 + 7*x^2/360 + …\". Coefficients are exact and " +
    `checked numerically (Cauchy's formula). order 1 to ${MAX_SERIES_ORDER}, default 6.`,
  inputSchema: z.strictObject({
    expression: text("The expression, e.g. \"sin(x)/x\""),
    variable: variableInput,
    point: point.optional().describe("The point to expand around (default 0)"),
    order: z.number().int().min(1).max(MAX_SERIES_ORDER).optional().describe("The exponent of the O(·) term: terms below it are kept (default 6)"),
  }),
  outputSchema: z.object({
    ...algebraShape,
    coefficients: z.array(z.object({ power: z.number(), coefficient: z.string() })).describe("Each kept term: the power of (x - point) and its coefficient"),
  }),
  annotations: pure,
  handler: async ({ expression, variable, point: at = 0, order = 6 }, context) => {
    checkVariableName(variable);
    await loadCas();
    const algebra = new Algebra(context);
    const json = algebra.read(expression, { bound: [variable] });
    const center = algebra.read(String(at), { what: "the point" });
    if (center === "PositiveInfinity" || center === "NegativeInfinity") throw new ToolError("series are expanded around finite points here");
    const found = series(algebra, json, algebra.symbol(variable), center, order);
    const answer = { ...algebraAnswer(algebra, found.result, "series", found.verdict), exact: found.exact };
    const coefficients = found.terms.map((t) => ({ power: t.exponent, coefficient: algebra.text(t.coefficient) }));
    return { structured: { ...answer, coefficients }, text: `${expression.trim()} = ${answer.value}` };
  },
});
