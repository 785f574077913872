/**
 * @module The seed's ten tools, with the seed's own parameter names and domain errors spelled out.
 */
import * as z from "zod";
import { defineTool } from "./registry.ts";
import type { ToolDefinition } from "./registry.ts";
import { ToolError } from "./tool-error.ts";

const NumberResult = z.object({ value: z.number().describe("The result, a finite number") });
const pure = { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false };
const num = (description: string) => z.number().describe(description);

/** Refuses NaN and ±Infinity with a sentence that says why, instead of answering them. */
function finite(value: number, why: string): number {
  if (Number.isNaN(value)) throw new ToolError(`the result is not a real number (${why})`);
  if (!Number.isFinite(value)) throw new ToolError(`the result is too large to represent (${why})`);
  return value;
}

const show = (n: number) => String(n);

/** Exact where the platform has a dedicated function: log10(1000) is 3, not 2.9999999999999996. */
function logarithm(value: number, base?: number): number {
  if (base === undefined) return Math.log(value);
  if (base === 10) return Math.log10(value);
  if (base === 2) return Math.log2(value);
  return Math.log(value) / Math.log(base);
}
const answer = (value: number, text: string) => ({ structured: { value }, text });

function arithmetic(
  name: string,
  title: string,
  description: string,
  symbol: string,
  run: (a: number, b: number) => number,
): ToolDefinition {
  return defineTool({
    name,
    title,
    description,
    inputSchema: z.strictObject({ a: num("The first operand"), b: num("The second operand") }),
    outputSchema: NumberResult,
    annotations: pure,
    handler: ({ a, b }) => {
      const value = finite(run(a, b), `${show(a)} ${symbol} ${show(b)} overflows`);
      return answer(value, `${show(a)} ${symbol} ${show(b)} = ${show(value)}`);
    },
  });
}

function trigonometric(name: "sin" | "cos" | "tan", title: string): ToolDefinition {
  return defineTool({
    name,
    title,
    description: `The ${title.toLowerCase()} of an angle given in radians (multiply degrees by π/180 first).`,
    inputSchema: z.strictObject({ angle: num("The angle in radians") }),
    outputSchema: NumberResult,
    annotations: pure,
    handler: ({ angle }) => {
      const value = finite(Math[name](angle), `${name} of ${show(angle)}`);
      return answer(value, `${name}(${show(angle)}) = ${show(value)}`);
    },
  });
}

export const seedTools: ToolDefinition[] = [
  arithmetic("add", "Add", "Adds two numbers: a + b.", "+", (a, b) => a + b),
  arithmetic("subtract", "Subtract", "Subtracts the second number from the first: a − b.", "-", (a, b) => a - b),
  arithmetic("multiply", "Multiply", "Multiplies two numbers: a × b.", "×", (a, b) => a * b),
  arithmetic("divide", "Divide", "Divides the first number by the second: a ÷ b. b must not be 0.", "÷", (a, b) => {
    if (b === 0) throw new ToolError("b must not be 0: division by zero is undefined");
    return a / b;
  }),
  defineTool({
    name: "power",
    title: "Power",
    description: "Raises base to exponent: base^exponent. A negative base needs a whole-number exponent.",
    inputSchema: z.strictObject({ base: num("The base"), exponent: num("The exponent") }),
    outputSchema: NumberResult,
    annotations: pure,
    handler: ({ base, exponent }) => {
      if (base === 0 && exponent < 0) {
        throw new ToolError("0 raised to a negative exponent is undefined (it divides by zero)");
      }
      if (base < 0 && !Number.isInteger(exponent)) {
        throw new ToolError(`a negative base (${show(base)}) needs a whole-number exponent; ${show(exponent)} gives no real result`);
      }
      const value = finite(base ** exponent, `${show(base)}^${show(exponent)} overflows`);
      return answer(value, `${show(base)}^${show(exponent)} = ${show(value)}`);
    },
  }),
  defineTool({
    name: "sqrt",
    title: "Square root",
    description: "The non-negative square root of a number that is 0 or more.",
    inputSchema: z.strictObject({ value: num("The number, 0 or more") }),
    outputSchema: NumberResult,
    annotations: pure,
    handler: ({ value }) => {
      if (value < 0) {
        throw new ToolError(`value must not be negative (got ${show(value)}): a negative number has no real square root`);
      }
      const root = Math.sqrt(value);
      return answer(root, `√${show(value)} = ${show(root)}`);
    },
  }),
  trigonometric("sin", "Sine"),
  trigonometric("cos", "Cosine"),
  trigonometric("tan", "Tangent"),
  defineTool({
    name: "log",
    title: "Logarithm",
    description:
      "The logarithm of a positive number: natural (base e) without base, else to the given base " +
      "(greater than 0 and not 1), e.g. base 10 or 2.",
    inputSchema: z.strictObject({
      value: num("The number, greater than 0"),
      base: num("The base, greater than 0 and not 1; omit it for the natural logarithm").optional(),
    }),
    outputSchema: NumberResult,
    annotations: pure,
    handler: ({ value, base }) => {
      if (value <= 0) throw new ToolError(`value must be greater than 0 (got ${show(value)}): the logarithm is only defined for positive numbers`);
      if (base !== undefined && base <= 0) throw new ToolError(`base must be greater than 0 (got ${show(base)})`);
      if (base === 1) throw new ToolError("base must not be 1: every power of 1 is 1, so no logarithm to base 1 exists");
      const result = logarithm(value, base);
      const label = base === undefined ? `ln(${show(value)})` : `log_${show(base)}(${show(value)})`;
      return answer(finite(result, label), `${label} = ${show(result)}`);
    },
  }),
];
