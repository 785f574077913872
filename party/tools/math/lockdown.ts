/**
 * @module Locks a mathjs instance's expression namespace down: the functions its security guide names
 * are disabled, and every other function is wrapped so that its cost is counted and its arguments and
 * result are checked before the room pays for them.
 *
 * Only `math.expression.mathWithTransform` changes, the namespace expressions see. Code keeps calling
 * `math.parse`, `math.simplify`, … unchanged; simplify's constant folding goes through the locked
 * namespace, so it too is bounded.
 */
import type { MathJsInstance } from "mathjs";
import { ToolError } from "../tool-error.ts";
import { currentBudget } from "./budget.ts";
import { costOf, resultUnits } from "./costs.ts";
import { guards } from "./guards.ts";
import { checkSize, elementCount, isCollection } from "./values.ts";
import { stringUnits } from "./weights.ts";

/**
 * Functions an expression may not call: those the mathjs security guide names (they change the
 * instance or parse text into manipulable trees), and those whose work cannot be bounded beforehand.
 */
export const DISABLED = new Set([
  "import", "createUnit", "reviver", "replacer", "evaluate", "parse", "compile", "parser", "simplify",
  "simplifyConstant", "simplifyCore", "derivative", "resolve", "rationalize", "leafCount", "symbolicEqual",
  "typed", "config", "help", "solveODE",
]);

type AnyFunction = ((...args: unknown[]) => unknown) & Record<string, unknown>;

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
          wrapped = typeof original === "function" ? guarded(math, name, original as AnyFunction) : original;
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

/** Units are about a microsecond each at worst (costs.ts), so they read as time. */
function tooLong(name: string, units: number, max: number): string {
  const seconds = (n: number) => {
    const s = n / 1e6;
    return s >= 100 ? s.toExponential(1).replace("e+", "e") : String(Number(s.toPrecision(2)));
  };
  return `${name}: these arguments need about ${seconds(units)} s of work, more than one calculation may take in a shared room (${seconds(max)} s); make them smaller`;
}

type Conversion = { from: string; to: string; convert: (x: unknown) => unknown };

/**
 * Text where a function wants a number (`nthRoots("7777…")`) is converted by typed-function on the way
 * in, before any model sees it; complex.js reads text in time quadratic in its length (60 ms for 8,192
 * characters). Every such conversion is charged by the text's length. Installed before any function
 * is made, since a typed function keeps the conversions it was made with.
 */
export function meterTextConversions(math: MathJsInstance): void {
  const typed = math.typed as unknown as { addConversion(conversion: Conversion, options: { override: boolean }): void };
  const makers: Record<string, (x: string) => unknown> = {
    number: (x) => math.number(x),
    BigNumber: (x) => math.bignumber(x),
    bigint: (x) => math.bigint(x),
    Fraction: (x) => math.fraction(x),
    Complex: (x) => math.complex(x),
  };
  for (const [to, make] of Object.entries(makers)) {
    const convert = (x: unknown) => {
      currentBudget().spend(2 * stringUnits((x as string).length));
      return make(x as string);
    };
    typed.addConversion({ from: "string", to, convert }, { override: true });
  }
}

function disabled(name: string): () => never {
  return () => {
    throw new ToolError(`${name} is disabled in expressions`);
  };
}

function guarded(math: MathJsInstance, name: string, original: AnyFunction): AnyFunction {
  if (original.rawArgs) return guardedRaw(name, original);
  const guard = guards[name];
  const check = (impl: AnyFunction, signature = "") =>
    function guardedFunction(...received: unknown[]): unknown {
      const budget = currentBudget();
      // A rest parameter (`...any`) arrives as one array: check the arguments as they were written.
      const args = signature.includes("...") ? [...received.slice(0, -1), ...((received.at(-1) as unknown[]) ?? [])] : received;
      guard?.(args, budget);
      const units = costOf(name, args);
      // A single call that could never fit is refused by name, so a person knows what to make smaller.
      if (units > budget.maxWork) throw new ToolError(tooLong(name, units, budget.maxWork));
      budget.spend(units);
      const result = impl(...received);
      checkResult(result);
      return result;
    } as AnyFunction;
  const signatures = original.signatures as Record<string, AnyFunction> | undefined;
  let wrapper: AnyFunction;
  if (signatures && (math.typed as unknown as { isTypedFunction(f: unknown): boolean }).isTypedFunction(original)) {
    // A typed function again, with every signature checked: mathjs hands single signatures of a callback
    // to map and friends, so wrapping only the dispatcher would let `map(A, sin)` skip the checks.
    const checked = Object.fromEntries(Object.entries(signatures).map(([signature, impl]) => [signature, check(impl, signature)]));
    if (name === "pow") addMatrixPowers(checked);
    wrapper = math.typed(name, checked) as unknown as AnyFunction;
  } else {
    wrapper = check(original);
    Object.defineProperty(wrapper, "name", { value: original.name || name });
  }
  return wrapper;
}

/**
 * In fraction mode a literal exponent is a Fraction, for which mathjs has no matrix power:
 * `[1, 2; 3, 4]^2` would fail. A whole exponent is passed on as a number.
 */
function addMatrixPowers(signatures: Record<string, AnyFunction>): void {
  const whole = (exponent: unknown) => {
    const n = Number((exponent as { valueOf(): string }).valueOf());
    if (!Number.isInteger(n)) throw new ToolError("a matrix power needs a whole-number exponent");
    return n;
  };
  for (const collection of ["Matrix", "Array"]) {
    const power = signatures[`${collection},number`];
    for (const type of ["Fraction", "BigNumber"]) {
      const key = `${collection},${type}`;
      if (power && !signatures[key]) signatures[key] = ((base: unknown, exponent: unknown) => power(base, whole(exponent))) as AnyFunction;
    }
  }
}

/**
 * Functions that take their arguments as unevaluated nodes (map, filter, forEach, and, or, ??) evaluate
 * them through instrumented nodes and call callbacks that are checked themselves; only what they
 * return is left to check.
 */
function guardedRaw(name: string, original: AnyFunction): AnyFunction {
  const wrapper = function guardedRawFunction(args: unknown[], math: unknown, scope: unknown): unknown {
    if ((name === "map" || name === "forEach") && args.length > 2) {
      // Several matrices are broadcast to one size before the callback ever runs: refuse it up front.
      throw new ToolError(`${name} over several matrices at once is not supported; combine them first`);
    }
    const result = original(args, math, scope);
    checkResult(result);
    return result;
  } as unknown as AnyFunction;
  wrapper.rawArgs = true;
  return wrapper;
}

/** A result is checked before anyone pays for it again: its size, and the elements it made (charged as built). */
function checkResult(result: unknown): void {
  checkSize(result);
  if (isCollection(result)) {
    const budget = currentBudget();
    budget.allocate(elementCount(result));
    budget.spend(resultUnits(result));
  }
}
