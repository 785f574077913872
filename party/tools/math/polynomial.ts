/**
 * @module Reads an expression tree as a polynomial with exact rational coefficients, or as a linear form
 * in several unknowns; answers undefined when it is neither (then the solver works numerically).
 */
import type { MathNode } from "mathjs";
import type { AnyNode } from "./check-tree.ts";
import { Rational } from "./rational.ts";

/** Coefficients from the constant term up: [c0, c1, c2] is c0 + c1·x + c2·x². */
export type Polynomial = Rational[];

/** Names whose value is an exact rational (room variables holding fractions). */
export type Constants = (name: string) => Rational | undefined;

export const MAX_POLYNOMIAL_DEGREE = 30;

export function degree(p: Polynomial): number {
  for (let i = p.length - 1; i >= 0; i--) if (!p[i]!.isZero()) return i;
  return -1;
}

const trim = (p: Polynomial): Polynomial => p.slice(0, Math.max(degree(p) + 1, 1));

function add(a: Polynomial, b: Polynomial, sign = 1): Polynomial {
  const out: Polynomial = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? Rational.ZERO;
    const y = b[i] ?? Rational.ZERO;
    out.push(sign > 0 ? x.add(y) : x.sub(y));
  }
  return trim(out);
}

function multiply(a: Polynomial, b: Polynomial): Polynomial | undefined {
  if (degree(a) + degree(b) > MAX_POLYNOMIAL_DEGREE) return undefined;
  const out: Polynomial = Array.from({ length: a.length + b.length - 1 }, () => Rational.ZERO);
  a.forEach((x, i) => b.forEach((y, j) => (out[i + j] = out[i + j]!.add(x.mul(y)))));
  return trim(out);
}

/** A non-negative whole constant, such as the exponent of x^3. */
function wholeConstant(p: Polynomial | undefined): number | undefined {
  if (!p || degree(p) > 0) return undefined;
  const c = p[0]!;
  return c.isInteger() && c.n >= 0n && c.n <= BigInt(MAX_POLYNOMIAL_DEGREE) ? Number(c.n) : undefined;
}

/** The polynomial in `variable` that `node` is, with exact coefficients; undefined if it is not one. */
export function polynomialOf(node: MathNode, variable: string, constants: Constants = () => undefined): Polynomial | undefined {
  const walk = (n: AnyNode): Polynomial | undefined => {
    switch (n.type) {
      case "ConstantNode": {
        const q = Rational.fromMathjs(n.value) ?? (typeof n.value === "number" ? Rational.of(n.value) : undefined);
        return q ? [q] : undefined;
      }
      case "SymbolNode": {
        if (n.name === variable) return [Rational.ZERO, Rational.ONE];
        const q = constants(n.name!);
        return q ? [q] : undefined;
      }
      case "ParenthesisNode":
        return walk((n as unknown as { content: AnyNode }).content);
      case "OperatorNode":
        return operator(n, walk);
      default:
        return undefined;
    }
  };
  return walk(node as AnyNode);
}

function operator(n: AnyNode, walk: (n: AnyNode) => Polynomial | undefined): Polynomial | undefined {
  const args = n.args ?? [];
  const [a, b] = args.map(walk);
  if (!a || (args.length === 2 && !b)) return undefined;
  switch (`${n.fn}/${args.length}`) {
    case "unaryMinus/1":
      return a.map((c) => c.neg());
    case "unaryPlus/1":
      return a;
    case "add/2":
      return add(a, b!);
    case "subtract/2":
      return add(a, b!, -1);
    case "multiply/2":
      return multiply(a, b!);
    case "divide/2": {
      if (degree(b!) !== 0) return undefined;
      const divisor = b![0]!;
      return a.map((c) => c.div(divisor));
    }
    case "pow/2": {
      const power = wholeConstant(b);
      if (power === undefined || degree(a) * power > MAX_POLYNOMIAL_DEGREE) return undefined;
      let out: Polynomial = [Rational.ONE];
      for (let i = 0; i < power; i++) out = multiply(out, a)!;
      return out;
    }
    default:
      return undefined;
  }
}

/** c0 + Σ cᵢ·xᵢ over the unknowns; undefined when the expression is not linear in them. */
export type LinearForm = { constant: Rational; coefficients: Map<string, Rational> };

export function linearFormOf(node: MathNode, unknowns: readonly string[], constants: Constants = () => undefined): LinearForm | undefined {
  const isConstant = (f: LinearForm) => [...f.coefficients.values()].every((c) => c.isZero());
  const scale = (f: LinearForm, k: Rational): LinearForm => ({
    constant: f.constant.mul(k),
    coefficients: new Map([...f.coefficients].map(([name, c]) => [name, c.mul(k)])),
  });
  const combine = (f: LinearForm, g: LinearForm, sign: 1 | -1): LinearForm => {
    const coefficients = new Map(f.coefficients);
    for (const [name, c] of g.coefficients) {
      const current = coefficients.get(name) ?? Rational.ZERO;
      coefficients.set(name, sign > 0 ? current.add(c) : current.sub(c));
    }
    return { constant: sign > 0 ? f.constant.add(g.constant) : f.constant.sub(g.constant), coefficients };
  };
  const walk = (n: AnyNode): LinearForm | undefined => {
    if (n.type === "SymbolNode" && unknowns.includes(n.name!)) {
      return { constant: Rational.ZERO, coefficients: new Map([[n.name!, Rational.ONE]]) };
    }
    if (n.type === "ParenthesisNode") return walk((n as unknown as { content: AnyNode }).content);
    if (n.type === "OperatorNode") {
      const args = (n.args ?? []).map(walk);
      if (args.some((f) => !f)) return undefined;
      const [f, g] = args as LinearForm[];
      switch (`${n.fn}/${args.length}`) {
        case "unaryMinus/1":
          return scale(f!, Rational.ONE.neg());
        case "unaryPlus/1":
          return f;
        case "add/2":
          return combine(f!, g!, 1);
        case "subtract/2":
          return combine(f!, g!, -1);
        case "multiply/2":
          if (isConstant(f!)) return scale(g!, f!.constant);
          return isConstant(g!) ? scale(f!, g!.constant) : undefined;
        case "divide/2":
          return isConstant(g!) && !g!.constant.isZero() ? scale(f!, Rational.ONE.div(g!.constant)) : undefined;
      }
    }
    // Anything else must be a constant: a number, a rational room variable, or a power of constants.
    const p = polynomialOf(n, "\u0000", constants);
    return p && degree(p) <= 0 ? { constant: p[0] ?? Rational.ZERO, coefficients: new Map() } : undefined;
  };
  return walk(node as AnyNode);
}
