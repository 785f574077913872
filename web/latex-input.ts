/**
 * @module LaTeX typed where an expression is expected, recognised as the room's evaluate recognises it.
 */

/** LaTeX input: any backslash, or the whole of it between `$`s. */
export function looksLikeLatex(text: string): boolean {
  return text.includes("\\") || /^\s*\$.*\$\s*$/s.test(text);
}

/** LaTeX input without the `$` or `$$` around it. */
export function bareLatex(text: string): string {
  return text.trim().replace(/^\$\$?([\s\S]*?)\$?\$$/, "$1").trim();
}
