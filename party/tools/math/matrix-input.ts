/**
 * @module The matrix tool's inputs: rows of numbers or text, mathjs text, or a room variable, evaluated by
 * mathjs (with its guards) in a given number mode.
 */
import * as z from "zod";
import { ToolError } from "../tool-error.ts";
import type { RoomServices } from "../context.ts";
import { Budget } from "./budget.ts";
import { checkText } from "./check-tree.ts";
import { parseChecked, run } from "./expression.ts";
import { MAX_MATRIX_DIMENSION, MAX_WORK } from "./limits.ts";
import { restoreScope } from "./room-scope.ts";
import { dimensions } from "./values.ts";
import type { Mode } from "./values.ts";

const entry = z.union([z.number(), z.string().max(100)]);
export const matrixInput = z
  .union([z.array(z.array(entry).max(MAX_MATRIX_DIMENSION)).max(MAX_MATRIX_DIMENSION), z.array(entry).max(MAX_MATRIX_DIMENSION), z.string()])
  .describe('Rows of numbers [[1, 2], [3, 4]] (entries may be text such as "1/3"), a vector [1, 2], or mathjs text / a room variable: "[1, 2; 3, 4]", "M"');


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

export function evaluateMatrix(value: z.infer<typeof matrixInput>, name: string, mode: Mode, room: RoomServices, call: Budget): unknown {
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

