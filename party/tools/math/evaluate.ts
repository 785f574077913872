/**
 * @module The evaluate tool: the mathjs expression language in number, bignumber or fraction mode,
 * with assignments kept as room variables that every participant can use; mode "exact" by the algebra
 * engine; LaTeX input in every mode.
 */
import * as z from "zod";
import { defineTool } from "../registry.ts";
import type { ToolContext } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { Budget, callBudget } from "./budget.ts";
import { hasInexact } from "../cas/mathjson.ts";
import { parseChecked, run } from "./expression.ts";
import { show, showNumber } from "./format.ts";
import { mathFor, usePrecision } from "./instances.ts";
import { DEFAULT_PRECISION, MAX_PRECISION, MAX_WORK } from "./limits.ts";
import { persistAssignments, restoreScope } from "./room-scope.ts";
import { resultShape, text } from "./schema.ts";
import type { Mode } from "./values.ts";
import { loadCas } from "../cas/engine.ts";
import { evaluateExact } from "../cas/exact-evaluate.ts";
import { looksLikeLatex, readLatex } from "../cas/latex-input.ts";
import { Algebra } from "../cas/session.ts";
import { MAX_CAS_PRECISION } from "../cas/caps.ts";

export const evaluateTool = defineTool({
  name: "evaluate",
  title: "Evaluate an expression",
  description:
    "Evaluates a math expression (mathjs syntax): arithmetic, functions (sqrt, sin, log, factorial, gcd, …), " +
    "complex numbers (2 + 3i), matrices ([1, 2; 3, 4], det, inv), units (5 cm to inch) and several statements " +
    "separated by ';' or newlines. Assignments such as `r = 7` or `f(x) = x^2 + 1` become room variables " +
    "that every participant can use in later expressions. mode \"fraction\" gives exact rationals (1/3 + 1/6 = 1/2); " +
    "mode \"bignumber\" gives decimals to `precision` significant digits (default 64), so 0.1 + 0.2 = 0.3 " +
    "exactly; mode \"number\" (default) uses ordinary double precision; mode \"exact\" gives exact values by the algebra engine " +
    "(sin(pi/6) → 1/2, (1+2i)^3 → -11 - 2i, gamma(1/2)^2 → pi, sqrt(8) → 2*sqrt(2)) with a decimal approximation. " +
    "LaTeX is accepted too (\\frac{1}{2} + \\sqrt{2}).",
  inputSchema: z.strictObject({
    expression: text("The expression, e.g. \"sqrt(3^2 + 4^2)\", \"r = 7\", \"f(x) = x^2 + 1; f(3)\""),
    mode: z.enum(["number", "bignumber", "fraction", "exact"]).optional().describe("How numbers are represented; default \"number\""),
    precision: z
      .number()
      .int()
      .min(1)
      .max(MAX_PRECISION)
      .optional()
      .describe(`Significant digits: for bignumber (default ${DEFAULT_PRECISION}, at most ${MAX_PRECISION}) or to round a number's display (at most 17)`),
  }),
  outputSchema: z.object({
    ...resultShape,
    mode: z.enum(["number", "bignumber", "fraction", "exact"]),
    approximation: z.string().optional().describe("A fraction's or an exact value's decimal value"),
    exact: z.boolean().optional().describe("Mode exact: true when the value has no decimal approximation in it"),
    assigned: z.array(z.string()).optional().describe("Room variables this expression set"),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  handler: async ({ expression, mode = "number", precision }, context) => {
    const { room } = context;
    if (mode === "exact") return exactValue(expression, precision, context);
    if (looksLikeLatex(expression)) {
      // LaTeX is read by the algebra engine's parser, checked, and written back as mathjs text.
      await loadCas();
      const algebra = new Algebra(context);
      expression = algebra.text(readLatex(expression, callBudget(context)));
    }
    if (mode === "fraction" && precision !== undefined) {
      throw new ToolError("precision applies to modes number and bignumber; fractions are always exact");
    }
    if (mode === "number" && precision !== undefined && precision > 17) {
      throw new ToolError(`mode number has about 16 significant digits, so precision must be at most 17 (got ${precision}); use mode "bignumber" for more`);
    }
    const digits = mode === "bignumber" ? (precision ?? DEFAULT_PRECISION) : precision;
    const math = mode === "bignumber" ? usePrecision(digits!) : mathFor(mode);
    const { node } = parseChecked(expression, mode);
    const scope = restoreScope(room.variables, mode, digits ?? 0);
    const value = run(new Budget(MAX_WORK, callBudget(context)), () => node.compile().evaluate(scope));
    const shown = show(math, value, { precision: digits, mode, summarizeLong: scope.assigned.size > 0 });
    const assigned = persistAssignments(scope, room.variables, room.participant, mode as Mode);
    const approximation = shown.type === "fraction" && shown.value.includes("/") ? showNumber(Number(math.number(value as never))) : undefined;
    return {
      structured: { ...shown, mode, ...(approximation ? { approximation } : {}), ...(assigned.length ? { assigned } : {}) },
      text: describeResult(expression.trim(), shown.value, shown.type, assigned, approximation),
    };
  },
});

function describeResult(expression: string, value: string, type: string, assigned: string[], approximation?: string): string {
  const kept = assigned.length ? ` (room variable${assigned.length > 1 ? "s" : ""} ${assigned.join(", ")} set)` : "";
  const about = approximation ? ` ≈ ${approximation}` : "";
  if (type === "function") return `${value}${kept}`;
  if (type === "none") return assigned.length ? `Done${kept}` : "Done (no visible result)";
  const shortInput = expression.length <= 80 && !expression.includes("\n") && !expression.includes(";");
  if (assigned.length === 1 && /^[A-Za-z_][\w]*\s*=[^=]/.test(expression) && shortInput) return `${assigned[0]} = ${value}${about}${kept}`;
  return shortInput ? `${expression} = ${value}${about}${kept}` : `${value}${about}${kept}`;
}

async function exactValue(expression: string, precision: number | undefined, context: ToolContext) {
  if (precision !== undefined && precision > MAX_CAS_PRECISION) throw new ToolError(`precision must be at most ${MAX_CAS_PRECISION}`);
  if (/(?<![=<>!])=(?!=)/.test(expression) && !looksLikeLatex(expression)) {
    throw new ToolError("mode \"exact\" evaluates expressions; assign room variables in another mode");
  }
  await loadCas();
  const algebra = new Algebra(context);
  const { result, approximation } = evaluateExact(algebra, algebra.read(expression), precision);
  const value = algebra.text(result);
  const exact = !hasInexact(result);
  const about = approximation && approximation !== value ? ` ≈ ${approximation}` : "";
  return {
    structured: { value, type: "exact", latex: algebra.latex(result), mode: "exact" as const, exact, ...(approximation ? { approximation } : {}) },
    text: `${expression.trim()} = ${value}${about}`,
  };
}
