/**
 * @module Simplification by the engine, checked: the simplified form must agree with the original at
 * sample points where the assumptions hold (negative values included, so √(x²) can only become |x|).
 */
import { ToolError } from "../tool-error.ts";
import { TooInvolved } from "./engine.ts";
import { assumptionFilter, integerVariables } from "./assumptions.ts";
import * as C from "./complex.ts";
import { MAX_SIMPLIFY_DEGREE } from "./caps.ts";
import { headsOf, largestDegree } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import type { Algebra } from "./session.ts";
import { variablesOf } from "./variables.ts";
import { compareExpressions, samplePoints } from "./verify.ts";
import type { Verdict } from "./verify.ts";

export type Simplified = { result: Json; verdict: Verdict };

/** Sample points for a check: integer variables get integer values. */
export function pointsFor(variables: readonly string[], assumptions: readonly Json[]) {
  const integers = integerVariables(assumptions);
  const points = samplePoints(variables, 24);
  if (integers.size === 0) return points;
  return points.map((p, k) => {
    const q = new Map(p);
    for (const name of integers) if (q.has(name)) q.set(name, C.c(((k * 7) % 13) - 6));
    return q;
  });
}

/** Whether two expressions agree wherever the assumptions hold. */
export function agreeUnder(a: Json, b: Json, assumptions: readonly Json[], algebra: Algebra): Verdict {
  const variables = [...new Set([...variablesOf(a), ...variablesOf(b)])];
  return compareExpressions(a, b, variables, { real: true, accept: assumptionFilter(assumptions), points: pointsFor(variables, assumptions), budget: algebra.budget });
}

/** Gives the assumptions to the engine (inside the run's own scope); a contradiction is refused. */
export function assume(ce: { assume(p: unknown): unknown; box(j: unknown): unknown }, assumptions: readonly Json[]): void {
  for (const assumption of assumptions) {
    const answer = ce.assume(ce.box(assumption));
    if (answer === "contradiction") throw new ToolError("the assumptions contradict each other");
  }
}

/** The simplified form when the engine finds it within its work, else the expression as it is (still right). */
export function tidy(algebra: Algebra, json: Json): Simplified {
  try {
    return simplify(algebra, json);
  } catch (error) {
    if (error instanceof TooInvolved) return { result: json, verdict: "agree" };
    throw error;
  }
}

export function simplify(algebra: Algebra, json: Json, assumptions: readonly Json[] = []): Simplified {
  const degree = largestDegree(json);
  if (degree > MAX_SIMPLIFY_DEGREE) throw new TooInvolved(`powers of a variable above degree ${MAX_SIMPLIFY_DEGREE} are not simplified (this one has degree ${degree})`);
  const [result, canonical] = algebra.run("the simplification", ({ ce }) => {
    assume(ce, assumptions);
    const boxed = ce.box(json as never);
    return [boxed.simplify().json as Json, boxed.json as Json] as const;
  });
  if (headsOf(result).has("Error")) throw new ToolError("the expression is not valid mathematics (check the functions and their arguments)");
  const verdict = agreeUnder(json, result, assumptions, algebra);
  // A simplification that does not hold everywhere it should is not an answer: keep the expression as it was.
  if (verdict === "disagree") {
    console.error("simplification failed its check:", JSON.stringify(json), "→", JSON.stringify(result));
    return { result: canonical, verdict: agreeUnder(json, canonical, assumptions, algebra) };
  }
  return { result, verdict };
}
