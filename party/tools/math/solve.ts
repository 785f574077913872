/**
 * @module The solve tool: one equation (identities, polynomials with every complex root and its
 * multiplicity, fractions, transcendental equations with exact and numeric real roots), systems (linear,
 * and polynomial by substitution or elimination), and differential equations, which it hands to dsolve.
 */
import * as z from "zod";
import { defineTool } from "../registry.ts";
import type { ToolContext } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { loadCas } from "../cas/engine.ts";
import { args, head } from "../cas/mathjson.ts";
import type { Json } from "../cas/mathjson.ts";
import { looksLikeOde } from "../cas/ode-input.ts";
import { Algebra } from "../cas/session.ts";
import { solveEquation } from "../cas/solve-equation.ts";
import type { Root } from "../cas/solve-equation.ts";
import { solveSystem } from "../cas/solve-system.ts";
import type { Assignment } from "../cas/solve-system.ts";
import { approximate } from "../cas/numeric-check.ts";
import { variablesOf } from "../cas/variables.ts";
import { complexText } from "./exact-roots.ts";
import { linearText } from "./linear-system.ts";
import { LongWork } from "./long-work.ts";
import { MAX_EQUATIONS } from "./limits.ts";
import { checkVariableName } from "./real-function.ts";
import { resultShape } from "./schema.ts";
import { solveOde } from "./dsolve.ts";

const RootShape = z.object({
  value: z.string().describe("The root, exact where possible (mathjs syntax: sqrt, cbrt, i)"),
  approximation: z.string().describe("Its numeric value"),
  exact: z.boolean(),
  multiplicity: z.number().int().describe("How many times it is a root (a touching numeric root counts 2: even)"),
  touching: z.boolean().optional().describe("A real root where the function touches zero without crossing"),
});

const asList = (value: string | string[] | undefined, split: RegExp) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : value.split(split)).map((s) => s.trim()).filter(Boolean);

/** lhs − rhs of an equation (an expression alone is = 0); inequalities are refused. */
function difference(json: Json): Json {
  const h = head(json);
  if (h === "Equal") return ["Subtract", args(json)[0]!, args(json)[1]!];
  if (h && ["Less", "Greater", "LessEqual", "GreaterEqual", "NotEqual", "And"].includes(h)) throw new ToolError("solve takes equations (=), not inequalities");
  return json;
}

/** A root's value in full double precision (the shortest text that reads back to it). */
const approximation = (value: { re: number; im: number }) => complexText({ re: value.re, im: Math.abs(value.im) < 1e-15 * Math.max(1, Math.abs(value.re)) ? 0 : value.im });

function rootsAnswer(algebra: Algebra, unknown: string, roots: Root[], method: "exact" | "numeric" | "mixed", scanned?: [number, number], parametric?: boolean) {
  const name = algebra.text(unknown);
  const listed = roots.map((r) => ({
    value: r.text,
    approximation: parametric ? r.text : approximation(r.value),
    exact: r.exact,
    multiplicity: r.multiplicity,
    ...(r.touching ? { touching: true } : {}),
  }));
  const where = scanned ? ` in [${scanned[0]}, ${scanned[1]}]` : "";
  if (!roots.length) {
    const value = scanned ? `no real root${where}` : "no solution";
    return { structured: { value, type: "none", method: method === "mixed" ? ("exact" as const) : method === "numeric" ? ("numeric" as const) : ("exact" as const), roots: [] }, text: value };
  }
  const value = roots.map((r) => `${name} = ${r.text}${r.multiplicity > 1 && !r.touching ? ` (multiplicity ${r.multiplicity})` : ""}`).join(" or ");
  const latex = `${algebra.latex(unknown)} \\in \\left\\{${roots.map((r) => r.latex).join(",\\ ")}\\right\\}`;
  const overall = method === "exact" ? ("exact" as const) : ("numeric" as const);
  const notes = [
    method === "numeric" ? `found numerically${where}` : method === "mixed" ? `numeric roots${where} are approximate; exact ones are checked by substitution` : "",
    roots.some((r) => r.touching) ? "a touching root only touches zero (even multiplicity)" : "",
  ].filter(Boolean);
  return { structured: { value, type: "roots", latex, method: overall, roots: listed }, text: `${value}${notes.length ? ` (${notes.join("; ")})` : ""}` };
}

function systemAnswer(algebra: Algebra, unknowns: string[], ds: Json[]) {
  const outcome = solveSystem(algebra, ds, unknowns);
  const names = unknowns.map((u) => algebra.text(u));
  if (outcome.kind === "linear") {
    const result = outcome.solution;
    if (result.kind === "none") return { structured: { value: "no solution", type: "none", method: "exact" as const }, text: "The equations contradict each other: no solution." };
    const solution: Record<string, string> =
      result.kind === "unique"
        ? Object.fromEntries(unknowns.map((u, i) => [names[i]!, algebra.text(rationalJson(result.values.get(u)!))]))
        : Object.fromEntries(unknowns.map((u, i) => {
            const e = result.expressions.get(u);
            return [names[i]!, e ? linearText(e.constant, e.terms.map(([n, k]) => [algebra.text(n), k])) : names[i]!];
          }));
    const value = names.map((n) => `${n} = ${solution[n]}`).join(", ");
    const latex = names.map((n, i) => `${algebra.latex(unknowns[i]!)} = ${safeLatex(algebra, solution[n]!)}`).join(",\\ ");
    const free = result.kind === "infinite" ? ` (infinitely many solutions: ${result.free.map((f) => algebra.text(f)).join(", ")} can be anything)` : "";
    return { structured: { value, type: "solution", latex, method: "exact" as const, solution }, text: `${value}${free}` };
  }
  if (!outcome.solutions.length) return { structured: { value: "no solution", type: "none", method: "exact" as const, solutions: [] }, text: "The system has no solution." };
  const solutions = outcome.solutions.map((s: Assignment) => Object.fromEntries(unknowns.map((u, i) => [names[i]!, algebra.text(s.get(u)!)])));
  const value = solutions.map((s) => names.map((n) => `${n} = ${s[n]}`).join(", ")).join(" or ");
  const latex = outcome.solutions.map((s) => `\\left(${unknowns.map((u) => algebra.latex(s.get(u)!)).join(", ")}\\right)`).join(",\\ ");
  const approximations = outcome.solutions.map((s) => Object.fromEntries(unknowns.map((u, i) => [names[i]!, approximation(approximate(algebra, s.get(u)!) ?? { re: Number.NaN, im: 0 })])));
  return {
    structured: { value, type: "solutions", latex: `\\left(${names.join(", ")}\\right) \\in \\left\\{${latex}\\right\\}`, method: "exact" as const, solutions, approximations, ...(solutions.length === 1 ? { solution: solutions[0] } : {}) },
    text: value,
  };
}

const rationalJson = (q: { n: bigint; d: bigint }): Json => (q.d === 1n ? (Number(q.n) as Json) : ["Rational", Number(q.n), Number(q.d)]);

function safeLatex(algebra: Algebra, text: string): string {
  try {
    return algebra.latex(algebra.read(text));
  } catch {
    return text;
  }
}

export const solveTool = defineTool({
  name: "solve",
  title: "Solve equations",
  description:
    "Solves equations exactly where it can. One equation in one unknown: identities are answered \"true for all x\" " +
    "(sin(x)^2 + cos(x)^2 = 1), and one without the unknown is true for all x or has no solution; polynomials get every root, complex ones too, with multiplicities (\"(x - 3)^4*(x + 4) = 0\" → " +
    "3 four times, -4), exact in closed form up to degree 4 and for factors over the rationals; other equations get the " +
    "algebra engine's exact solutions (checked by substitution) and every real root in from..to (default -100..100) found " +
    "numerically, touching roots included (\"log(x) = x - 4\" → 0.01866…, 5.7490…). Several equations (a list, or separated " +
    "by ';') are solved as a system: linear ones exactly, polynomial ones by substitution or elimination. Differential " +
    "equations such as \"y' = y\" or \"y'' + y = 0\" are solved as dsolve does. Room variables may appear.",
  inputSchema: z.strictObject({
    equation: z
      .union([z.string(), z.array(z.string()).min(1).max(MAX_EQUATIONS)])
      .describe("An equation such as \"x^2 - 2 = 0\" (an expression alone means = 0), or a list of equations"),
    variable: z
      .union([z.string(), z.array(z.string()).min(1).max(MAX_EQUATIONS)])
      .optional()
      .describe("The unknown (\"x\"), or the unknowns of a system; found from the equation when there is only one"),
    from: z.number().optional().describe("Lower end of the search interval for numeric roots (default -100)"),
    to: z.number().optional().describe("Upper end of the search interval for numeric roots (default 100)"),
  }),
  outputSchema: z.object({
    ...resultShape,
    method: z.enum(["exact", "numeric"]),
    roots: z.array(RootShape).optional(),
    solution: z.record(z.string(), z.string()).optional().describe("A system's unknowns and their values"),
    solutions: z.array(z.record(z.string(), z.string())).optional().describe("Every solution of a polynomial system"),
    approximations: z.array(z.record(z.string(), z.string())).optional(),
    exact: z.boolean().optional(),
    checked: z.boolean().optional(),
    general: z.string().optional().describe("A differential equation's general solution"),
    constants: z.array(z.string()).optional(),
    explicit: z.boolean().optional(),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
  handler: async ({ equation, variable, from = -100, to = 100 }, context: ToolContext) => {
    const equations = asList(equation, /[;\n]/)!;
    if (equations.length === 0) throw new ToolError("equation is empty");
    if (equations.length > MAX_EQUATIONS) throw new ToolError(`at most ${MAX_EQUATIONS} equations at once`);
    if (equations.some(looksLikeOde)) {
      const single = asList(variable, /[,;\s]+/);
      const answer = await solveOde(equations, { variable: single?.length === 1 ? single[0] : undefined }, context);
      return { ...answer, structured: { ...answer.structured, method: "exact" as const } };
    }
    const given = asList(variable, /[,;\s]+/);
    given?.forEach(checkVariableName);
    await loadCas();
    const algebra = new Algebra(context);
    const ds = equations.map((e) => difference(algebra.readEquation(e, { bound: given ?? [] })));
    const unknowns = given ? given.map((g) => algebra.symbol(g)) : [...new Set(ds.flatMap(variablesOf))];
    if (unknowns.length === 0) throw new ToolError("the equation has no unknown to solve for; name it with variable");
    if (ds.length === 1 && unknowns.length > 1 && !given) {
      throw new ToolError(`name the variable to solve for: the equation has ${unknowns.map((u) => algebra.text(u)).join(", ")}`);
    }
    if (ds.length > 1 || unknowns.length > 1) return systemAnswer(algebra, unknowns, ds);
    if (!(from < to)) throw new ToolError(`from must be less than to (got ${from} and ${to})`);
    const work = new LongWork(context, 4000, 250);
    const outcome = await solveEquation(algebra, ds[0]!, unknowns[0]!, [from, to], work);
    work.done();
    if (outcome.kind === "identity") {
      const value = `true for all ${algebra.text(unknowns[0]!)}`;
      const method = outcome.digits ? ("numeric" as const) : ("exact" as const);
      const note = outcome.digits ? `its two sides agree to ${outcome.digits} digits, though they were not proven equal` : "an identity";
      return { structured: { value, type: "identity", latex: "\\text{true for all } " + algebra.latex(unknowns[0]!), method, roots: [] }, text: `${equations[0]}: ${value} (${note})` };
    }
    return rootsAnswer(algebra, unknowns[0]!, outcome.roots, outcome.method, outcome.scanned, outcome.parametric);
  },
});
