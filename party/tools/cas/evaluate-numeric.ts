/**
 * @module MathJSON compiled once into a function of its variables, evaluated in complex doubles. It is how
 * this service checks the engine: an answer must agree with the question at sample points.
 */
import * as C from "./complex.ts";
import type { C as Complex } from "./complex.ts";
import { args, head, isNum, isSymbol, own } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { repeatingDecimal } from "./numbers.ts";
import { erf, gamma } from "./special-functions.ts";

export class Unsupported extends Error {}

type Compiled = (env: ReadonlyMap<string, Complex>) => Complex;

const CONSTANTS: Record<string, Complex> = {
  Pi: C.c(Math.PI), ExponentialE: C.c(Math.E), ImaginaryUnit: C.c(0, 1), GoldenRatio: C.c((1 + Math.sqrt(5)) / 2),
  EulerGamma: C.c(0.5772156649015329), PositiveInfinity: C.c(Number.POSITIVE_INFINITY), NegativeInfinity: C.c(Number.NEGATIVE_INFINITY),
  Half: C.c(0.5),
};

const real = (f: (x: number) => number) => (a: Complex) => (a.im === 0 ? C.c(f(a.re)) : C.NAN);

const UNARY: Record<string, (a: Complex) => Complex> = {
  Negate: C.neg, Exp: C.exp, Ln: C.log, Sqrt: C.sqrt, Sin: C.sin, Cos: C.cos, Tan: C.tan,
  Sec: (a) => C.div(C.c(1), C.cos(a)), Csc: (a) => C.div(C.c(1), C.sin(a)), Cot: (a) => C.div(C.cos(a), C.sin(a)),
  Arcsin: C.asin, Arccos: C.acos, Arctan: C.atan,
  Arcsec: (a) => C.acos(C.div(C.c(1), a)), Arccsc: (a) => C.asin(C.div(C.c(1), a)),
  Arccot: (a) => (a.im === 0 ? C.c(a.re === 0 ? Math.PI / 2 : Math.atan(1 / a.re)) : C.atan(C.div(C.c(1), a))),
  Sinh: C.sinh, Cosh: C.cosh, Tanh: C.tanh,
  Sech: (a) => C.div(C.c(1), C.cosh(a)), Csch: (a) => C.div(C.c(1), C.sinh(a)), Coth: (a) => C.div(C.cosh(a), C.sinh(a)),
  Arsinh: C.asinh, Arcosh: C.acosh, Artanh: C.atanh,
  Arsech: (a) => C.acosh(C.div(C.c(1), a)), Arcsch: (a) => C.asinh(C.div(C.c(1), a)), Arcoth: (a) => C.atanh(C.div(C.c(1), a)),
  Abs: (a) => C.c(C.abs(a)), Sign: real(Math.sign), Floor: real(Math.floor), Ceil: real(Math.ceil), Round: real(Math.round),
  Gamma: real(gamma), Factorial: real((x) => gamma(x + 1)), Erf: real(erf), Erfc: real((x) => 1 - erf(x)),
  Real: (a) => C.c(a.re), Imaginary: (a) => C.c(a.im), Conjugate: (a) => C.c(a.re, -a.im), Argument: (a) => C.c(Math.atan2(a.im, a.re)),
  Heaviside: real((x) => (x > 0 ? 1 : x < 0 ? 0 : 0.5)),
};

function numberValue(json: Json): number {
  if (typeof json === "number") return json;
  if (isNum(json)) {
    const q = repeatingDecimal(json.num);
    return q ? Number(q.n) / Number(q.d) : Number.parseFloat(json.num);
  }
  throw new Unsupported("not a number");
}

/** A real root: odd roots of negative numbers are negative (as ∛−8 = −2), even ones are not real. */
function root(a: Complex, n: Complex): Complex {
  if (a.im === 0 && n.im === 0 && Number.isInteger(n.re)) {
    if (a.re >= 0) return C.c(a.re ** (1 / n.re));
    if (Math.abs(n.re) % 2 === 1) return C.c(-((-a.re) ** (1 / n.re)));
  }
  return C.pow(a, C.div(C.c(1), n));
}

export function compileNumeric(json: Json): Compiled {
  if (typeof json === "number" || isNum(json)) {
    const value = C.c(numberValue(json));
    return () => value;
  }
  if (isSymbol(json)) {
    const constant = own(CONSTANTS, json);
    if (constant) return () => constant;
    return (env) => {
      const value = env.get(json);
      if (value === undefined) throw new Unsupported(`no value for ${json}`);
      return value;
    };
  }
  const h = head(json)!;
  const parts = args(json).map(compileNumeric);
  const [a, b] = parts;
  const unary = own(UNARY, h);
  if (unary && parts.length === 1) return (env) => unary(a!(env));
  switch (h) {
    case "Add":
      return (env) => parts.reduce((sum, p) => C.add(sum, p(env)), C.c(0));
    case "Multiply":
      return (env) => parts.reduce((product, p) => C.mul(product, p(env)), C.c(1));
    case "Subtract":
      return (env) => C.sub(a!(env), b!(env));
    case "Divide":
    case "Rational":
      return (env) => C.div(a!(env), b!(env));
    case "Power":
      return (env) => C.pow(a!(env), b!(env));
    case "Root":
      return (env) => root(a!(env), b!(env));
    case "Complex":
      return (env) => C.add(a!(env), C.mul(C.c(0, 1), b!(env)));
    case "Log":
      return (env) => C.div(C.log(a!(env)), parts.length > 1 ? C.log(b!(env)) : C.c(Math.LN10));
    case "Arctan2":
      return (env) => {
        const [y, x] = [a!(env), b!(env)];
        return y.im === 0 && x.im === 0 ? C.c(Math.atan2(y.re, x.re)) : C.NAN;
      };
    case "Binomial":
      return (env) => {
        const [n, k] = [a!(env), b!(env)];
        return n.im === 0 && k.im === 0 ? C.c(gamma(n.re + 1) / (gamma(k.re + 1) * gamma(n.re - k.re + 1))) : C.NAN;
      };
    case "Max":
    case "Min":
      return (env) => {
        const values = parts.map((p) => p(env));
        if (values.some((v) => v.im !== 0)) return C.NAN;
        return C.c((h === "Max" ? Math.max : Math.min)(...values.map((v) => v.re)));
      };
    case "Mod":
      return (env) => {
        const [x, m] = [a!(env), b!(env)];
        return x.im === 0 && m.im === 0 ? C.c(x.re - m.re * Math.floor(x.re / m.re)) : C.NAN;
      };
  }
  throw new Unsupported(`cannot evaluate ${h} numerically`);
}

/** Evaluates `json` with the given variable values; undefined when it cannot be evaluated numerically. */
export function numericValue(json: Json, values: ReadonlyMap<string, Complex> = new Map()): Complex | undefined {
  try {
    return compileNumeric(json)(values);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
