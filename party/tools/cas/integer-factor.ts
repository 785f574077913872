/**
 * @module Prime factors of an integer: trial division, then Pollard–Brent's rho with Miller–Rabin tests,
 * each with a fixed amount of work, so a number too hard to split in a shared room is refused, not tried forever.
 */
import { ToolError } from "../tool-error.ts";
import { gcd } from "../math/rational.ts";
import type { Budget } from "../math/budget.ts";
import { isProbablePrime } from "../math/primality.ts";

/** Digits of an integer we try to factor, and the rho iterations spent on it in all. */
export const MAX_FACTOR_DIGITS = 40;
const MAX_RHO_STEPS = 200_000;

/** A non-trivial factor of the composite n by Brent's rho, or undefined when the steps run out. */
function rho(n: bigint, state: { steps: number }, budget?: Budget): bigint | undefined {
  for (let c = 1n; c < 20n; c++) {
    const f = (x: bigint) => (x * x + c) % n;
    let [x, y, d] = [2n, 2n, 1n];
    let product = 1n;
    let count = 0;
    while (d === 1n) {
      if (++state.steps > MAX_RHO_STEPS) return undefined;
      x = f(x);
      y = f(f(y));
      const diff = x > y ? x - y : y - x;
      product = (product * diff) % n;
      if (++count % 64 === 0 || product === 0n) {
        budget?.spend(64);
        d = gcd(product, n);
        if (product === 0n) d = gcd(diff, n);
      }
    }
    if (d !== n) return d;
  }
  return undefined;
}

/** The prime factors of |n| > 1 with their exponents, smallest first. */
export function factorInteger(n: bigint, budget?: Budget): [bigint, number][] {
  let m = n < 0n ? -n : n;
  if (m.toString().length > MAX_FACTOR_DIGITS) throw new ToolError(`integers of more than ${MAX_FACTOR_DIGITS} digits are not factored here`);
  const found = new Map<bigint, number>();
  const add = (p: bigint) => found.set(p, (found.get(p) ?? 0) + 1);
  for (let p = 2n; p < 10_000n && p * p <= m; p += p === 2n ? 1n : 2n) {
    while (m % p === 0n) {
      add(p);
      m /= p;
    }
  }
  const state = { steps: 0 };
  const pending = m > 1n ? [m] : [];
  while (pending.length) {
    const k = pending.pop()!;
    if (isProbablePrime(k)) {
      add(k);
      continue;
    }
    const d = rho(k, state, budget);
    if (d === undefined) throw new ToolError("this integer is too hard to factor within the work a shared room allows");
    pending.push(d, k / d);
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : 1));
}
