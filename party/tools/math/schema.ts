/**
 * @module What every math tool's answer shares: a value as text, its type, LaTeX where it helps.
 */
import * as z from "zod";

export const resultShape = {
  value: z.string().describe("The result as text, exactly as computed"),
  type: z
    .string()
    .describe('What the value is: "number", "bignumber", "fraction", "complex", "matrix", "unit", "expression", "roots", …'),
  latex: z.string().optional().describe("The result in LaTeX, where that helps to show it"),
};

export const Result = z.object(resultShape);

/** Pure tools: same answer for the same arguments, nothing changed. */
export const pure = { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false };

export const text = (what: string) => z.string().describe(what);
