/**
 * @module Integrals by the engine. An antiderivative is differentiated back (numerically, at sample points,
 * negative ones included) before it is given; a definite integral's closed form is given only with the
 * numeric value beside it, which the integrate tool compares with its own quadrature.
 */
import { ToolError } from "../tool-error.ts";
import { hasInexact, headsOf } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import type { Algebra } from "./session.ts";
import { variablesOf } from "./variables.ts";
import { checkDerivative } from "./verify.ts";
import type { Verdict } from "./verify.ts";

const unsolved = (json: Json) => {
  const heads = headsOf(json);
  return heads.has("Integrate") || heads.has("Error") || json === "NaN" || json === "ComplexInfinity";
};

/** F with F' = f, checked; undefined when the engine finds no closed form. */
export function antiderivative(algebra: Algebra, json: Json, variable: string): { result: Json; verdict: Verdict; exact: boolean } | undefined {
  const result = algebra.run("the integral", ({ ce }) => ce.box(["Integrate", json, variable] as never).evaluate().json as Json);
  if (unsolved(result)) return undefined;
  const verdict = checkDerivative(result, json, variable, variablesOf(json).filter((v) => v !== variable), algebra.budget);
  if (verdict === "disagree") {
    console.error("antiderivative failed its check:", JSON.stringify(json), "→", JSON.stringify(result));
    throw new ToolError("the antiderivative the algebra engine found failed its check (differentiating it back), so it is not given; please report the expression");
  }
  return { result, verdict, exact: !hasInexact(result) };
}

/** The exact value of ∫ₐᵇ f (±∞ when it diverges that way); undefined when no closed form is found. */
export function definiteExact(algebra: Algebra, json: Json, variable: string, from: Json, to: Json): Json | undefined {
  const result = algebra.run("the integral", ({ ce }) => ce.box(["Integrate", json, ["Limits", variable, from, to]] as never).evaluate().json as Json);
  if (unsolved(result) || hasInexact(result)) return undefined;
  return result;
}
