/**
 * @module Assumptions such as "x > 0" or "n integer": read into MathJSON, given to the engine inside a
 * call's own scope, and turned into a filter on sample points so answers are checked where they hold.
 */
import { ToolError } from "../tool-error.ts";
import type { C as Complex } from "./complex.ts";
import { compileNumeric } from "./evaluate-numeric.ts";
import { args, head } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import type { Algebra } from "./session.ts";

export const MAX_ASSUMPTIONS = 10;

const WORDS: Record<string, (x: string) => Json> = {
  integer: (x) => ["Element", x, "Integers"],
  real: (x) => ["Element", x, "RealNumbers"],
  positive: (x) => ["Greater", x, 0],
  negative: (x) => ["Less", x, 0],
  nonnegative: (x) => ["GreaterEqual", x, 0],
  nonpositive: (x) => ["LessEqual", x, 0],
  nonzero: (x) => ["NotEqual", x, 0],
};

const RELATIONS = new Set(["Greater", "Less", "GreaterEqual", "LessEqual", "NotEqual", "Element", "And"]);

/** "x > 0", "x >= 1", "0 < x < 1", "n integer", "x is positive", "y real". */
export function readAssumptions(algebra: Algebra, texts: readonly string[]): Json[] {
  if (texts.length > MAX_ASSUMPTIONS) throw new ToolError(`at most ${MAX_ASSUMPTIONS} assumptions at once`);
  return texts.flatMap((text) => {
    const words = /^\s*([A-Za-z][A-Za-z0-9_]*)\s+(?:is\s+)?(?:an?\s+)?(integer|real|positive|negative|nonnegative|nonpositive|nonzero)\s*$/i.exec(text);
    if (words) return [WORDS[words[2]!.toLowerCase()]!(algebra.symbol(words[1]!))];
    const names = [...new Set(text.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [])];
    const json = algebra.read(text, { relations: true, bound: names, what: `the assumption ${JSON.stringify(text.trim())}` });
    if (!RELATIONS.has(head(json) ?? "")) {
      throw new ToolError(`an assumption is a comparison such as "x > 0" or a word such as "n integer", not ${JSON.stringify(text.trim())}`);
    }
    return head(json) === "And" ? args(json) : [json];
  });
}

/** A test of one sample point against the assumptions (those it cannot judge numerically pass). */
export function assumptionFilter(assumptions: readonly Json[]): (point: ReadonlyMap<string, Complex>) => boolean {
  const tests = assumptions.map((a): ((p: ReadonlyMap<string, Complex>) => boolean) => {
    const h = head(a);
    const [left, right] = args(a);
    if (h === "Element") {
      const set = right;
      const name = left as string;
      if (set === "Integers") return (p) => Number.isInteger(p.get(name)?.re ?? 0.5);
      return () => true;
    }
    const f = compileNumeric(left!);
    const g = compileNumeric(right!);
    const compare: Record<string, (x: number, y: number) => boolean> = {
      Greater: (x, y) => x > y, Less: (x, y) => x < y, GreaterEqual: (x, y) => x >= y, LessEqual: (x, y) => x <= y, NotEqual: (x, y) => x !== y,
    };
    return (p) => {
      try {
        const [x, y] = [f(p), g(p)];
        return x.im === 0 && y.im === 0 && (compare[h!]?.(x.re, y.re) ?? true);
      } catch {
        return true;
      }
    };
  });
  return (point) => tests.every((t) => t(point));
}

/** Whether the assumptions make some variable an integer (sample points must then be integers). */
export function integerVariables(assumptions: readonly Json[]): Set<string> {
  return new Set(assumptions.filter((a) => head(a) === "Element" && args(a)[1] === "Integers").map((a) => args(a)[0] as string));
}
