/**
 * @module The one way user text becomes something to evaluate: checked as text, parsed, checked as a
 * tree, instrumented, compiled; and the one way it runs: under a work budget, with mathjs's errors
 * turned into sentences.
 */
import type { EvalFunction, MathJsInstance, MathNode } from "mathjs";
import { ToolError } from "../tool-error.ts";
import { Budget, withBudget } from "./budget.ts";
import { checkText, checkTree } from "./check-tree.ts";
import type { TreeOptions } from "./check-tree.ts";
import { instrument } from "./instrument.ts";
import { builtinNames, mathFor } from "./instances.ts";
import type { Mode } from "./values.ts";

export type ParseOptions = TreeOptions & {
  /** How messages name the text: "the expression", "the equation", … */
  what?: string;
  /** Skips the text checks, for definitions this service wrote itself. */
  trusted?: boolean;
};

/** Parses and checks user text; the tree is instrumented, ready to compile. */
export function parseChecked(text: string, mode: Mode, options: ParseOptions = {}): { node: MathNode; math: MathJsInstance } {
  const what = options.what ?? "the expression";
  if (!options.trusted) checkText(text, what);
  const math = mathFor(mode);
  let node: MathNode;
  try {
    node = math.parse(text);
  } catch (error) {
    throw new ToolError(`${what} could not be read: ${describeError(error)}`);
  }
  checkTree(node, { builtins: builtinNames(), ...options });
  return { node: instrument(node), math };
}

/** Compiles a checked tree; compiling evaluates nothing but may fold constants, so it is budgeted too. */
export function compileChecked(node: MathNode, budget = new Budget()): EvalFunction {
  return run(budget, () => node.compile());
}

/** Runs `work` synchronously with `budget` active; any failure becomes a ToolError sentence. */
export function run<T>(budget: Budget, work: () => T): T {
  try {
    return withBudget(budget, work);
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError(describeError(error));
  }
}

/** mathjs's messages, made into sentences a person can act on. Never a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof ToolError) return error.message;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return "the expression recurses or nests too deeply";
  }
  // mathjs wraps errors thrown inside callbacks (map, filter): keep only the reason.
  const message = (error instanceof Error ? error.message : String(error)).replace(/^Function \w+ cannot apply callback arguments to function \w+: /, "");
  let match = /^Undefined symbol (.+)$/.exec(message);
  if (match) return `${match[1]} is not defined: assign it first (${match[1]} = …) or check the spelling`;
  match = /^Undefined function (.+)$/.exec(message);
  if (match) return `${match[1]} is not a known function`;
  if (/Cannot implicitly convert a Fraction to BigNumber/.test(message)) {
    return "this has no exact fraction result (square roots, logarithms and trigonometry of fractions are irrational, and some functions, such as zeros, have no fraction version); use mode \"number\" or \"bignumber\"";
  }
  if (/Cannot convert .* to a number|Cannot implicitly convert/.test(message)) {
    return `${message.replace(/\.$/, "")}: mixing exact fractions and decimals needs an explicit conversion`;
  }
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}
