/**
 * @module MathJSON as LaTeX with standard macros only (KaTeX and MathJax read it): fractions, roots,
 * |x|, matrices as pmatrix, e and i as letters, the person's own variable names.
 */
import { args, head, isSymbol, own } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import type { Names } from "./names.ts";
import { FUNCTION_NAMES, isNegativeTerm, numberParts, productParts, sumTerms } from "./print-parts.ts";
import { repeatingDecimal } from "./numbers.ts";

const SUM = 1;
const PRODUCT = 2;
const UNARY = 3;
const POWER = 4;
const ATOM = 6;

type Printed = { tex: string; prec: number };

const GREEK = new Set([
  "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi",
  "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi",
  "Pi", "Sigma", "Phi", "Psi", "Omega",
]);

const CONSTANTS: Record<string, string> = {
  Pi: "\\pi", ExponentialE: "e", ImaginaryUnit: "i", PositiveInfinity: "\\infty", NegativeInfinity: "-\\infty",
  ComplexInfinity: "\\tilde{\\infty}", NaN: "\\text{undefined}", GoldenRatio: "\\varphi", EulerGamma: "\\gamma",
  CatalanConstant: "G", Half: "\\frac{1}{2}",
};

const RELATIONS: Record<string, string> = { Equal: "=", NotEqual: "\\neq", Less: "<", Greater: ">", LessEqual: "\\le", GreaterEqual: "\\ge" };

/** A person's name as LaTeX: x, x_{1}, \alpha, \mathit{speed}. */
export function nameTex(name: string): string {
  if (GREEK.has(name)) return `\\${name}`;
  const indexed = /^([A-Za-z]+?)_?(\d+)$/.exec(name);
  if (indexed && indexed[1]!.length <= 1) return `${indexed[1]}_{${indexed[2]}}`;
  const subscript = /^([A-Za-z])_([A-Za-z0-9]+)$/.exec(name);
  if (subscript) return `${subscript[1]}_{${subscript[2]}}`;
  return name.length === 1 ? name : `\\mathit{${name.replace(/_/g, "\\_")}}`;
}

function numberTex(text: string): string {
  const q = repeatingDecimal(text);
  if (q) return q.d === 1n ? String(q.n) : `\\frac{${q.n}}{${q.d}}`;
  const exp = /^([\d.]+)e([+-]?\d+)$/i.exec(text);
  return exp ? `${exp[1]}\\times 10^{${Number(exp[2])}}` : text;
}

export function toLatex(json: Json, names?: Names): string {
  const wrap = (p: Printed, above: number) => (p.prec < above ? `\\left(${p.tex}\\right)` : p.tex);
  const list = (items: Json[]) => items.map((a) => print(a).tex).join(", ");
  const call = (name: string, a: Json[]): Printed => ({ tex: `${name}\\left(${list(a)}\\right)`, prec: ATOM });

  const print = (j: Json): Printed => {
    const number = numberParts(j);
    if (number) return { tex: `${number.negative ? "-" : ""}${numberTex(number.text)}`, prec: number.negative ? UNARY : ATOM };
    if (isSymbol(j)) {
      const constant = own(CONSTANTS, j);
      if (constant) return { tex: constant, prec: constant.startsWith("-") ? UNARY : ATOM };
      const person = names?.person(j);
      return { tex: nameTex(person ?? j.replace(/^'(.*)'$/, "$1")), prec: ATOM };
    }
    const h = head(j)!;
    const a = args(j);
    switch (h) {
      case "Add":
      case "Subtract": {
        const terms = sumTerms(j);
        let tex = "";
        terms.forEach((term, k) => {
          if (k === 0) tex = wrap(print(term), SUM);
          else if (isNegativeTerm(term)) tex += `-${wrap(print(["Negate", term]), PRODUCT)}`;
          else tex += `+${wrap(print(term), PRODUCT)}`;
        });
        return { tex, prec: terms.length > 1 ? SUM : print(terms[0]!).prec };
      }
      case "Multiply":
      case "Divide":
      case "Negate":
      case "Rational":
        return product(j);
      case "Power": {
        const [base, exponent] = a as [Json, Json];
        if (isNegativeTerm(exponent) && base !== "ExponentialE") return product(j);
        if (base === "ExponentialE") return { tex: `e^{${print(exponent).tex}}`, prec: POWER };
        const b = print(base);
        const baseTex = b.prec < ATOM || /^\\(sin|cos|tan|sec|csc|cot|sinh|cosh|tanh|ln)\\left/.test(b.tex) ? `\\left(${b.tex}\\right)` : b.tex;
        return { tex: `${baseTex}^{${print(exponent).tex}}`, prec: POWER };
      }
      case "Exp":
        return { tex: `e^{${print(a[0]!).tex}}`, prec: POWER };
      case "Sqrt":
        return { tex: `\\sqrt{${print(a[0]!).tex}}`, prec: ATOM };
      case "Root":
        return { tex: `\\sqrt[${print(a[1]!).tex}]{${print(a[0]!).tex}}`, prec: ATOM };
      case "Abs":
        return { tex: `\\left|${print(a[0]!).tex}\\right|`, prec: ATOM };
      case "Log":
        return call(`\\log_{${a.length > 1 ? print(a[1]!).tex : "10"}}`, [a[0]!]);
      case "Factorial":
        return { tex: `${wrap(print(a[0]!), ATOM)}!`, prec: ATOM };
      case "Binomial":
        return { tex: `\\binom{${print(a[0]!).tex}}{${print(a[1]!).tex}}`, prec: ATOM };
      case "Conjugate":
        return { tex: `\\overline{${print(a[0]!).tex}}`, prec: ATOM };
      case "Complex":
        if (a[1] === 0) return print(a[0]!);
        return print(a[0] === 0 ? ["Multiply", a[1]!, "ImaginaryUnit"] : ["Add", a[0]!, ["Multiply", a[1]!, "ImaginaryUnit"]]);
      case "Equal":
      case "NotEqual":
      case "Less":
      case "Greater":
      case "LessEqual":
      case "GreaterEqual":
        return { tex: `${print(a[0]!).tex} ${own(RELATIONS, h)} ${print(a[1]!).tex}`, prec: 0 };
      case "List":
        return { tex: `\\left[${list(a)}\\right]`, prec: ATOM };
      case "Matrix": {
        const rows = args(a[0]!).map((row) => args(row).map((cell) => print(cell).tex).join(" & "));
        return { tex: `\\begin{pmatrix}${rows.join(" \\\\ ")}\\end{pmatrix}`, prec: ATOM };
      }
      case "BigO":
        return call("O", a);
      case "Hold":
        return print(a[0]!);
    }
    const known = own(FUNCTION_NAMES, h);
    if (known) return call(known.latex, a);
    const person = names?.person(h);
    return call(person ? nameTex(person) : `\\operatorname{${h}}`, a);
  };

  const product = (j: Json): Printed => {
    const parts = productParts(j);
    if (parts.numerator.length === 1 && parts.numerator[0] === j && !parts.denominator.length) {
      return { tex: `\\frac{${print(args(j)[0]!).tex}}{${print(args(j)[1] ?? 1).tex}}`, prec: ATOM };
    }
    const factors = (items: Json[]) => {
      let tex = "";
      items.forEach((f, k) => {
        const p = wrap(print(f), PRODUCT + 0.5);
        // Two numbers side by side need a visible dot; anything else reads as juxtaposition.
        const dot = k > 0 && (numberParts(f) || /^[\d-]/.test(p)) ? " \\cdot " : k > 0 && /[a-zA-Z}]$/.test(tex) && /^[a-zA-Z]/.test(p) ? " " : "";
        tex += dot + p;
      });
      return tex;
    };
    const top = parts.numerator.length ? factors(parts.numerator) : "1";
    let tex = top;
    let prec = parts.numerator.length === 1 ? print(parts.numerator[0]!).prec : parts.numerator.length === 0 ? ATOM : PRODUCT;
    if (parts.denominator.length) {
      // Inside \frac each side stands alone: one factor needs no parentheses.
      const side = (items: Json[]) => (items.length === 1 ? print(items[0]!).tex : factors(items));
      tex = `\\frac{${parts.numerator.length ? side(parts.numerator) : "1"}}{${side(parts.denominator)}}`;
      prec = ATOM;
    }
    if (parts.negative) return { tex: `-${prec <= SUM ? `\\left(${tex}\\right)` : tex}`, prec: UNARY };
    return { tex, prec };
  };

  return print(json).tex;
}
