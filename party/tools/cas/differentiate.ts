/**
 * @module Derivatives by the engine, each order checked against difference quotients at sample points,
 * then simplified (and that checked too).
 */
import { ToolError } from "../tool-error.ts";
import { headsOf, nodeCount } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { MAX_CAS_NODES } from "./caps.ts";
import { TOO_INVOLVED, TooInvolved } from "./engine.ts";
import { ownDerivative } from "./own-derivative.ts";
import type { Algebra } from "./session.ts";
import { tidy } from "./simplify.ts";
import { variablesOf } from "./variables.ts";
import { checkDerivative } from "./verify.ts";
import type { Verdict } from "./verify.ts";

/** A derivative may grow; past this many parts it is refused rather than shown. */
const MAX_DERIVATIVE_NODES = 20 * MAX_CAS_NODES;

/** Steps the engine's `D` may take before our own rules take over: a first derivative takes a few thousand. */
const MAX_ENGINE_DERIVATIVE_TICKS = 15_000;

/** The engine's derivative, or undefined when it would take more than its share of the call. */
function engineDerivative(algebra: Algebra, json: Json, variable: string): Json | undefined {
  try {
    return algebra.run("the derivative", ({ ce }) => ce.box(["D", json, variable] as never).evaluate().json as Json, MAX_ENGINE_DERIVATIVE_TICKS);
  } catch (error) {
    if (error instanceof TooInvolved) return undefined;
    throw error;
  }
}

export function differentiate(algebra: Algebra, json: Json, variable: string, order = 1): { result: Json; verdict: Verdict } {
  let current = json;
  let verdict: Verdict = "agree";
  for (let k = 1; k <= order; k++) {
    const step = current;
    const raw = engineDerivative(algebra, step, variable) ?? ownDerivative(step, variable);
    if (raw === undefined) throw new TooInvolved(TOO_INVOLVED("the derivative"));
    const heads = headsOf(raw);
    if (heads.has("D") || heads.has("Derivative") || heads.has("Error")) {
      throw new ToolError("the derivative could not be worked out symbolically (is every function differentiable here?)");
    }
    if (nodeCount(raw, MAX_DERIVATIVE_NODES + 1) > MAX_DERIVATIVE_NODES) {
      throw new ToolError("the derivative grows too large to show; try a lower order or a simpler expression");
    }
    const check = checkDerivative(step, raw, variable, variablesOf(step).filter((v) => v !== variable), algebra.budget);
    if (check === "disagree") throw new ToolError("the derivative failed its numeric check, so it is not given; please report the expression");
    if (check === "unknown") verdict = "unknown";
    const simplified = tidy(algebra, raw);
    current = simplified.result;
    if (simplified.verdict === "unknown") verdict = "unknown";
  }
  return { result: current, verdict };
}
