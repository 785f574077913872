/**
 * @module Exact arithmetic on doubles through BigInt: a double's exact value, and a ratio of integers
 * (or its square root) rounded once, correctly, to the nearest double.
 */

/** The number of bits of |n| (0 for 0): read from its hexadecimal digits, a quarter of the binary ones. */
export function bitLength(n: bigint): number {
  if (n === 0n) return 0;
  const hex = (n < 0n ? -n : n).toString(16);
  return hex.length * 4 - Math.clz32(parseInt(hex[0]!, 16)) + 28;
}

/** A finite double as mantissa × 2^exponent, exactly. */
export function decompose(x: number): { mantissa: bigint; exponent: number } {
  if (x === 0) return { mantissa: 0n, exponent: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  let exponent = -1074;
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  return { mantissa: high >>> 31 ? -mantissa : mantissa, exponent };
}

/** Rounds q + r/den (0 ≤ r < den) to an integer, ties to even. */
function roundHalfEven(q: bigint, twiceRemainder: bigint, den: bigint): bigint {
  return twiceRemainder > den || (twiceRemainder === den && (q & 1n) === 1n) ? q + 1n : q;
}

const scaled = (n: bigint, d: bigint, e: number): [bigint, bigint] => (e >= 0 ? [n, d << BigInt(e)] : [n << BigInt(-e), d]);

/** n/d correctly rounded to a double. */
export function ratioToDouble(n: bigint, d: bigint): number {
  if (d === 0n) throw new RangeError("division by zero");
  if (d < 0n) [n, d] = [-n, -d];
  if (n === 0n) return 0;
  const negative = n < 0n;
  if (negative) n = -n;
  // Choose e so that n/d / 2^e has 53 significant bits (fewer only for subnormal results).
  let e = Math.max(bitLength(n) - bitLength(d) - 53, -1074);
  let [num, den] = scaled(n, d, e);
  let q = num / den;
  if (q >= 1n << 53n) {
    e += 1;
    [num, den] = scaled(n, d, e);
    q = num / den;
  }
  q = roundHalfEven(q, 2n * (num - q * den), den);
  if (q === 1n << 53n) {
    q = 1n << 52n;
    e += 1;
  }
  if (e > 971) return negative ? -Infinity : Infinity;
  const value = Number(q) * 2 ** e;
  return negative ? -value : value;
}

/** ⌊√n⌋ for n ≥ 0. */
export function integerSqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

/** ⌊n^(1/k)⌋ for n ≥ 0 and k ≥ 1, by Newton's method on integers (any size: 2^1025 has no double). */
export function integerRoot(n: bigint, k: bigint): bigint {
  if (n < 2n || k === 1n) return n;
  if (k === 2n) return integerSqrt(n);
  // n < 2^bits ≤ 2^k: the root is below 2.
  if (BigInt(bitLength(n)) <= k) return 1n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / Number(k)) + 1);
  for (;;) {
    const next = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (next >= x) return x;
    x = next;
  }
}

/** √(n/d) correctly rounded to a double, for n ≥ 0, d > 0. */
export function sqrtRatioToDouble(n: bigint, d: bigint): number {
  if (n < 0n || d <= 0n) throw new RangeError("square root of a negative ratio");
  if (n === 0n) return 0;
  // √(n/d) / 2^e = √(n / (d·4^e)): choose e to leave exactly 53 bits before the point.
  let e = Math.floor((bitLength(n) - bitLength(d) - 1) / 2) - 52;
  const floorSqrt = (e: number) => {
    const [num, den] = e >= 0 ? [n, d << BigInt(2 * e)] : [n << BigInt(-2 * e), d];
    return { num, den, s: integerSqrt(num / den) };
  };
  let { num, den, s } = floorSqrt(e);
  if (s >= 1n << 53n) ({ num, den, s } = floorSqrt(++e));
  // Round: compare the exact value with s + 1/2, that is n/(d·4^e) with (2s + 1)²/4.
  const left = 4n * num;
  const right = den * (2n * s + 1n) ** 2n;
  if (left > right || (left === right && (s & 1n) === 1n)) s += 1n;
  return Number(s) * 2 ** e;
}
