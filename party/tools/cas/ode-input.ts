/**
 * @module Differential equations as people type them: y' = y, y'' + y = 0, dy/dx = x*y, y(0) = 1,
 * y'(0) = 0. In mathjs ' is a transpose, so primes and Leibniz quotients are rewritten before parsing
 * into reserved names (y__d1), which the reader turns into derivatives of the function y of x.
 */
import { ToolError } from "../tool-error.ts";

/** Does the text look like a differential equation (a prime after a name, or dy/dx)? */
export function looksLikeOde(text: string): boolean {
  return /[A-Za-z]\w*'+/.test(text) || /\bd\^?\d*\s*[A-Za-z]\w*\s*\/\s*d[A-Za-z]/.test(text);
}

/** The text with derivatives rewritten as reserved names, and the names of the functions differentiated. */
export function rewriteDerivatives(text: string): { text: string; functions: Set<string>; variables: Set<string> } {
  const functions = new Set<string>();
  const variables = new Set<string>();
  let out = text.replace(/\bd\^?(\d*)\s*([A-Za-z]\w*)\s*\/\s*d([A-Za-z]\w*)(?:\s*\^\s*(\d+))?/g, (_, k: string, f: string, v: string, k2: string) => {
    const order = Number(k || k2 || 1);
    if (k && k2 && k !== k2) throw new ToolError(`d^${k}${f}/d${v}^${k2} mixes two orders`);
    functions.add(f);
    variables.add(v);
    return `${f}__d${order}`;
  });
  // A name right after a digit is a factor (3y' is 3·y'): only letters before it make it part of another name.
  out = out.replace(/(?<![A-Za-z_])([A-Za-z]\w*)('+)/g, (_, f: string, primes: string) => {
    if (primes.length > 4) throw new ToolError("derivatives above the fourth order are not supported");
    functions.add(f);
    return `${f}__d${primes.length}`;
  });
  if (out.includes("'")) throw new ToolError("' may only follow a function's name, as in y' or y''");
  return { text: out, functions, variables };
}

/** The reserved name's function and order: y__d2 → [y, 2]. */
export function derivativeName(name: string): [string, number] | undefined {
  const match = /^([A-Za-z]\w*?)__d(\d)$/.exec(name);
  return match ? [match[1]!, Number(match[2])] : undefined;
}
