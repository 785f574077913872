/**
 * @module What a mathjs value weighs: its element count, the bits of its exact numbers, its kind.
 */
import { isBigInt, isBigNumber, isComplex, isFraction, isMatrix, isUnit } from "./kinds.ts";
import { bitLength } from "./exact-float.ts";
import type { Matrix } from "mathjs";
import { ToolError } from "../tool-error.ts";
import { MAX_ELEMENTS, MAX_EXACT_BITS, MAX_STRING_LENGTH } from "./limits.ts";

export type Mode = "number" | "bignumber" | "fraction";

/** The dimensions of a matrix or a (rectangular) nested array; [] for a scalar. */
export function dimensions(value: unknown): number[] {
  if (isMatrix(value)) return (value as Matrix).size();
  const size: number[] = [];
  let level: unknown = value;
  while (Array.isArray(level)) {
    size.push(level.length);
    level = level[0];
  }
  return size;
}

/** Elements a matrix or array holds (1 for a scalar); a matrix counts its full size, sparse or not. */
export function elementCount(value: unknown): number {
  if (!isMatrix(value) && !Array.isArray(value)) return 1;
  if (Array.isArray(value)) return countLeaves(value);
  return dimensions(value).reduce((product, n) => product * n, 1);
}

/** Counts an array's leaves, so a ragged array cannot hide its size behind a small first row. */
function countLeaves(array: unknown[]): number {
  let count = 0;
  for (const item of array) {
    count += Array.isArray(item) ? countLeaves(item) : isMatrix(item) ? elementCount(item) : 1;
    if (count > MAX_ELEMENTS) return count;
  }
  return count;
}

export const isCollection = (value: unknown): boolean => isMatrix(value) || Array.isArray(value);

/** Bits of an exact integer, or of a fraction's larger part; 0 for inexact numbers. */
export function exactBits(value: unknown): number {
  if (isBigInt(value)) return bitLength(value as bigint);
  if (isFraction(value)) {
    const f = value as unknown as { n: bigint; d: bigint };
    return Math.max(bitLength(f.n), bitLength(f.d));
  }
  if (isUnit(value)) return exactBits((value as unknown as { value: unknown }).value);
  return 0;
}

/** The first element of a collection, which tells the kind of numbers it holds. */
export function firstElement(value: unknown): unknown {
  let level: unknown = value;
  for (let i = 0; i < 8 && isCollection(level); i++) {
    if (isMatrix(level)) {
      const m = level as Matrix;
      if (elementCount(m) === 0) return undefined;
      level = m.get(m.size().map(() => 0));
    } else level = (level as unknown[])[0];
  }
  return level;
}

/** Refuses a value too large to keep or show: too many elements, too long a string, too many bits. */
export function checkSize(value: unknown): void {
  if (typeof value === "string") {
    if (value.length > MAX_STRING_LENGTH) throw new ToolError(`a string would be longer than ${MAX_STRING_LENGTH} characters`);
    return;
  }
  if (typeof value === "number" || typeof value === "boolean" || value == null) return;
  if (isCollection(value)) {
    const count = elementCount(value);
    if (count > MAX_ELEMENTS) throw new ToolError(tooManyElements(count));
    const first = firstElement(value);
    if (isFraction(first) || isBigInt(first)) forEachElement(value, checkBits);
    return;
  }
  checkBits(value);
}

function checkBits(value: unknown): void {
  const bits = exactBits(value);
  if (bits > MAX_EXACT_BITS) {
    throw new ToolError(`an exact number would need more than ${MAX_EXACT_BITS} bits (about ${Math.round(MAX_EXACT_BITS * 0.30103)} digits)`);
  }
}

export const tooManyElements = (count: number) =>
  `a matrix or list would have ${count > 1e15 ? count.toExponential(2) : count} elements; at most ${MAX_ELEMENTS} are allowed`;

function forEachElement(value: unknown, visit: (element: unknown) => void): void {
  if (isMatrix(value)) (value as Matrix).forEach((element: unknown) => visit(element), true);
  else if (Array.isArray(value)) for (const item of value) isCollection(item) ? forEachElement(item, visit) : visit(item);
}

/**
 * The products of a chain a · b · c …: each pair of matrices or vectors multiplied, with the rows, the
 * inner size and the columns of that product, and its left factor. Scalars in the chain are skipped.
 */
export function productShapes(args: unknown[]): { left: unknown; rows: number; inner: number; columns: number }[] {
  const shapes: { left: unknown; rows: number; inner: number; columns: number }[] = [];
  let left = args[0];
  for (const right of args.slice(1)) {
    if (isCollection(left) && isCollection(right)) {
      const a = dimensions(left);
      const b = dimensions(right);
      shapes.push({ left, rows: a.length === 2 ? a[0]! : 1, inner: a[a.length - 1] ?? 1, columns: b.length === 2 ? b[1]! : 1 });
    }
    left = isCollection(right) ? right : left;
  }
  return shapes;
}
