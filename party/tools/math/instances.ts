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
    // Replacements for mathjs functions whose time has no bound on some inputs, before anything uses them.
    meterTextConversions(math);
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
