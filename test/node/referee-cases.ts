/**
 * Random questions for the algebra tools, from a seed: expressions, polynomials with known factors and
 * roots, integrands, limits, series, equations, differential equations and matrices.
 */

import type { Random } from "../support/random.ts";

const signed = (n: number) => (n < 0 ? `(${n})` : String(n));

/** A random expression in x of bounded depth. */
export function expression(r: Random, depth = 2, variables = ["x"]): string {
  if (depth === 0 || r.next() < 0.25) return r.next() < 0.7 ? r.pick(variables) : signed(r.nonzero(-5, 6));
  const a = () => expression(r, depth - 1, variables);
  switch (r.int(0, 9)) {
    case 0:
      return `(${a()} + ${a()})`;
    case 1:
      return `(${a()} - ${a()})`;
    case 2:
      return `${a()}*${a()}`;
    case 3:
      return `(${a()})/(${r.pick(variables)}^2 + ${r.int(1, 4)})`;
    case 4:
      return `(${a()})^${r.int(2, 3)}`;
    case 5:
      return `${r.pick(["sin", "cos", "atan"])}(${a()})`;
    case 6:
      return `exp(${a()}/${r.int(2, 5)})`;
    case 7:
      return `log(${a()}^2 + 1)`;
    case 8:
      return `sqrt(${a()}^2 + ${r.int(1, 3)})`;
    default:
      return `((${a()})^2)^(1/2)`;
  }
}

/** A product of small factors, written out factored (the referee expands it itself). */
export function factoredPolynomial(r: Random): string {
  const factors: string[] = [];
  for (let k = r.int(2, 4); k > 0; k--) {
    const kind = r.int(0, 3);
    const f = kind === 0 ? `(${r.nonzero(1, 3)}*x + ${signed(r.int(-5, 5))})` : kind === 1 ? `(x^2 + ${signed(r.int(-4, 4))}*x + ${signed(r.int(1, 6))})` : kind === 2 ? `(x - ${signed(r.int(-4, 4))})^${r.int(2, 3)}` : `(x^3 + ${signed(r.nonzero(-3, 3))})`;
    factors.push(f);
  }
  return `${r.pick(["", "2*", "-3*", "1/2*"])}${factors.join("*")}`;
}

export const integrands = (r: Random) => {
  const a = r.nonzero(-3, 3);
  const b = r.int(1, 4);
  return r.pick([
    `x^${r.int(0, 4)}*exp(${a}*x)`,
    `x*sin(${b}*x)`,
    `x^2*cos(${a}*x)`,
    `1/(x^2 + ${b * b})`,
    `x/(x^2 + ${b})`,
    `(${r.int(1, 5)}*x + ${a})/((x - ${b})*(x + ${b + 1}))`,
    `exp(${a}*x)*sin(${b}*x)`,
    `x*log(x^2 + ${b})`,
    `sin(x)^2*cos(x)`,
    `1/sqrt(${b * b} - x^2)`,
    `x^3 - ${b}*x + ${a}`,
    `sec(x)^2`,
  ]);
};

export function limitCase(r: Random): { expression: string; point: string; direction?: "left" | "right" } {
  const a = r.nonzero(-4, 4);
  const b = r.nonzero(1, 5);
  return r.pick([
    { expression: `sin(${a}*x)/(${b}*x)`, point: "0" },
    { expression: `(1 - cos(${a}*x))/x^2`, point: "0" },
    { expression: `(1 + ${a}/x)^x`, point: "inf" },
    { expression: `(${a}*x^2 + ${b})/(${b}*x^2 - ${a}*x + 1)`, point: "inf" },
    { expression: `(exp(${a}*x) - 1)/x`, point: "0" },
    { expression: `x^${b}*exp(-x)`, point: "inf" },
    { expression: `log(1 + ${b}*x)/x`, point: "0" },
    { expression: `(sqrt(x + ${b * b}) - ${b})/x`, point: "0" },
    { expression: `${a}/x`, point: "0", direction: r.pick(["left", "right"] as const) },
    { expression: `(x^2 - ${b * b})/(x - ${b})`, point: String(b) },
    { expression: `tan(${a}*x)/x`, point: "0" },
  ]);
}

export function seriesCase(r: Random): { expression: string; order: number } {
  const a = r.nonzero(-3, 3);
  return {
    expression: r.pick([`exp(${a}*x)*cos(x)`, `sin(x)/(1 - ${a}*x)`, `log(1 + x)*exp(x)`, `atan(${a}*x)`, `1/(1 + x^2)`, `cos(x)^2`, `sqrt(1 + ${Math.abs(a)}*x)`, `x/(exp(x) - 1)`, `1/(x*sin(x))`, `tan(x)`]),
    order: r.int(3, 8),
  };
}

export function odeCase(r: Random): { equation: string; lhs: number[]; rhs: string } {
  const order = r.int(1, 3);
  const lhs = Array.from({ length: order + 1 }, (_, k) => (k === order ? 1 : r.int(-4, 4)));
  const rhs = r.pick(["0", "0", `exp(${r.nonzero(-2, 3)}*x)`, "sin(x)", `x^${r.int(0, 2)}`]);
  const primes = (k: number) => (k === 0 ? "y" : `y${"'".repeat(k)}`);
  const terms = lhs.map((a, k) => (a === 0 ? "" : `${a === 1 ? "" : `${a}*`}${primes(k)}`)).filter(Boolean);
  return { equation: `${terms.join(" + ")} = ${rhs}`, lhs, rhs };
}

export function integerMatrix(r: Random, n: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => r.int(-5, 5)));
}

export function exactCase(r: Random): string {
  const k = r.int(1, 11);
  return r.pick([`sin(${k}*pi/6)`, `cos(${k}*pi/4)`, `tan(pi/3)`, `sqrt(${r.int(2, 200)})`, `(${r.int(-3, 3)} + ${r.int(-3, 3)}i)^${r.int(2, 5)}`, `gamma(${2 * r.int(0, 5) + 1}/2)^2`, `log(e^${k})`, `exp(i*pi)`, `${r.int(1, 9)}/${r.int(2, 9)} + ${r.int(1, 9)}/${r.int(2, 9)}`, `cos(pi/5)`]);
}
