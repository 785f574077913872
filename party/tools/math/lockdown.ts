/**
 * @module Locks a mathjs instance's expression namespace down: the functions its security guide names
 * are disabled, and every other function is wrapped so that its cost is counted and its arguments and
 * result are checked before the room pays for them.
 *
 * Only `math.expression.mathWithTransform` changes, the namespace expressions see. Code keeps calling
 * `math.parse`, `math.simplify`, … unchanged; simplify's constant folding goes through the locked
 * namespace, so it too is bounded.
 */
import { isBigNumber, isComplex } from "mathjs";
import type { MathJsInstance } from "mathjs";
import { ToolError } from "../tool-error.ts";
import { currentBudget } from "./budget.ts";
import { guards, TRANSCENDENTAL } from "./guards.ts";
import { checkSize, elementCount, elementWeight, firstElement, isCollection } from "./values.ts";

/**
 * Functions an expression may not call: those the mathjs security guide names (they change the
 * instance or parse text into manipulable trees), and those whose work cannot be bounded beforehand.
 */
export const DISABLED = new Set([
  "import", "createUnit", "reviver", "replacer", "evaluate", "parse", "compile", "parser", "simplify",
  "simplifyConstant", "simplifyCore", "derivative", "resolve", "rationalize", "leafCount", "symbolicEqual",
  "typed", "config", "help", "solveODE",
]);

/** Higher-order functions: their element count is multiplied by their callback's cost. */
const HIGHER_ORDER = new Set(["map", "forEach", "filter", "mapSlices", "apply", "matrixFromFunction"]);

type AnyFunction = ((...args: unknown[]) => unknown) & Record<string, unknown>;
const HEAVY = Symbol("heavy");

export function lockDown(math: MathJsInstance): void {
  const namespace = (math.expression as unknown as { mathWithTransform: Record<string, unknown> }).mathWithTransform;
  for (const name of DISABLED) {
    Object.defineProperty(namespace, name, { value: disabled(name), enumerable: true, configurable: false, writable: false });
  }
  for (const name of Object.keys(namespace)) {
    if (DISABLED.has(name)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(namespace, name)!;
    // Resolving all ~300 factories up front would cost the first request; wrap each on first use.
    let wrapped: unknown;
    let resolved = false;
    Object.defineProperty(namespace, name, {
      enumerable: true,
      configurable: true,
      get() {
        if (!resolved) {
          const original = descriptor.get ? descriptor.get.call(namespace) : descriptor.value;
          wrapped = typeof original === "function" ? guarded(name, original as AnyFunction) : original;
          resolved = true;
        }
        return wrapped;
      },
      set(value: unknown) {
        // mathjs re-imports constants when the precision changes; functions are never replaced.
        wrapped = value;
        resolved = true;
      },
    });
  }
}

function disabled(name: string): () => never {
  return () => {
    throw new ToolError(`${name} is disabled in expressions`);
  };
}

/** Work units one call costs before it runs: every element it is given, weighted by its kind. */
function inputCost(name: string, args: unknown[]): number {
  const heavy = TRANSCENDENTAL.has(name);
  const callbackHeavy = HIGHER_ORDER.has(name) && args.some((a) => typeof a === "function" && (a as unknown as Record<symbol, unknown>)[HEAVY]);
  let units = 1;
  for (const arg of args) {
    if (typeof arg === "function" || typeof arg === "string") continue;
    const count = isCollection(arg) ? elementCount(arg) : 1;
    units += count * elementWeight(arg) * (heavy || callbackHeavy ? heavyFactor(arg) : 1);
  }
  return units;
}

/** How much more a transcendental function costs per element than arithmetic. */
function heavyFactor(value: unknown): number {
  const sample = isCollection(value) ? firstElement(value) : value;
  if (isBigNumber(sample)) {
    // Decimal's series grow with the precision: measured ~0.5 ms per sin at 64 digits, ~2.5 ms at 512.
    const precision = (sample as unknown as { constructor: { precision?: number } }).constructor.precision ?? 64;
    return 400 + 4 * precision;
  }
  return isComplex(sample) ? 10 : 2;
}

function guarded(name: string, original: AnyFunction): AnyFunction {
  // Functions that take their arguments unevaluated (and, or, ??) evaluate them through nodes, which count.
  if (original.rawArgs) return original;
  const guard = guards[name];
  const wrapper = function guardedFunction(...args: unknown[]): unknown {
    const budget = currentBudget();
    guard?.(args, budget);
    budget.spend(inputCost(name, args));
    const result = original(...args);
    checkSize(result);
    if (isCollection(result)) budget.allocate(elementCount(result));
    return result;
  } as AnyFunction;
  // Keep what mathjs reads off a typed function, so `map(A, sin)` still finds sin's arity.
  for (const key of ["signatures", "_typedFunctionData", "syntax"]) {
    if (key in original) Object.defineProperty(wrapper, key, { value: original[key], enumerable: false });
  }
  Object.defineProperty(wrapper, "name", { value: original.name || name });
  if (TRANSCENDENTAL.has(name)) Object.defineProperty(wrapper, HEAVY, { value: true });
  return wrapper;
}
