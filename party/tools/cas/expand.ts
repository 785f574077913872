/**
 * @module Expansion with this service's own exact polynomial arithmetic: products and whole powers are
 * multiplied out, inside function arguments too; the number of terms is known before the work is done.
 */
import type { Algebra } from "./session.ts";
import type { Json } from "./mathjson.ts";
import { deepExpand } from "./poly-convert.ts";

export function expand(algebra: Algebra, json: Json): Json {
  return deepExpand(json, algebra.budget);
}
