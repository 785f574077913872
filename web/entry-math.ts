/**
 * @module What a log entry shows as typeset math: the call and its result as one statement, the way a
 * textbook writes it — `\pi r^2 = 153.94`, `\frac{d}{dx}(\sin^2 x) = 2\cos x\sin x`, `\det A = -2` —
 * from the LaTeX the room's tools return (`structuredContent.latex`) and the call's own arguments
 * (typeset by mathjs's parser, loaded when first needed). A result without LaTeX is shown as text.
 *
 * Part of the lazily loaded renderer (lazy/typesetter.ts): without KaTeX there is nothing to typeset.
 */
import type { RoomEvent } from "../shared/events.ts";
import { bareLatex, looksLikeLatex } from "./latex-input.ts";
import type { ParserModule } from "./typeset.ts";

export type EntryMath = {
  /** The statement to typeset, when there is one. */
  latex?: string;
  /** The statement shows every argument of the call, so no line of arguments is needed beside it. */
  showsArguments: boolean;
};

type Structured = { value?: unknown; type?: unknown; latex?: unknown; approximation?: unknown; exact?: unknown };

/** Tools whose result equals their expression, rewritten (or expanded in a series): `expression = result`. */
const REWRITES = new Set(["evaluate", "simplify", "expand", "factor", "partial_fractions", "rationalize", "series"]);

/** Tools whose LaTeX states the whole call (`\\int_0^1 x^2\\,dx = …`, `\\lim_{x \\to 0} … = …`). */
const STATES_ITS_CALL = new Set(["integrate", "limit"]);

/** A relation at the top level of a formula (not inside braces, \left…\right or an environment). */
const RELATION = /^(?:=|<|>|\\(?:approx|in|ne|neq|le|leq|ge|geq|lt|gt|to|rightarrow|Rightarrow|equiv|sim|simeq|iff|mapsto|subset|subseteq)(?![a-zA-Z]))/;

export function statesRelation(latex: string): boolean {
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    const rest = latex.slice(i, i + 12);
    if (latex[i] === "\\" && /^\\(left|begin)(?![a-zA-Z])/.test(rest)) depth++;
    else if (latex[i] === "\\" && /^\\(right|end)(?![a-zA-Z])/.test(rest)) depth--;
    else if (latex[i] === "{") depth++;
    else if (latex[i] === "}") depth--;
    else if (depth === 0 && RELATION.test(rest)) return true;
    if (latex[i] === "\\") {
      // Skip the command's name (or the escaped character), so `\{` is not a brace.
      i++;
      while (i + 1 < latex.length && /[a-zA-Z]/.test(latex[i]!) && /[a-zA-Z]/.test(latex[i + 1]!)) i++;
    }
  }
  return false;
}

/** A number as a textbook writes it: `1.27e+30` as `1.27 \times 10^{30}`. */
export function numberTex(value: number | string): string {
  const text = String(value);
  if (/^-?Infinity$/.test(text)) return text.startsWith("-") ? "-\\infty" : "\\infty";
  const scientific = /^(-?\d+(?:\.\d+)?)e([+-]?\d+)$/i.exec(text);
  if (scientific) return `${scientific[1]} \\times 10^{${Number(scientific[2])}}`;
  return /^-?\d+(\.\d+)?$/.test(text) ? text : `\\text{${textTex(text)}}`;
}

/** Text for `\text{…}`, with LaTeX's special characters escaped. */
export function textTex(text: string): string {
  return text.replace(/[\\{}$&#^_%~]/g, (c) => (c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\textasciicircum{}" : c === "~" ? "\\textasciitilde{}" : `\\${c}`));
}

/** The call's expression-like argument as LaTeX: LaTeX as it is, mathjs syntax through the parser. */
function expressionTex(expression: string, parser: ParserModule): string | undefined {
  if (looksLikeLatex(expression)) return bareLatex(expression);
  const typeset = parser.expressionTex(expression);
  return "tex" in typeset ? typeset.tex : undefined;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const group = (tex: string) => (/^-|[+\-\s]/.test(tex.trim()) ? `\\left(${tex}\\right)` : tex);

/** The seed's tools answer a number: the statement is theirs to build. */
function seedStatement(tool: string, args: Record<string, unknown>, value: number): string | undefined {
  const { a, b } = args;
  const v = numberTex(value);
  if (isNumber(a) && isNumber(b)) {
    const [x, y] = [numberTex(a), group(numberTex(b))];
    if (tool === "add") return `${x} + ${y} = ${v}`;
    if (tool === "subtract") return `${x} - ${y} = ${v}`;
    if (tool === "multiply") return `${x} \\times ${y} = ${v}`;
    if (tool === "divide") return `\\frac{${numberTex(a)}}{${numberTex(b)}} = ${v}`;
  }
  if (tool === "power" && isNumber(args.base) && isNumber(args.exponent)) return `${group(numberTex(args.base))}^{${numberTex(args.exponent)}} = ${v}`;
  if (tool === "sqrt" && isNumber(args.value)) return `\\sqrt{${numberTex(args.value)}} = ${v}`;
  if ((tool === "sin" || tool === "cos" || tool === "tan") && isNumber(args.angle)) return `\\${tool}\\left(${numberTex(args.angle)}\\right) = ${v}`;
  if (tool === "log" && isNumber(args.value)) {
    const log = isNumber(args.base) ? `\\log_{${numberTex(args.base)}}` : "\\ln";
    return `${log}\\left(${numberTex(args.value)}\\right) = ${v}`;
  }
  return undefined;
}

function matrixTex(rows: unknown, parser: ParserModule | undefined): string | undefined {
  if (!Array.isArray(rows) || rows.length === 0 || rows.length > 20) return undefined;
  const cells = rows.map((row) => (Array.isArray(row) ? row : [row]).map((cell) => (isNumber(cell) ? numberTex(cell) : typeof cell === "string" && parser ? expressionTex(cell, parser) : undefined)));
  if (cells.some((row) => row.length > 20 || row.some((c) => c === undefined))) return undefined;
  return `\\begin{bmatrix}${cells.map((row) => row.join(" & ")).join(" \\\\ ")}\\end{bmatrix}`;
}

function matrixStatement(args: Record<string, unknown>, result: string, parser: ParserModule | undefined): string | undefined {
  const a = matrixTex(args.a, parser);
  if (!a) return undefined;
  switch (args.operation) {
    case "determinant":
      return `\\det ${a} = ${result}`;
    case "inverse":
      return `${a}^{-1} = ${result}`;
    case "transpose":
      return `${a}^{\\mathsf{T}} = ${result}`;
    case "multiply": {
      const b = matrixTex(args.b, parser);
      return b ? `${a}\\,${b} = ${result}` : undefined;
    }
    default:
      return undefined;
  }
}

/** Whether showing this entry's statement takes the expression parser (mathjs syntax in its arguments). */
export function needsParser(event: RoomEvent): boolean {
  const args = (event.arguments ?? {}) as Record<string, unknown>;
  if (event.error || (event.result as { isError?: unknown } | undefined)?.isError) return false;
  if (REWRITES.has(event.tool) || event.tool === "derivative") return typeof args.expression === "string" && !looksLikeLatex(args.expression);
  if (event.tool === "convert") return true;
  if (event.tool === "matrix") return JSON.stringify(args.a ?? "").includes('"');
  return false;
}

/**
 * The entry's statement. Without the parser (not loaded yet) an entry that needs it has none: it shows
 * as text until the parser is there.
 */
export function entryMath(event: RoomEvent, parser: ParserModule | undefined): EntryMath {
  const none = { showsArguments: false };
  const result = event.result as { structuredContent?: Structured; isError?: unknown } | undefined;
  if (event.error || !result || result.isError) return none;
  if (needsParser(event) && !parser) return none;
  const args = (typeof event.arguments === "object" && event.arguments !== null ? event.arguments : {}) as Record<string, unknown>;
  const structured = result.structuredContent ?? {};
  const value = structured.latex;
  let latex = typeof value === "string" && value.trim() ? value : structured.type === "boolean" && typeof structured.value === "string" ? `\\text{${textTex(structured.value)}}` : undefined;
  if (latex === undefined) {
    const statement = isNumber(structured.value) ? seedStatement(event.tool, args, structured.value) : undefined;
    return statement ? { latex: statement, showsArguments: true } : none;
  }
  const approximation = typeof structured.approximation === "string" && structured.approximation !== structured.value ? ` \\approx ${numberTex(structured.approximation)}` : "";
  const is = structured.exact === false ? "\\approx" : "=";
  // A result that states a relation already (`\int_0^1 x^2\,dx = \frac{1}{3}`, `x \in \{…\}`) is shown as it is.
  const relation = statesRelation(latex);
  latex += approximation;
  const expression = typeof args.expression === "string" ? args.expression : undefined;
  if (event.tool === "evaluate" && expression !== undefined) {
    if (looksLikeLatex(expression)) return relation ? { latex, showsArguments: false } : { latex: `${bareLatex(expression)} ${is} ${latex}`, showsArguments: true };
    const statements = parser!.statementsTex(expression);
    if ("error" in statements || statements.length === 0) return { latex, showsArguments: false };
    const last = statements[statements.length - 1]!;
    const before = statements.slice(0, -1).map((s) => `${s.tex};\\quad `).join("");
    const onlyExpression = Object.keys(args).every((name) => name === "expression");
    return { latex: `${before}${relation ? latex : `${last.assigns ?? last.tex} ${is} ${latex}`}`, showsArguments: onlyExpression };
  }
  if (relation) return { latex, showsArguments: STATES_ITS_CALL.has(event.tool) };
  if (REWRITES.has(event.tool) && expression !== undefined) {
    const tex = expressionTex(expression, parser!);
    return tex ? { latex: `${tex} ${is} ${latex}`, showsArguments: Object.keys(args).length === 1 } : { latex, showsArguments: false };
  }
  if (event.tool === "derivative" && expression !== undefined && typeof args.variable === "string") {
    const tex = expressionTex(expression, parser!);
    const variable = expressionTex(args.variable, parser!);
    const order = isNumber(args.order) && args.order > 1 ? args.order : 1;
    const d = order > 1 ? `\\frac{\\mathrm{d}^{${order}}}{\\mathrm{d}${variable}^{${order}}}` : `\\frac{\\mathrm{d}}{\\mathrm{d}${variable}}`;
    return tex && variable ? { latex: `${d}\\left(${tex}\\right) ${is} ${latex}`, showsArguments: true } : { latex, showsArguments: false };
  }
  if (event.tool === "convert" && isNumber(args.value) && typeof args.from === "string") {
    const tex = expressionTex(`${args.value} ${args.from}`, parser!);
    return tex ? { latex: `${tex} ${is} ${latex}`, showsArguments: true } : { latex, showsArguments: false };
  }
  if (event.tool === "matrix") {
    const statement = matrixStatement(args, latex, parser);
    return statement ? { latex: statement, showsArguments: true } : { latex, showsArguments: false };
  }
  return { latex, showsArguments: false };
}
