/**
 * Hunts for algebra calls that hold a room too long or fail unexpectedly: fast-check builds expressions
 * from the functions of the expression language (one and two arguments), numbers small and huge (1e±300,
 * 10^5000, 60-digit integers, factorials, roots, complex numbers), fractions, powers with fractional and
 * variable exponents, and sends them through every algebra tool and the matrix tool, measuring the CPU
 * time of each call in Node. Every call answers or refuses with a sentence within the bound. The seed
 * (fresh each local run, fixed under CI) is printed; CAS_SEED=… replays a run.
 */
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { loadMath } from "../../party/tools/math/instances.ts";
import { loadCas } from "../../party/tools/cas/engine.ts";
import { nodeRoom } from "./harness.ts";
import { testSeed } from "../support/random.ts";

/** No call may hold a room longer (DESIGN.md). */
const BOUND_MS = 2_000;
const SEED = testSeed("CAS_SEED", 44);

beforeAll(async () => {
  await Promise.all([loadMath(), loadCas()]);
}, 60_000);

const large = fc.oneof(
  fc.integer({ min: 2, max: 5000 }).map((k) => `10^${k}`),
  fc.integer({ min: 2, max: 3000 }).map((k) => `(10^${k} + 1)`),
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 60n }).map(String),
  fc.integer({ min: -400, max: 400 }).map((k) => `1e${k}`),
  fc.integer({ min: 1, max: 3000 }).map((k) => `factorial(${k})`),
  fc.integer({ min: 100, max: 100000 }).map(String),
  fc.constantFrom("1.5", "0.333", "2.25e-5", "-7.125", "sqrt(2)", "sqrt(3)/2", "2^(1/3)", "log(2)", "exp(1)", "pi/6", "3 + 4i", "i/2"),
);

const leaf = fc.oneof(
  large,
  fc.constantFrom("x", "x", "x", "y", "a", "pi", "e", "i", "1/2", "-3", "0", "1", "2", "10", "123456789", "99999999999999999999", "0.1", "1e300", "1e-300", "-1"),
  fc.integer({ min: -50, max: 50 }).map(String),
);

const expression = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc
      .tuple(fc.constantFrom("sin", "cos", "tan", "exp", "log", "sqrt", "abs", "asin", "acos", "atan", "sinh", "cosh", "tanh", "sec", "cot", "floor", "ceil", "round", "sign", "cbrt", "gamma", "factorial", "erf", "asinh", "acosh", "atanh", "csc", "log10", "log2", "re", "im", "conj", "arg"), tie("node"))
      .map(([f, a]) => `${f}(${a})`),
    fc.tuple(tie("node"), fc.constantFrom("+", "-", "*", "/", "^"), tie("node")).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    fc.tuple(tie("node"), fc.integer({ min: -12, max: 60 })).map(([a, n]) => `(${a})^${n}`),
    fc.tuple(tie("node"), fc.constantFrom("1/2", "1/3", "-1/2", "x", "2.5", "100", "-7/3", "0.1", "1e3", "y", "x^2", "1/x", "123456")).map(([a, n]) => `(${a})^(${n})`),
    fc.tuple(fc.constantFrom("mod", "max", "min", "atan2", "log", "nthRoot", "binomial", "hypot", "gcd", "lcm"), tie("node"), tie("node")).map(([f, a, b]) => `${f}(${a}, ${b})`),
  ),
})).node;

const calls = fc.oneof(
  expression.map((e) => ["simplify", { expression: e }] as const),
  expression.map((e) => ["factor", { expression: e }] as const),
  expression.map((e) => ["expand", { expression: e }] as const),
  fc.tuple(expression, fc.integer({ min: 1, max: 6 })).map(([e, order]) => ["derivative", { expression: e, variable: "x", order }] as const),
  expression.map((e) => ["integrate", { expression: e, variable: "x" }] as const),
  fc
    .tuple(expression, fc.constantFrom(0, 1, -1, "Infinity", "-Infinity", "pi"), fc.constantFrom("both", "left", "right"))
    .map(([e, point, direction]) => ["limit", { expression: e, variable: "x", point, direction }] as const),
  fc.tuple(expression, fc.integer({ min: 1, max: 20 })).map(([e, order]) => ["series", { expression: e, variable: "x", order }] as const),
  expression.map((e) => ["partial_fractions", { expression: e }] as const),
  expression.map((e) => ["solve", { equation: `${e} = 0`, variable: "x" }] as const),
  fc.tuple(expression, expression).map(([a, b]) => ["gcd", { values: [a, b] }] as const),
  expression.map((e) => ["evaluate", { expression: e.replace(/\b[xya]\b/g, "3"), mode: "exact" }] as const),
  fc.tuple(expression, fc.integer({ min: 1, max: 3 })).map(([e, n]) => ["dsolve", { equation: `y'' ${n > 1 ? "+" : "-"} ${n}*y = ${e}` }] as const),
  fc.tuple(expression, expression).map(([a, b]) => ["dsolve", { equation: `y' = (${a})*y + ${b}` }] as const),
  fc.tuple(expression, fc.integer({ min: 1, max: 20 }), fc.constantFrom(1, -2, "pi", "1/3", 1000, "1e20", "sqrt(2)")).map(([e, order, point]) => ["series", { expression: e, variable: "x", order, point }] as const),
  fc.tuple(expression, expression).map(([a, b]) => ["solve", { equation: `${a} = ${b}`, variable: "x" }] as const),
  fc.tuple(expression, expression).map(([a, b]) => ["partial_fractions", { expression: `(${a})/((${b})*(x^2+1))` }] as const),
  fc.tuple(expression, fc.constantFrom(0, 1, -1, "pi", "1e10", "-1e300", "1/3")).map(([e, from]) => ["integrate", { expression: e, variable: "x", from, to: 2 }] as const),
  fc.tuple(expression, expression, expression, expression).map(([a, b, c, d]) => ["matrix", { operation: "determinant", a: [[a, b], [c, d]] }] as const),
  fc.tuple(expression, expression, expression, expression).map(([a, b, c, d]) => ["matrix", { operation: "inverse", a: [[a, b], [c, d]] }] as const),
);

it(`algebra calls on generated expressions answer or refuse within the bound (seed ${SEED}; CAS_SEED=${SEED} replays)`, { timeout: 600_000 }, async () => {
  const room = nodeRoom();
  await room.call("simplify", { expression: "x" });
  let slowest = { ms: 0, call: "" };
  const perTool = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(calls, async ([tool, args]) => {
      const started = process.cpuUsage();
      const result = await room.call(tool, args as Record<string, unknown>);
      const used = process.cpuUsage(started);
      const ms = (used.user + used.system) / 1000;
      const call = `${tool} ${JSON.stringify(args)}`;
      if (ms > slowest.ms) slowest = { ms, call };
      perTool.set(tool, Math.max(perTool.get(tool) ?? 0, ms));
      expect(ms, call).toBeLessThan(BOUND_MS);
      if (result.isError) expect((result.content[0] as { text: string }).text, call).not.toMatch(/unexpectedly|at \S+\.(ts|js):\d+/);
    }),
    // A failure is reported as found: shrinking would re-run calls that take seconds each, for minutes.
    { seed: SEED, numRuns: 1_500, endOnFailure: true },
  );
  console.log(`slowest generated algebra call (seed ${SEED}): ${slowest.ms.toFixed(0)} ms CPU, ${slowest.call.slice(0, 200)}`);
  console.log(`slowest per tool (ms CPU): ${[...perTool].map(([tool, ms]) => `${tool} ${ms.toFixed(0)}`).join(", ")}`);
});
