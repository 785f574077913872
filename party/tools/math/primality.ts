/**
 * @module isPrime by the Miller–Rabin test with the bases that make it deterministic below 3.3·10²⁴,
 * in place of mathjs's trial division for numbers and bigints (half a second near 2⁵³, hours beyond) and
 * of its BigNumber test, which never ends for a non-integer.
 */
import type { MathJsInstance } from "mathjs";
import { isBigNumber } from "./kinds.ts";
import { ToolError } from "../tool-error.ts";

/** Below this, the first 13 primes as bases decide primality exactly (Sorenson and Webster, 2015). */
export const PRIMALITY_LIMIT = 3317044064679887385961981n;
const BASES = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n];

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  base %= modulus;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
    exponent >>= 1n;
  }
  return result;
}

/**
 * Miller–Rabin with the first 13 primes as bases: exact below PRIMALITY_LIMIT; above it a strong
 * probable-prime test, which a composite passes with negligible chance.
 */
export function isProbablePrime(n: bigint): boolean {
  if (n < 2n) return false;
  for (const p of BASES) {
    if (n === p) return true;
    if (n % p === 0n) return false;
  }
  let d = n - 1n;
  let r = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    r++;
  }
  witness: for (const a of BASES) {
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let i = 1; i < r; i++) {
      x = (x * x) % n;
      if (x === n - 1n) continue witness;
    }
    return false;
  }
  return true;
}

/** isPrime's answer, which must be exact: numbers past PRIMALITY_LIMIT without a small factor are refused. */
export function isPrimeInteger(n: bigint): boolean {
  if (n >= PRIMALITY_LIMIT && BASES.every((p) => n % p !== 0n)) {
    throw new ToolError(`isPrime: this number is too large for an exact answer (at most ${PRIMALITY_LIMIT}, about 3.3e24)`);
  }
  return isProbablePrime(n);
}

function toInteger(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  const text = isBigNumber(value) ? value.toFixed() : String(value);
  if (!/^-?\d+$/.test(text)) throw new ToolError("isPrime: its argument must be a whole number");
  return BigInt(text);
}

/** Replaces the instance's isPrime (before it is locked down) with the deterministic test. */
export function installPrimality(math: MathJsInstance): void {
  const typed = math.typed as unknown as (name: string, signatures: Record<string, unknown>) => unknown;
  const one = (x: unknown) => isPrimeInteger(toInteger(x));
  const isPrime = typed("isPrime", {
    "number | bigint | BigNumber": one,
    "Array | Matrix": (x: unknown) => (math.map as unknown as (x: unknown, f: (v: unknown) => boolean) => unknown)(x, one),
  });
  math.import({ isPrime }, { override: true });
}
