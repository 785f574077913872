/**
 * @module partitionSelect (and so median, quantileSeq and mad, which use it) in time that stays linear
 * on any input: mathjs's quickselect partitions in two, so equal values make it quadratic — the median
 * of 8,000 equal numbers took 1.4 s. This one partitions in three (less, equal, greater) and falls back
 * to sorting the part that is left if its pivots keep choosing badly.
 */
import type { MathJsInstance } from "mathjs";
import { isMatrix } from "./kinds.ts";

type Compare = (a: unknown, b: unknown) => number;

/** The k-th smallest element of `values` (0-based) under `compare`; `values` is reordered in place. */
export function select(values: unknown[], k: number, compare: Compare): unknown {
  let [from, to] = [0, values.length - 1];
  // Past this many rounds the pivots are adversarial: sort what is left instead (n log n at worst).
  let rounds = 2 * Math.ceil(Math.log2(values.length + 1)) + 4;
  while (from < to) {
    if (rounds-- === 0) {
      const rest = values.slice(from, to + 1).sort(compare);
      return rest[k - from];
    }
    const pivot = medianOfThree(values[from], values[(from + to) >>> 1], values[to], compare);
    // Dutch national flag: [from, less) < pivot, [less, i) = pivot, (greater, to] > pivot.
    let [less, i, greater] = [from, from, to];
    while (i <= greater) {
      const order = compare(values[i], pivot);
      if (order < 0) swap(values, less++, i++);
      else if (order > 0) swap(values, i, greater--);
      else i++;
    }
    if (k < less) to = less - 1;
    else if (k > greater) from = greater + 1;
    else return pivot;
  }
  return values[k];
}

function medianOfThree(a: unknown, b: unknown, c: unknown, compare: Compare): unknown {
  if (compare(a, b) > 0) [a, b] = [b, a];
  if (compare(b, c) > 0) [b, c] = [c, b];
  if (compare(a, b) > 0) [a, b] = [b, a];
  return b;
}

function swap(values: unknown[], i: number, j: number): void {
  const t = values[i];
  values[i] = values[j];
  values[j] = t;
}

/** Replaces the instance's partitionSelect (before anything that depends on it is built). */
export function installSelection(math: MathJsInstance): void {
  const typed = math.typed as unknown as (name: string, signatures: Record<string, unknown>) => unknown;
  const compare = math.compare as unknown as Compare;
  const isNumeric = math.isNumeric as unknown as (x: unknown) => boolean;
  const isNaN = math.isNaN as unknown as (x: unknown) => boolean;
  const run = (x: unknown, k: number, order: Compare) => {
    if (!Number.isInteger(k) || k < 0) throw new Error("k must be a non-negative integer");
    if (isMatrix(x) && (x as unknown as { size(): number[] }).size().length > 1) throw new Error("Only one dimensional matrices supported");
    const values = (isMatrix(x) ? (x as unknown as { valueOf(): unknown[] }).valueOf() : x) as unknown[];
    if (k >= values.length) throw new Error("k out of bounds");
    // NaN compares as neither less nor greater: answer it, as mathjs does.
    const nan = values.find((v) => isNumeric(v) && isNaN(v));
    return nan !== undefined ? nan : select(values, k, order);
  };
  const descending: Compare = (a, b) => -compare(a, b);
  const partitionSelect = typed("partitionSelect", {
    "Array | Matrix, number": (x: unknown, k: number) => run(x, k, compare),
    "Array | Matrix, number, string": (x: unknown, k: number, order: string) => {
      if (order !== "asc" && order !== "desc") throw new Error('Compare string must be "asc" or "desc"');
      return run(x, k, order === "asc" ? compare : descending);
    },
    "Array | Matrix, number, function": (x: unknown, k: number, order: Compare) => run(x, k, order),
  });
  math.import({ partitionSelect }, { override: true });
}
