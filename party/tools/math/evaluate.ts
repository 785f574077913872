/**
 * @module The evaluate tool: the mathjs expression language in number, bignumber or fraction mode,
 * with assignments kept as room variables that every participant can use.
 */
import { z } from "zod";
import { defineTool } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { Budget, callBudget } from "./budget.ts";
import { parseChecked, run } from "./expression.ts";
import { show, showNumber } from "./format.ts";
import { mathFor, usePrecision } from "./instances.ts";
import { DEFAULT_PRECISION, MAX_PRECISION, MAX_WORK } from "./limits.ts";
import { persistAssignments, restoreScope } from "./room-scope.ts";
import { resultShape, text } from "./schema.ts";
import type { Mode } from "./values.ts";

export const evaluateTool = defineTool({
  name: "evaluate",
  title: "Evaluate an expression",
  description:
    "Evaluates a math expression (mathjs syntax): arithmetic, functions (sqrt, sin, log, factorial, gcd, …), " +
    "complex numbers (2 + 3i), matrices ([1, 2; 3, 4], det, inv), units (5 cm to inch) and several statements " +
    "separated by ';' or newlines. Assignments such as `r = 7` or `f(x) = x^2 + 1` become room variables " +
    "that every participant can use in later expressions. mode \"fraction\" gives exact rationals (1/3 + 1/6 = 1/2); " +
    "mode \"bignumber\" gives decimals to `precision` significant digits (default 64), so 0.1 + 0.2 = 0.3 " +
    "exactly; mode \"number\" (default) uses ordinary double precision.",
  inputSchema: z.strictObject({
    expression: text("The expression, e.g. \"sqrt(3^2 + 4^2)\", \"r = 7\", \"f(x) = x^2 + 1; f(3)\""),
    mode: z.enum(["number", "bignumber", "fraction"]).optional().describe("How numbers are represented; default \"number\""),
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
    mode: z.enum(["number", "bignumber", "fraction"]),
    approximation: z.string().optional().describe("A fraction's decimal value"),
    assigned: z.array(z.string()).optional().describe("Room variables this expression set"),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  handler: ({ expression, mode = "number", precision }, context) => {
    const { room } = context;
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
