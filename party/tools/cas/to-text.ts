/**
 * @module MathJSON as mathjs text: what a result's `value` says, in the language people type, so it can
 * be pasted back into evaluate (`sin(x) - x*cos(x)`, `sqrt(2)/2`, `-11 - 2i`).
 */
import { ToolError } from "../tool-error.ts";
import { args, head, isSymbol, own } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { ENGINE_CONSTANTS } from "./names.ts";
import type { Names } from "./names.ts";
import { FUNCTION_NAMES, isNegativeTerm, numberParts, productParts, sumTerms } from "./print-parts.ts";
import { decimalText } from "./numbers.ts";

const SUM = 1;
const PRODUCT = 2;
const UNARY = 3;
const POWER = 4;
const POSTFIX = 5;
const ATOM = 6;

type Printed = { text: string; prec: number };

const RELATIONS: Record<string, string> = { Equal: " = ", NotEqual: " != ", Less: " < ", Greater: " > ", LessEqual: " <= ", GreaterEqual: " >= " };

/** The person's name for a symbol, or how mathjs writes an engine constant. */
export function symbolText(symbol: string, names?: Names): string {
  return names?.person(symbol) ?? own(ENGINE_CONSTANTS, symbol) ?? symbol.replace(/^'(.*)'$/, "$1");
}

export function toText(json: Json, names?: Names): string {
  const wrap = (p: Printed, above: number) => (p.prec < above ? `(${p.text})` : p.text);
  const list = (items: Json[]) => items.map((a) => print(a).text).join(", ");

  const print = (j: Json): Printed => {
    const number = numberParts(j);
    if (number) {
      const text = decimalText(number.text);
      return { text: `${number.negative ? "-" : ""}${text}`, prec: number.negative ? UNARY : /[/]/.test(text) ? PRODUCT : ATOM };
    }
    if (isSymbol(j)) {
      const text = symbolText(j, names);
      return { text, prec: text.startsWith("-") ? UNARY : /\//.test(text) ? PRODUCT : ATOM };
    }
    const h = head(j)!;
    const a = args(j);
    switch (h) {
      case "Add":
      case "Subtract":
        return sum(j);
      case "Multiply":
      case "Divide":
      case "Negate":
      case "Rational":
        return product(j);
      case "Power": {
        const [base, exponent] = a as [Json, Json];
        if (isNegativeTerm(exponent)) return product(j);
        const e = print(exponent);
        const exponentText = e.prec === ATOM && !e.text.startsWith("-") ? e.text : `(${e.text})`;
        return { text: `${wrap(print(base), POSTFIX)}^${exponentText}`, prec: POWER };
      }
      case "Sqrt":
        return call("sqrt", a);
      case "Root":
        return a[1] === 3 ? call("cbrt", [a[0]!]) : call("nthRoot", a);
      case "Abs":
        return call("abs", a);
      case "Log":
        if (a.length === 1) return call("log10", a);
        if (a[1] === 10) return call("log10", [a[0]!]);
        if (a[1] === 2) return call("log2", [a[0]!]);
        return call("log", a);
      case "Factorial": {
        const inner = print(a[0]!);
        return inner.prec === ATOM ? { text: `${inner.text}!`, prec: POSTFIX } : call("factorial", a);
      }
      case "Complex": {
        const [re, im] = a as [Json, Json];
        if (im === 0) return print(re);
        return re === 0 ? print(["Multiply", im, "ImaginaryUnit"]) : sum(["Add", re, ["Multiply", im, "ImaginaryUnit"]]);
      }
      case "Equal":
      case "NotEqual":
      case "Less":
      case "Greater":
      case "LessEqual":
      case "GreaterEqual":
        return { text: `${print(a[0]!).text}${own(RELATIONS, h)}${print(a[1]!).text}`, prec: 0 };
      case "List":
        return { text: `[${list(a)}]`, prec: ATOM };
      case "Matrix":
        return print(a[0]!);
      case "BigO":
        return call("O", a);
      case "Hold":
        return print(a[0]!);
      case "Error":
        throw new ToolError("the algebra engine answered with an error");
    }
    const known = own(FUNCTION_NAMES, h);
    if (known) return call(known.text, a);
    return call(symbolText(h, names), a);
  };

  const call = (name: string, a: Json[]): Printed => ({ text: `${name}(${list(a)})`, prec: ATOM });

  const sum = (j: Json): Printed => {
    const terms = sumTerms(j);
    let text = "";
    terms.forEach((term, k) => {
      if (k === 0) text = wrap(print(term), SUM);
      else if (isNegativeTerm(term)) text += ` - ${wrap(print(["Negate", term]), PRODUCT)}`;
      else text += ` + ${wrap(print(term), PRODUCT)}`;
    });
    return { text, prec: terms.length > 1 ? SUM : print(terms[0]!).prec };
  };

  const product = (j: Json): Printed => {
    const parts = productParts(j);
    // A part that does not split (a Rational of numbers it cannot read) is written as it stands.
    if (parts.numerator.length === 1 && parts.numerator[0] === j && !parts.denominator.length) return call(head(j) === "Rational" ? "fraction" : head(j)!, args(j));
    const factors = (items: Json[]) => items.map((f) => wrap(print(f), PRODUCT + 0.5)).join("*");
    // 2i rather than 2*i, as people write it (mathjs reads both).
    const [first, second] = parts.numerator;
    const imaginary = parts.numerator.length === 2 && second === "ImaginaryUnit" && numberParts(first!) !== undefined;
    const top = imaginary ? `${print(first!).text}i` : parts.numerator.length ? factors(parts.numerator) : "1";
    let text = top;
    // One factor keeps its own precedence, unless factors() already put it in parentheses (-(x - pi), not -((x - pi))).
    const single = parts.numerator.length === 1 ? print(parts.numerator[0]!).prec : undefined;
    let prec = single !== undefined ? (single < PRODUCT + 0.5 ? ATOM : single) : parts.numerator.length === 0 ? ATOM : PRODUCT;
    if (parts.denominator.length) {
      const bottom = parts.denominator.length === 1 ? wrap(print(parts.denominator[0]!), PRODUCT + 0.5) : `(${factors(parts.denominator)})`;
      text = `${top}/${bottom}`;
      prec = PRODUCT;
    }
    if (parts.negative) return { text: `-${prec <= SUM ? `(${text})` : text}`, prec: UNARY };
    return { text, prec };
  };

  return print(json).text;
}
