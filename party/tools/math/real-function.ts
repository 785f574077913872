/**
 * @module A user expression as a real function of one variable, for numeric work (roots, integrals, plots).
 */
import { isBigNumber, isComplex, isFraction } from "./kinds.ts";
import { ToolError } from "../tool-error.ts";
import type { RoomServices } from "../context.ts";
import { Budget } from "./budget.ts";
import { MAX_WORK } from "./limits.ts";
import { compileChecked, parseChecked, run } from "./expression.ts";
import { restoreScope } from "./room-scope.ts";

/** Work one sample may spend: room functions called per sample are bounded too. */
const SAMPLE_WORK = 20_000;

export function checkVariableName(variable: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw new ToolError(`variable must be a name such as x, not ${JSON.stringify(variable)}`);
}

/**
 * Compiles `text` once; each call evaluates it at one value of `variable`, with the room's variables.
 * Every evaluation is charged to the tool call's budget, so all the samples of a call are bounded together.
 */
export function realFunction(text: string, variable: string, room: RoomServices, call: Budget, what = "the expression"): (x: number) => number {
  checkVariableName(variable);
  const { node } = parseChecked(text, "number", { allowAssignment: false, what });
  const scope = restoreScope(room.variables, "number", 0, variable);
  const compiled = compileChecked(node, new Budget(MAX_WORK, call));
  return (x: number) => {
    scope.set(variable, x);
    return toReal(run(new Budget(SAMPLE_WORK, call), () => compiled.evaluate(scope)), what);
  };
}

/** A number, or NaN where the value is not real (a complex square root, say). */
function toReal(value: unknown, what: string): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return Number(value);
  if (isBigNumber(value) || isFraction(value)) return Number(value.valueOf());
  if (isComplex(value)) return value.im === 0 ? value.re : Number.NaN;
  throw new ToolError(`${what} must give a number for each value of the variable, not a ${typeof value === "object" ? "matrix or other value" : typeof value}`);
}

/** A number argument given as a number or as an expression such as "pi/2" or "-inf". */
export function numberArgument(value: number | string, name: string, room: RoomServices, call: Budget): number {
  if (typeof value === "number") return value;
  const text = value.trim().toLowerCase();
  if (/^[+-]?(inf|infinity|∞)$/.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  const x = realFunction(value, "_", room, call, name)(0);
  if (Number.isNaN(x)) throw new ToolError(`${name} must be a real number (got ${value})`);
  return x;
}
