/**
 * @module Number text the engine writes: decimals with a repeating part (`0.(3)` is 1/3) read exactly.
 */
import { gcd } from "../math/rational.ts";

const REPEATING = /^([+-]?)(\d*)\.(\d*)\((\d+)\)$/;

/** The exact value of a repeating decimal such as `1.2(34)`, or undefined for other text. */
export function repeatingDecimal(text: string): { n: bigint; d: bigint } | undefined {
  const match = REPEATING.exec(text);
  if (!match) return undefined;
  const [, sign, whole = "", fixed = "", period = ""] = match;
  // x = whole.fixed(period): x = (whole fixed period − whole fixed) / (10^|fixed| (10^|period| − 1))
  const all = BigInt(`${whole}${fixed}${period}` || "0");
  const head = BigInt(`${whole}${fixed}` || "0");
  let n = all - head;
  let d = 10n ** BigInt(fixed.length) * (10n ** BigInt(period.length) - 1n);
  const g = gcd(n, d) || 1n;
  [n, d] = [n / g, d / g];
  return { n: sign === "-" ? -n : n, d };
}

/** Number text as people read it: a repeating decimal becomes the fraction it is. */
export function decimalText(text: string): string {
  const q = repeatingDecimal(text);
  if (!q) return text;
  return q.d === 1n ? String(q.n) : `${q.n}/${q.d}`;
}
