/**
 * @module The three locked-down mathjs instances, one per number mode, created on first use.
 *
 * One instance per mode keeps a mode's configuration fixed: no call ever reconfigures an instance
 * another call is using, except the bignumber precision, which is set before each synchronous run.
 */
import type { ConfigOptions, MathJsInstance } from "mathjs";
import { lockDown, meterTextConversions } from "./lockdown.ts";
import { installPrimality } from "./primality.ts";
import { installSelection } from "./selection.ts";
import { defineUnits } from "./units.ts";
import { DEFAULT_PRECISION } from "./limits.ts";
import type { Mode } from "./values.ts";

const CONFIG: Record<Mode, ConfigOptions> = {
  number: {},
  bignumber: { number: "BigNumber", precision: DEFAULT_PRECISION },
  fraction: { number: "Fraction" },
};

const instances = new Map<Mode, MathJsInstance>();
let mathjs: typeof import("mathjs") | undefined;

/**
 * Loads mathjs on the first math call rather than when the Worker starts: most of its hundreds of
 * modules are not needed to answer tools/list or the seed's arithmetic.
 */
export async function loadMath(): Promise<void> {
  mathjs ??= await import("mathjs");
}
let builtins: ReadonlySet<string> | undefined;

export function mathFor(mode: Mode): MathJsInstance {
  let math = instances.get(mode);
  if (!math) {
    if (!mathjs) throw new Error("mathjs is used before loadMath() finished");
    math = mathjs.create(mathjs.all!, CONFIG[mode]);
    // Text conversions are metered before any function is made (each keeps the conversions it was made with).
    meterTextConversions(math);
    defineUnits(math);
    exactComplexPowers(math);
    // Replacements for mathjs functions whose time has no bound on some inputs, before anything uses them.
    installPrimality(math);
    installSelection(math);
    lockDown(math);
    instances.set(mode, math);
  }
  return math;
}

/** Sets the bignumber instance's significant digits; cheap when it is already set. */
export function usePrecision(precision: number): MathJsInstance {
  const math = mathFor("bignumber");
  if (precisionOf(math) !== precision) math.config({ precision });
  return math;
}

/** The instance's configured significant digits (reading the config without changing it). */
export function precisionOf(math: MathJsInstance): number {
  return (math.config as unknown as () => ConfigOptions)().precision ?? 64;
}

/** The names expressions see, as mathjs keeps them. */
export function expressionNamespace(math: MathJsInstance): Record<string, unknown> {
  return (math.expression as unknown as { mathWithTransform: Record<string, unknown> }).mathWithTransform;
}

/** Every name an expression can reach (functions, constants): none of them may be redefined. */
export function builtinNames(): ReadonlySet<string> {
  builtins ??= new Set([...Object.keys(expressionNamespace(mathFor("number"))), "import"]);
  return builtins;
}

let complexPatched = false;

/**
 * Whole powers of complex numbers by repeated multiplication: mathjs (complex.js) goes through polar
 * form, so (1 + 2i)^3 came out as −10.999999999999998 − 1.9999999999999964i instead of −11 − 2i.
 * The Complex class is shared by every instance, so it is patched once.
 */
function exactComplexPowers(math: MathJsInstance): void {
  if (complexPatched) return;
  complexPatched = true;
  type C = { re: number; im: number; mul(o: C): C; div(o: C): C; pow(a: unknown, b?: unknown): C; constructor: new (re: number, im: number) => C };
  const proto = (math as unknown as { Complex: { prototype: C } }).Complex.prototype;
  const original = proto.pow;
  proto.pow = function (this: C, a: unknown, b?: unknown): C {
    const n = b !== undefined ? Number.NaN : typeof a === "number" ? a : typeof a === "object" && a !== null && (a as C).im === 0 ? (a as C).re : Number.NaN;
    if (!Number.isInteger(n) || Math.abs(n) > 1024 || (this.re === 0 && this.im === 0)) return original.call(this, a, b);
    const one = new this.constructor(1, 0);
    let result = one;
    let base: C = this;
    for (let k = Math.abs(n); k > 0; k = Math.floor(k / 2)) {
      if (k % 2 === 1) result = result.mul(base);
      base = base.mul(base);
    }
    return n < 0 ? one.div(result) : result;
  };
}
