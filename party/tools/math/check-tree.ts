/**
 * @module Static checks of an expression: on its text before parsing, and on its tree before compiling.
 *
 * These give early, specific refusals; the runtime guards (lockdown.ts) and the work budget stay the
 * safety net for what cannot be seen statically.
 */
import type { MathNode } from "mathjs";
import { ToolError } from "../tool-error.ts";
import { checkRange } from "./guards.ts";
import { DISABLED } from "./lockdown.ts";
import { MAX_ELEMENTS, MAX_EXPRESSION_LENGTH, MAX_NESTING, MAX_NODES, MAX_TREE_DEPTH } from "./limits.ts";

/** The fields of mathjs nodes these checks read. */
export type AnyNode = MathNode & {
  name?: string;
  fn?: AnyNode | string;
  object?: AnyNode;
  index?: AnyNode & { dotNotation?: boolean; dimensions: AnyNode[] };
  dimensions?: AnyNode[];
  dotNotation?: boolean;
  value?: unknown;
  params?: string[];
  start?: AnyNode;
  end?: AnyNode;
  step?: AnyNode;
  args?: AnyNode[];
  _compile: (math: unknown, argNames: unknown) => (scope: unknown, args: unknown, context: unknown) => unknown;
};

/** Property names that reach into JavaScript rather than into a value. */
const FORBIDDEN_PROPERTIES = /^(constructor|prototype|__proto__|__.*|_.*|toString|valueOf|call|apply|bind|set|get|eval)$/;

/** Refuses text that is too long, or nested deeper than the recursive parser can take. */
export function checkText(text: string, what = "the expression"): void {
  if (text.trim() === "") throw new ToolError(`${what} is empty`);
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new ToolError(`${what} is ${text.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed`);
  }
  let depth = 0;
  let run = 0;
  for (const char of text) {
    if (char === "(" || char === "[" || char === "{") depth++;
    else if (char === ")" || char === "]" || char === "}") depth--;
    // Unary operators nest too: `------1` recurses once per sign.
    run = char === "-" || char === "+" || char === "!" || char === "'" ? run + 1 : char === " " ? run : 0;
    if (depth > MAX_NESTING || run > MAX_NESTING) throw new ToolError(`${what} nests more than ${MAX_NESTING} levels deep`);
  }
}

export type TreeOptions = { maxNodes?: number; allowAssignment?: boolean; builtins?: ReadonlySet<string> };

/** Walks the tree once: size, depth, and the constructs this service does not evaluate. */
export function checkTree(root: MathNode, options: TreeOptions = {}): void {
  const maxNodes = options.maxNodes ?? MAX_NODES;
  let count = 0;
  const visit = (node: AnyNode, depth: number): void => {
    if (++count > maxNodes) throw new ToolError(`the expression has more than ${maxNodes} parts; split it up`);
    if (depth > MAX_TREE_DEPTH) throw new ToolError(`the expression nests more than ${MAX_TREE_DEPTH} levels deep`);
    checkNode(node, options);
    node.forEach((child) => visit(child as AnyNode, depth + 1));
  };
  visit(root as AnyNode, 0);
}

function checkNode(node: AnyNode, options: TreeOptions): void {
  switch (node.type) {
    case "ObjectNode":
      throw new ToolError("objects ({…}) are not supported in expressions");
    case "SymbolNode":
      if (DISABLED.has(node.name!)) throw new ToolError(`${node.name} is disabled in expressions`);
      return;
    case "FunctionNode":
      if (typeof node.fn === "object" && node.fn.type === "AccessorNode") {
        throw new ToolError("method calls (a.b(…)) are not supported; call functions instead, e.g. sqrt(z)");
      }
      return;
    case "AccessorNode":
      if (node.index?.dotNotation) {
        const property = String((node.index.dimensions[0] as AnyNode | undefined)?.value ?? "");
        if (FORBIDDEN_PROPERTIES.test(property)) throw new ToolError(`the property ${property} is not accessible`);
      }
      return;
    case "IndexNode":
      for (const dimension of node.dimensions ?? []) {
        if (dimension.type === "ConstantNode" && typeof dimension.value === "string" && !node.dotNotation) {
          throw new ToolError("text indexes (a[\"b\"]) are not supported; index matrices with numbers");
        }
      }
      return;
    case "AssignmentNode":
    case "FunctionAssignmentNode":
      checkAssignment(node, options);
      return;
    case "RangeNode":
      checkConstantRange(node);
      return;
  }
}

/** Only plain names and matrix elements can be assigned; never a built-in's name. */
function checkAssignment(node: AnyNode, options: TreeOptions): void {
  if (options.allowAssignment === false) {
    throw new ToolError("assignments (x = …) are only allowed in evaluate; write an expression here");
  }
  const target = node.type === "FunctionAssignmentNode" ? node : node.object;
  const name = target?.name;
  if (node.type === "AssignmentNode" && node.index?.dotNotation) {
    throw new ToolError("properties cannot be assigned (a.b = …)");
  }
  if (name && (DISABLED.has(name) || options.builtins?.has(name))) {
    throw new ToolError(`${name} is a built-in name and cannot be redefined; choose another name`);
  }
  for (const param of node.params ?? []) {
    if (DISABLED.has(param)) throw new ToolError(`${param} is a built-in name and cannot be a parameter`);
  }
}

/** `1:1e9` is refused here, with its size, before it is ever built. */
function checkConstantRange(node: AnyNode): void {
  const value = (n: AnyNode | undefined) => (n?.type === "ConstantNode" ? Number(n.value) : undefined);
  const start = value(node.start);
  const end = value(node.end);
  const step = node.step ? value(node.step) : 1;
  if (start === undefined || end === undefined || step === undefined) return;
  const count = Math.floor(Math.abs((end - start) / step)) + 1;
  if (count > MAX_ELEMENTS) {
    throw new ToolError(`the range ${node.toString()} has ${count > 1e15 ? count.toExponential(2) : count} elements; at most ${MAX_ELEMENTS} are allowed`);
  }
  checkRange("the range", start, end, step);
}
