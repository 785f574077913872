/**
 * @module What the text and LaTeX printers share: how a product splits into a sign, a numerator and a
 * denominator, how a sum's terms carry their signs, and which engine functions have which names.
 */
import { args, head, integerValue, isNum, rationalValue } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";

export type Product = { negative: boolean; numerator: Json[]; denominator: Json[] };

/** A number node's value as text without a leading minus, and whether it is negative. */
export function numberParts(json: Json): { negative: boolean; text: string } | undefined {
  if (typeof json === "number") return { negative: json < 0 || Object.is(json, -0), text: String(Math.abs(json)) };
  if (isNum(json)) return { negative: json.num.startsWith("-"), text: json.num.replace(/^[+-]/, "") };
  return undefined;
}

/**
 * Splits a product (Multiply, Divide, Negate, a Rational, a negative number, powers with negative
 * exponents) into its sign, the factors above the bar and those below. 1 factors are dropped.
 */
export function productParts(json: Json): Product {
  const out: Product = { negative: false, numerator: [], denominator: [] };
  const visit = (j: Json, below: boolean): void => {
    const h = head(j);
    const number = numberParts(j);
    if (number) {
      if (number.negative) out.negative = !out.negative;
      if (number.text !== "1") (below ? out.denominator : out.numerator).push(typeof j === "number" ? Math.abs(j) : { num: number.text });
      return;
    }
    const q = h === "Rational" ? rationalValue(j) : undefined;
    if (q) {
      if (q.n < 0n) out.negative = !out.negative;
      const n = q.n < 0n ? -q.n : q.n;
      if (n !== 1n) visit(Number(n) <= Number.MAX_SAFE_INTEGER ? Number(n) : { num: n.toString() }, below);
      visit(q.d <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(q.d) : { num: q.d.toString() }, !below);
      return;
    }
    if (h === "Negate") {
      out.negative = !out.negative;
      visit(args(j)[0]!, below);
      return;
    }
    if (h === "Multiply") {
      for (const a of args(j)) visit(a, below);
      return;
    }
    if (h === "Divide") {
      const [a, b] = args(j);
      visit(a!, below);
      visit(b!, !below);
      return;
    }
    if (h === "Power") {
      const [base, exponent] = args(j);
      const e = integerValue(exponent!);
      if (e !== undefined && e < 0n) {
        (below ? out.numerator : out.denominator).push(e === -1n ? base! : ["Power", base!, Number(-e)]);
        return;
      }
      const q2 = rationalValue(exponent!);
      if (q2 && q2.n < 0n) {
        (below ? out.numerator : out.denominator).push(["Power", base!, ["Rational", Number(-q2.n), Number(q2.d)]]);
        return;
      }
      // e^(−x/2) is 1/e^(x/2): a negative exponent moves the power across the bar.
      if (!q2 && isNegativeTerm(exponent!)) {
        (below ? out.numerator : out.denominator).push(["Power", base!, ["Negate", exponent!]]);
        return;
      }
    }
    (below ? out.denominator : out.numerator).push(j);
  };
  visit(json, false);
  return out;
}

/** Whether a term of a sum reads with a minus sign in front. */
export function isNegativeTerm(json: Json): boolean {
  const h = head(json);
  if (h === "Add" || h === "Subtract") return false;
  return productParts(json).negative;
}

/** The terms of a sum, with Subtract read as adding a negated term. */
export function sumTerms(json: Json): Json[] {
  const h = head(json);
  if (h === "Add") return args(json).flatMap(sumTerms);
  if (h === "Subtract") {
    const [a, ...rest] = args(json);
    return [...sumTerms(a!), ...rest.map((r) => ["Negate", r] as Json)];
  }
  return [json];
}

/** Function heads and their names in mathjs syntax (the text printer) and LaTeX. */
export const FUNCTION_NAMES: Record<string, { text: string; latex: string }> = {
  Sin: { text: "sin", latex: "\\sin" }, Cos: { text: "cos", latex: "\\cos" }, Tan: { text: "tan", latex: "\\tan" },
  Sec: { text: "sec", latex: "\\sec" }, Csc: { text: "csc", latex: "\\csc" }, Cot: { text: "cot", latex: "\\cot" },
  Arcsin: { text: "asin", latex: "\\arcsin" }, Arccos: { text: "acos", latex: "\\arccos" }, Arctan: { text: "atan", latex: "\\arctan" },
  Arcsec: { text: "asec", latex: "\\operatorname{arcsec}" }, Arccsc: { text: "acsc", latex: "\\operatorname{arccsc}" },
  Arccot: { text: "acot", latex: "\\operatorname{arccot}" }, Arctan2: { text: "atan2", latex: "\\operatorname{atan2}" },
  Sinh: { text: "sinh", latex: "\\sinh" }, Cosh: { text: "cosh", latex: "\\cosh" }, Tanh: { text: "tanh", latex: "\\tanh" },
  Sech: { text: "sech", latex: "\\operatorname{sech}" }, Csch: { text: "csch", latex: "\\operatorname{csch}" },
  Coth: { text: "coth", latex: "\\coth" }, Arsinh: { text: "asinh", latex: "\\operatorname{arsinh}" },
  Arcosh: { text: "acosh", latex: "\\operatorname{arcosh}" }, Artanh: { text: "atanh", latex: "\\operatorname{artanh}" },
  Arsech: { text: "asech", latex: "\\operatorname{arsech}" }, Arcsch: { text: "acsch", latex: "\\operatorname{arcsch}" },
  Arcoth: { text: "acoth", latex: "\\operatorname{arcoth}" },
  Ln: { text: "log", latex: "\\ln" }, Exp: { text: "exp", latex: "\\exp" }, Sign: { text: "sign", latex: "\\operatorname{sgn}" },
  Gamma: { text: "gamma", latex: "\\Gamma" }, Erf: { text: "erf", latex: "\\operatorname{erf}" },
  Erfc: { text: "erfc", latex: "\\operatorname{erfc}" }, Erfi: { text: "erfi", latex: "\\operatorname{erfi}" },
  Floor: { text: "floor", latex: "\\operatorname{floor}" }, Ceil: { text: "ceil", latex: "\\operatorname{ceil}" },
  Round: { text: "round", latex: "\\operatorname{round}" }, Real: { text: "re", latex: "\\operatorname{Re}" },
  Imaginary: { text: "im", latex: "\\operatorname{Im}" }, Conjugate: { text: "conj", latex: "\\overline" },
  Argument: { text: "arg", latex: "\\arg" }, Mod: { text: "mod", latex: "\\operatorname{mod}" },
  Max: { text: "max", latex: "\\max" }, Min: { text: "min", latex: "\\min" }, GCD: { text: "gcd", latex: "\\gcd" },
  LCM: { text: "lcm", latex: "\\operatorname{lcm}" }, SinIntegral: { text: "Si", latex: "\\operatorname{Si}" },
  CosIntegral: { text: "Ci", latex: "\\operatorname{Ci}" }, ExpIntegralEi: { text: "Ei", latex: "\\operatorname{Ei}" },
  LogIntegral: { text: "li", latex: "\\operatorname{li}" }, FresnelS: { text: "FresnelS", latex: "S" },
  FresnelC: { text: "FresnelC", latex: "C" }, Zeta: { text: "zeta", latex: "\\zeta" }, Digamma: { text: "digamma", latex: "\\psi" },
  LambertW: { text: "lambertW", latex: "W" }, PolyGamma: { text: "polygamma", latex: "\\psi" },
  Heaviside: { text: "heaviside", latex: "\\theta" }, Beta: { text: "beta", latex: "\\operatorname{B}" },
  Binomial: { text: "combinations", latex: "\\binom" }, Factorial2: { text: "factorial2", latex: "!!" },
};
