/**
 * @module Numeric values of exact answers (the engine's own N() for functions this service does not
 * evaluate itself, such as Si), and of an expression along a sequence approaching a point.
 */
import type { C as Complex } from "./complex.ts";
import * as C from "./complex.ts";
import { compileNumeric, numericValue, Unsupported } from "./evaluate-numeric.ts";
import { TooInvolved } from "./engine.ts";
import { args, head, isNum } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import type { Algebra } from "./session.ts";

/** The largest |y·ln x| an exponential in an expression may have for the engine to evaluate it (e^100000 ≈ 10^43429). */
export const MAX_EXPONENT = 100_000;

/**
 * Whether the engine's N() may be asked for json: its decimal arithmetic takes time in proportion to the
 * size of an exponential's exponent, in one step its meter cannot stop (e^123456789 took 99 s), so one
 * whose exponent is past MAX_EXPONENT is not evaluated.
 */
export function engineMayEvaluate(json: Json): boolean {
  const h = head(json);
  if (!h) return true;
  const parts = args(json);
  const size = (node: Json) => {
    const v = numericValue(node);
    return v ? Math.hypot(v.re, v.im) : Number.NaN;
  };
  let exponent = 0;
  if (h === "Exp" || h === "Sinh" || h === "Cosh" || h === "Tanh") exponent = size(parts[0]!);
  // A base that is 0 in doubles may be a tiny number, or a sum that cancels exactly (cos(1)² + sin(1)² − 1):
  // it counts as the smallest double, not as −∞.
  if (h === "Power") exponent = size(parts[1]!) * Math.max(1, Math.abs(Math.log(Math.max(size(parts[0]!), Number.MIN_VALUE))));
  if (!(exponent <= MAX_EXPONENT) && !Number.isNaN(exponent)) return false;
  return parts.every(engineMayEvaluate);
}

/** Steps one numeric value may take of the engine. */
export const MAX_APPROXIMATION_TICKS = 30_000;

/** A constant expression's value: by this service's evaluator, else by the engine at 30 digits. */
export function approximate(algebra: Algebra, json: Json): Complex | undefined {
  const direct = numericValue(json);
  if (direct && Number.isFinite(direct.re) && Number.isFinite(direct.im)) return direct;
  if (!engineMayEvaluate(json)) return undefined;
  let value: { re: unknown; im: unknown; json: Json };
  try {
    // A value that would take more than a share of the call is not available (erfi(100) sums 10^4 terms
    // of thousands of digits each): the caller goes on without it.
    value = algebra.run("a numeric value", ({ ce }) => {
      const n = ce.box(json as never).N();
      return { re: n.re, im: n.im, json: n.json as Json };
    }, MAX_APPROXIMATION_TICKS);
  } catch (error) {
    if (error instanceof TooInvolved) return undefined;
    throw error;
  }
  if (typeof value.re === "number" && Number.isFinite(value.re)) return C.c(value.re, typeof value.im === "number" && Number.isFinite(value.im) ? value.im : 0);
  if (typeof value.json === "number") return C.c(value.json);
  if (isNum(value.json)) return C.c(Number.parseFloat(value.json.num));
  return direct;
}

/** f as a function of one real variable (others fixed by `values`); undefined where it cannot be evaluated. */
export function realFunctionOf(json: Json, variable: string): ((x: number) => number | undefined) | undefined {
  let f: ReturnType<typeof compileNumeric>;
  try {
    f = compileNumeric(json);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return (x) => {
    try {
      const v = f(new Map([[variable, C.c(x)]]));
      if (Math.abs(v.im) > 1e-12 * Math.max(1, Math.abs(v.re))) return undefined;
      return v.re;
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
  };
}
