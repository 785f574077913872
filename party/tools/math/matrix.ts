/**
 * @module The matrix tool: product, determinant, inverse, transpose, linear solve and eigenvalues, in
 * floating point or exactly with fractions; matrices given as arrays, mathjs text, or room variables.
 */
import { z } from "zod";
import { defineTool } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import type { RoomServices } from "../context.ts";
import { Budget, callBudget } from "./budget.ts";
import { checkText } from "./check-tree.ts";
import { describeError, parseChecked, run } from "./expression.ts";
import { show } from "./format.ts";
import { expressionNamespace, mathFor } from "./instances.ts";
import { MAX_MATRIX_DIMENSION, MAX_WORK } from "./limits.ts";
import { restoreScope } from "./room-scope.ts";
import { resultShape } from "./schema.ts";
import { dimensions } from "./values.ts";
import type { Mode } from "./values.ts";

const entry = z.union([z.number(), z.string().max(100)]);
const matrixInput = z
  .union([z.array(z.array(entry).max(MAX_MATRIX_DIMENSION)).max(MAX_MATRIX_DIMENSION), z.array(entry).max(MAX_MATRIX_DIMENSION), z.string()])
  .describe('Rows of numbers [[1, 2], [3, 4]] (entries may be text such as "1/3"), a vector [1, 2], or mathjs text / a room variable: "[1, 2; 3, 4]", "M"');

const OPERATIONS = ["multiply", "determinant", "inverse", "transpose", "solve", "eigenvalues"] as const;

/** The matrix as mathjs text: arrays are written out; text is used as it is. */
function matrixText(value: z.infer<typeof matrixInput>, name: string): string {
  if (typeof value === "string") return value;
  const cell = (x: number | string) => {
    if (typeof x === "number") return String(x);
    checkText(x, `an entry of ${name}`);
    return `(${x})`;
  };
  if (value.length === 0) throw new ToolError(`${name} is empty`);
  if (!Array.isArray(value[0])) return `[${(value as (number | string)[]).map(cell).join(", ")}]`;
  const rows = value as (number | string)[][];
  if (rows.some((row) => row.length !== rows[0]!.length || row.length === 0)) throw new ToolError(`the rows of ${name} must all have the same, non-zero length`);
  return `[${rows.map((row) => `[${row.map(cell).join(", ")}]`).join(", ")}]`;
}

function evaluateMatrix(value: z.infer<typeof matrixInput>, name: string, mode: Mode, room: RoomServices, call: Budget): unknown {
  const text = matrixText(value, name);
  const trusted = typeof value !== "string";
  const { node } = parseChecked(text, mode, { allowAssignment: false, what: name, trusted, maxNodes: trusted ? 4 * text.length : undefined });
  const scope = restoreScope(room.variables, mode, 0);
  const result = run(new Budget(MAX_WORK, call), () => node.compile().evaluate(scope));
  const size = dimensions(result);
  if (size.length === 0 || size.length > 2) throw new ToolError(`${name} must be a matrix or a vector`);
  if (size.some((n) => n > MAX_MATRIX_DIMENSION)) throw new ToolError(`${name} is ${size.join("×")}; at most ${MAX_MATRIX_DIMENSION} rows and columns are allowed`);
  return result;
}

function square(name: string, size: number[]): void {
  if (size.length !== 2 || size[0] !== size[1]) throw new ToolError(`${name} must be a square matrix (it is ${size.join("×")})`);
}

/** mathjs's messages for the usual failures, said plainly. */
function plainly(error: unknown, operation: string): never {
  const message = describeError(error);
  if (/determinant is zero|singular/i.test(message)) {
    throw new ToolError(`a is singular (its determinant is 0), so ${operation === "solve" ? "the system has no unique solution" : "it has no inverse"}`);
  }
  if (/converge/i.test(message)) throw new ToolError(`the eigenvalue iteration did not converge: ${message}`);
  throw new ToolError(message);
}

export const matrixTool = defineTool({
  name: "matrix",
  title: "Matrix operations",
  description:
    "Linear algebra on matrices: multiply (a·b), determinant, inverse, transpose, solve (x with a·x = b) and " +
    "eigenvalues. mode \"fraction\" computes exactly with rationals (inverse of [[1, 2], [3, 4]] = " +
    `[[-2, 1], [3/2, -1/2]]); eigenvalues are always numeric. Up to ${MAX_MATRIX_DIMENSION}×${MAX_MATRIX_DIMENSION}.`,
  inputSchema: z.strictObject({
    operation: z.enum(OPERATIONS),
    a: matrixInput,
    b: matrixInput.optional().describe("The second matrix (multiply) or the right-hand side vector or matrix (solve)"),
    mode: z.enum(["number", "fraction"]).optional().describe("\"fraction\" for exact rational results; default \"number\""),
  }),
  outputSchema: z.object(resultShape),
  annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
  handler: ({ operation, a, b, mode = "number" }, context) => {
    const { room } = context;
    const call = callBudget(context);
    const needsB = operation === "multiply" || operation === "solve";
    if (needsB && b === undefined) throw new ToolError(`${operation} needs b`);
    if (!needsB && b !== undefined) throw new ToolError(`${operation} takes only a`);
    const kind: Mode = operation === "eigenvalues" ? "number" : mode;
    const math = mathFor(kind);
    const fn = expressionNamespace(math) as Record<string, (...args: unknown[]) => unknown>;
    const A = evaluateMatrix(a, "a", kind, room, call);
    const B = b === undefined ? undefined : evaluateMatrix(b, "b", kind, room, call);
    const sizeA = dimensions(A);
    const budget = new Budget(MAX_WORK, call);
    let result: unknown;
    try {
      result = run(budget, () => {
        switch (operation) {
          case "multiply": {
            const sizeB = dimensions(B);
            if (sizeA[sizeA.length - 1] !== sizeB[0]) {
              throw new ToolError(`a has ${sizeA[sizeA.length - 1]} columns but b has ${sizeB[0]} rows: they cannot be multiplied`);
            }
            return fn.multiply!(A, B);
          }
          case "determinant":
            square("a", sizeA);
            return fn.det!(A);
          case "inverse":
            square("a", sizeA);
            return fn.inv!(A);
          case "transpose":
            return fn.transpose!(A);
          case "solve": {
            square("a", sizeA);
            const sizeB = dimensions(B);
            if (sizeB[0] !== sizeA[0]) throw new ToolError(`b must have ${sizeA[0]} rows, one per equation (it has ${sizeB[0]})`);
            // mathjs answers one particular solution of a consistent singular system: refuse it instead.
            if (fn.equal!(fn.det!(A), 0)) throw new ToolError("a is singular (its determinant is 0), so the system has no unique solution");
            const x = fn.lusolve!(A, B);
            return sizeB.length === 1 ? fn.flatten!(x) : x;
          }
          case "eigenvalues":
            square("a", sizeA);
            return (fn.eigs!(A) as { values: unknown }).values;
        }
      });
    } catch (error) {
      plainly(error, operation);
    }
    const shown = show(math, result, { mode: kind });
    const type = operation === "eigenvalues" ? "eigenvalues" : shown.type;
    return { structured: { ...shown, type }, text: `${operation} = ${shown.value}` };
  },
});
