/**
 * Every tool's structuredContent matches the outputSchema tools/list gives for it, checked with a JSON
 * Schema validator on what a client really receives over a room socket, for several calls of each tool
 * (every mode and operation). A tool added without cases here fails the first test.
 */
import { Validator } from "@cfworker/json-schema";
import type { Schema } from "@cfworker/json-schema";
import { beforeAll, describe, expect, it } from "vitest";
import { roomPath, TestSocket } from "./socket.ts";

const CASES: Record<string, Record<string, unknown>[]> = {
  add: [{ a: 2, b: 3 }],
  subtract: [{ a: 2, b: 3 }],
  multiply: [{ a: 2, b: 3 }],
  divide: [{ a: 22, b: 7 }],
  power: [{ base: 2, exponent: 10 }],
  sqrt: [{ value: 81 }],
  sin: [{ angle: 1 }],
  cos: [{ angle: 1 }],
  tan: [{ angle: 1 }],
  log: [{ value: 100, base: 10 }, { value: 2 }],
  evaluate: [
    { expression: "r = 7" },
    { expression: "f(x) = x^2 + 1" },
    { expression: "f(r) * 2" },
    { expression: "0.1 + 0.2", mode: "bignumber", precision: 20 },
    { expression: "1/3 + 1/6", mode: "fraction" },
    { expression: "[1, 2; 3, 4] * 2" },
    { expression: "5 km to m" },
    { expression: "sin(pi/6)", mode: "exact" },
    { expression: "\\frac{1}{2} + \\frac{1}{3}" },
  ],
  variables: [{}, { action: "delete", name: "r" }, { action: "clear" }],
  simplify: [{ expression: "2x + 3x" }, { expression: "sqrt(x^2)" }, { expression: "sqrt(x^2)", assume: "x > 0" }],
  derivative: [{ expression: "x^3 + sin(x)", variable: "x" }, { expression: "x^3", variable: "x", order: 2 }],
  solve: [
    { equation: "x^2 - 5x + 6 = 0", variable: "x" },
    { equation: "x^5 + x + 1 = 0", variable: "x" },
    { equation: ["x + y = 3", "x - y = 1"], variable: ["x", "y"] },
  ],
  integrate: [
    { expression: "sin(x)", variable: "x", from: 0, to: "pi" },
    { expression: "x * sin(x)", variable: "x" },
    { expression: "exp(-x^2) * cos(x^3)", variable: "x", from: "-inf", to: "inf" },
  ],
  limit: [{ expression: "sin(x)/x", variable: "x", point: 0 }, { expression: "1/x", variable: "x", point: 0, direction: "right" }],
  series: [{ expression: "exp(x)", variable: "x", order: 4 }, { expression: "1/(x*sin(x))", variable: "x" }],
  factor: [{ expression: "x^4 - 1" }, { expression: "360" }],
  expand: [{ expression: "(x + 1)^3" }],
  partial_fractions: [{ expression: "(x + 1)/(x^3 - x)", variable: "x" }],
  gcd: [{ values: ["x^2 - 1", "x^2 + 2x + 1"] }, { values: [12, 18] }],
  lcm: [{ values: ["x^2 - 1", "x^2 + 2x + 1"] }, { values: [4, 6] }],
  dsolve: [{ equation: "y' = y" }, { equation: ["y'' + y = 0", "y(0) = 1", "y'(0) = 0"] }],
  note: [{ text: "**Step 2.** Complete the square: $x^2 + 6x + 5 = (x + 3)^2 - 4$" }],
  statistics: [
    ...["mean", "median", "mode", "variance", "std", "quantiles", "min", "max", "sum"].map((operation) => ({ operation, data: [1, 2, 2, 3, 7] })),
    { operation: "correlation", data: [[1, 2, 3, 4], [2, 4, 5, 9]] },
  ],
  matrix: [
    { operation: "multiply", a: [[1, 2], [3, 4]], b: [[5], [6]] },
    { operation: "determinant", a: [[1, 2], [3, 4]] },
    { operation: "inverse", a: [[1, 2], [3, 4]] },
    { operation: "transpose", a: [[1, 2, 3]] },
    { operation: "solve", a: [[2, 1], [1, 3]], b: [3, 5] },
    { operation: "eigenvalues", a: [[2, 0], [0, 3]] },
    { operation: "rank", a: [[1, 2], [2, 4]] },
    { operation: "nullspace", a: [[1, 2], [2, 4]] },
    { operation: "determinant", a: [["a", "b"], ["c", "d"]] },
    { operation: "inverse", a: [[1, 2], [3, 4]], mode: "number" },
  ],
  convert: [{ value: 5, from: "km/h", to: "m/s" }, { value: "1/3", from: "h", to: "min" }],
  plot: [{ expression: "sin(x)", variable: "x", from: 0, to: 3 }, { expression: ["sin(x)", "cos(x)"], from: "-pi", to: "pi" }],
};

type ListedTool = { name: string; outputSchema?: Schema };

let socket: TestSocket;
let tools: ListedTool[];
beforeAll(async () => {
  socket = await TestSocket.open(roomPath(`schemas-${Date.now().toString(36)}`));
  await socket.initialize("schemas");
  tools = [];
  let cursor: string | undefined;
  do {
    const { response } = await socket.request("tools/list", cursor ? { cursor } : {});
    tools.push(...(response.result.tools as ListedTool[]));
    cursor = response.result.nextCursor;
  } while (cursor);
}, 120_000);

describe("structuredContent against outputSchema", () => {
  it("has calls to check for every tool the room lists, and every tool declares an outputSchema", () => {
    expect(tools.map((tool) => tool.name).sort()).toEqual(Object.keys(CASES).sort());
    for (const tool of tools) expect(tool.outputSchema, tool.name).toMatchObject({ type: "object" });
    // The check can fail: a value of the wrong type, or a missing field, is reported.
    const add = new Validator(tools.find((tool) => tool.name === "add")!.outputSchema!, "2020-12", false);
    expect(add.validate({ value: "5" }).valid).toBe(false);
    expect(add.validate({}).valid).toBe(false);
  });

  it.each(Object.keys(CASES))("%s: every call's structuredContent is valid against the listed outputSchema", async (name) => {
    const schema = tools.find((tool) => tool.name === name)!.outputSchema!;
    const validator = new Validator(schema, "2020-12", false);
    for (const args of CASES[name]!) {
      const { response } = await socket.request("tools/call", { name, arguments: args });
      const result = response.result as { isError?: boolean; structuredContent?: unknown; content: { text?: string }[] };
      expect(result.isError, `${name} ${JSON.stringify(args)}: ${result.content[0]?.text}`).toBeFalsy();
      const check = validator.validate(result.structuredContent);
      expect(check.errors, `${name} ${JSON.stringify(args)} answered ${JSON.stringify(result.structuredContent)}`).toEqual([]);
      expect(check.valid).toBe(true);
    }
  }, 60_000);
});
