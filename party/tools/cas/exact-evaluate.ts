/**
 * @module Exact evaluation: sin(π/6) = 1/2, (1 + 2i)³ = −11 − 2i, Γ(1/2)² = π, √8 = 2√2; with a decimal
 * approximation beside the exact value.
 */
import { ToolError } from "../tool-error.ts";
import { MAX_CAS_PRECISION } from "./caps.ts";
import { args, head, headsOf, integer, isNum, mapTree, rationalValue } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { approximate, engineMayEvaluate } from "./numeric-check.ts";
import type { Algebra } from "./session.ts";

/** Γ(n + 1/2) = (2n)!/(4ⁿ n!)·√π and Γ(1/2 − n) = (−4)ⁿ n!/(2n)!·√π, which the engine leaves unevaluated. */
function halfIntegerGamma(node: Json): Json {
  if (head(node) !== "Gamma") return node;
  const q = rationalValue(args(node)[0]!);
  if (!q || q.d !== 2n) return node;
  const n = (q.n - 1n) / 2n;
  const factorial = (k: bigint) => {
    let f = 1n;
    for (let i = 2n; i <= k; i++) f *= i;
    return f;
  };
  if (n < -200n || n > 200n) return node;
  const [top, bottom] = n >= 0n ? [factorial(2n * n), 4n ** n * factorial(n)] : [(-4n) ** -n * factorial(-n), factorial(-2n * n)];
  return ["Multiply", ["Rational", integer(top), integer(bottom)], ["Sqrt", "Pi"]];
}

export type ExactValue = { result: Json; approximation?: string };

export function evaluateExact(algebra: Algebra, json: Json, precision?: number): ExactValue {
  const prepared = mapTree(json, halfIntegerGamma);
  const result = algebra.run("the value", ({ ce }) => {
    const value = ce.box(prepared as never).evaluate();
    return value.simplify().json as Json;
  });
  if (headsOf(result).has("Error")) throw new ToolError("the expression has no value (check the functions and their arguments)");
  if (result === "NaN") throw new ToolError("the result is not a number (undefined), e.g. 0/0 or 0^0");
  if (result === "ComplexInfinity") throw new ToolError("the result is infinite (a division by zero)");
  return { result, approximation: approximationOf(algebra, result, precision) };
}

/** The decimal value beside an exact one: to 15 digits (or `precision`), past the range of doubles too. */
export function approximationOf(algebra: Algebra, result: Json, precision?: number): string | undefined {
  if (precision && precision > 15) {
    if (precision > MAX_CAS_PRECISION) throw new ToolError(`precision must be at most ${MAX_CAS_PRECISION}`);
    if (!engineMayEvaluate(result)) return undefined;
    return algebra.run("the value", ({ ce }) => {
      const saved = ce.precision;
      ce.precision = precision;
      try {
        const n = ce.box(result as never).N();
        return algebra.text(n.json as Json);
      } finally {
        ce.precision = saved;
      }
    });
  }
  const value = approximate(algebra, result);
  if (!value) return undefined;
  const digits = Math.min(precision ?? 15, 15);
  if (!Number.isFinite(value.re) || !Number.isFinite(value.im)) return beyondDoubles(algebra, result, digits);
  // Below the range of doubles a value reads 0 (√2/e^1234): the engine's decimals say how small it is.
  if (value.re === 0 && value.im === 0 && result !== 0) return beyondDoubles(algebra, result, digits) ?? "0";
  const re = Number(value.re.toPrecision(digits));
  const im = Number(value.im.toPrecision(digits));
  if (Math.abs(im) <= 1e-14 * Math.max(1, Math.abs(re))) return String(re);
  return `${re === 0 ? "" : `${re} ${im < 0 ? "-" : "+"} `}${re === 0 && im < 0 ? "-" : ""}${Math.abs(im)}i`;
}

/** A real value past the range of doubles (e^1234 ≈ 8.30597593736179e+535), from the engine's decimals; else none. */
function beyondDoubles(algebra: Algebra, result: Json, digits: number): string | undefined {
  if (!engineMayEvaluate(result)) return undefined;
  const n = algebra.run("the value", ({ ce }) => ce.box(result as never).N().json as Json);
  // 8.30597593736179421826e+535, or all its digits (e^12345 − 1 comes written out).
  const match = isNum(n) ? /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(n.num) : null;
  if (!match) return undefined;
  const [, sign, whole = "", fraction = "", written = "0"] = match;
  const digitsText = `${whole}${fraction}`;
  const lead = digitsText.search(/[1-9]/);
  if (lead < 0) return undefined;
  const exponent = Number(written) + whole.length - 1 - lead;
  const mantissa = Number(`${digitsText[lead]}.${digitsText.slice(lead + 1, lead + 20)}`);
  // 9.99999… rounds up to 10: carry into the exponent.
  const shown = Number(mantissa.toPrecision(digits));
  const [m, e] = shown >= 10 ? [shown / 10, exponent + 1] : [shown, exponent];
  return `${sign}${m}e${e >= 0 ? "+" : ""}${e}`;
}
