/**
 * @module Exact rationals on BigInt, for polynomial coefficients and linear systems.
 */
import { isFraction } from "./kinds.ts";
import { ratioToDouble } from "./exact-float.ts";

const abs = (n: bigint) => (n < 0n ? -n : n);

export function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export class Rational {
  /** Lowest terms; the denominator is positive. */
  readonly n: bigint;
  readonly d: bigint;

  constructor(n: bigint, d = 1n) {
    if (d === 0n) throw new RangeError("division by zero");
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n, d) || 1n;
    this.n = n / g;
    this.d = d / g;
  }

  static readonly ZERO = new Rational(0n);
  static readonly ONE = new Rational(1n);

  static of(value: number | bigint): Rational {
    return typeof value === "bigint" ? new Rational(value) : Rational.fromDecimal(String(value));
  }

  /** A decimal text such as "-1.25e3" or "0.1", read exactly (0.1 is 1/10, not the nearest double). */
  static fromDecimal(text: string): Rational {
    const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
    if (!match || (match[2] === "" && !match[3])) throw new RangeError(`not a decimal number: ${text}`);
    const [, sign, whole = "", fraction = "", exponent = "0"] = match;
    const digits = BigInt(`${whole}${fraction}` || "0") * (sign === "-" ? -1n : 1n);
    const shift = Number(exponent) - fraction.length;
    if (Math.abs(shift) > 2000) throw new RangeError(`exponent too large: ${text}`);
    return shift >= 0 ? new Rational(digits * 10n ** BigInt(shift)) : new Rational(digits, 10n ** BigInt(-shift));
  }

  /** A mathjs Fraction (fraction.js), or undefined for anything else. */
  static fromMathjs(value: unknown): Rational | undefined {
    if (!isFraction(value)) return undefined;
    const f = value as unknown as { s: bigint; n: bigint; d: bigint };
    return new Rational(f.s * f.n, f.d);
  }

  add(o: Rational): Rational {
    return new Rational(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Rational): Rational {
    return new Rational(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Rational): Rational {
    return new Rational(this.n * o.n, this.d * o.d);
  }
  div(o: Rational): Rational {
    return new Rational(this.n * o.d, this.d * o.n);
  }
  neg(): Rational {
    return new Rational(-this.n, this.d);
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  isInteger(): boolean {
    return this.d === 1n;
  }
  sign(): number {
    return this.n === 0n ? 0 : this.n < 0n ? -1 : 1;
  }
  equals(o: Rational): boolean {
    return this.n === o.n && this.d === o.d;
  }
  toNumber(): number {
    return ratioToDouble(this.n, this.d);
  }
  /** `3`, `-3/4`. */
  toString(): string {
    return this.d === 1n ? String(this.n) : `${this.n}/${this.d}`;
  }
  /** As a term of a larger expression: negative numbers and fractions in parentheses. */
  toTerm(): string {
    return this.d === 1n && this.n >= 0n ? String(this.n) : `(${this.toString()})`;
  }
}
