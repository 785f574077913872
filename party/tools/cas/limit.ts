/**
 * @module Limits by the engine, cross-checked against the expression's values along sequences that
 * approach the point (from the side asked). An answer the numbers contradict is never given; a
 * two-sided limit the engine leaves open is settled from its one-sided limits when they differ.
 */
import { ToolError } from "../tool-error.ts";
import { args, hasInexact, head, headsOf, mentions, substitute } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { approximate, realFunctionOf } from "./numeric-check.ts";
import type { Algebra } from "./session.ts";
import type { Verdict } from "./verify.ts";

export type Side = "both" | "left" | "right";
export type Limit = { result: Json; verdict: Verdict; exact: boolean; note?: string; numeric?: boolean };

const INFINITE = new Set(["PositiveInfinity", "NegativeInfinity"]);

/**
 * Points approaching `point` from one side: x₀ ± 2⁻ᵏ·s, or ±2ᵏ towards ±∞ (powers of two keep 1 + 1/n
 * exact), up to 2^34, and for a claimed infinite limit on to 2^1000 (x/ln x grows past e^51 near 2^78).
 */
function approach(point: number, side: 1 | -1, far = false): number[] {
  if (!Number.isFinite(point)) {
    const near = Array.from({ length: 34 }, (_, k) => 2 ** (k + 1));
    const beyond = far ? Array.from({ length: 97 }, (_, k) => 2 ** (40 + 10 * k)) : [];
    return [...near, ...beyond].map((x) => Math.sign(point) * x);
  }
  const scale = Math.max(1, Math.abs(point));
  return Array.from({ length: 30 }, (_, k) => point + side * scale * 2 ** -(k + 3)).filter((x) => x !== point);
}

/**
 * What the values along the sequence say about a claimed limit L (a number or ±∞). Rounding spoils the
 * values close to the point, so agreement anywhere along the way counts, and disagreement needs the
 * values to have settled clearly on something else.
 */
export function numericVerdict(f: (x: number) => number | undefined, points: number[], claimed: number): Verdict {
  const values: number[] = [];
  let overflow = 0;
  for (const x of points) {
    const y = f(x);
    if (y === undefined || Number.isNaN(y)) continue;
    if (!Number.isFinite(y)) {
      overflow = Math.sign(y);
      break;
    }
    values.push(y);
  }
  // Past the range of doubles on the claimed side (e^x/x^100 overflows long before it grows): no evidence either way.
  if (!Number.isFinite(claimed) && overflow === Math.sign(claimed) && values.length < points.length - 1) {
    const last = values.at(-1);
    if (last === undefined || Math.sign(last) !== -overflow) return "unknown";
  }
  if (values.length < 6) return "unknown";
  const settledAt = (k: number, scale: number) =>
    Math.abs(values[k]! - values[k + 1]!) <= 1e-10 * scale && Math.abs(values[k + 1]! - values[k + 2]!) <= 1e-10 * scale;
  if (!Number.isFinite(claimed)) {
    const last = values.at(-1)!;
    const tail = values.slice(-10);
    const growing = tail.every((y, k) => k === 0 || Math.abs(y) > Math.abs(tail[k - 1]!));
    if (Math.sign(last) === Math.sign(claimed) && growing && Math.abs(last) >= 10 * Math.max(1, Math.abs(values[0]!))) return "agree";
    for (let k = 0; k + 2 < values.length; k++) if (settledAt(k, Math.max(1, Math.abs(values[k]!)))) return "disagree";
    if (Math.sign(last) !== Math.sign(claimed) && Math.abs(last) > 1e6) return "disagree";
    return "unknown";
  }
  const scale = Math.max(1, Math.abs(claimed));
  const distances = values.map((y) => Math.abs(y - claimed));
  if (Math.min(...distances) <= 1e-7 * scale) return "agree";
  // Settled, and staying there to the end: Γ(x^x) below π is 10^12, 10^22, 10^30 on the way to
  // Γ(π^π) ≈ 5·10^40, each step far below 10^-10 of the limit; x^(3200/3) left of 1 is 10^-62, then
  // 10^-30, before it climbs to 1.
  const stays = (k: number) => values.slice(k).every((v) => Math.abs(v - values[k]!) <= 1e-6 * Math.max(1, Math.abs(values[k]!), Math.abs(claimed)));
  for (let k = 0; k + 2 < values.length; k++) if (settledAt(k, scale) && distances[k + 2]! > 1e-4 * scale && stays(k)) return "disagree";
  const early = distances.slice(0, 12);
  if (early.every((d, k) => k === 0 || d <= early[k - 1]! * 1.0001) && early.at(-1)! < early[0]! * 0.5) return "agree";
  return "unknown";
}

/** A sum without its terms free of the variable (when they are finite numbers); anything else as it is. */
function withoutConstantTerms(algebra: Algebra, json: Json, variable: string): Json {
  const h = head(json);
  if (h !== "Add" && h !== "Subtract") return json;
  const terms = h === "Add" ? args(json) : [args(json)[0]!, ["Negate", args(json)[1]!] as Json];
  const [varying, constant] = [terms.filter((t) => mentions(t, variable)), terms.filter((t) => !mentions(t, variable))];
  if (!varying.length || !constant.length) return json;
  const finite = constant.every((t) => {
    const v = approximate(algebra, t);
    return v !== undefined && Number.isFinite(v.re) && Number.isFinite(v.im);
  });
  return finite ? (varying.length === 1 ? varying[0]! : ["Add", ...varying]) : json;
}

function engineLimit(algebra: Algebra, json: Json, variable: string, point: Json, side: Side): Json {
  const direction = side === "right" ? [1] : side === "left" ? [-1] : [];
  return algebra.run("the limit", ({ ce }) => ce.box(["Limit", ["Function", json, variable], point, ...direction] as never).evaluate().json as Json);
}

function claimedValue(algebra: Algebra, result: Json): number | undefined {
  if (result === "PositiveInfinity") return Number.POSITIVE_INFINITY;
  if (result === "NegativeInfinity") return Number.NEGATIVE_INFINITY;
  const value = approximate(algebra, result);
  return value && Math.abs(value.im) <= 1e-12 * Math.max(1, Math.abs(value.re)) ? value.re : undefined;
}

/** What the values along the approach say about a claimed limit. */
function oneLimitCheck(algebra: Algebra, json: Json, variable: string, pointValue: number, side: Side, result: Json): Verdict {
  const claimed = claimedValue(algebra, result);
  // Towards an infinite limit a constant term changes nothing, and in doubles it can hide everything
  // (ln x − 10^30 is −10^30 to the last bit at x = 2^1000): check without it.
  const f = realFunctionOf(claimed !== undefined && !Number.isFinite(claimed) ? withoutConstantTerms(algebra, json, variable) : json, variable);
  if (claimed === undefined || !f) return "unknown";
  const sides: (1 | -1)[] = !Number.isFinite(pointValue) ? [1] : side === "right" ? [1] : side === "left" ? [-1] : [1, -1];
  const verdicts = sides.map((s) => numericVerdict(f, approach(pointValue, s, !Number.isFinite(claimed)), claimed));
  return verdicts.includes("disagree") ? "disagree" : verdicts.every((v) => v === "agree") ? "agree" : "unknown";
}

function oneLimit(algebra: Algebra, json: Json, variable: string, point: Json, pointValue: number, side: Side): Limit | undefined {
  const result = engineLimit(algebra, json, variable, point, side);
  const heads = headsOf(result);
  if (heads.has("Limit") || heads.has("Error") || result === "NaN" || result === "ComplexInfinity") return undefined;
  return { result, verdict: oneLimitCheck(algebra, json, variable, pointValue, side, result), exact: !hasInexact(result) };
}

export function limit(algebra: Algebra, json: Json, variable: string, point: Json, side: Side): Limit {
  const pointValue = point === "PositiveInfinity" ? Infinity : point === "NegativeInfinity" ? -Infinity : approximate(algebra, point)?.re;
  if (pointValue === undefined || Number.isNaN(pointValue)) throw new ToolError("the point must be a real number, or inf or -inf");
  if (!Number.isFinite(pointValue) && side !== "both") throw new ToolError("a limit at infinity has only one side; leave direction out");
  // The engine substitutes the point: the numbers that makes must be computable ((10^-300)^x at x = -1 is
  // 10^300, and to the 1566th power 8 s of one step).
  if (Number.isFinite(pointValue)) algebra.expect(substitute(json, new Map([[variable, point]])), "the expression at the point");
  const found = oneLimit(algebra, json, variable, point, pointValue, side);
  if (found?.verdict === "disagree") {
    console.error("limit failed its check:", JSON.stringify(json), JSON.stringify(point), side, "→", JSON.stringify(found.result));
    throw new ToolError("the limit could not be determined reliably (the algebra engine's answer failed its numeric check)");
  }
  if (found) return found;
  if (side === "both" && Number.isFinite(pointValue)) {
    // The engine leaves a two-sided limit open when the sides differ: say so, with both sides.
    const left = oneLimit(algebra, json, variable, point, pointValue, "left");
    const right = oneLimit(algebra, json, variable, point, pointValue, "right");
    if (left && right && left.verdict !== "disagree" && right.verdict !== "disagree" && JSON.stringify(left.result) !== JSON.stringify(right.result)) {
      return {
        result: "Nothing",
        verdict: left.verdict === "agree" && right.verdict === "agree" ? "agree" : "unknown",
        exact: true,
        note: `the limit does not exist: from the left it is ${algebra.text(left.result)}, from the right ${algebra.text(right.result)}`,
      };
    }
  }
  // f^g: lim e^(g·log f) = e^(lim g·log f), which the engine finds where it misses the power ((1 − 3/x)^x).
  if (head(json) === "Power" && mentions(args(json)[1]!, variable)) {
    const [base, exponent] = args(json) as [Json, Json];
    const inner = oneLimit(algebra, ["Multiply", exponent, ["Ln", base]], variable, point, pointValue, side);
    if (inner && inner.verdict !== "disagree") {
      const result = inner.result === "NegativeInfinity" ? 0 : inner.result === "PositiveInfinity" ? "PositiveInfinity" : algebra.run("the limit", ({ ce }) => ce.box(["Exp", inner.result] as never).evaluate().json as Json);
      const check = oneLimitCheck(algebra, json, variable, pointValue, side, result);
      if (check !== "disagree") return { result, verdict: check, exact: !hasInexact(result) };
    }
  }
  const estimate = numericLimit(json, variable, pointValue, side);
  if (estimate) return estimate;
  throw new ToolError("no limit was found (it may not exist, or be beyond what the algebra engine can do)");
}

/**
 * When the engine finds nothing, the values along the approach: 0 or ±∞ when they plainly go there, or
 * a finite value when Richardson extrapolation of the sequence settles (to 10 digits), shown as a
 * decimal (or the small fraction it equals to that accuracy). Marked as found numerically, never exact.
 */
function numericLimit(json: Json, variable: string, point: number, side: Side): Limit | undefined {
  const f = realFunctionOf(json, variable);
  if (!f) return undefined;
  const sides: (1 | -1)[] = !Number.isFinite(point) ? [1] : side === "right" ? [1] : side === "left" ? [-1] : [1, -1];
  const trends = sides.map((s) => {
    const values = approach(point, s).map(f).filter((y): y is number => y !== undefined && Number.isFinite(y));
    if (values.length < 12) return undefined;
    const tail = values.slice(-12);
    const shrinking = tail.every((y, k) => k === 0 || Math.abs(y) < Math.abs(tail[k - 1]!));
    if (shrinking && Math.abs(tail.at(-1)!) < 1e-7 * Math.max(1, Math.abs(values[0]!))) return 0;
    const growing = tail.every((y, k) => k === 0 || (Math.abs(y) > Math.abs(tail[k - 1]!) && Math.sign(y) === Math.sign(tail[0]!)));
    if (growing && Math.abs(tail.at(-1)!) > 1e7 * Math.max(1, Math.abs(values[0]!))) return tail[0]! > 0 ? Infinity : -Infinity;
    return extrapolate(values.slice(4, 22));
  });
  if (trends.some((t) => t === undefined)) return undefined;
  const [first, ...others] = trends as number[];
  if (others.some((t) => !(t === first || Math.abs(t - first!) <= 1e-9 * Math.max(1, Math.abs(first!))))) return undefined;
  return { result: numberJson(first!), verdict: "unknown", exact: false, numeric: true };
}

/** The limit of a sequence whose error halves (or shrinks by a fixed ratio) each step, if it settles. */
function extrapolate(values: number[]): number | undefined {
  if (values.length < 8) return undefined;
  // Richardson with ratio 2, then 4, 8 …: errors in 1/x, 1/x², … at points 2^k cancel column by column.
  let column = values;
  const estimates: number[] = [];
  for (let order = 1; order <= 4 && column.length > 2; order++) {
    const factor = 2 ** order;
    column = column.slice(1).map((v, k) => (factor * v - column[k]!) / (factor - 1));
    estimates.push(column.at(-1)!, column.at(-2)!);
  }
  const last = estimates.slice(-4);
  const spread = Math.max(...last) - Math.min(...last);
  const size = Math.max(1, Math.abs(last[0]!));
  return spread <= 1e-10 * size ? last.at(-1) : undefined;
}

/** A numeric limit as MathJSON: the small fraction it is to 10 digits, else the decimal. */
function numberJson(x: number): Json {
  if (!Number.isFinite(x)) return x > 0 ? "PositiveInfinity" : "NegativeInfinity";
  for (let d = 1; d <= 12; d++) {
    const n = Math.round(x * d);
    if (Math.abs(x - n / d) <= 1e-10 * Math.max(1, Math.abs(x))) return d === 1 ? n : ["Rational", n, d];
  }
  return { num: String(Number(x.toPrecision(12))) };
}

export const isInfinite = (json: Json) => typeof json === "string" && INFINITE.has(json);
