/**
 * @module The solve tool: exact roots of polynomial equations (up to degree 4 in closed form), numeric
 * roots otherwise, and systems of linear equations solved exactly.
 */
import { z } from "zod";
import type { MathNode } from "mathjs";
import { defineTool } from "../registry.ts";
import type { RoomServices } from "../context.ts";
import { ToolError } from "../tool-error.ts";
import { parseChecked } from "./expression.ts";
import { complexText, polynomialRootsExact } from "./exact-roots.ts";
import type { Root } from "./exact-roots.ts";
import { texOf } from "./format.ts";
import { builtinNames, mathFor } from "./instances.ts";
import { MAX_EQUATIONS, MAX_EXPRESSION_LENGTH } from "./limits.ts";
import { linearText, solveLinear } from "./linear-system.ts";
import { callBudget } from "./budget.ts";
import { LongWork } from "./long-work.ts";
import { bracketedRoots } from "./numeric-roots.ts";
import { degree, linearFormOf, polynomialOf } from "./polynomial.ts";
import type { Constants } from "./polynomial.ts";
import { Rational } from "./rational.ts";
import { checkVariableName, realFunction } from "./real-function.ts";
import { restoreScope } from "./room-scope.ts";
import { resultShape } from "./schema.ts";

const SCAN_SAMPLES = 4000;

const RootShape = z.object({
  value: z.string().describe("The root, exact where possible (mathjs syntax: sqrt, cbrt, i)"),
  approximation: z.string().describe("Its numeric value"),
  exact: z.boolean(),
  multiplicity: z.number().int(),
});

/** `lhs = rhs` as the expression lhs − rhs; a lone expression means expression = 0. */
function difference(equation: string): string {
  const sides = equation.split(/(?<![=<>!])=(?!=)/);
  if (sides.length > 2) throw new ToolError(`an equation has one "=" (got ${sides.length - 1} in ${JSON.stringify(equation)})`);
  if (sides.length === 1) return equation;
  if (!sides[0]!.trim() || !sides[1]!.trim()) throw new ToolError(`both sides of ${JSON.stringify(equation)} must be expressions`);
  return `(${sides[0]}) - (${sides[1]})`;
}

/** Parsed in fraction mode, so 0.1 is exactly 1/10; what fractions cannot read (1e-8) in number mode. */
function parseEquation(equation: string): MathNode {
  if (equation.length > MAX_EXPRESSION_LENGTH) throw new ToolError(`the equation is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  const text = difference(equation);
  const options = { allowAssignment: false, what: "the equation" };
  try {
    return parseChecked(text, "fraction", options).node;
  } catch {
    return parseChecked(text, "number", options).node;
  }
}

/** Names the equations use that are neither built in, nor functions, nor room variables. */
function unknownsOf(nodes: MathNode[], room: Set<string>): string[] {
  const names: string[] = [];
  for (const node of nodes) {
    const functions = new Set<unknown>();
    node.traverse((n) => {
      if (n.type === "FunctionNode") functions.add((n as unknown as { fn: unknown }).fn);
    });
    node.traverse((n) => {
      const name = (n as unknown as { name?: string }).name;
      if (n.type === "SymbolNode" && name && !functions.has(n) && !builtinNames().has(name) && !room.has(name) && !names.includes(name)) names.push(name);
    });
  }
  return names;
}

/** Room variables that hold exact rationals, usable as coefficients. */
function roomConstants(room: RoomServices): Constants {
  const scope = restoreScope(room.variables, "fraction", 0);
  return (name) => Rational.fromMathjs(scope.get(name));
}

const asList = (value: string | string[] | undefined, split: RegExp) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : value.split(split)).map((s) => s.trim()).filter(Boolean);

export const solveTool = defineTool({
  name: "solve",
  title: "Solve equations",
  description:
    "Solves an equation for a variable: exact roots of polynomial equations up to degree 4 (\"x^2 = 2\" → " +
    "-sqrt(2), sqrt(2); complex roots too), numeric roots of higher-degree polynomials, and numeric real roots of " +
    "any other equation (\"cos(x) = x\") within from..to (default -100..100). Several linear equations " +
    "(a list, or separated by ';') are solved as a system, exactly: \"x + y = 3; x - y = 1\". Room variables may appear.",
  inputSchema: z.strictObject({
    equation: z
      .union([z.string(), z.array(z.string()).min(1).max(MAX_EQUATIONS)])
      .describe("An equation such as \"x^2 - 2 = 0\" (an expression alone means = 0), or a list of linear equations"),
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
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
  handler: async ({ equation, variable, from = -100, to = 100 }, context) => {
    const equations = asList(equation, /[;\n]/)!;
    if (equations.length === 0) throw new ToolError("equation is empty");
    if (equations.length > MAX_EQUATIONS) throw new ToolError(`at most ${MAX_EQUATIONS} equations at once`);
    const nodes = equations.map(parseEquation);
    const roomNames = new Set(context.room.variables.list().map((v) => v.name));
    const unknowns = asList(variable, /[,;\s]+/) ?? unknownsOf(nodes, roomNames);
    unknowns.forEach(checkVariableName);
    if (unknowns.length === 0) throw new ToolError("the equation has no unknown to solve for; name it with variable");
    if (nodes.length === 1 && unknowns.length > 1 && variable === undefined) {
      throw new ToolError(`name the variable to solve for: the equation has ${unknowns.join(", ")}`);
    }
    if (nodes.length > 1 || unknowns.length > 1) return system(nodes, unknowns, roomConstants(context.room));
    const unknown = unknowns[0]!;
    const polynomial = polynomialOf(nodes[0]!, unknown, roomConstants(context.room));
    if (polynomial) return polynomialAnswer(polynomial, unknown);
    if (!(from < to)) throw new ToolError(`from must be less than to (got ${from} and ${to})`);
    const f = realFunction(difference(equations[0]!), unknown, context.room, callBudget(context), "the equation");
    const work = new LongWork(context, SCAN_SAMPLES, 250);
    const found = await bracketedRoots(f, from, to, SCAN_SAMPLES, work);
    work.done();
    const roots = found.map((x) => ({ value: String(x), approximation: String(x), exact: false, multiplicity: 1 }));
    const value = roots.length ? roots.map((r) => `${unknown} = ${r.value}`).join(" or ") : `no real root in [${from}, ${to}]`;
    return {
      structured: { value, type: "roots", method: "numeric" as const, roots },
      text: `${value} (found numerically where the sign changes in [${from}, ${to}])`,
    };
  },
});

function polynomialAnswer(polynomial: Rational[], unknown: string) {
  const d = degree(polynomial);
  if (d <= 0) {
    const always = d < 0;
    const value = always ? `every ${unknown} is a solution` : "no solution";
    return { structured: { value, type: always ? "identity" : "none", method: "exact" as const, roots: [] }, text: value };
  }
  const found = polynomialRootsExact(polynomial);
  const roots = groupRoots(found);
  const math = mathFor("number");
  const value = roots.map((r) => `${unknown} = ${r.value}`).join(" or ");
  const latexRoots = roots.map((r) => texOf(math, r.value) ?? r.value);
  const exact = roots.every((r) => r.exact);
  return {
    structured: {
      value,
      type: "roots",
      latex: `${unknown} \\in \\left\\{${latexRoots.join(",\\ ")}\\right\\}`,
      method: exact ? ("exact" as const) : ("numeric" as const),
      roots,
    },
    text: `${value}${exact ? "" : " (some roots are numeric: no closed form is used for them)"}`,
  };
}

/** Equal roots once each, with their multiplicity; real roots first, in order. */
function groupRoots(found: Root[]) {
  const groups = new Map<string, { root: Root; count: number }>();
  for (const root of found) {
    const group = groups.get(root.expression);
    if (group) group.count++;
    else groups.set(root.expression, { root, count: 1 });
  }
  return [...groups.values()]
    .sort((a, b) => {
      const [x, y] = [a.root.value, b.root.value];
      // Conjugate roots differ in their real parts by rounding only: compare those with a tolerance.
      const re = Math.abs(x.re - y.re) <= 1e-9 * Math.max(1, Math.abs(x.re)) ? 0 : x.re - y.re;
      return Number(x.im !== 0) - Number(y.im !== 0) || re || x.im - y.im;
    })
    .map(({ root, count }) => ({ value: root.expression, approximation: complexText(root.value), exact: root.exact, multiplicity: count }));
}

function system(nodes: MathNode[], unknowns: string[], constants: Constants) {
  const forms = nodes.map((node, i) => {
    const form = linearFormOf(node, unknowns, constants);
    if (!form) throw new ToolError(`equation ${i + 1} is not linear in ${unknowns.join(", ")}: solve handles systems of linear equations`);
    return form;
  });
  const result = solveLinear(forms, unknowns);
  if (result.kind === "none") {
    return { structured: { value: "no solution", type: "none", method: "exact" as const }, text: "The equations contradict each other: no solution." };
  }
  const solution: Record<string, string> =
    result.kind === "unique"
      ? Object.fromEntries(unknowns.map((u) => [u, result.values.get(u)!.toString()]))
      : Object.fromEntries([
          ...[...result.expressions].map(([u, e]) => [u, linearText(e.constant, e.terms)]),
          ...result.free.map((u) => [u, u]),
        ]);
  const value = unknowns.map((u) => `${u} = ${solution[u]}`).join(", ");
  const math = mathFor("number");
  const latex = unknowns.map((u) => `${u} = ${texOf(math, solution[u]!) ?? solution[u]}`).join(",\\ ");
  const free = result.kind === "infinite" ? ` (infinitely many solutions: ${result.free.join(", ")} can be anything)` : "";
  return { structured: { value, type: "solution", latex, method: "exact" as const, solution }, text: `${value}${free}` };
}
