/**
 * @module What a value weighs in work units: each element by its kind, exact numbers by their bits,
 * decimals by their precision. A unit is about a microsecond (costs.ts); the factors here are fitted to
 * mathjs's measured speed (test/node/cost-models.test.ts holds them to it).
 */
import type { BigNumber, Matrix } from "mathjs";
import { isBigInt, isBigNumber, isComplex, isFraction, isMatrix, isUnit } from "./kinds.ts";
import { exactBits } from "./values.ts";

/** Significant digits of a BigNumber (its class carries the precision it was made with). */
export const precisionOf = (x: BigNumber) => (x as unknown as { constructor: { precision?: number } }).constructor.precision ?? 64;

/**
 * One multiplication or division of BigNumbers: decimal.js works in base-10⁷ limbs and costs the square
 * of their length, with a few microseconds of dispatch and tolerance checks on top (measured: 4 µs at 64
 * digits, 100–130 µs at 500). A sum costs less; it is charged the same, to keep one model.
 */
export const bigUnits = (precision: number) => 3 + (precision / 64) ** 2;

/**
 * One operation on a fraction: fraction.js reduces every result by a gcd, whose Euclid steps grow with
 * the bits and cost as much again each (measured: 10 ms at 16,384 random bits).
 */
export const fractionUnits = (bits: number) => 3 + (bits / 100) ** 2;

/** One operation on a bigint: linear in its bits for sums, a little more for products. */
export const bigintUnits = (bits: number) => 0.5 + bits / 500 + (bits / 4000) ** 2;

/** Units of one element in a simple operation (an addition, a comparison, a copy). */
export function elementUnits(value: unknown): number {
  // A number through typed-function dispatch: 0.1–1.5 µs an element, measured on a busy machine.
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return 0.3;
  if (isBigNumber(value)) return bigUnits(precisionOf(value));
  if (isFraction(value)) return fractionUnits(exactBits(value));
  if (isBigInt(value)) return bigintUnits(exactBits(value));
  if (isComplex(value)) return 0.5;
  if (isUnit(value)) return 5 + elementUnits((value as unknown as { value: unknown }).value);
  // Text given where a number is expected is parsed first (long digit strings, quadratically).
  if (typeof value === "string") return stringUnits(value.length) * 4;
  return 1;
}

/** Reading text: parsing a long string of digits is quadratic in mathjs and its number libraries. */
export const stringUnits = (length: number) => 0.2 + length / 20 + (length / 32) ** 2;

/** Calls `visit` on every element of an array or matrix (nested), or on the value itself. */
export function forEachElement(value: unknown, visit: (element: unknown) => void): void {
  if (isMatrix(value)) {
    forEachElement((value as Matrix).valueOf(), visit);
    return;
  }
  if (!Array.isArray(value)) {
    visit(value);
    return;
  }
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
    else if (isMatrix(item)) stack.push((item as Matrix).valueOf());
    else visit(item);
  }
}

/** A value's weight: its elements' units summed, the count, and the heaviest element. */
export type Weight = { units: number; count: number; heaviest: number };

export function weigh(value: unknown): Weight {
  if (typeof value === "number") return { units: 0.3, count: 1, heaviest: 0.3 };
  let units = 0;
  let count = 0;
  let heaviest = 0;
  forEachElement(value, (element) => {
    const u = elementUnits(element);
    units += u;
    count++;
    if (u > heaviest) heaviest = u;
  });
  return { units, count, heaviest };
}

/** The largest magnitude among a value's real elements (numbers, BigNumbers, fractions, bigints). */
export function magnitude(value: unknown): number {
  let largest = 0;
  forEachElement(value, (element) => {
    let x = Number.NaN;
    if (typeof element === "number") x = element;
    else if (isBigNumber(element)) x = Number(element.valueOf());
    else if (isFraction(element)) x = Number(element.valueOf());
    else if (isBigInt(element)) x = Number(element);
    else if (isComplex(element)) x = Math.hypot((element as { re: number }).re, (element as { im: number }).im);
    if (Math.abs(x) > largest || Number.isNaN(x)) largest = Number.isNaN(x) ? largest : Math.abs(x);
  });
  return largest;
}
