/**
 * @module Every real root of a function on an interval, numerically: sign changes (±∞ counts as a sign,
 * so log x = x − 4 is caught right at the edge of its domain) refined by bisection; the edges of the
 * domain approached geometrically; and touching roots, where f has a minimum of |f| at zero without
 * crossing it, found as zeros of f' (or by minimising |f|) and kept only when f vanishes there.
 */
import { ToolError } from "../tool-error.ts";
import type { LongWork } from "../math/long-work.ts";

export type RealRoot = { x: number; touching: boolean };
type F = (x: number) => number;

export const MAX_ROOTS = 50;

/** A value's sign, with ±∞ signed and NaN (outside the domain) as 0. */
const signOf = (y: number) => (Number.isNaN(y) ? 0 : Math.sign(y));

function bisect(f: F, a: number, b: number, fa: number): number {
  let [low, high, fLow] = [a, b, fa];
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (mid === low || mid === high) break;
    const y = f(mid);
    if (y === 0) return mid;
    if (Number.isNaN(y)) break;
    if (signOf(y) === signOf(fLow)) [low, fLow] = [mid, y];
    else high = mid;
  }
  return Math.abs(f(low)) <= Math.abs(f(high)) ? low : high;
}

/** Whether x is a root and not a pole: f must be small there compared with its values nearby. */
function vanishes(f: F, x: number, scale: number, tolerance: number): boolean {
  const y = f(x);
  return Number.isFinite(y) && Math.abs(y) <= tolerance * Math.max(1, scale);
}

/** The point between a defined and an undefined sample where the domain ends. */
function domainEdge(f: F, inside: number, outside: number): number {
  let [a, b] = [inside, outside];
  for (let i = 0; i < 200; i++) {
    const mid = (a + b) / 2;
    if (mid === a || mid === b) break;
    if (Number.isNaN(f(mid))) b = mid;
    else a = mid;
  }
  return a;
}

/** Evaluations of f or f' that finding one touching root may take (golden sections, or bisecting f'). */
const EVALUATIONS_PER_MINIMUM = 250;

/**
 * @param charge called before each search for a touching root, with the evaluations it may take: the
 *   scan's own samples are the caller's to charge, but how many minima it looks into depends on f
 */
export async function realRoots(
  f: F,
  df: F | undefined,
  from: number,
  to: number,
  samples: number,
  work: LongWork,
  charge: (evaluations: number) => void = () => {},
): Promise<RealRoot[]> {
  const roots: RealRoot[] = [];
  const push = (x: number, touching: boolean) => {
    if (x < from || x > to || roots.length >= MAX_ROOTS) return;
    if (!roots.some((r) => Math.abs(r.x - x) <= 1e-9 * Math.max(1, Math.abs(x)))) roots.push({ x, touching });
  };
  const xs = Array.from({ length: samples + 1 }, (_, i) => from + ((to - from) * i) / samples);
  const ys: number[] = [];
  for (let i = 0; i <= samples; i++) {
    await work.step(i, "scanning for roots");
    ys.push(f(xs[i]!));
  }
  const scaleNear = (i: number) => Math.max(...[ys[i - 1], ys[i], ys[i + 1], ys[i + 2]].filter((y): y is number => y !== undefined && Number.isFinite(y)).map(Math.abs), 1e-300);
  // A sample that is exactly zero is a root only when its neighbours are not: a run of zeros is a value
  // that underflowed (i·e^(−43x) past x = 16.5 gave fifty "roots") or a stretch where f vanishes, not roots.
  const isolatedZero = (i: number) => ys[i] === 0 && ys[i - 1] !== 0 && ys[i + 1] !== 0;
  const run = ys.findIndex((y, i) => y === 0 && ys[i + 1] === 0);
  if (run >= 0) {
    let end = run;
    while (ys[end + 1] === 0) end++;
    const at = (x: number) => Number(x.toPrecision(6));
    throw new ToolError(
      `the equation holds to double precision on all of [${at(xs[run]!)}, ${at(xs[end]!)}]: it may hold on that whole stretch, ` +
        "or its two sides may differ by less than doubles can show there; its roots cannot be listed",
    );
  }
  for (let i = 0; i < samples; i++) {
    const [x0, x1, y0, y1] = [xs[i]!, xs[i + 1]!, ys[i]!, ys[i + 1]!];
    if (isolatedZero(i)) push(x0, false);
    const [s0, s1] = [signOf(y0), signOf(y1)];
    if (s0 !== 0 && s1 !== 0 && s0 !== s1) {
      const x = bisect(f, x0, x1, y0);
      if (vanishes(f, x, scaleNear(i), 1e-6)) push(x, false);
    } else if (Number.isNaN(y0) !== Number.isNaN(y1)) {
      // One side is outside the domain: approach its edge geometrically and look for a sign change there.
      const [inside, outside] = Number.isNaN(y0) ? [x1, x0] : [x0, x1];
      const edge = domainEdge(f, inside, outside);
      let [px, py] = [inside, f(inside)];
      for (let k = 1; k <= 16; k++) {
        const x = edge + (inside - edge) * 10 ** -k;
        const y = f(x);
        if (signOf(y) !== 0 && signOf(py) !== 0 && signOf(y) !== signOf(py)) {
          const root = bisect(f, px, x, py);
          if (vanishes(f, root, Math.max(Math.abs(Number.isFinite(py) ? py : 1), 1), 1e-6)) push(root, false);
        }
        if (signOf(y) !== 0) [px, py] = [x, y];
      }
      if (f(edge) === 0) push(edge, false);
    }
  }
  if (isolatedZero(samples)) push(to, false);
  // Touching roots: a local minimum of |f| between samples of one sign. A stretch where f is flat has no
  // minimum to look into, and f must fall far below its values beside the minimum, not merely be small:
  // a constant of 5·10⁻¹⁷ (|i + (−1)^(1/3)|^−56) is not fifty touching roots.
  for (let i = 1; i < samples; i++) {
    const [a, b, c] = [ys[i - 1]!, ys[i]!, ys[i + 1]!];
    if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c)) || b === 0) continue;
    if (signOf(a) !== signOf(b) || signOf(b) !== signOf(c)) continue;
    const [left, middle, right] = [Math.abs(a), Math.abs(b), Math.abs(c)];
    if (!(middle <= left && middle <= right && (middle < left || middle < right))) continue;
    charge(EVALUATIONS_PER_MINIMUM);
    const x = minimumOf(f, df, xs[i - 1]!, xs[i + 1]!);
    const [y, beside] = [x === undefined ? Number.NaN : f(x), Math.max(left, right)];
    if (Number.isFinite(y) && Math.abs(y) <= 1e-12 * Math.max(1, beside) && Math.abs(y) <= 1e-6 * beside) push(x!, true);
    await work.step(samples, "looking for touching roots");
  }
  return roots.sort((p, q) => p.x - q.x);
}

/** Where |f| is smallest on [a, b]: a zero of f' when f' changes sign there, else golden-section search. */
function minimumOf(f: F, df: F | undefined, a: number, b: number): number | undefined {
  if (df) {
    const [da, db] = [df(a), df(b)];
    if (Number.isFinite(da) && Number.isFinite(db) && signOf(da) !== signOf(db) && signOf(da) !== 0 && signOf(db) !== 0) return bisect(df, a, b, da);
  }
  let [low, high] = [a, b];
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 120 && high - low > 1e-15 * Math.max(1, Math.abs(low)); i++) {
    const m1 = high - ratio * (high - low);
    const m2 = low + ratio * (high - low);
    if (Math.abs(f(m1)) < Math.abs(f(m2))) high = m2;
    else low = m1;
  }
  return (low + high) / 2;
}
