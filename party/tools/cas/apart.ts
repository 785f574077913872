/**
 * @module Partial fractions by the engine, checked: the decomposition must equal the fraction at sample points.
 */
import { ToolError } from "../tool-error.ts";
import { hasInexact, headsOf } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import type { Algebra } from "./session.ts";
import { variablesOf } from "./variables.ts";
import { compareExpressions } from "./verify.ts";
import type { Verdict } from "./verify.ts";

export function partialFractions(algebra: Algebra, json: Json, variable: string): { result: Json; verdict: Verdict } {
  const result = algebra.run("the partial fractions", ({ ce }) => ce.box(["Apart", json, variable] as never).evaluate().json as Json);
  const heads = headsOf(result);
  if (heads.has("Apart") || heads.has("Error") || hasInexact(result)) {
    throw new ToolError("no exact partial fraction decomposition was found (the denominator must factor over the rationals)");
  }
  const verdict = compareExpressions(json, result, variablesOf(json), { budget: algebra.budget });
  if (verdict === "disagree") throw new ToolError("the partial fraction decomposition failed its numeric check, so it is not given; please report the expression");
  return { result, verdict };
}
