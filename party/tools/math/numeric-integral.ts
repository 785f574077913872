/**
 * @module A definite integral numerically, on any interval: infinite ends mapped onto finite ones; an end
 * where the integrand is not finite (1/√(1 − x²) at ±1) smoothed away by a change of variable; a
 * singular point inside split off as the end of two pieces. The error estimate is honest: a piece that
 * does not converge says so.
 */
import { ToolError } from "../tool-error.ts";
import type { LongWork } from "./long-work.ts";
import { integrate, Singularity } from "./quadrature.ts";
import type { Quadrature } from "./quadrature.ts";

/** The integrand grows too fast at a singular point for the integral to be finite. */
export class Divergent extends ToolError {
  constructor(at: number) {
    const near = Math.abs(at) < 1e-9 ? 0 : Number(at.toPrecision(6));
    super(`the integral diverges: the integrand grows too fast near x = ${near} for its area to be finite`);
  }
}

/** The integrand goes to +∞ beside a pole and to −∞ beside it or another: the integral has no value, not even ±∞. */
export class Undefined extends ToolError {
  constructor(poles: Spike[]) {
    const near = (at: number) => (Math.abs(at) < 1e-9 ? 0 : Number(at.toPrecision(6)));
    const both = poles.find((pole) => pole.signs.includes(1) && pole.signs.includes(-1));
    const up = poles.find((pole) => pole.signs.includes(1));
    const down = poles.find((pole) => pole.signs.includes(-1));
    const where = both
      ? `near x = ${near(both.at)} the integrand goes to +infinity on one side and to -infinity on the other`
      : `the integrand goes to +infinity near x = ${near(up!.at)} and to -infinity near x = ${near(down!.at)}`;
    super(`the integral diverges and has no value, not even ±infinity: ${where}`);
  }
}

/** Interior singular points split off, at most. */
const MAX_SPLITS = 8;

/** ∫ₐᵇ f over an infinite range as ∫ of a finite one: x = a + t/(1 − t), x = b − (1 − t)/t, x = t/(1 − t²). */
export function finiteForm(f: (x: number) => number, a: number, b: number): [(t: number) => number, number, number, (t: number) => number] {
  if (Number.isFinite(a) && Number.isFinite(b)) return [f, a, b, (t) => t];
  // At the mapped infinite end a convergent integrand contributes nothing; x itself would overflow there.
  const mapped = (x: number, scale: number) => (Number.isFinite(x) && Number.isFinite(scale) ? f(x) * scale : 0);
  if (Number.isFinite(a)) return [(t) => mapped(a + t / (1 - t), 1 / (1 - t) ** 2), 0, 1, (t) => a + t / (1 - t)];
  if (Number.isFinite(b)) return [(t) => mapped(b - (1 - t) / t, 1 / t ** 2), 0, 1, (t) => b - (1 - t) / t];
  return [(t) => mapped(t / (1 - t * t), (1 + t * t) / (1 - t * t) ** 2), -1, 1, (t) => t / (1 - t * t)];
}

const finiteAt = (g: (t: number) => number, t: number) => {
  try {
    return Number.isFinite(g(t));
  } catch {
    return false;
  }
};

/** The integrand is infinite on a whole stretch around t: its values overflow doubles there; a pole has finite values beside it. */
function overflowsAround(g: (t: number) => number, t: number, lo: number, hi: number): boolean {
  const d = 1e-3 * (hi - lo);
  const probes = [t - d, t - d / 2, t + d / 2, t + d].filter((u) => u >= lo && u <= hi);
  return probes.length >= 2 && probes.every((u) => {
    try {
      const y = g(u);
      return y === Infinity || y === -Infinity;
    } catch {
      return false;
    }
  });
}

/** Where, between a finite value at `finite` and an overflow at `infinite`, the integrand starts to overflow. */
function overflowStart(g: (t: number) => number, finite: number, infinite: number): number {
  for (let k = 0; k < 60; k++) {
    const m = (finite + infinite) / 2;
    let y: number;
    try {
      y = g(m);
    } catch {
      y = Number.NaN;
    }
    if (Number.isFinite(y)) finite = m;
    else infinite = m;
  }
  return infinite;
}

/** The integrand's values are too large for doubles (e^x past x = 709.78): no numeric value can be given. */
export class Overflow extends ToolError {
  constructor(at: number) {
    super(`the integrand's values from about x = ${Number(at.toPrecision(6))} on are beyond the range of double-precision numbers (about 1.8e308), so no numeric value can be given`);
  }
}

/**
 * g on [lo, hi] with a singular end smoothed: t = lo + (hi − lo)·s(u), u in [0, 1], where s flattens at
 * the singular ends (s(u) = u², 1 − (1 − u)², or 3u² − 2u³), so an integrable singularity like (t − lo)^(−1/2)
 * becomes bounded. A node that rounds onto a singular end contributes nothing (its weight is negligible).
 */
function smoothed(g: (t: number) => number, lo: number, hi: number, atLo: boolean, atHi: boolean) {
  const w = hi - lo;
  const [s, ds] = atLo && atHi ? [(u: number) => u * u * (3 - 2 * u), (u: number) => 6 * u * (1 - u)] : atLo ? [(u: number) => u * u, (u: number) => 2 * u] : [(u: number) => 1 - (1 - u) ** 2, (u: number) => 2 * (1 - u)];
  const position = (u: number) => lo + w * s(u);
  const h = (u: number) => {
    const t = position(u);
    if ((atLo && t <= lo) || (atHi && t >= hi)) return 0;
    return g(t) * w * ds(u);
  };
  return { h, position };
}

type Piece = { lo: number; hi: number };

export async function numericIntegral(
  f: (x: number) => number,
  a: number,
  b: number,
  options: { tolerance: number; maxSegments: number; work: LongWork },
): Promise<Quadrature> {
  const [g, s, t, toX] = finiteForm(f, a, b);
  const pending: Piece[] = [{ lo: s, hi: t }];
  const total: Quadrature = { value: 0, error: 0, evaluations: 0, converged: true };
  let splits = 0;
  while (pending.length) {
    const { lo, hi } = pending.shift()!;
    const [atLo, atHi] = [!finiteAt(g, lo), !finiteAt(g, hi)];
    const { h, position } = atLo || atHi ? smoothed(g, lo, hi, atLo, atHi) : { h: g, position: (u: number) => u };
    const [from, to] = atLo || atHi ? [0, 1] : [lo, hi];
    try {
      const segments = Math.max(200, Math.floor(options.maxSegments / (1 + splits)));
      const piece = await integrate(h, from, to, { tolerance: options.tolerance, maxSegments: segments, work: options.work });
      total.value += piece.value;
      total.error += piece.error;
      total.evaluations += piece.evaluations;
      total.converged &&= piece.converged;
    } catch (error) {
      if (!(error instanceof Singularity)) throw error;
      const at = position(error.at);
      if (error.undefinedValue) throw new ToolError(`the integrand has no real value near x = ${Number(toX(at).toPrecision(6))} (outside its domain), so this integral is not a real number`);
      if (Number.isFinite(a) && Number.isFinite(b) && overflowsAround(g, at, s, t)) {
        throw new Overflow(toX(finiteAt(g, s) ? overflowStart(g, s, at) : finiteAt(g, t) ? overflowStart(g, t, at) : at));
      }
      const inside = at > lo + 1e-12 * Math.max(1, Math.abs(lo)) && at < hi - 1e-12 * Math.max(1, Math.abs(hi));
      // After smoothing, an integrable singularity at an end stays finite: an infinity next to it means divergence.
      if (!inside && (atLo || atHi)) throw new Divergent(toX(Math.abs(at - lo) < Math.abs(at - hi) ? lo : hi));
      if (!inside || ++splits > MAX_SPLITS) {
        throw new ToolError(`the integrand is not finite near x = ${Number(toX(at).toPrecision(6))} (a singularity, or a value outside its domain)`);
      }
      pending.push({ lo, hi: at }, { lo: at, hi });
    }
  }
  return total;
}

/** A pole of the integrand on [lo, hi]: where, and the sign of f just beside it on each side inside. */
export type Spike = { at: number; signs: number[] };

/** Poles looked at, at most (the largest first). */
const MAX_SPIKES = 8;

/**
 * Where f on [lo, hi] (finite) has spikes that grow like |x − c|^(−p) with p ≥ 1 — poles, whose
 * integrals diverge — if anywhere. Quadrature can be fooled by one (its error estimate settles around a
 * huge number), so a definite integral is checked for them: each local maximum of |f| on a grid that is
 * large is located precisely, then f is looked at ever closer to it. The sign of f on each side says
 * which way the integral diverges there: +∞ on both sides of 1/x², opposite ways beside 1/x (no value).
 */
export function nonIntegrableSpikes(f: (x: number) => number, lo: number, hi: number, spend: (units: number) => void): Spike[] {
  const N = 1000;
  spend(N);
  const step = (hi - lo) / N;
  const g = (x: number) => {
    const y = Math.abs(f(x));
    return Number.isNaN(y) ? -1 : y;
  };
  const grid = Array.from({ length: N + 1 }, (_, i) => g(lo + step * i));
  const peaks = grid
    .map((y, i) => ({ y, i }))
    .filter(({ y, i }) => y > 1e3 && y >= (grid[i - 1] ?? -1) && y > (grid[i + 1] ?? -1))
    .sort((p, q) => q.y - p.y)
    .slice(0, MAX_SPIKES);
  const spikes: Spike[] = [];
  for (const { i } of peaks) {
    spend(250);
    // Locate the spike: maximise |f| by golden sections around the grid's point.
    let [a, b] = [Math.max(lo, lo + step * (i - 1)), Math.min(hi, lo + step * (i + 1))];
    const ratio = (Math.sqrt(5) - 1) / 2;
    for (let k = 0; k < 100 && b - a > 1e-14 * Math.max(1, Math.abs(a)); k++) {
      const m1 = b - ratio * (b - a);
      const m2 = a + ratio * (b - a);
      if (g(m1) > g(m2)) b = m2;
      else a = m1;
    }
    const c = (a + b) / 2;
    // |f(c ± d)| ∝ d^(−p): p from the growth between d = 10⁻³ and 10⁻⁶ (relative to the interval).
    const [d1, d2] = [1e-3 * (hi - lo), 1e-6 * (hi - lo)];
    const inside = (x: number) => x >= lo && x <= hi;
    const growth = (side: number) => {
      const [x1, x2] = [c + side * d1, c + side * d2];
      if (!inside(x1) || !inside(x2)) return Number.NaN;
      return Math.log(g(x2) / g(x1)) / Math.log(d1 / d2);
    };
    const p = Math.max(growth(-1) || 0, growth(1) || 0);
    if (p < 0.95 || spikes.some((s) => Math.abs(s.at - c) < 2 * step)) continue;
    // A side where f has no real value (NaN) has no sign.
    const signs = [-1, 1].filter((side) => inside(c + side * d2)).map((side) => Math.sign(f(c + side * d2))).filter((sign) => sign === 1 || sign === -1);
    spikes.push({ at: c, signs });
  }
  return spikes;
}
