/**
 * @module The matrix tool: product, transpose, determinant, inverse, linear solve, rank, null space and
 * eigenvalues. Exactly by default (rationals, or symbols for small matrices), in floating point with
 * mode "number"; matrices given as arrays, mathjs text, or room variables.
 */
import * as z from "zod";
import { defineTool } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import type { RoomServices } from "../context.ts";
import { Budget, callBudget } from "./budget.ts";
import { describeError, run } from "./expression.ts";
import { show } from "./format.ts";
import { evaluateMatrix, matrixInput } from "./matrix-input.ts";
import { expressionNamespace, mathFor } from "./instances.ts";
import { resultShape } from "./schema.ts";
import { dimensions } from "./values.ts";
import { MAX_MATRIX_DIMENSION, MAX_WORK } from "./limits.ts";
import { loadCas } from "../cas/engine.ts";
import { Algebra } from "../cas/session.ts";
import { MAX_EXACT_EIGEN, MAX_SYMBOLIC_MATRIX } from "../cas/caps.ts";
import { exactMatrix } from "./matrix-exact.ts";

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

/** The old floating-point path (mode "number"): mathjs's matrices. */
function numberMode(operation: Operation, a: z.infer<typeof matrixInput>, b: z.infer<typeof matrixInput> | undefined, room: RoomServices, call: Budget) {
  const math = mathFor("number");
  const fn = expressionNamespace(math) as Record<string, (...args: unknown[]) => unknown>;
  const A = evaluateMatrix(a, "a", "number", room, call);
  const B = b === undefined ? undefined : evaluateMatrix(b, "b", "number", room, call);
  const sizeA = dimensions(A);
  let result: unknown;
  try {
    result = run(new Budget(MAX_WORK, call), () => {
      switch (operation) {
        case "multiply": {
          const sizeB = dimensions(B);
          if (sizeA[sizeA.length - 1] !== sizeB[0]) throw new ToolError(`a has ${sizeA[sizeA.length - 1]} columns but b has ${sizeB[0]} rows: they cannot be multiplied`);
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
          if (fn.equal!(fn.det!(A), 0)) throw new ToolError("a is singular (its determinant is 0), so the system has no unique solution");
          const x = fn.lusolve!(A, B);
          return sizeB.length === 1 ? fn.flatten!(x) : x;
        }
        default:
          throw new ToolError(`${operation} is computed exactly; leave mode out`);
      }
    });
  } catch (error) {
    plainly(error, operation);
  }
  const shown = show(math, result, { mode: "number" });
  return { structured: shown, text: `${operation} = ${shown.value}` };
}

const OPERATIONS = ["multiply", "determinant", "inverse", "transpose", "solve", "rank", "nullspace", "eigenvalues"] as const;
type Operation = (typeof OPERATIONS)[number];

export const matrixTool = defineTool({
  name: "matrix",
  title: "Matrix operations",
  description:
    "Linear algebra, exactly by default: multiply (a·b), transpose, determinant, inverse, solve (x with a·x = b), rank, " +
    "nullspace (a basis of the solutions of a·x = 0) and eigenvalues (with multiplicities: exact for rational matrices up to " +
    `${MAX_EXACT_EIGEN}×${MAX_EXACT_EIGEN}, numeric for any real matrix beyond). Entries may be fractions (\"1/3\") and, for ` +
    `determinant and inverse of matrices up to ${MAX_SYMBOLIC_MATRIX}×${MAX_SYMBOLIC_MATRIX}, symbols ([[\"a\", \"b\"], [\"c\", \"d\"]] → \"a*d - b*c\"). ` +
    `mode "number" computes in floating point. Up to ${MAX_MATRIX_DIMENSION}×${MAX_MATRIX_DIMENSION}.`,
  inputSchema: z.strictObject({
    operation: z.enum(OPERATIONS),
    a: matrixInput,
    b: matrixInput.optional().describe("The second matrix (multiply) or the right-hand side vector or matrix (solve)"),
    mode: z.enum(["exact", "fraction", "number"]).optional().describe("\"exact\" (default; \"fraction\" is the same) or \"number\" for floating point"),
  }),
  outputSchema: z.object({
    ...resultShape,
    exact: z.boolean().optional(),
    eigenvalues: z.array(z.object({ value: z.string(), approximation: z.string(), exact: z.boolean(), multiplicity: z.number().int() })).optional(),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
  handler: async ({ operation, a, b, mode = "exact" }, context) => {
    const needsB = operation === "multiply" || operation === "solve";
    if (needsB && b === undefined) throw new ToolError(`${operation} needs b`);
    if (!needsB && b !== undefined) throw new ToolError(`${operation} takes only a`);
    const call = callBudget(context);
    if (mode === "number" && operation !== "eigenvalues" && operation !== "rank" && operation !== "nullspace") return numberMode(operation, a, b, context.room, call);
    await loadCas();
    return exactMatrix(new Algebra(context), operation, a, b, { numeric: mode === "number", room: context.room, call });
  },
});
