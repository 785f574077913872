/**
 * @module A mathjs value as the tools answer it: its text (`value`), its kind (`type`), and LaTeX.
 */
import { isBigInt, isBigNumber, isComplex, isFraction, isMatrix, isResultSet, isUnit } from "./kinds.ts";
import type { BigNumber, Fraction, MathJsInstance } from "mathjs";
import { ToolError } from "../tool-error.ts";
import { precisionOf } from "./instances.ts";
import { MAX_RESULT_LENGTH } from "./limits.ts";

export type Shown = { value: string; type: string; latex?: string };

/** A finite number as the shortest text that reads back to it. */
export function showNumber(n: number, precision?: number): string {
  if (!Number.isFinite(n)) {
    throw new ToolError(Number.isNaN(n) ? "the result is not a number (NaN), e.g. 0/0 or a function outside its domain" : `the result is ${n > 0 ? "" : "minus "}infinity (a division by zero or an overflow)`);
  }
  if (precision === undefined) return String(n);
  // A double holds at most 17 significant digits: more (a bignumber precision, say) would only show noise.
  return String(Number(n.toPrecision(Math.min(precision, 17))));
}

/**
 * A BigNumber to `precision` significant digits: an integer in full while its digits fit the precision,
 * anything else in the shortest of plain or exponent notation.
 */
export function showBigNumber(x: BigNumber, precision: number): string {
  if (!x.isFinite()) {
    throw new ToolError(x.isNaN() ? "the result is not a number (NaN)" : "the result is infinite (a division by zero or an overflow)");
  }
  const rounded = x.toSignificantDigits(precision);
  if (rounded.isInteger() && rounded.e < precision) return rounded.toFixed(0);
  return rounded.toString();
}

/** A fraction as `a/b`, or `a` when it is whole. */
export function showFraction(f: Fraction): string {
  const { s, n, d } = f as unknown as { s: bigint; n: bigint; d: bigint };
  const sign = s < 0n && n !== 0n ? "-" : "";
  return d === 1n ? `${sign}${n}` : `${sign}${n}/${d}`;
}

const texNumber = (text: string) => {
  const match = /^(-?[\d.]+)e([+-]?\d+)$/.exec(text);
  return match ? `${match[1]} \\times 10^{${Number(match[2])}}` : text;
};

function texFraction(f: Fraction): string {
  const { s, n, d } = f as unknown as { s: bigint; n: bigint; d: bigint };
  const sign = s < 0n && n !== 0n ? "-" : "";
  return d === 1n ? `${sign}${n}` : `${sign}\\frac{${n}}{${d}}`;
}

/** LaTeX of a value written as an expression, through mathjs's own toTex; none if it cannot be read. */
export function texOf(math: MathJsInstance, text: string): string | undefined {
  if (text.length > 5000) return undefined;
  try {
    return math.parse(text).toTex({ parenthesis: "auto", implicit: "hide" });
  } catch {
    return undefined;
  }
}

export type ShowOptions = {
  precision?: number;
  mode?: "number" | "bignumber" | "fraction";
  /** Describe a result too long to show (say, a matrix just stored in a variable) instead of refusing it. */
  summarizeLong?: boolean;
};

/** Describes a result for the structured answer; refuses what cannot be shown. */
export function show(math: MathJsInstance, value: unknown, options: ShowOptions = {}): Shown {
  const shown = describe(math, value, options);
  if (shown.value.length > MAX_RESULT_LENGTH && options.summarizeLong) {
    const size = isMatrix(value) ? value.size().join("×") + " " : "";
    return { value: `${size}${shown.type} (${shown.value.length} characters: too long to show here)`, type: shown.type };
  }
  if (shown.value.length > MAX_RESULT_LENGTH) {
    throw new ToolError(`the result is ${shown.value.length} characters long, more than the ${MAX_RESULT_LENGTH} that can be shown; ask for a part of it`);
  }
  return shown;
}

function describe(math: MathJsInstance, value: unknown, options: ShowOptions): Shown {
  if (typeof value === "number") {
    const text = showNumber(value, options.precision);
    return { value: text, type: "number", latex: texNumber(text) };
  }
  if (isBigNumber(value)) {
    const text = showBigNumber(value, options.precision ?? precisionOf(math));
    return { value: text, type: "bignumber", latex: texNumber(text) };
  }
  if (isFraction(value)) return { value: showFraction(value), type: "fraction", latex: texFraction(value) };
  if (isBigInt(value)) return { value: String(value), type: "bigint", latex: String(value) };
  if (typeof value === "boolean") return { value: String(value), type: "boolean" };
  if (typeof value === "string") return { value, type: "string" };
  if (isComplex(value)) {
    const text = formatComposite(math, value, options);
    return { value: text, type: "complex", latex: texOf(math, text) };
  }
  if (isUnit(value) || isMatrix(value) || Array.isArray(value)) {
    const text = formatComposite(math, value, options);
    const latex = texOf(math, text);
    return { value: text, type: isUnit(value) ? "unit" : "matrix", ...(latex ? { latex } : {}) };
  }
  if (typeof value === "function") {
    const fn = value as { syntax?: string; expr?: string };
    if (fn.syntax && fn.expr) return { value: `${fn.syntax} = ${fn.expr}`, type: "function", latex: texOf(math, `${fn.syntax} = ${fn.expr}`) };
    return { value: String((value as { name?: string }).name ?? "function"), type: "function" };
  }
  if (isResultSet(value)) {
    const entries = (value as unknown as { entries: unknown[] }).entries;
    if (entries.length === 0) return { value: "", type: "none" };
    return describe(math, entries[entries.length - 1], options);
  }
  if (value === undefined || value === null) return { value: String(value), type: "none" };
  if (isPlainObject(value)) {
    const text = math.format(value, { precision: options.precision ?? 14 });
    return { value: text, type: "object" };
  }
  throw new ToolError(`the result is a ${math.typeOf(value)}, which cannot be shown`);
}

const isPlainObject = (value: unknown) => typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Matrices and units through mathjs's format; bignumber elements keep the requested precision. */
function formatComposite(math: MathJsInstance, value: unknown, options: ShowOptions): string {
  const text = formatWith(math, value, options);
  // mathjs writes whole fractions inside matrices as 7/1; write them as 7.
  return options.mode === "fraction" ? text.replace(/(\d+)\/1(?!\d)/g, "$1") : text;
}

function formatWith(math: MathJsInstance, value: unknown, options: ShowOptions): string {
  if (isMatrix(value) || Array.isArray(value)) {
    // Non-finite elements are allowed inside a matrix (a plot of 1/x has them); scalars are refused.
    const precision = options.precision ?? (options.mode === "bignumber" ? precisionOf(math) : undefined);
    return precision === undefined ? math.format(value) : math.format(value, { precision });
  }
  const precision = options.precision ?? (options.mode === "bignumber" ? precisionOf(math) : undefined);
  return precision === undefined ? math.format(value) : math.format(value, { precision });
}
