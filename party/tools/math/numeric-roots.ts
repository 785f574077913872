/**
 * @module Numeric roots: all complex roots of a polynomial (Aberth–Ehrlich iteration, then Newton polish),
 * and the real roots of any function on an interval (sign changes refined by bisection).
 */
import type { LongWork } from "./long-work.ts";

export type Complex = { re: number; im: number };

const mul = (a: Complex, b: Complex): Complex => ({ re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
const div = (a: Complex, b: Complex): Complex => {
  const d = b.re * b.re + b.im * b.im;
  return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
};
const sub = (a: Complex, b: Complex): Complex => ({ re: a.re - b.re, im: a.im - b.im });
const magnitude = (a: Complex) => Math.hypot(a.re, a.im);

/** p(z) and p'(z) by Horner's rule; `coefficients` from the constant term up. */
function horner(coefficients: number[], z: Complex): { value: Complex; slope: Complex } {
  let value: Complex = { re: 0, im: 0 };
  let slope: Complex = { re: 0, im: 0 };
  for (let i = coefficients.length - 1; i >= 0; i--) {
    slope = { re: mul(slope, z).re + value.re, im: mul(slope, z).im + value.im };
    const vz = mul(value, z);
    value = { re: vz.re + coefficients[i]!, im: vz.im };
  }
  return { value, slope };
}

/** Every complex root of a polynomial of degree ≥ 1, repeated by multiplicity. */
export function polynomialRoots(coefficients: number[]): Complex[] {
  const n = coefficients.length - 1;
  const lead = coefficients[n]!;
  // Cauchy's bound: every root lies within 1 + max |cᵢ / cₙ|.
  const radius = 1 + Math.max(...coefficients.slice(0, n).map((c) => Math.abs(c / lead)));
  let roots: Complex[] = Array.from({ length: n }, (_, k) => {
    const angle = (2 * Math.PI * k) / n + 0.4;
    return { re: (radius / 2) * Math.cos(angle), im: (radius / 2) * Math.sin(angle) };
  });
  for (let iteration = 0; iteration < 500; iteration++) {
    let largest = 0;
    roots = roots.map((z, k) => {
      const { value, slope } = horner(coefficients, z);
      if (magnitude(value) === 0) return z;
      const ratio = div(value, slope);
      let repulsion: Complex = { re: 0, im: 0 };
      roots.forEach((w, j) => {
        if (j !== k) {
          const term = div({ re: 1, im: 0 }, sub(z, w));
          repulsion = { re: repulsion.re + term.re, im: repulsion.im + term.im };
        }
      });
      const step = div(ratio, sub({ re: 1, im: 0 }, mul(ratio, repulsion)));
      largest = Math.max(largest, magnitude(step) / Math.max(1, magnitude(z)));
      return sub(z, step);
    });
    if (largest < 1e-15) break;
  }
  return roots.map((z) => polish(coefficients, z));
}

/** A few Newton steps on the original polynomial; keeps the better of the two. */
function polish(coefficients: number[], z: Complex): Complex {
  let best = z;
  let bestValue = magnitude(horner(coefficients, z).value);
  let current = z;
  for (let i = 0; i < 5; i++) {
    const { value, slope } = horner(coefficients, current);
    if (magnitude(slope) === 0) break;
    current = sub(current, div(value, slope));
    const size = magnitude(horner(coefficients, current).value);
    if (size < bestValue) [best, bestValue] = [current, size];
  }
  return best;
}

/** Treats a root with a negligible imaginary part as real. */
export function cleanRoot(z: Complex): Complex {
  return Math.abs(z.im) <= 1e-9 * Math.max(1, Math.abs(z.re)) ? { re: z.re, im: 0 } : z;
}

/**
 * Real roots of f on [from, to]: f is sampled, each sign change (or exact zero) is refined by bisection
 * to full double precision. Roots where f only touches zero without crossing are not found.
 */
export async function bracketedRoots(
  f: (x: number) => number,
  from: number,
  to: number,
  samples: number,
  work: LongWork,
  maxRoots = 50,
): Promise<number[]> {
  const roots: number[] = [];
  const push = (x: number) => {
    if (roots.length < maxRoots && !roots.some((r) => Math.abs(r - x) <= 1e-12 * Math.max(1, Math.abs(x)))) roots.push(x);
  };
  let x0 = from;
  let y0 = f(x0);
  if (y0 === 0) push(x0);
  for (let i = 1; i <= samples; i++) {
    await work.step(i, "scanning for sign changes");
    const x1 = from + ((to - from) * i) / samples;
    const y1 = f(x1);
    if (y1 === 0) push(x1);
    else if (Number.isFinite(y0) && Number.isFinite(y1) && y0 !== 0 && Math.sign(y0) !== Math.sign(y1)) {
      const root = bisect(f, x0, x1, y0);
      // A sign change across a pole (tan, 1/x) is not a root: the function must be small there.
      if (root !== undefined) push(root);
    }
    [x0, y0] = [x1, y1];
  }
  return roots.sort((a, b) => a - b);
}

function bisect(f: (x: number) => number, a: number, b: number, fa: number): number | undefined {
  let low = a;
  let high = b;
  let fLow = fa;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (mid === low || mid === high) break;
    const fMid = f(mid);
    if (fMid === 0) return mid;
    if (Math.sign(fMid) === Math.sign(fLow)) [low, fLow] = [mid, fMid];
    else high = mid;
  }
  const x = Math.abs(fLow) <= Math.abs(f(high)) ? low : high;
  const scale = Math.max(1, Math.abs(f(a)), Math.abs(f(b)));
  return Math.abs(f(x)) <= 1e-6 * scale ? x : undefined;
}
