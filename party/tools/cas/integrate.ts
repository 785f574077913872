/**
 * @module Integrals by the engine. An antiderivative is differentiated back (numerically, at sample points,
 * negative ones included) before it is given; a definite integral's closed form is given only with the
 * numeric value beside it, which the integrate tool compares with its own quadrature.
 */
import { ToolError } from "../tool-error.ts";
import { elementaryAntiderivative } from "./integrate-elementary.ts";
import { MAX_ENGINE_EXPANDED_POWER, MAX_ENGINE_INTEGRATE_DEGREE } from "./caps.ts";
import { hasInexact, headsOf, largestDegree, largestExpandedPower, mentions, substitute } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { numericValue } from "./evaluate-numeric.ts";
import type { Algebra } from "./session.ts";
import { variablesOf } from "./variables.ts";
import { checkDerivative } from "./verify.ts";
import type { Verdict } from "./verify.ts";

const unsolved = (json: Json) => {
  const heads = headsOf(json);
  return heads.has("Integrate") || heads.has("Error") || json === "NaN" || json === "ComplexInfinity";
};

/** Whether the engine's integrator may be given json (no power of a sum that expands to many terms, no high degree). */
const engineMayIntegrate = (json: Json) => largestExpandedPower(json) <= MAX_ENGINE_EXPANDED_POWER && largestDegree(json) <= MAX_ENGINE_INTEGRATE_DEGREE;

/** F with F' = f, checked; undefined when the engine finds no closed form. */
export function antiderivative(algebra: Algebra, json: Json, variable: string): { result: Json; verdict: Verdict; exact: boolean } | undefined {
  // P(x)·e^(αx)·sin/cos(βx) in closed form first: exact, and no search (the engine misses x·sin(3x)).
  const elementary = elementaryAntiderivative(json, variable, algebra.budget);
  if (!elementary && !engineMayIntegrate(json)) return undefined;
  const result = elementary ?? algebra.run("the integral", ({ ce }) => ce.box(["Integrate", json, variable] as never).evaluate().json as Json);
  if (unsolved(result)) return undefined;
  const verdict = checkDerivative(result, json, variable, variablesOf(json).filter((v) => v !== variable), algebra.budget);
  if (verdict === "disagree") {
    console.error("antiderivative failed its check:", JSON.stringify(json), "→", JSON.stringify(result));
    throw new ToolError("the antiderivative the algebra engine found failed its check (differentiating it back), so it is not given; please report the expression");
  }
  return { result, verdict, exact: !hasInexact(result) };
}

/** The largest finite limit of integration the engine's definite integrator is given (2^50). */
const MAX_ENGINE_LIMIT = 2 ** 50;

/**
 * The exact value of ∫ₐᵇ f (±∞ when it diverges that way); undefined when no closed form is found.
 * `entire`: it is F(b) − F(a) for an antiderivative that is smooth everywhere (P(x)·e^(αx)·sin(βx)), so
 * right without a numeric confirmation, which doubles cannot give past e^709.
 */
export function definiteExact(algebra: Algebra, json: Json, variable: string, from: Json, to: Json): { value: Json; entire: boolean } | undefined {
  // F(b) − F(a) from a closed-form antiderivative of its own (smooth everywhere), between finite limits.
  const finite = (j: Json) => j !== "PositiveInfinity" && j !== "NegativeInfinity";
  // A constant c integrates to c·(b − a), however large (quadrature cannot confirm (10^642 − 24)^6).
  if (finite(from) && finite(to) && !mentions(json, variable)) {
    return { value: algebra.run("the integral", ({ ce }) => ce.box(["Multiply", json, ["Subtract", to, from]] as never).evaluate().json as Json), entire: true };
  }
  const F = finite(from) && finite(to) ? elementaryAntiderivative(json, variable, algebra.budget) : undefined;
  if (F) {
    const at = (point: Json) => substitute(F, new Map([[variable, point]]));
    return { value: algebra.run("the integral", ({ ce }) => ce.box(["Subtract", at(to), at(from)] as never).evaluate().simplify().json as Json), entire: true };
  }
  // The engine lists the poles of sec, tan, … between the limits counting in doubles: past 2^53 its count
  // stops moving, and ∫ sec(x) from −10^300 ran out of memory listing one pole forever.
  const far = (j: Json) => finite(j) && !(Math.abs(numericValue(j)?.re ?? Number.POSITIVE_INFINITY) <= MAX_ENGINE_LIMIT);
  if (!engineMayIntegrate(json) || far(from) || far(to)) return undefined;
  const result = algebra.run("the integral", ({ ce }) => ce.box(["Integrate", json, ["Limits", variable, from, to]] as never).evaluate().json as Json);
  if (unsolved(result) || hasInexact(result)) return undefined;
  return { value: result, entire: false };
}
