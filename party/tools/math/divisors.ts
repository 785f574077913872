/**
 * @module The gcd and lcm tools: of integers, and of polynomials with rational coefficients.
 */
import * as z from "zod";
import { defineTool } from "../registry.ts";
import { loadCas } from "../cas/engine.ts";
import { gcdOf, lcmOf } from "../cas/gcd.ts";
import { Algebra } from "../cas/session.ts";
import { algebraAnswer, algebraShape } from "./algebra-shape.ts";
import { pure } from "./schema.ts";

const values = z
  .array(z.union([z.number().int(), z.string().max(2000)]))
  .min(2)
  .max(10)
  .describe('Two to ten integers or polynomials, e.g. [12, 18] or ["x^2 - 1", "x^2 + 2x + 1"]');

function divisorTool(name: "gcd" | "lcm") {
  const greatest = name === "gcd";
  return defineTool({
    name,
    title: greatest ? "Greatest common divisor" : "Least common multiple",
    description: greatest
      ? "The greatest common divisor of integers ([12, 18] → 6), of fractions ([\"1/2\", \"3/4\"] → \"1/4\") or of polynomials ([\"x^2 - 1\", \"x^2 + 2x + 1\"] → \"x + 1\"), exactly."
      : "The least common multiple of integers ([4, 6] → 12), of fractions ([\"1/2\", \"3/4\"] → \"3/2\") or of polynomials ([\"x^2 - 1\", \"x^2 + 2x + 1\"] → \"x^3 + x^2 - x - 1\"), exactly.",
    inputSchema: z.strictObject({ values }),
    outputSchema: z.object(algebraShape),
    annotations: pure,
    handler: async ({ values: items }, context) => {
      await loadCas();
      const algebra = new Algebra(context);
      const json = items.map((v, k) => algebra.read(String(v), { what: `value ${k + 1}` }));
      const { result, kind } = (greatest ? gcdOf : lcmOf)(algebra, json);
      const answer = algebraAnswer(algebra, result, kind === "integer" ? "integer" : kind === "rational" ? "number" : "expression");
      return { structured: answer, text: `${name}(${items.map(String).join(", ")}) = ${answer.value}` };
    },
  });
}

export const gcdTool = divisorTool("gcd");
export const lcmTool = divisorTool("lcm");
