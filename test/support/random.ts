/**
 * @module A small seeded generator (mulberry32) for generated test cases, so a failing run can be
 * replayed from its seed.
 */
export function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const nonzero = (low: number, high: number) => {
    const n = int(low, high);
    return n === 0 ? 1 : n;
  };
  const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)]!;
  return { next, int, nonzero, pick };
}

export type Random = ReturnType<typeof generator>;

/**
 * The seed of a generated test: `process.env[name]` when set (to replay a run); otherwise a fresh one on
 * every local run, so each `npm test` explores new cases; under CI, a fixed one, so a red CI always
 * means a change broke something and never a lucky draw (Hypothesis's `derandomize` for CI, likewise).
 * A fresh seed that finds a failure locally becomes a fix and, where it is worth keeping, a fixed case.
 */
export function testSeed(name: string, fixed: number): number {
  const given = process.env[name];
  if (given !== undefined && given !== "") return Number(given);
  if (process.env.CI) return fixed;
  return Math.floor(Math.random() * 2 ** 31);
}
