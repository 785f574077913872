/**
 * The math tools over MCP against a real `wrangler dev`, checked against a reference no one here wrote:
 * Python 3's fractions, decimal and statistics, on generated cases (a seeded generator, so a failure
 * can be replayed). Python runs once per batch, reading every case as JSON on stdin.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient } from "./mcp-client.ts";
import type { RoomClient } from "./mcp-client.ts";
import { WranglerDev } from "../support/wrangler-dev.ts";
import { generator } from "../support/random.ts";

const CASES_PER_KIND = 300;

let dev: WranglerDev;
let room: RoomClient;
beforeAll(async () => {
  // It checks answers, not limits: hundreds of generated cases go out at once, over the default rate.
  dev = await WranglerDev.start({ vars: { RATE_LIMIT_PER_SECOND: "100000", RATE_LIMIT_BURST: "100000" } });
  room = await connectClient(dev.wsUrl(`/rooms/reference-${Date.now().toString(36)}/mcp`), "reference");
});
afterAll(async () => {
  await room?.close();
  await dev?.dispose();
});

/** Runs a Python program once with the cases on stdin; it prints one JSON answer per case. */
function python(program: string, cases: unknown[]): unknown[] {
  const run = spawnSync("python3", ["-c", program], { input: JSON.stringify(cases), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown[];
}

type Result = { isError?: boolean; content: { text?: string }[]; structuredContent?: { value: string; values?: number[] } };
const call = async (name: string, args: Record<string, unknown>) => (await room.client.callTool({ name, arguments: args })) as Result;

describe("answers agree with Python 3", () => {
  it(`fractions: ${CASES_PER_KIND} generated exact rational expressions`, async () => {
    const random = generator(1);
    const cases = Array.from({ length: CASES_PER_KIND }, () => {
      const literal = () => `(${random.int(-60, 60)}/${random.int(1, 40)})`;
      let expression = literal();
      for (let i = random.int(1, 6); i > 0; i--) {
        const operator = random.pick(["+", "-", "*", "/", "+", "*"]);
        expression = random.next() < 0.15 ? `(${expression})^${random.int(-2, 3)}` : `${expression} ${operator} ${literal()}`;
      }
      return expression;
    });
    const expected = python(
      `import json, sys, re
from fractions import Fraction
out = []
for e in json.load(sys.stdin):
    py = re.sub(r"\\((-?\\d+)/(\\d+)\\)", r"Fraction(\\1, \\2)", e).replace("^", "**")
    try:
        out.append(str(eval(py)))
    except ZeroDivisionError:
        out.append("error")
print(json.dumps(out))`,
      cases,
    );
    const mismatches: string[] = [];
    for (const [i, expression] of cases.entries()) {
      const result = await call("evaluate", { expression, mode: "fraction" });
      const ours = result.isError ? "error" : result.structuredContent!.value;
      if (ours !== expected[i]) mismatches.push(`${expression}: ours ${ours}, Python ${expected[i]}`);
    }
    console.info(`fractions: ${cases.length - mismatches.length} of ${cases.length} agree with Python`);
    expect(mismatches).toEqual([]);
  });

  it(`decimals: ${CASES_PER_KIND} generated bignumber expressions at precisions from 10 to 64`, async () => {
    const random = generator(2);
    const decimal = () => {
      const digits = String(random.int(1, 10 ** random.int(1, 9)));
      const point = random.int(0, digits.length);
      const text = point === digits.length ? digits : `${digits.slice(0, point) || "0"}.${digits.slice(point)}`;
      return random.next() < 0.3 ? `-${text}` : text;
    };
    const cases = Array.from({ length: CASES_PER_KIND }, () => {
      let expression = `(${decimal()})`;
      for (let i = random.int(1, 5); i > 0; i--) {
        const operator = random.pick(["+", "-", "*", "/"]);
        expression = random.next() < 0.1 ? `sqrt(abs(${expression}))` : `${expression} ${operator} (${decimal()})`;
      }
      return { expression, precision: random.pick([10, 16, 20, 28, 34, 50, 64]) };
    });
    const expected = python(
      `import json, sys, re
from decimal import Decimal, getcontext, ROUND_HALF_UP, DivisionByZero, InvalidOperation
ctx = getcontext()
ctx.rounding = ROUND_HALF_UP  # decimal.js's default rounding, which mathjs uses
def sqrt(v):
    return v.sqrt()
out = []
for case in json.load(sys.stdin):
    ctx.prec = case["precision"]
    py = re.sub(r"\\((-?[\\d.]+)\\)", r"(Decimal('\\1'))", case["expression"])
    try:
        out.append(str(eval(py)))
    except (DivisionByZero, InvalidOperation, ZeroDivisionError):
        out.append("error")
print(json.dumps(out))`,
      cases,
    );
    const ours: string[] = [];
    for (const { expression, precision } of cases) {
      const result = await call("evaluate", { expression, mode: "bignumber", precision });
      ours.push(result.isError ? "error" : result.structuredContent!.value);
    }
    // Compare as decimal numbers in Python: 1.50 and 1.5 are the same answer written two ways.
    const same = python(
      `import json, sys
from decimal import Decimal
print(json.dumps([a == b or (a != "error" and b != "error" and Decimal(a) == Decimal(b)) for a, b in json.load(sys.stdin)]))`,
      ours.map((value, i) => [value, expected[i]]),
    ) as boolean[];
    const mismatches = cases.flatMap((c, i) => (same[i] ? [] : [`${c.expression} (precision ${c.precision}): ours ${ours[i]}, Python ${expected[i]}`]));
    console.info(`decimals: ${cases.length - mismatches.length} of ${cases.length} agree with Python`);
    expect(mismatches).toEqual([]);
  });

  it(`statistics: ${CASES_PER_KIND} generated data sets and operations`, async () => {
    const random = generator(3);
    const operations = ["mean", "median", "mode", "variance", "std", "pvariance", "pstdev", "quantiles", "min", "max", "sum", "correlation"] as const;
    const value = (kind: number) =>
      kind === 0 ? random.int(-100, 100) : kind === 1 ? random.int(-9999, 9999) / 100 : (random.next() - 0.5) * 10 ** random.int(-8, 12);
    const cases = Array.from({ length: CASES_PER_KIND }, () => {
      const operation = random.pick(operations);
      const kind = random.int(0, 2);
      const size = random.int(operation === "quantiles" || operation === "correlation" || operation.includes("var") || operation.includes("st") ? 2 : 1, 200);
      const data = Array.from({ length: size }, () => value(kind));
      const extra = operation === "correlation" ? Array.from({ length: size }, () => value(random.int(0, 2))) : undefined;
      return { operation, data, extra, n: random.int(2, 10), method: random.pick(["exclusive", "inclusive"]) };
    });
    const expected = python(
      `import json, sys, math, statistics as s
out = []
for c in json.load(sys.stdin):
    op, d = c["operation"], c["data"]
    try:
        if op == "quantiles": r = s.quantiles(d, n=c["n"], method=c["method"])
        elif op == "mode": r = s.multimode(d)
        elif op == "sum": r = math.fsum(d)
        elif op == "min": r = min(d)
        elif op == "max": r = max(d)
        elif op == "correlation": r = s.correlation(d, c["extra"])
        elif op == "std": r = s.stdev(d)
        else: r = getattr(s, op)(d)
        out.append(r)
    except s.StatisticsError:
        out.append("error")
print(json.dumps(out))`,
      cases,
    );
    const mismatches: string[] = [];
    for (const [i, c] of cases.entries()) {
      const population = c.operation === "pvariance" || c.operation === "pstdev";
      const operation = c.operation === "pvariance" ? "variance" : c.operation === "pstdev" ? "std" : c.operation;
      const args: Record<string, unknown> = { operation, data: c.extra ? [c.data, c.extra] : c.data };
      if (population) args.population = true;
      if (operation === "quantiles") Object.assign(args, { n: c.n, method: c.method });
      const result = await call("statistics", args);
      const reference = expected[i];
      let agrees: boolean;
      if (result.isError || reference === "error") agrees = Boolean(result.isError) && reference === "error";
      else if (Array.isArray(reference)) agrees = JSON.stringify(result.structuredContent!.values) === JSON.stringify(reference);
      else if (operation === "correlation") {
        // Python computes r in floating point; ours is rounded once from the exact value.
        agrees = Math.abs(Number(result.structuredContent!.value) - (reference as number)) <= 1e-12;
      } else agrees = Number(result.structuredContent!.value) === reference;
      if (!agrees) mismatches.push(`${c.operation} of ${JSON.stringify(c.data).slice(0, 80)}: ours ${result.structuredContent?.value ?? result.content[0]?.text}, Python ${JSON.stringify(reference)}`);
    }
    console.info(`statistics: ${cases.length - mismatches.length} of ${cases.length} agree with Python`);
    expect(mismatches).toEqual([]);
  });
});

describe("the math tools over MCP", () => {
  it("lists them with schemas, shares variables between participants, and sends a plot as an image block", async () => {
    const { tools } = await room.client.listTools();
    const names = tools.map((t) => t.name);
    for (const name of ["evaluate", "variables", "simplify", "derivative", "solve", "integrate", "statistics", "matrix", "convert", "plot"]) {
      expect(names).toContain(name);
    }
    const path = `/rooms/shared-${Date.now().toString(36)}/mcp`;
    const alice = await connectClient(dev.wsUrl(path), "alice");
    const bob = await connectClient(dev.wsUrl(path), "bob");
    await alice.client.callTool({ name: "evaluate", arguments: { expression: "f(x) = x^2 + 1" } });
    const answer = (await bob.client.callTool({ name: "evaluate", arguments: { expression: "f(3)" } })) as Result;
    expect(answer.structuredContent!.value).toBe("10");
    const plot = (await bob.client.callTool({ name: "plot", arguments: { expression: "f(x)", from: -2, to: 2 } })) as {
      content: { type: string; mimeType?: string; data?: string }[];
    };
    expect(plot.content[1]).toMatchObject({ type: "image", mimeType: "image/svg+xml" });
    expect(Buffer.from(plot.content[1]!.data!, "base64").toString("utf8")).toMatch(/^<svg [\s\S]*<\/svg>$/);
    await Promise.all([alice.close(), bob.close()]);
  });
});
