/**
 * @module A value written back as an expression that rebuilds it in any mode: what a room variable stores.
 *
 * A variable keeps its value, not the expression that computed it: `r = random()` stays one number, and
 * `b = a * 3` stays 6 when `a` changes later. Fractions are written `a/b`, so they stay exact in fraction
 * mode and become decimals in the others; bignumbers keep every digit.
 */
import { isBigInt, isBigNumber, isComplex, isFraction, isMatrix, isUnit } from "./kinds.ts";
import type { Matrix, Unit } from "mathjs";
import { ToolError } from "../tool-error.ts";
import { showFraction } from "./format.ts";

/** The literal, or a ToolError saying why this value cannot be kept. */
export function literal(name: string, value: unknown): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ToolError(`${name} would be ${value}, which cannot be kept as a room variable`);
    return String(value);
  }
  if (isBigNumber(value)) {
    if (!value.isFinite()) throw new ToolError(`${name} would be ${value.toString()}, which cannot be kept as a room variable`);
    return value.toString();
  }
  if (isFraction(value)) {
    const text = showFraction(value);
    return text.includes("/") ? `(${text})` : text;
  }
  if (isBigInt(value)) return `bigint("${value}")`;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (isComplex(value)) return `complex(${literal(name, value.re)}, ${literal(name, value.im)})`;
  if (isUnit(value)) {
    const unit = value as Unit & { value: unknown; formatUnits(): string; toNumeric(): unknown };
    const units = JSON.stringify(unit.formatUnits());
    return unit.value === null ? `unit(${units})` : `unit(${literal(name, unit.toNumeric())}, ${units})`;
  }
  if (isMatrix(value)) return literal(name, (value as Matrix).toArray());
  if (Array.isArray(value)) return `[${value.map((item) => literal(name, item)).join(", ")}]`;
  if (typeof value === "function") {
    throw new ToolError(`${name} is a built-in function; to keep a function, define it with parameters, e.g. ${name}(x) = sin(x)`);
  }
  throw new ToolError(`${name} holds a value of a kind that cannot be kept as a room variable`);
}
