/**
 * @module The derivative of MathJSON by the textbook rules, in time linear in the size of the expression
 * (each node differentiated once, shared parts referenced, not copied). The engine's `D` canonicalises
 * as it goes and can spend a whole call on a second derivative of a modest quotient
 * (atan(x/(x² + 3) + ln(x² + 1)), order 2: past 100,000 steps); this is its fallback, and checked the
 * same way. Functions without a rule here answer undefined, and the engine's refusal stands.
 */
import { args, head, isSymbol, mentions } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";

const ONE: Json = 1;

/** Products, sums and powers that drop what is plainly 0 or 1 as they are made, so the raw result reads well. */
function mul(...factors: Json[]): Json {
  if (factors.some((f) => f === 0)) return 0;
  let coefficient = 1;
  const rest: Json[] = [];
  for (const f of factors) {
    if (typeof f === "number" && Number.isInteger(f) && Number.isSafeInteger(coefficient * f)) coefficient *= f;
    else rest.push(f);
  }
  const all = coefficient === 1 ? rest : [coefficient, ...rest];
  return all.length === 0 ? 1 : all.length === 1 ? all[0]! : ["Multiply", ...all];
}
const add = (terms: Json[]): Json => {
  const kept = terms.filter((t) => t !== 0);
  return kept.length === 0 ? 0 : kept.length === 1 ? kept[0]! : ["Add", ...kept];
};
const neg = (a: Json): Json => (a === 0 ? 0 : head(a) === "Negate" ? args(a)[0]! : ["Negate", a]);
const sub = (a: Json, b: Json): Json => (b === 0 ? a : a === 0 ? neg(b) : ["Subtract", a, b]);
const div = (a: Json, b: Json): Json => (a === 0 ? 0 : b === 1 ? a : ["Divide", a, b]);
const pow = (a: Json, b: Json): Json => (b === 1 ? a : b === 0 ? 1 : ["Power", a, b]);
const sqrtOf = (a: Json): Json => ["Sqrt", a];

/** v − 1, worked out when v is an integer or a rational written as one. */
function lessOne(v: Json): Json {
  if (typeof v === "number" && Number.isSafeInteger(v)) return v - 1;
  if (head(v) === "Rational") {
    const [p, q] = args(v);
    if (typeof p === "number" && typeof q === "number" && Number.isSafeInteger(p - q)) return ["Rational", p - q, q];
  }
  return sub(v, 1);
}

/** f'(u) for a function of one argument, as MathJSON in u. */
const OUTER: Record<string, (u: Json) => Json> = {
  Exp: (u) => ["Exp", u],
  Ln: (u) => div(ONE, u),
  Sqrt: (u) => div(ONE, mul(2, sqrtOf(u))),
  Sin: (u) => ["Cos", u],
  Cos: (u) => neg(["Sin", u]),
  Tan: (u) => pow(["Sec", u], 2),
  Sec: (u) => mul(["Sec", u], ["Tan", u]),
  Csc: (u) => neg(mul(["Csc", u], ["Cot", u])),
  Cot: (u) => neg(pow(["Csc", u], 2)),
  Arcsin: (u) => div(ONE, sqrtOf(sub(1, pow(u, 2)))),
  Arccos: (u) => neg(div(ONE, sqrtOf(sub(1, pow(u, 2))))),
  Arctan: (u) => div(ONE, ["Add", 1, pow(u, 2)]),
  Arccot: (u) => neg(div(ONE, ["Add", 1, pow(u, 2)])),
  Sinh: (u) => ["Cosh", u],
  Cosh: (u) => ["Sinh", u],
  Tanh: (u) => pow(["Sech", u], 2),
  Sech: (u) => neg(mul(["Sech", u], ["Tanh", u])),
  Csch: (u) => neg(mul(["Csch", u], ["Coth", u])),
  Coth: (u) => neg(pow(["Csch", u], 2)),
  Arsinh: (u) => div(ONE, sqrtOf(["Add", pow(u, 2), 1])),
  Arcosh: (u) => div(ONE, mul(sqrtOf(sub(u, 1)), sqrtOf(["Add", u, 1]))),
  Artanh: (u) => div(ONE, sub(1, pow(u, 2))),
  Erf: (u) => mul(div(2, sqrtOf("Pi")), ["Exp", neg(pow(u, 2))]),
  Erfc: (u) => neg(mul(div(2, sqrtOf("Pi")), ["Exp", neg(pow(u, 2))])),
  // |u|' = u/|u| (undefined at 0, as the derivative is).
  Abs: (u) => div(u, ["Abs", u]),
};

/** d/dx of json, or undefined when some function in it has no rule here. */
export function ownDerivative(json: Json, x: string): Json | undefined {
  const memo = new Map<Json, Json | undefined>();
  const d = (node: Json): Json | undefined => {
    if (!mentions(node, x)) return 0;
    if (isSymbol(node)) return node === x ? 1 : 0;
    if (memo.has(node)) return memo.get(node);
    const result = rule(node, d);
    memo.set(node, result);
    return result;
  };
  return d(json);
}

function rule(node: Json, d: (node: Json) => Json | undefined): Json | undefined {
  const h = head(node);
  const a = args(node);
  const all = (parts: Json[]) => {
    const out = parts.map(d);
    return out.some((p) => p === undefined) ? undefined : (out as Json[]);
  };
  switch (h) {
    case "Add": {
      const parts = all(a);
      return parts && add(parts);
    }
    case "Subtract": {
      const parts = all(a);
      return parts && sub(parts[0]!, parts[1]!);
    }
    case "Negate": {
      const parts = all(a);
      return parts && neg(parts[0]!);
    }
    case "Multiply": {
      // Σ u₁⋯uᵢ'⋯uₙ, over the factors that vary.
      const terms: Json[] = [];
      for (let i = 0; i < a.length; i++) {
        const di = d(a[i]!);
        if (di === undefined) return undefined;
        if (di === 0) continue;
        terms.push(mul(...a.slice(0, i), di, ...a.slice(i + 1)));
      }
      return add(terms);
    }
    case "Divide": {
      const [u, v] = a as [Json, Json];
      const [du, dv] = [d(u), d(v)];
      if (du === undefined || dv === undefined) return undefined;
      if (dv === 0) return div(du, v);
      return div(sub(mul(du, v), mul(u, dv)), pow(v, 2));
    }
    case "Power": {
      const [u, v] = a as [Json, Json];
      const [du, dv] = [d(u), d(v)];
      if (du === undefined || dv === undefined) return undefined;
      // A constant exponent: v·u^(v−1)·u'. A constant base: u^v·ln(u)·v'. Both vary: u^v·(v'·ln u + v·u'/u).
      if (dv === 0) return mul(v, pow(u, lessOne(v)), du);
      if (du === 0) return mul(node, ["Ln", u], dv);
      return mul(node, add([mul(dv, ["Ln", u]), div(mul(v, du), u)]));
    }
    case "Root": {
      const [u, n] = a as [Json, Json];
      const du = d(u);
      if (du === undefined || d(n) !== 0) return undefined;
      // (u^(1/n))' = u^(1/n)·u'/(n·u), written with the root itself so its real branch is kept.
      return div(mul(node, du), mul(n, u));
    }
    case "Log": {
      const [u, base] = a as [Json, Json | undefined];
      const du = d(u);
      if (du === undefined || (base !== undefined && d(base) !== 0)) return undefined;
      return div(du, mul(u, ["Ln", base ?? 10]));
    }
    default: {
      const outer = h === undefined || a.length !== 1 ? undefined : OUTER[h];
      if (!outer) return undefined;
      const du = d(a[0]!);
      return du === undefined ? undefined : mul(outer(a[0]!), du);
    }
  }
}
