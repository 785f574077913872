/**
 * @module Expansion with this service's own exact polynomial arithmetic: products and whole powers are
 * multiplied out, inside function arguments too; the number of terms is known before the work is done.
 */
import type { Algebra } from "./session.ts";
import type { Json } from "./mathjson.ts";
import { fromPoly, Ring, toPoly } from "./poly-convert.ts";

export function expand(algebra: Algebra, json: Json): Json {
  const deep = (j: Json): Json => {
    const ring = new Ring();
    const p = toPoly(j, ring, { opaque: true, inner: deep, budget: algebra.budget })!;
    return fromPoly(p, ring);
  };
  return deep(json);
}
