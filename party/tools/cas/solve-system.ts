/**
 * @module Systems of equations. Linear ones with rational coefficients: Gauss–Jordan elimination, exactly
 * (a unique solution, none, or a family). Polynomial ones: an equation linear in some unknown gives it
 * in terms of the others (substitution), and two equations in two unknowns are reduced to one by their
 * resultant; the one-variable polynomial left is solved exactly, and the rest found by substituting
 * back. Every solution is substituted into every equation before it is given.
 */
import { ToolError } from "../tool-error.ts";
import { Rational } from "../math/rational.ts";
import { solveLinear } from "../math/linear-system.ts";
import type { LinearSolution } from "../math/linear-system.ts";
import * as C from "./complex.ts";
import type { C as Complex } from "./complex.ts";
import { compileNumeric } from "./evaluate-numeric.ts";
import { hasInexact, headsOf, substitute } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { approximate } from "./numeric-check.ts";
import { polynomialRoots } from "./polynomial-roots.ts";
import type { PolynomialRoot } from "./polynomial-roots.ts";
import { Poly } from "./poly.ts";
import { fromPoly, Ring, toPoly } from "./poly-convert.ts";
import { resultant } from "./resultant.ts";
import type { Algebra } from "./session.ts";

export type Assignment = Map<string, Json>;
export type SystemSolution = { kind: "linear"; solution: LinearSolution } | { kind: "solutions"; solutions: Assignment[] };

/** Solutions of one system, at most (a safety bound: a polynomial system of these sizes has few). */
const MAX_SOLUTIONS = 64;

const widen = (p: Poly, n: number) => new Poly(n, new Map([...p.entries()].map(([e, c]) => [[...e, ...new Array(n - e.length).fill(0)].join(","), c])));

function polysOf(ds: Json[], unknowns: string[], algebra: Algebra): { polys: Poly[]; ring: Ring } | undefined {
  const ring = new Ring();
  for (const u of unknowns) ring.indexOf(u);
  const polys: Poly[] = [];
  for (const d of ds) {
    const p = toPoly(d, ring, { budget: algebra.budget });
    if (!p) return undefined;
    polys.push(p);
  }
  // Only the unknowns may appear: a parameter makes it the engine's job.
  if (ring.atoms.length !== unknowns.length) return undefined;
  return { polys: polys.map((p) => widen(p, ring.atoms.length)), ring };
}

/** The coefficients of p as a polynomial in variable `index`: cₖ (free of it) by power k. */
function coefficientsIn(p: Poly, index: number): Poly[] {
  const out: Poly[] = Array.from({ length: p.degreeIn(index) + 1 }, () => new Poly(p.n));
  for (const [e, c] of p.entries()) {
    const rest = [...e];
    rest[index] = 0;
    out[e[index]!] = out[e[index]!]!.add(new Poly(p.n, new Map([[rest.join(","), c]])));
  }
  return out;
}

/** p with variable `index` replaced by q. */
function substitutePoly(p: Poly, index: number, q: Poly, algebra: Algebra): Poly {
  return coefficientsIn(p, index).reduce((sum, c, k) => sum.add(c.mul(q.pow(k, algebra.budget), algebra.budget)), new Poly(p.n));
}

function linear(polys: Poly[], ring: Ring): LinearSolution | undefined {
  if (polys.some((p) => p.totalDegree() > 1)) return undefined;
  const unknowns = ring.atoms as string[];
  const forms = polys.map((p) => {
    const coefficients = new Map<string, Rational>();
    let constant = Rational.ZERO;
    for (const [e, c] of p.entries()) {
      const i = e.findIndex((x) => x === 1);
      if (i < 0) constant = c;
      else coefficients.set(unknowns[i]!, c);
    }
    return { constant, coefficients };
  });
  return solveLinear(forms, unknowns);
}

/** Solutions of polynomial equations in the given variables of the ring, as exact MathJSON values. */
function eliminate(polys: Poly[], variables: number[], ring: Ring, algebra: Algebra): Assignment[] {
  const live = polys.filter((p) => !p.isZero());
  if (live.some((p) => p.usedVariables().length === 0)) return [];
  if (variables.length === 0) return [new Map()];
  // An equation linear in some unknown, with a constant coefficient: that unknown in terms of the others.
  for (const p of live) {
    for (const v of variables) {
      if (p.degreeIn(v) !== 1) continue;
      const [rest, lead] = coefficientsIn(p, v);
      const c = lead!.constantValue();
      if (!c || c.isZero()) continue;
      const value = rest!.scale(Rational.ONE.neg().div(c));
      const others = live.filter((q) => q !== p).map((q) => substitutePoly(q, v, value, algebra));
      const partial = eliminate(others, variables.filter((w) => w !== v), ring, algebra);
      return partial.map((assignment) => new Map(assignment).set(ring.atoms[v] as string, backSubstitute(fromPoly(value, ring), assignment, algebra)));
    }
  }
  if (variables.length === 1) {
    const v = variables[0]!;
    const g = live.reduce((acc, p) => acc ?? p, undefined as Poly | undefined)!;
    const roots = polynomialRoots(g.dense(v), algebra.budget);
    const values = roots.map((r) => rootJson(algebra, r));
    // Every other equation must vanish at the root too.
    return values.filter((value, k) => live.every((p) => C.abs(evaluateAt(p, ring, new Map([[ring.atoms[v] as string, roots[k]!.value]]))) <= 1e-8)).map((value) => new Map([[ring.atoms[v] as string, value]]));
  }
  if (variables.length === 2 && live.length === 2) {
    const [x, y] = variables as [number, number];
    const [p, q] = live as [Poly, Poly];
    const dense = (r: Poly) => coefficientsIn(r, y).map((c) => c.dense(x));
    const r = resultant(dense(p), dense(q));
    const rPoly = Poly.fromDense(p.n, x, r);
    if (rPoly.isZero()) throw new ToolError("the equations have infinitely many common solutions (they share a factor)");
    const solutions: Assignment[] = [];
    for (const root of polynomialRoots(r, algebra.budget)) {
      const xValue = rootJson(algebra, root);
      const inY = substitute(fromPoly(p, ring), new Map([[ring.atoms[x] as string, xValue]]));
      const candidates = algebra.run("the system", ({ ce }) => {
        const found = ce.box(["Equal", inY, 0] as never).solve(ring.atoms[y] as string) as unknown;
        return Array.isArray(found) ? found.map((c) => (c as { json: Json }).json) : [];
      });
      for (const yValue of candidates) solutions.push(new Map([[ring.atoms[x] as string, xValue], [ring.atoms[y] as string, yValue]]));
      if (solutions.length > MAX_SOLUTIONS) break;
    }
    return solutions;
  }
  throw new ToolError("this polynomial system is beyond what solve does: it needs an equation linear in one unknown, or two equations in two unknowns");
}

/** A root as MathJSON: exact text read exactly; a numeric root kept as the decimal it is (so it shows as inexact). */
function rootJson(algebra: Algebra, root: PolynomialRoot): Json {
  if (root.exact) return algebra.read(root.text, { what: "a root" });
  const re: Json = { num: String(root.value.re) };
  return root.value.im === 0 ? re : ["Complex", re, { num: String(root.value.im) }];
}

function evaluateAt(p: Poly, ring: Ring, values: Map<string, Complex>): Complex {
  return compileNumeric(fromPoly(p, ring))(values);
}

function backSubstitute(expression: Json, assignment: Assignment, algebra: Algebra): Json {
  const filled = substitute(expression, assignment);
  return algebra.run("the system", ({ ce }) => ce.box(filled as never).simplify().json as Json);
}

/** Every equation holds at the solution (numerically, with its exact values approximated). */
function holds(algebra: Algebra, ds: Json[], solution: Assignment): boolean {
  const values = new Map<string, Complex>();
  for (const [name, value] of solution) {
    const v = approximate(algebra, value);
    if (!v) return false;
    values.set(name, v);
  }
  return ds.every((d) => {
    const residual = compileNumeric(d)(values);
    return C.abs(residual) <= 1e-8 * Math.max(1, ...[...values.values()].map(C.abs));
  });
}

export function solveSystem(algebra: Algebra, ds: Json[], unknowns: string[]): SystemSolution {
  const converted = polysOf(ds, unknowns, algebra);
  if (converted) {
    const solution = linear(converted.polys, converted.ring);
    if (solution) return { kind: "linear", solution };
    const all = eliminate(converted.polys, unknowns.map((_, i) => i), converted.ring, algebra);
    const solutions = all.filter((s) => unknowns.every((u) => s.has(u)) && holds(algebra, ds, s));
    return { kind: "solutions", solutions: dedupe(algebra, solutions) };
  }
  // Parameters or functions: the engine's answer, checked by substitution at sample values.
  const answer = algebra.run("the system", ({ ce }) => {
    const found = ce.box(["List", ...ds.map((d) => ["Equal", d, 0])] as never).solve(unknowns) as unknown;
    if (!found || typeof found !== "object") return undefined;
    const list = Array.isArray(found) ? found : [found];
    return list.map((entry) => new Map(Object.entries(entry as Record<string, { json: Json }>).map(([k, v]) => [k, v?.json] as [string, Json])));
  });
  const solutions = (answer ?? []).filter((s) => unknowns.every((u) => s.get(u) !== undefined && !headsOf(s.get(u)!).has("Error")));
  if (!solutions.length) throw new ToolError("no solution of this system was found (solve handles linear systems, and polynomial ones that reduce to one unknown)");
  return { kind: "solutions", solutions: solutions.filter((s) => [...s.values()].every((v) => !hasInexact(v))) };
}

/** The same solution reached twice (by two roots of a resultant) is given once. */
function dedupe(algebra: Algebra, solutions: Assignment[]): Assignment[] {
  const seen: Complex[][] = [];
  return solutions.filter((s) => {
    const values = [...s.values()].map((v) => approximate(algebra, v) ?? C.c(Number.NaN));
    if (seen.some((other) => other.every((w, i) => C.abs(C.sub(w, values[i]!)) <= 1e-9 * Math.max(1, C.abs(w))))) return false;
    seen.push(values);
    return true;
  });
}
