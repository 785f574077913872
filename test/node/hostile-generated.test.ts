/**
 * Hunts for calls that hold a room too long: fast-check builds expressions from every function the
 * expression language allows — nested, with numbers small and huge, decimals, fractions, bignumbers at
 * high precision, vectors and matrices — and runs them through each math tool, timing each call in Node
 * (where the clock runs). Every call answers or refuses within the bound, never "unexpectedly", and the
 * slowest call per tool is printed. The seed (fresh each local run, fixed under CI) is printed; FC_SEED=…
 * replays a run.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ToolRegistry } from "../../party/tools/registry.ts";
import type { CallToolResult, ToolContext } from "../../party/tools/registry.ts";
import { mathTools } from "../../party/tools/math/index.ts";
import { memoryVariables } from "../workerd/memory-variables.ts";
import { probeableFunctions } from "./cost-probe.ts";
import { testSeed } from "../support/random.ts";

/** No call may hold a room longer (DESIGN.md); Node is at least as fast as workerd here. */
const BOUND_MS = 2_000;
const SEED = testSeed("FC_SEED", 20_261_130);

const registry = new ToolRegistry().register(...mathTools);
const context = () =>
  ({
    signal: new AbortController().signal,
    progress: () => {},
    log: () => {},
    request: () => Promise.reject(new Error("no client")),
    ask: () => Promise.reject(new Error("no client")),
    background: async () => {},
    closeStream: () => {},
    capabilities: {},
    room: { variables: memoryVariables(), participant: "fuzz" },
  }) satisfies ToolContext;

let functions: string[] = [];
beforeAll(async () => {
  functions = (await probeableFunctions()).filter((f) => !["random", "randomInt", "pickRandom"].includes(f));
});

/** Leaves: numbers of every size, and collections up to the element limit. */
const leaf = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map(String),
  fc.integer({ min: -1e6, max: 1e9 }).map(String),
  fc.constantFrom("9007199254740881", "4294967296.5", "1e300", "1e-300", "0.1", "2/3", "123456789/987654321", "pi", "e", "i", "-0.5", "x"),
  fc.integer({ min: 1, max: 10_000 }).map((n) => `ones(${n})`),
  fc.integer({ min: 1, max: 100 }).map((n) => `ones(${n}, ${n}) * 7/3`),
  fc.integer({ min: 1, max: 10_000 }).map((n) => `1:${n}`),
  fc.integer({ min: 1, max: 60 }).map((n) => `"${"9".repeat(n)}"`),
);

/** A call of any allowed function on leaves or on further calls, two levels deep at most. */
const expression = (fns: () => string[]) =>
  fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc
        .tuple(fc.integer({ min: 0, max: 10_000 }), fc.array(tie("node"), { minLength: 1, maxLength: 3 }))
        .map(([i, args]) => `${fns()[i % fns().length]}(${args.join(", ")})`),
      fc.tuple(tie("node"), fc.constantFrom("+", "-", "*", "/", "^", ".*", "==", "<"), tie("node")).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    ),
  })).node;

const slowest = new Map<string, { ms: number; call: string }>();

async function timedCall(tool: string, args: Record<string, unknown>): Promise<{ result: CallToolResult; ms: number }> {
  const started = performance.now();
  const result = await registry.call(tool, args, context());
  const ms = performance.now() - started;
  const worst = slowest.get(tool);
  if (!worst || ms > worst.ms) slowest.set(tool, { ms, call: JSON.stringify(args).slice(0, 160) });
  return { result, ms };
}

function expectBounded(result: CallToolResult, ms: number, args: unknown): void {
  expect(ms, JSON.stringify(args)).toBeLessThan(BOUND_MS);
  if (result.isError) expect(result.content[0]!.text, JSON.stringify(args)).not.toMatch(/unexpectedly|at \S+\.(ts|js):\d+/);
}

describe(`generated calls (seed ${SEED})`, () => {
  it("evaluate: every expression answers or refuses within the bound, in every mode", { timeout: 600_000 }, async () => {
    await timedCall("evaluate", { expression: "1" });
    await fc.assert(
      fc.asyncProperty(expression(() => functions), fc.constantFrom("number", "bignumber", "fraction"), fc.constantFrom(undefined, 64, 500), async (text, mode, precision) => {
        const args = { expression: text.replace(/\bx\b/g, "2"), mode, ...(mode === "bignumber" && precision ? { precision } : {}) };
        const { result, ms } = await timedCall("evaluate", args);
        expectBounded(result, ms, args);
      }),
      { seed: SEED, numRuns: 2500 },
    );
  });

  it("plot, integrate, solve and simplify: generated functions of x answer or refuse within the bound", { timeout: 600_000 }, async () => {
    const calls = fc.oneof(
      expression(() => functions).map((e) => ({ tool: "plot", args: { expression: [e, `(${e})^2`], variable: "x", from: -3, to: 3 } })),
      expression(() => functions).map((e) => ({ tool: "integrate", args: { expression: e, variable: "x", from: 0, to: 2 } })),
      expression(() => functions).map((e) => ({ tool: "solve", args: { equation: `${e} = 1`, variable: "x", from: -5, to: 5 } })),
      expression(() => functions).map((e) => ({ tool: "derivative", args: { expression: e, variable: "x" } })),
    );
    await fc.assert(
      fc.asyncProperty(calls, async ({ tool, args }) => {
        const { result, ms } = await timedCall(tool, args);
        expectBounded(result, ms, args);
      }),
      { seed: SEED, numRuns: 800 },
    );
    console.log(`slowest generated call per tool (seed ${SEED}):\n${[...slowest].map(([tool, s]) => `  ${tool}: ${s.ms.toFixed(0)} ms ${s.call}`).join("\n")}`);
  });
});
