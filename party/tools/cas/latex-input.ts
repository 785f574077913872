/**
 * @module LaTeX input: read by the engine's LaTeX parser, then checked against an allowlist of what it
 * may contain, before and after the engine puts it in canonical form. Assignments, declarations,
 * assumptions, loops, printing and the like are refused; so is anything the parser could not read.
 */
import { ToolError } from "../tool-error.ts";
import { checkText } from "../math/check-tree.ts";
import type { Budget } from "../math/budget.ts";
import { casRun } from "./engine.ts";
import { args, head, isSymbol } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";

/** Heads LaTeX input may use: arithmetic, the elementary and special functions, relations, calculus. */
const ALLOWED = new Set([
  "Add", "Subtract", "Multiply", "Divide", "Negate", "Power", "Sqrt", "Root", "Rational", "Complex", "Delimiter",
  "InvisibleOperator", "Sequence", "Abs", "Exp", "Ln", "Log", "Lb", "Lg", "Factorial", "Factorial2", "Binomial", "Gamma",
  "Sin", "Cos", "Tan", "Sec", "Csc", "Cot", "Arcsin", "Arccos", "Arctan", "Arcsec", "Arccsc", "Arccot", "Arctan2",
  "Sinh", "Cosh", "Tanh", "Sech", "Csch", "Coth", "Arsinh", "Arcosh", "Artanh", "Arsech", "Arcsch", "Arcoth",
  "Erf", "Erfc", "Floor", "Ceil", "Round", "Sign", "Real", "Imaginary", "Conjugate", "Argument", "Max", "Min", "Mod",
  "GCD", "LCM", "Apply", "InverseFunction", "Equal", "NotEqual", "Less", "Greater", "LessEqual", "GreaterEqual",
  "List", "Matrix", "D", "Derivative", "Integrate", "Limit", "Limits", "Function", "Block", "Sum", "Product", "Prime", "Element", "Tuple",
]);

/** Function names written without a backslash, followed by an argument: in LaTeX, letters multiplied. */
const BARE_FUNCTION = /(?<![\\a-zA-Z])(a?sinh?|a?cosh?|a?tanh?|arc(?:sin|cos|tan)|sec|csc|cot|log(?:2|10)?|ln|exp|sqrt|cbrt|nthRoot|abs|re|im|arg|conj|floor|ceil|round|sign|max|min|mod|gcd|lcm|gamma|erf|factorial|binomial)(?=\s*[\d(])/;

/** The LaTeX command for a function name written bare. */
const LATEX_NAMES: Record<string, string> = {
  sin: "sin", cos: "cos", tan: "tan", sinh: "sinh", cosh: "cosh", tanh: "tanh", asin: "arcsin", acos: "arccos", atan: "arctan",
  arcsin: "arcsin", arccos: "arccos", arctan: "arctan", sec: "sec", csc: "csc", cot: "cot", log: "log", log2: "log_2", log10: "log_{10}",
  ln: "ln", exp: "exp", sqrt: "sqrt{…}", cbrt: "sqrt[3]{…}", nthRoot: "sqrt[n]{…}", abs: "left|…\\right|", re: "Re", im: "Im", max: "max",
  min: "min", gcd: "gcd", floor: "lfloor …\\rfloor", ceil: "lceil …\\rceil", binomial: "binom{n}{k}",
};

export function looksLikeLatex(text: string): boolean {
  return text.includes("\\") || /^\s*\$.*\$\s*$/s.test(text);
}

function check(json: Json, what: string): void {
  if (isSymbol(json)) {
    // A symbol only names something; evaluating the name of a library function does nothing.
    if (/^'.*'$/.test(json)) throw new ToolError(`${what} holds text (${json.slice(1, -1)}), not mathematics`);
    return;
  }
  const h = head(json);
  if (h === "Error") throw new ToolError(`${what} could not be read as LaTeX; check its braces and commands`);
  if (h !== undefined && !ALLOWED.has(h)) throw new ToolError(`${what} uses ${h}, which is not allowed here`);
  for (const a of args(json)) check(a, what);
}

/**
 * LaTeX text to canonical MathJSON, checked. `$…$` delimiters are dropped. The text is bounded like any
 * expression (length, bracket nesting) before the recursive parser sees it.
 */
export function readLatex(text: string, call: Budget, what = "the expression"): Json {
  const latex = text.trim().replace(/^\$+|\$+$/g, "");
  checkText(latex, what);
  // LaTeX reads letters without a backslash as variables multiplied: log2(10) would be l·o·g·20.
  const bare = BARE_FUNCTION.exec(latex.replace(/\\(?:text|mathrm|operatorname)\{[^}]*\}/g, ""));
  if (bare) throw new ToolError(`${what} is LaTeX, where ${bare[1]}( is read as letters multiplied; write \\${LATEX_NAMES[bare[1]!] ?? `operatorname{${bare[1]}}`} (or write the whole expression without LaTeX)`);
  return casRun(call, what, ({ ce }) => {
    const raw = ce.parse(latex, { form: "raw" }).json as Json;
    check(raw, what);
    const canonical = ce.box(raw as never).json as Json;
    check(canonical, what);
    return canonical;
  });
}
