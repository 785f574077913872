/**
 * @module The variables of an expression: its symbols that are not the engine's constants.
 */
import { symbolsOf } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { ENGINE_CONSTANTS } from "./names.ts";

const NOT_VARIABLES = new Set([...Object.keys(ENGINE_CONSTANTS), "Nothing", "RealNumbers", "Integers", "ComplexNumbers", "RationalNumbers"]);

export function variablesOf(json: Json): string[] {
  return [...symbolsOf(json)].filter((s) => !NOT_VARIABLES.has(s) && !/^'.*'$/.test(s)).sort();
}
