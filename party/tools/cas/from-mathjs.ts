/**
 * @module The mathjs expression language, read into MathJSON for the algebra engine through an allowlist:
 * every operator, function and symbol it knows is listed here, and anything else is refused with a
 * sentence. No text ever reaches the engine's own parser, which reads LaTeX and would misread `sin(x)`.
 *
 * Decimals are read exactly (0.1 is 1/10). Room variables are substituted by their values and room
 * functions inlined, except the names a tool binds itself (its variable).
 */
import type { MathNode } from "mathjs";
import { ToolError } from "../tool-error.ts";
import type { AnyNode } from "../math/check-tree.ts";
import { Rational } from "../math/rational.ts";
import { MAX_LITERAL_DIGITS, MAX_INLINE_DEPTH } from "./caps.ts";
import { rational, substitute } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import type { Names } from "./names.ts";
import { derivativeName } from "./ode-input.ts";

type Fn = string | ((args: Json[]) => Json);

const FUNCTIONS: Record<string, { arity: number[]; to: Fn }> = {
  sin: { arity: [1], to: "Sin" }, cos: { arity: [1], to: "Cos" }, tan: { arity: [1], to: "Tan" },
  sec: { arity: [1], to: "Sec" }, csc: { arity: [1], to: "Csc" }, cot: { arity: [1], to: "Cot" },
  asin: { arity: [1], to: "Arcsin" }, acos: { arity: [1], to: "Arccos" }, atan: { arity: [1], to: "Arctan" },
  arcsin: { arity: [1], to: "Arcsin" }, arccos: { arity: [1], to: "Arccos" }, arctan: { arity: [1], to: "Arctan" },
  asec: { arity: [1], to: "Arcsec" }, acsc: { arity: [1], to: "Arccsc" }, acot: { arity: [1], to: "Arccot" },
  atan2: { arity: [2], to: "Arctan2" },
  sinh: { arity: [1], to: "Sinh" }, cosh: { arity: [1], to: "Cosh" }, tanh: { arity: [1], to: "Tanh" },
  sech: { arity: [1], to: "Sech" }, csch: { arity: [1], to: "Csch" }, coth: { arity: [1], to: "Coth" },
  asinh: { arity: [1], to: "Arsinh" }, acosh: { arity: [1], to: "Arcosh" }, atanh: { arity: [1], to: "Artanh" },
  exp: { arity: [1], to: "Exp" },
  sqrt: { arity: [1], to: "Sqrt" },
  cbrt: { arity: [1], to: ([a]) => ["Root", a!, 3] },
  nthRoot: { arity: [1, 2], to: ([a, n]) => ["Root", a!, n ?? 2] },
  log: { arity: [1, 2], to: ([a, b]) => (b === undefined ? ["Ln", a!] : ["Log", a!, b]) },
  ln: { arity: [1], to: "Ln" },
  log10: { arity: [1], to: ([a]) => ["Log", a!, 10] },
  log2: { arity: [1], to: ([a]) => ["Log", a!, 2] },
  abs: { arity: [1], to: "Abs" },
  sign: { arity: [1], to: "Sign" },
  gamma: { arity: [1], to: "Gamma" },
  factorial: { arity: [1], to: "Factorial" },
  erf: { arity: [1], to: "Erf" },
  floor: { arity: [1], to: "Floor" }, ceil: { arity: [1], to: "Ceil" }, round: { arity: [1], to: "Round" },
  re: { arity: [1], to: "Real" }, im: { arity: [1], to: "Imaginary" }, conj: { arity: [1], to: "Conjugate" },
  arg: { arity: [1], to: "Argument" },
  combinations: { arity: [2], to: "Binomial" }, binomial: { arity: [2], to: "Binomial" },
  mod: { arity: [2], to: "Mod" },
  max: { arity: [2, 3, 4], to: "Max" }, min: { arity: [2, 3, 4], to: "Min" },
  // The literals room variables are stored as (literal.ts).
  complex: { arity: [2], to: ([re, im]) => ["Add", re!, ["Multiply", im!, "ImaginaryUnit"]] },
  fraction: { arity: [1, 2], to: ([n, d]) => (d === undefined ? n! : ["Divide", n!, d]) },
};

const OPERATORS: Record<string, string | null> = {
  add: "Add", subtract: "Subtract", multiply: "Multiply", divide: "Divide", pow: "Power", unaryMinus: "Negate",
  unaryPlus: null, factorial: "Factorial", mod: "Mod", dotMultiply: "Multiply", dotDivide: "Divide", dotPow: "Power",
};

const RELATIONS: Record<string, string> = {
  equal: "Equal", unequal: "NotEqual", smaller: "Less", larger: "Greater", smallerEq: "LessEqual", largerEq: "GreaterEqual",
};

const CONSTANTS: Record<string, Json> = {
  pi: "Pi", PI: "Pi", e: "ExponentialE", E: "ExponentialE", i: "ImaginaryUnit", tau: ["Multiply", 2, "Pi"],
  phi: "GoldenRatio", Infinity: "PositiveInfinity", inf: "PositiveInfinity", oo: "PositiveInfinity",
};

/** Names mathjs gives a meaning that is not a number to reason about. */
const NOT_NUMBERS = new Set(["NaN", "null", "undefined", "true", "false", "version", "LN2", "LN10", "LOG2E", "LOG10E", "SQRT1_2", "SQRT2"]);

export const NAME = /^[A-Za-z][A-Za-z0-9_]{0,23}$/;

/** What a room holds under a name, ready to substitute. */
export type RoomEntry = { kind: "value"; json: Json } | { kind: "function"; params: string[]; body: MathNode };
export type RoomLookup = (name: string) => RoomEntry | undefined;

export type ConvertOptions = {
  /** Names that stay symbols even when the room defines them: the tool's own variables. */
  bound?: ReadonlySet<string>;
  room?: RoomLookup;
  /** Unknown functions applied to arguments stay as function symbols (dsolve's y(x)); otherwise refused. */
  functionSymbols?: boolean;
  /** Relations (=, <, >, …) are accepted (equations, assumptions). */
  relations?: boolean;
  /** Arrays become lists and matrices (the matrix tool). */
  arrays?: boolean;
  /** How messages name the text. */
  what?: string;
  /** Renames a person's names that the engine's library already uses (names.ts). */
  names?: Names;
  /** A differential equation: `fn` is the unknown function of `variable`; y, y__d1 (y'), y(0), y__d1(0) are read as such. */
  ode?: { fn: string; variable: string };
};

/** The exact rational a number literal holds, as MathJSON. */
function numberLiteral(value: unknown, what: string): Json {
  const text = String((value as { toString(): string }).toString());
  if (text === "Infinity" || text === "-Infinity") return text[0] === "-" ? "NegativeInfinity" : "PositiveInfinity";
  if (text.replace(/[^0-9]/g, "").length > MAX_LITERAL_DIGITS) throw new ToolError(`${what} has a number with more than ${MAX_LITERAL_DIGITS} digits`);
  let q: Rational;
  try {
    q = Rational.fromDecimal(text);
  } catch {
    throw new ToolError(`${what} has a number that cannot be read exactly: ${text}`);
  }
  if (q.n.toString().length > MAX_LITERAL_DIGITS || q.d.toString().length > MAX_LITERAL_DIGITS) {
    throw new ToolError(`${what} has a number with more than ${MAX_LITERAL_DIGITS} digits`);
  }
  return rational(q.n, q.d);
}

/** Converts a checked mathjs tree to MathJSON. */
export function fromMathjs(root: MathNode, options: ConvertOptions = {}): Json {
  const what = options.what ?? "the expression";
  const engineName = (name: string) => (options.names ? options.names.engine(name) : name);
  const convert = (node: AnyNode, bound: ReadonlyMap<string, Json>, inline: number): Json => {
    const recur = (n: AnyNode) => convert(n, bound, inline);
    switch (node.type) {
      case "ParenthesisNode":
        return recur((node as unknown as { content: AnyNode }).content);
      case "ConstantNode":
        if (typeof node.value === "string" || typeof node.value === "boolean" || node.value == null) {
          throw new ToolError(`${what} may hold only numbers and names, not ${JSON.stringify(node.value)}`);
        }
        return numberLiteral(node.value, what);
      case "SymbolNode":
        return symbol(node.name!, bound);
      case "OperatorNode": {
        const fn = String(node.fn);
        if (Object.hasOwn(RELATIONS, fn)) return relation(node, recur);
        if (fn === "transpose" || fn === "ctranspose") {
          throw new ToolError(`' means a transpose in expressions; for a derivative such as y' = y use the dsolve tool (or solve), or derivative for an expression`);
        }
        if (!Object.hasOwn(OPERATORS, fn)) throw new ToolError(`the operator ${node.toString()} is not supported in algebra; use evaluate for it`);
        const converted = (node.args ?? []).map(recur);
        const target = OPERATORS[fn];
        // -inf is the engine's NegativeInfinity: as Negate(PositiveInfinity) a limit point sent its limit
        // to numeric sampling of decimals growing without bound ((i + sinh(x))^(1/x) ran for minutes).
        if (target === "Negate" && converted[0] === "PositiveInfinity") return "NegativeInfinity";
        if (target === "Negate" && converted[0] === "NegativeInfinity") return "PositiveInfinity";
        return target === null ? converted[0]! : [target!, ...converted];
      }
      case "RelationalNode": {
        if (!options.relations) throw new ToolError(`${what} must be an expression, not a comparison`);
        const n = node as unknown as { conditionals: string[]; params: AnyNode[] };
        const parts: Json[] = n.conditionals.map((c, k) => [RELATIONS[c]!, recur(n.params[k]!), recur(n.params[k + 1]!)]);
        return parts.length === 1 ? parts[0]! : ["And", ...parts];
      }
      case "FunctionNode":
        return call(node, bound, inline, recur);
      case "ArrayNode": {
        if (!options.arrays) throw new ToolError(`${what} must not be a list or matrix here; use the matrix tool for matrices`);
        const items = (node as unknown as { items: AnyNode[] }).items;
        const converted = items.map(recur);
        return items.length > 0 && items.every((i) => i.type === "ArrayNode") ? ["Matrix", ["List", ...converted]] : ["List", ...converted];
      }
      case "AssignmentNode":
      case "FunctionAssignmentNode":
        throw new ToolError("assignments (x = …) are only allowed in evaluate; write an expression here");
      case "ConditionalNode":
        throw new ToolError("conditions (a ? b : c) are not supported in algebra; use evaluate for them");
      case "RangeNode":
        throw new ToolError("ranges (a:b) are not supported in algebra; use evaluate for them");
      case "AccessorNode":
      case "IndexNode":
        throw new ToolError("indexing (a[1], a.b) is not supported in algebra; use evaluate for it");
      default:
        throw new ToolError(`${what} uses ${node.type.replace(/Node$/, "").toLowerCase()} syntax, which algebra does not support`);
    }
  };

  const relation = (node: AnyNode, recur: (n: AnyNode) => Json): Json => {
    if (!options.relations) throw new ToolError(`${what} must be an expression, not a comparison or equation`);
    const [a, b] = (node.args ?? []).map(recur);
    return [RELATIONS[String(node.fn)]!, a!, b!];
  };

  const derivative = (order: number): Json => {
    const { fn, variable } = options.ode!;
    let json: Json = [engineName(fn), engineName(variable)];
    for (let k = 0; k < order; k++) json = ["D", json, engineName(variable)];
    return json;
  };

  const symbol = (name: string, bound: ReadonlyMap<string, Json>): Json => {
    const local = bound.get(name);
    if (local !== undefined) return local;
    if (options.ode) {
      if (name === options.ode.fn) return derivative(0);
      const d = derivativeName(name);
      if (d && d[0] === options.ode.fn) return derivative(d[1]);
      if (d) throw new ToolError(`${d[0]}' is a derivative of ${d[0]}, but the unknown function is ${options.ode.fn}`);
    }
    if (options.bound?.has(name)) return engineName(name);
    const entry = options.room?.(name);
    if (entry?.kind === "value") return entry.json;
    if (entry?.kind === "function") throw new ToolError(`${name} is a room function: call it with arguments, e.g. ${name}(x)`);
    if (Object.hasOwn(CONSTANTS, name)) return CONSTANTS[name]!;
    if (NOT_NUMBERS.has(name)) throw new ToolError(`${name} is not a number algebra can work with`);
    if (Object.hasOwn(FUNCTIONS, name)) throw new ToolError(`${name} is a function: call it with an argument, e.g. ${name}(x)`);
    if (!NAME.test(name)) throw new ToolError(`${JSON.stringify(name)} is not a name algebra accepts (letters, digits and _, at most 24)`);
    return engineName(name);
  };

  const call = (node: AnyNode, bound: ReadonlyMap<string, Json>, inline: number, recur: (n: AnyNode) => Json): Json => {
    const fnNode = node.fn as AnyNode;
    if (typeof fnNode !== "object" || fnNode.type !== "SymbolNode") throw new ToolError("only named functions can be called in algebra, e.g. sin(x)");
    const name = fnNode.name!;
    const first = node.args?.[0];
    if (name === "bigint" && node.args?.length === 1 && first?.type === "ConstantNode" && /^-?\d+$/.test(String(first.value))) {
      return numberLiteral(String(first.value), what);
    }
    const given = (node.args ?? []).map(recur);
    if (options.ode && given.length === 1) {
      // y(0), y'(0): the unknown function and its derivatives at a point (initial conditions).
      if (name === options.ode.fn) return [engineName(name), given[0]!];
      const d = derivativeName(name);
      if (d && d[0] === options.ode.fn) return ["ValueAt", d[1], given[0]!];
    }
    const entry = bound.has(name) || options.bound?.has(name) ? undefined : options.room?.(name);
    if (entry?.kind === "function") {
      if (inline >= MAX_INLINE_DEPTH) throw new ToolError(`room functions call each other more than ${MAX_INLINE_DEPTH} levels deep here`);
      if (entry.params.length !== given.length) throw new ToolError(`${name} takes ${entry.params.length} argument${entry.params.length === 1 ? "" : "s"}, not ${given.length}`);
      const params = new Map(entry.params.map((p, k) => [p, given[k]!] as [string, Json]));
      // The body sees its parameters, and otherwise the room, never the caller's bound names.
      return convert(entry.body as AnyNode, params, inline + 1);
    }
    const known = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
    if (known) {
      if (!known.arity.includes(given.length)) {
        throw new ToolError(`${name} takes ${known.arity.join(" or ")} argument${known.arity.length === 1 && known.arity[0] === 1 ? "" : "s"}, not ${given.length}`);
      }
      return typeof known.to === "string" ? [known.to, ...given] : known.to(given);
    }
    if (options.functionSymbols && NAME.test(name)) return [engineName(name), ...given];
    throw new ToolError(`${name} is not a function algebra knows (see the tool's description), nor a room function`);
  };

  return convert(root as AnyNode, new Map(), 0);
}

/** Substitutes MathJSON values for symbols (e.g. a point into an expression). */
export const substituteAll = (json: Json, values: Record<string, Json>) => substitute(json, new Map(Object.entries(values)));
