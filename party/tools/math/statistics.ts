/**
 * @module The statistics tool: descriptive statistics of a data set, exact where it can be (means,
 * variances and sums are correctly rounded), with medians and quantiles as Python's statistics module
 * defines them.
 */
import * as z from "zod";
import { defineTool } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { exactCorrelation, exactMean, exactSpread, exactSum } from "./exact-stats.ts";
import { MAX_DATA } from "./limits.ts";
import { LongWork } from "./long-work.ts";
import { resultShape } from "./schema.ts";

const OPERATIONS = ["mean", "median", "mode", "variance", "std", "quantiles", "min", "max", "sum", "correlation"] as const;
type Operation = (typeof OPERATIONS)[number];

const sorted = (data: number[]) => [...data].sort((a, b) => a - b);

function median(data: number[]): number {
  const s = sorted(data);
  const i = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[i]! : (s[i - 1]! + s[i]!) / 2;
}

/** Every most common value, in the order they first appear. */
function modes(data: number[]): number[] {
  const counts = new Map<number, number>();
  for (const x of data) counts.set(x, (counts.get(x) ?? 0) + 1);
  const most = Math.max(...counts.values());
  return [...counts].filter(([, c]) => c === most).map(([x]) => x);
}

/** The n − 1 cut points dividing the data into n groups (Python's statistics.quantiles). */
function quantiles(data: number[], n: number, method: "exclusive" | "inclusive"): number[] {
  const s = sorted(data);
  const count = s.length;
  if (count < 2) throw new ToolError("quantiles need at least two data points");
  const cuts: number[] = [];
  for (let i = 1; i < n; i++) {
    if (method === "inclusive") {
      const j = Math.floor((i * (count - 1)) / n);
      const delta = i * (count - 1) - j * n;
      cuts.push((s[j]! * (n - delta) + s[j + 1]! * delta) / n);
    } else {
      const m = count + 1;
      const j = Math.min(Math.max(Math.floor((i * m) / n), 1), count - 1);
      const delta = i * m - j * n;
      cuts.push((s[j - 1]! * (n - delta) + s[j]! * delta) / n);
    }
  }
  return cuts;
}

const needs = (operation: string, count: number, length: number) => {
  if (length < count) throw new ToolError(`${operation} needs at least ${count} data point${count > 1 ? "s" : ""} (got ${length})`);
};

export const statisticsTool = defineTool({
  name: "statistics",
  title: "Statistics of a data set",
  description:
    "Descriptive statistics of a list of numbers: mean, median, mode (every most common value), variance and std " +
    "(sample, divided by n − 1, unless population is true), quantiles (n groups, default quartiles), min, max, sum; " +
    "correlation (Pearson's r) of two equally long lists given as data: [[x…], [y…]]. Means, sums, variances and " +
    `std are exact, then rounded once. Up to ${MAX_DATA} numbers.`,
  inputSchema: z.strictObject({
    operation: z.enum(OPERATIONS),
    data: z
      .union([z.array(z.number()).max(MAX_DATA), z.array(z.array(z.number()).max(MAX_DATA)).length(2)])
      .describe("The numbers, or for correlation two lists [[x…], [y…]]"),
    population: z.boolean().optional().describe("variance and std of a whole population (divide by n) instead of a sample"),
    n: z.number().int().min(2).max(100).optional().describe("quantiles: how many groups (4 gives quartiles)"),
    method: z.enum(["exclusive", "inclusive"]).optional().describe("quantiles: as Python's statistics.quantiles (default exclusive)"),
  }),
  outputSchema: z.object({
    ...resultShape,
    values: z.array(z.number()).optional().describe("The numbers, for results that are lists (mode, quantiles)"),
    count: z.number().int(),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
  handler: async ({ operation, data, population = false, n = 4, method = "exclusive" }, context) => {
    const pairs = Array.isArray(data[0]);
    if ((operation === "correlation") !== pairs) {
      throw new ToolError(operation === "correlation" ? "correlation needs data as two lists: [[x…], [y…]]" : `${operation} needs data as one list of numbers`);
    }
    const work = new LongWork(context, pairs ? 4 * (data[0] as number[]).length : 2 * data.length, 5000);
    let done = 0;
    const step = () => work.step(++done);
    const result = await compute(operation, data as number[] & number[][], { population, n, method }, step);
    work.done();
    const list = Array.isArray(result);
    if (!(list ? result : [result]).every(Number.isFinite)) {
      throw new ToolError(`the ${operation} is too large for a double (beyond ±1.8e308)`);
    }
    const value = list ? result.map(String).join(", ") : String(result);
    const count = pairs ? (data[0] as number[]).length : data.length;
    const label = operation === "variance" || operation === "std" ? `${population ? "population" : "sample"} ${operation}` : operation;
    return {
      structured: { value, type: list ? "list" : "number", ...(list ? { values: result } : {}), count },
      text: `${label} of ${count} number${count === 1 ? "" : "s"} = ${value}`,
    };
  },
});

async function compute(
  operation: Operation,
  data: number[] & number[][],
  options: { population: boolean; n: number; method: "exclusive" | "inclusive" },
  step: (i: number) => Promise<void>,
): Promise<number | number[]> {
  if (operation === "correlation") {
    const [x, y] = data as number[][];
    if (x!.length !== y!.length) throw new ToolError(`correlation needs two lists of the same length (got ${x!.length} and ${y!.length})`);
    needs("correlation", 2, x!.length);
    return exactCorrelation(x!, y!, step);
  }
  const numbers = data as number[];
  needs(operation, operation === "variance" || operation === "std" ? (options.population ? 1 : 2) : 1, numbers.length);
  switch (operation) {
    case "mean":
      return exactMean(numbers, step);
    case "sum":
      return exactSum(numbers, step);
    case "median":
      return median(numbers);
    case "mode":
      return modes(numbers);
    case "min":
      return numbers.reduce((a, b) => Math.min(a, b));
    case "max":
      return numbers.reduce((a, b) => Math.max(a, b));
    case "quantiles":
      return quantiles(numbers, options.n, options.method);
    case "variance":
      return (await exactSpread(numbers, options.population, step)).variance;
    case "std":
      return (await exactSpread(numbers, options.population, step)).std;
  }
}
