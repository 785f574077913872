/**
 * @module The plot tool: samples one or several curves and answers an SVG image with a text summary.
 */
import * as z from "zod";
import { defineTool } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { DEFAULT_SAMPLES, MAX_CURVES, MAX_SAMPLES } from "./limits.ts";
import { callBudget } from "./budget.ts";
import { LongWork } from "./long-work.ts";
import { renderPlot } from "./plot-svg.ts";
import type { Curve } from "./plot-svg.ts";
import { numberArgument, realFunction } from "./real-function.ts";
import { resultShape } from "./schema.ts";

const bound = z.union([z.number(), z.string()]);

/** The y range to show: every value, unless a few far-off ones (near a pole) would flatten the rest. */
function yRange(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  const at = (q: number) => finite[Math.min(finite.length - 1, Math.floor(q * (finite.length - 1)))]!;
  let [low, high] = [finite[0]!, finite[finite.length - 1]!];
  const [q1, q99] = [at(0.02), at(0.98)];
  if (high - low > 20 * (q99 - q1) && q99 > q1) [low, high] = [q1 - 0.15 * (q99 - q1), q99 + 0.15 * (q99 - q1)];
  else {
    const pad = (high - low) * 0.06;
    [low, high] = [low - pad, high + pad];
  }
  if (!(high > low)) [low, high] = [low - 1, high + 1];
  return [low, high];
}

/** Four significant digits: enough to describe a curve in words. */
const brief = (n: number) =>
  (Math.abs(n) >= 1e6 || (n !== 0 && Math.abs(n) < 1e-4) ? n.toExponential(3).replace(/\.?0+e/, "e") : String(Number(n.toPrecision(4)))).replace("-", "\u2212");

/** UTF-8 text as base64, in chunks (String.fromCharCode has an argument limit). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const plotTool = defineTool({
  name: "plot",
  title: "Plot functions",
  description:
    "Plots one or several functions of a variable over [from, to] and answers an SVG image (axes, ticks, " +
    "labels, a legend for several curves) with a short description: expression \"sin(x)\" or " +
    "[\"sin(x)\", \"cos(x)\"], from \"-2pi\" to \"2pi\". Gaps are left where a function is undefined. " +
    "Room variables and functions may appear.",
  inputSchema: z.strictObject({
    expression: z.union([z.string(), z.array(z.string()).min(1).max(MAX_CURVES)]).describe(`One expression, or up to ${MAX_CURVES} to draw together`),
    variable: z.string().optional().describe("The variable along the horizontal axis (default \"x\")"),
    from: bound.describe("Left end: a number or an expression such as \"-pi\""),
    to: bound.describe("Right end: a number or an expression such as \"pi\""),
    samples: z.number().int().min(10).max(MAX_SAMPLES).optional().describe(`Points per curve (default ${DEFAULT_SAMPLES})`),
    title: z.string().max(100).optional().describe("A title; by default the expressions"),
    yMin: z.number().optional().describe("Lower end of the vertical axis (default: fitted to the curves)"),
    yMax: z.number().optional().describe("Upper end of the vertical axis"),
  }),
  outputSchema: z.object({
    ...resultShape,
    curves: z.array(z.object({ expression: z.string(), min: z.number().nullable(), max: z.number().nullable(), undefinedPoints: z.number().int() })),
    x: z.tuple([z.number(), z.number()]),
    y: z.tuple([z.number(), z.number()]),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
  handler: async ({ expression, variable = "x", from, to, samples = DEFAULT_SAMPLES, title, yMin, yMax }, context) => {
    const expressions = Array.isArray(expression) ? expression : [expression];
    const call = callBudget(context);
    const functions = expressions.map((e, i) => realFunction(e, variable, context.room, call, expressions.length > 1 ? `expression ${i + 1}` : "the expression"));
    const a = numberArgument(from, "from", context.room, call);
    const b = numberArgument(to, "to", context.room, call);
    if (!Number.isFinite(a) || !Number.isFinite(b) || !(a < b)) throw new ToolError(`from and to must be finite with from < to (got ${a} and ${b})`);
    const work = new LongWork(context, functions.length * samples, 200);
    // The first point of each curve says what the rest will cost: refuse at once what could not finish.
    const before = call.work;
    const firsts = functions.map((f) => f(a));
    const perPoint = call.work - before;
    if (!call.affords(perPoint * samples * 1.1)) {
      const seconds = Number(((perPoint * (samples + 1)) / 1e6).toPrecision(2));
      throw new ToolError(`these curves need about ${seconds} s of work for ${samples + 1} points each, more than a call may take in a shared room; simplify them, or ask for fewer samples`);
    }
    const sampled: { x: number; y: number }[][] = [];
    let done = 0;
    for (const [index, f] of functions.entries()) {
      const points: { x: number; y: number }[] = [{ x: a, y: firsts[index]! }];
      for (let i = 1; i <= samples; i++) {
        const x = a + ((b - a) * i) / samples;
        points.push({ x, y: f(x) });
        await work.step(++done, "sampling");
      }
      sampled.push(points);
    }
    const all = sampled.flat().map((p) => p.y);
    if (!all.some(Number.isFinite)) throw new ToolError(`the expression has no real values for ${variable} from ${a} to ${b}`);
    const fitted = yRange(all);
    const y: [number, number] = [yMin ?? fitted[0], yMax ?? fitted[1]];
    if (!(y[0] < y[1])) throw new ToolError("yMin must be less than yMax");
    const curves: Curve[] = sampled.map((points, i) => ({ label: expressions[i]!.trim(), points: markJumps(points, functions[i]!, y) }));
    work.done();
    const shownTitle = title ?? (expressions.length === 1 ? `y = ${expressions[0]!.trim()}` : expressions.map((e) => e.trim()).join(", "));
    const svg = renderPlot({ title: shownTitle, xLabel: variable, curves, x: [a, b], y });
    const summaries = sampled.map((points, i) => {
      const values = points.map((p) => p.y).filter(Number.isFinite);
      return {
        expression: expressions[i]!.trim(),
        min: values.length ? Math.min(...values) : null,
        max: values.length ? Math.max(...values) : null,
        undefinedPoints: points.length - values.length,
      };
    });
    const describe = summaries
      .map((s) => `${s.expression}: ${s.min === null ? "no real values" : `from ${brief(s.min)} to ${brief(s.max!)}`}${s.undefinedPoints ? ` (undefined at ${s.undefinedPoints} of ${samples + 1} points)` : ""}`)
      .join("; ");
    const value = `Plot of ${summaries.map((s) => s.expression).join(", ")} for ${variable} from ${brief(a)} to ${brief(b)}`;
    return {
      structured: { value, type: "plot", curves: summaries, x: [a, b] as [number, number], y },
      text: `${value}. ${describe}.`,
      content: [{ type: "image", data: base64(svg), mimeType: "image/svg+xml" }],
    };
  },
});

/**
 * Marks where a curve jumps across a pole (tan at π/2) so it is not drawn as a vertical line: a jump
 * taller than the view whose midpoint does not lie between its ends.
 */
function markJumps(points: { x: number; y: number }[], f: (x: number) => number, [low, high]: [number, number]) {
  const span = high - low;
  let checks = 0;
  return points.map((point, i) => {
    const previous = points[i - 1];
    if (!previous || !Number.isFinite(previous.y) || !Number.isFinite(point.y) || Math.abs(point.y - previous.y) <= span || checks >= 500) return point;
    checks++;
    const middle = f((previous.x + point.x) / 2);
    const between = Math.min(previous.y, point.y) <= middle && middle <= Math.max(previous.y, point.y);
    return between ? point : { ...point, breakBefore: true };
  });
}
