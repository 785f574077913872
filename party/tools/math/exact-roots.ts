/**
 * @module Exact roots of polynomials with rational coefficients: rational roots (found near the numeric
 * ones and checked exactly), then the quadratic formula with simplified surds, Cardano's and the
 * trigonometric formula for cubics, biquadratic quartics and quartics that split into rational quadratics.
 * What has no such closed form here is answered numerically, and marked so.
 */
import { gcd, Rational } from "./rational.ts";
import { integerSqrt, ratioToDouble } from "./exact-float.ts";
import { cleanRoot, polynomialRoots } from "./numeric-roots.ts";
import type { Complex } from "./numeric-roots.ts";
import { degree } from "./polynomial.ts";
import { squareFreeFactors } from "./square-free.ts";
import type { Polynomial } from "./polynomial.ts";

export type Root = { expression: string; value: Complex; exact: boolean };

const abs = (n: bigint) => (n < 0n ? -n : n);

/** Integer coefficients with no common factor, from the constant term up. */
function integerCoefficients(p: Polynomial): bigint[] {
  const lcm = p.reduce((l, c) => (l * c.d) / gcd(l, c.d), 1n);
  const ints = p.map((c) => (c.n * lcm) / c.d);
  const g = ints.reduce((a, b) => gcd(a, b), 0n) || 1n;
  const lead = ints[ints.length - 1]!;
  return ints.map((c) => (lead < 0n ? -c : c) / g);
}

function numericRoots(ints: bigint[]): Complex[] {
  const scale = ints.reduce((m, c) => (abs(c) > m ? abs(c) : m), 1n);
  return polynomialRoots(ints.map((c) => ratioToDouble(c, scale))).map(cleanRoot);
}

/** Is p/q a root of the integer polynomial? Σ cᵢ pⁱ q^(n−i) = 0, exactly. */
function isRoot(ints: bigint[], p: bigint, q: bigint): boolean {
  const n = ints.length - 1;
  let sum = 0n;
  for (let i = 0; i <= n; i++) sum += ints[i]! * p ** BigInt(i) * q ** BigInt(n - i);
  return sum === 0n;
}

/** Convergents of x's continued fraction with denominators up to `maxDenominator`. */
function* convergents(x: number, maxDenominator: bigint): Generator<[bigint, bigint]> {
  let [h0, h1, k0, k1] = [0n, 1n, 1n, 0n];
  let rest = x;
  for (let i = 0; i < 40 && Number.isFinite(rest); i++) {
    const a = Math.floor(rest);
    if (!Number.isSafeInteger(a)) return;
    [h0, h1] = [h1, BigInt(a) * h1 + h0];
    [k0, k1] = [k1, BigInt(a) * k1 + k0];
    if (k1 > maxDenominator) return;
    yield [h1, k1];
    if (rest === a) return;
    rest = 1 / (rest - a);
  }
}

/**
 * A rational root p/q of the integer polynomial (constant term first, degree ≥ 1), found near a numeric
 * root and checked exactly, or undefined when none is found (q divides the leading coefficient).
 */
export function rationalRoot(ints: bigint[]): [p: bigint, q: bigint] | undefined {
  const lead = abs(ints[ints.length - 1]!);
  for (const z of numericRoots(ints)) {
    if (z.im !== 0) continue;
    for (const [p, q] of convergents(z.re, lead)) if (lead % q === 0n && isRoot(ints, p, q)) return [p, q];
  }
  return undefined;
}

/** Divides the integer polynomial by (q·x − p), which divides it exactly. */
function deflate(ints: bigint[], p: bigint, q: bigint): bigint[] {
  const n = ints.length - 1;
  const out: bigint[] = new Array(n);
  let carry = 0n;
  for (let i = n; i >= 1; i--) {
    const c = (ints[i]! + carry) / q;
    out[i - 1] = c;
    carry = c * p;
  }
  return out;
}

/** The square-free part: |n| = s²·m with m as small as trial division finds. */
function squareFree(n: bigint): { s: bigint; m: bigint } {
  let m = abs(n);
  let s = 1n;
  for (let p = 2n; p <= 10_000n && p * p <= m; p++) {
    while (m % (p * p) === 0n) {
      m /= p * p;
      s *= p;
    }
  }
  const r = integerSqrt(m);
  return r * r === m ? { s: s * r, m: 1n } : { s, m };
}

/** √q for a rational q > 0 as text: √(a/b) = √(ab)/b, simplified; "3", "sqrt(2)", "3*sqrt(5)/2". */
export function sqrtText(q: Rational): string {
  const { s, m } = squareFree(q.n * q.d);
  const g = gcd(s, q.d);
  const [k, d] = [s / g, q.d / g];
  const root = m === 1n ? String(k) : `${k === 1n ? "" : `${k}*`}sqrt(${m})`;
  return d === 1n ? root : `${root}/${d}`;
}

const nearest = (target: Complex, candidates: Complex[]): Complex => {
  let best = candidates[0]!;
  for (const c of candidates) if (Math.hypot(c.re - target.re, c.im - target.im) < Math.hypot(best.re - target.re, best.im - target.im)) best = c;
  return best;
};

/** Exact roots of A·x² + B·x + C (integers, no rational root). */
function quadratic(C: bigint, B: bigint, A: bigint, numeric: Complex[]): Root[] {
  const D = B * B - 4n * A * C;
  const { s, m } = squareFree(D);
  let [b, k, den] = [-B, s, 2n * A];
  const g = gcd(gcd(b, k), den);
  [b, k, den] = [b / g, k / g, den / g];
  if (den < 0n) [b, den] = [-b, -den];
  if (m === 1n && D >= 0n) {
    return [-1n, 1n].map((sign) => {
      const r = new Rational(b + sign * k, den);
      return { expression: r.toString(), value: { re: r.toNumber(), im: 0 }, exact: true };
    });
  }
  const surd = `${k === 1n ? "" : `${k}*`}sqrt(${m})`;
  const over = den === 1n ? "" : `/${den}`;
  // The imaginary part k·√m/den·i, written as simply as it allows: "i", "2*i", "1/2*i", "sqrt(3)/2*i".
  const unit = new Rational(k, den);
  const imaginary = m === 1n ? (unit.equals(Rational.ONE) ? "i" : `${unit}*i`) : `${surd}${over}*i`;
  const roots: Root[] = [];
  for (const sign of [-1, 1]) {
    let expression: string;
    if (D > 0n) {
      const numerator = b === 0n ? `${sign < 0 ? "-" : ""}${surd}` : `${b} ${sign < 0 ? "-" : "+"} ${surd}`;
      expression = den === 1n ? numerator : b === 0n ? `${numerator}${over}` : `(${numerator})${over}`;
    } else {
      const real = b === 0n ? "" : `${new Rational(b, den).toString()} ${sign < 0 ? "-" : "+"} `;
      expression = `${real}${b === 0n && sign < 0 ? "-" : ""}${imaginary}`;
    }
    const approx = D > 0n
      ? { re: (Number(b) + sign * Number(k) * Math.sqrt(Number(m))) / Number(den), im: 0 }
      : { re: Number(b) / Number(den), im: (sign * Number(k) * Math.sqrt(Number(m))) / Number(den) };
    roots.push({ expression, value: nearest(approx, numeric), exact: true });
  }
  return roots;
}

/** Cardano (one real root) or the trigonometric form (three real roots) for an irreducible cubic. */
function cubic(ints: bigint[], numeric: Complex[]): Root[] {
  const [D, C, B, A] = ints.map((c) => new Rational(c)) as [Rational, Rational, Rational, Rational];
  const three = new Rational(3n);
  const shift = B.div(three.mul(A));
  const p = three.mul(A).mul(C).sub(B.mul(B)).div(three.mul(A).mul(A));
  const q = new Rational(2n).mul(B).mul(B).mul(B).sub(new Rational(9n).mul(A).mul(B).mul(C)).add(new Rational(27n).mul(A).mul(A).mul(D)).div(new Rational(27n).mul(A).mul(A).mul(A));
  const half = q.div(new Rational(-2n));
  const disc = half.mul(half).add(p.div(three).mul(p.div(three)).mul(p.div(three)));
  const minusShift = shift.isZero() ? "" : ` ${shift.sign() > 0 ? "-" : "+"} ${shift.sign() > 0 ? shift.toTerm() : shift.neg().toTerm()}`;
  const reals = numeric.filter((z) => z.im === 0);
  if (disc.sign() > 0) {
    // One real root u + v and the complex pair −(u + v)/2 ± (√3/2)(u − v)·i, with u, v the cube roots.
    const [u, v] = cardano(half, disc);
    const sum = v === "0" ? u : `${u} + ${v}`;
    const spread = v === "0" ? u : `(${u} - ${v})`;
    const uValue = Math.cbrt(half.toNumber() + Math.sqrt(disc.toNumber()));
    const vValue = Math.cbrt(half.toNumber() - Math.sqrt(disc.toNumber()));
    const realPart = -(uValue + vValue) / 2 - shift.toNumber();
    const imaginary = (Math.sqrt(3) / 2) * (uValue - vValue);
    return [
      { expression: `${sum}${minusShift}`, value: nearest({ re: uValue + vValue - shift.toNumber(), im: 0 }, reals.length ? reals : numeric), exact: true },
      ...[-1, 1].map((sign) => ({
        expression: `-(${sum})/2 ${sign < 0 ? "-" : "+"} sqrt(3)*${spread}/2*i${minusShift}`,
        value: nearest({ re: realPart, im: sign * imaginary }, numeric),
        exact: true,
      })),
    ];
  }
  // Three real roots: t_k = 2·√(−p/3)·cos(acos(3q/(2p)·√(−3/p))/3 − 2πk/3).
  const amplitude = times("2", sqrtText(p.div(three).neg()));
  const inner = three.mul(q).div(new Rational(2n).mul(p));
  const angle = `acos(${times(inner.toString(), sqrtText(three.div(p).neg()))})`;
  return [0, 1, 2].map((k) => {
    const phase = k === 0 ? "" : ` - ${2 * k}*pi/3`;
    const expression = `${amplitude}*cos(${angle}/3${phase})${minusShift}`;
    const approx =
      2 * Math.sqrt(-p.toNumber() / 3) * Math.cos(Math.acos(inner.toNumber() * Math.sqrt(-3 / p.toNumber())) / 3 - (2 * Math.PI * k) / 3) - shift.toNumber();
    return { expression, value: nearest({ re: approx, im: 0 }, reals), exact: true };
  });
}

/** `a*b`, leaving out a factor that is 1. */
function times(a: string, b: string): string {
  if (b === "1") return a;
  if (a === "1") return b;
  return `${a}*${b}`;
}

/** The cube roots u = ∛(h + √Δ) and v = ∛(h − √Δ) of Cardano's formula, h = −q/2; "0" for a zero one. */
function cardano(half: Rational, disc: Rational): [string, string] {
  const root = sqrtText(disc);
  const rational = /^\d+(\/\d+)?$/.exec(root);
  if (rational) {
    const [n, d = "1"] = root.split("/");
    const r = new Rational(BigInt(n!), BigInt(d));
    const [u, v] = [half.add(r), half.sub(r)].map((t) => (t.isZero() ? "0" : `cbrt(${t.toString()})`));
    return u === "0" ? [v!, "0"] : [u!, v!];
  }
  const h = half.toString();
  return half.isZero() ? [`cbrt(${root})`, `cbrt(-${root})`] : [`cbrt(${h} + ${root})`, `cbrt(${h} - ${root})`];
}

export function complexText(z: Complex): string {
  if (z.im === 0) return String(z.re);
  const im = `${Math.abs(z.im)}i`;
  return z.re === 0 ? `${z.im < 0 ? "-" : ""}${im}` : `${z.re} ${z.im < 0 ? "-" : "+"} ${im}`;
}

/** Tries to split a quartic into two quadratics with rational coefficients, pairing its numeric roots. */
function quarticFactors(ints: bigint[], numeric: Complex[]): [bigint[], bigint[]] | undefined {
  const lead = new Rational(ints[4]!);
  const monic = ints.map((c) => new Rational(c).div(lead));
  for (const [i, j] of [[0, 1], [0, 2], [0, 3]] as const) {
    const others = [0, 1, 2, 3].filter((k) => k !== i && k !== j);
    const pair = [numeric[i]!, numeric[j]!];
    const sum = { re: pair[0]!.re + pair[1]!.re, im: pair[0]!.im + pair[1]!.im };
    const product = { re: pair[0]!.re * pair[1]!.re - pair[0]!.im * pair[1]!.im, im: pair[0]!.re * pair[1]!.im + pair[0]!.im * pair[1]!.re };
    if (Math.abs(sum.im) > 1e-7 || Math.abs(product.im) > 1e-7 || others.length !== 2) continue;
    for (const [sn, sd] of convergents(sum.re, 1_000_000n)) {
      for (const [tn, td] of convergents(product.re, 1_000_000n)) {
        const f = [new Rational(tn, td), new Rational(-sn, sd), Rational.ONE];
        const g = divideQuadratic(monic, f);
        if (g) return [integerCoefficients(f), integerCoefficients(g)];
      }
    }
  }
  return undefined;
}

/** monic ÷ f when f divides it exactly (both monic, f of degree 2), else undefined. */
function divideQuadratic(monic: Rational[], f: Rational[]): Rational[] | undefined {
  const rest = [...monic];
  const quotient: Rational[] = [Rational.ZERO, Rational.ZERO, Rational.ZERO];
  for (let i = 2; i >= 0; i--) {
    const c = rest[i + 2]!;
    quotient[i] = c;
    for (let j = 0; j <= 2; j++) rest[i + j] = rest[i + j]!.sub(c.mul(f[j]!));
  }
  return rest.slice(0, 2).every((c) => c.isZero()) ? quotient : undefined;
}

/** A·x⁴ + C·x² + E: the quadratic in y = x², then x = ±√y. Undefined when y is not real. */
function biquadraticRoots(ints: bigint[], numeric: Complex[]): Root[] | undefined {
  const [E, , C, , A] = ints as [bigint, bigint, bigint, bigint, bigint];
  const D = C * C - 4n * A * E;
  if (D < 0n) return undefined;
  const roots: Root[] = [];
  for (const sign of [-1n, 1n]) {
    const { s, m } = squareFree(D);
    // y = (−C ± s·√m)/(2A): rational when m = 1.
    const y = m === 1n ? new Rational(-C + sign * s, 2n * A) : undefined;
    const yValue = y ? y.toNumber() : (-Number(C) + Number(sign) * Number(s) * Math.sqrt(Number(m))) / (2 * Number(A));
    const yText = y
      ? undefined
      : `(${-C} ${sign < 0n ? "-" : "+"} ${s === 1n ? "" : `${s}*`}sqrt(${m}))/${2n * A}`;
    const positive = yValue >= 0;
    const magnitude = y ? sqrtText(positive ? y : y.neg()) : positive ? `sqrt(${yText})` : `sqrt(-${yText})`;
    const imaginary = positive ? "" : "*i";
    for (const root of [-1, 1]) {
      const size = Math.sqrt(Math.abs(yValue));
      const approx = positive ? { re: root * size, im: 0 } : { re: 0, im: root * size };
      roots.push({ expression: `${root < 0 ? "-" : ""}${magnitude}${imaginary}`, value: nearest(approx, numeric), exact: true });
    }
  }
  return roots;
}

/**
 * Every root of a polynomial of degree ≥ 1, repeated by multiplicity. The polynomial is split into its
 * square-free factors first, so each root is found once, where it is simple, and repeated exactly.
 */
export function polynomialRootsExact(polynomial: Polynomial): Root[] {
  return squareFreeFactors(polynomial).flatMap(({ factor, multiplicity }) => {
    const roots = simpleRoots(factor);
    return Array.from({ length: multiplicity }, () => roots).flat();
  });
}

/** The roots of a square-free polynomial. */
function simpleRoots(polynomial: Polynomial): Root[] {
  let ints = integerCoefficients(polynomial.slice(0, degree(polynomial) + 1));
  const roots: Root[] = [];
  const rational = (p: bigint, q: bigint) => {
    const r = new Rational(p, q);
    roots.push({ expression: r.toString(), value: { re: r.toNumber(), im: 0 }, exact: true });
  };
  while (ints.length > 1 && ints[0] === 0n) {
    rational(0n, 1n);
    ints = ints.slice(1);
  }
  while (ints.length > 2) {
    const root = rationalRoot(ints);
    if (!root) break;
    rational(...root);
    ints = deflate(ints, ...root);
  }
  const d = ints.length - 1;
  if (d === 1) rational(-ints[0]!, ints[1]!);
  if (d < 2) return roots;
  const numeric = numericRoots(ints);
  if (d === 2) return [...roots, ...quadratic(ints[0]!, ints[1]!, ints[2]!, numeric)];
  if (d === 3) return [...roots, ...cubic(ints, numeric)];
  if (d === 4 && ints[1] === 0n && ints[3] === 0n) {
    const biquadratic = biquadraticRoots(ints, numeric);
    if (biquadratic) return [...roots, ...biquadratic];
  }
  if (d === 4) {
    const factors = quarticFactors(ints, numeric);
    if (factors) return [...roots, ...factors.flatMap(([c, b, a]) => quadratic(c!, b!, a!, numeric))];
  }
  return [...roots, ...numeric.map((value) => ({ expression: complexText(value), value, exact: false }))];
}
