/**
 * @module What the algebra tools answer: the value as mathjs text and as LaTeX, whether it is exact, and
 * whether it passed its numeric check.
 */
import * as z from "zod";
import { hasInexact } from "../cas/mathjson.ts";
import type { Json } from "../cas/mathjson.ts";
import type { Algebra } from "../cas/session.ts";
import type { Verdict } from "../cas/verify.ts";
import { resultShape } from "./schema.ts";

export const algebraShape = {
  ...resultShape,
  latex: z.string().describe("The result in LaTeX"),
  exact: z.boolean().describe("true when the value is exact (no decimal approximations in it)"),
  checked: z.boolean().describe("true when the answer was confirmed numerically at sample points, negative values included"),
};

export type AlgebraAnswer = { value: string; type: string; latex: string; exact: boolean; checked: boolean };

/** The structured answer for one expression the engine gave. */
export function algebraAnswer(algebra: Algebra, json: Json, type: string, verdict: Verdict = "agree"): AlgebraAnswer {
  return { value: algebra.text(json), type, latex: algebra.latex(json), exact: !hasInexact(json), checked: verdict === "agree" };
}

/** Why a value is not marked exact, for the text a person reads. */
export function caveat(answer: AlgebraAnswer): string {
  if (!answer.exact) return " (some coefficients are decimal approximations)";
  return "";
}

export const variableInput = z.string().describe("The variable, e.g. \"x\"");
