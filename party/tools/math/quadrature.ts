/**
 * @module Adaptive Gauss–Kronrod quadrature (7-point Gauss, 15-point Kronrod): the interval with the
 * largest error estimate is halved until the total estimate meets the tolerance. A node where the
 * integrand is not finite but its neighbours agree (sin(x)/x at 0) takes their value; anything else
 * there is a singularity, reported with its place so the caller can split the interval at it.
 */
import type { LongWork } from "./long-work.ts";

/** The integrand is not finite at `at`, and not because of a removable gap. */
export class Singularity extends Error {
  readonly at: number;
  /** The integrand has no real value there at all (outside its domain), rather than an infinite one. */
  readonly undefinedValue: boolean;
  constructor(at: number, undefinedValue = false) {
    super(`the integrand is not finite near x = ${Number(at.toPrecision(6))}`);
    this.at = at;
    this.undefinedValue = undefinedValue;
  }
}

/** f(x), or the value its neighbours agree on when f is not finite at x itself (a removable singularity). */
function sample(f: (x: number) => number, x: number): number {
  const y = f(x);
  if (Number.isFinite(y)) return y;
  const d = 1e-7 * Math.max(1, Math.abs(x));
  const [left, right] = [f(x - d), f(x + d)];
  if (Number.isFinite(left) && Number.isFinite(right) && Math.abs(left - right) <= 1e-5 * Math.max(1, Math.abs(left), Math.abs(right))) return (left + right) / 2;
  throw new Singularity(x, Number.isNaN(y) && Number.isNaN(left) && Number.isNaN(right));
}

/** Kronrod abscissae on [−1, 1] (x and −x); every other one is also a Gauss point. */
const NODES = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
  0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0,
];
const KRONROD_WEIGHTS = [
  0.02293532201052922496373200805897, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
  0.140653259715525918745189590510238, 0.16900472663926790282658342659855, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
];
/** Gauss weights of the points NODES[1], NODES[3], NODES[5], NODES[7]. */
const GAUSS_WEIGHTS = [0.129484966168869693270611432679082, 0.27970539148927666790146777142378, 0.381830050505118944950369775488975, 0.417959183673469387755102040816327];

type Segment = { a: number; b: number; value: number; error: number };

function gaussKronrod(f: (x: number) => number, a: number, b: number): Segment {
  const center = (a + b) / 2;
  const half = (b - a) / 2;
  let kronrod = 0;
  let gauss = 0;
  for (let i = 0; i < NODES.length; i++) {
    const dx = half * NODES[i]!;
    const sum = i === 7 ? sample(f, center) : sample(f, center - dx) + sample(f, center + dx);
    kronrod += KRONROD_WEIGHTS[i]! * sum;
    if (i % 2 === 1) gauss += GAUSS_WEIGHTS[(i - 1) / 2]! * sum;
  }
  return { a, b, value: kronrod * half, error: Math.abs((kronrod - gauss) * half) };
}

export type Quadrature = { value: number; error: number; evaluations: number; converged: boolean };

export async function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: { tolerance: number; maxSegments: number; work: LongWork },
): Promise<Quadrature> {
  const started = options.work.spent;
  const segments = [gaussKronrod(f, a, b)];
  let evaluations = 15;
  for (;;) {
    const value = segments.reduce((s, g) => s + g.value, 0);
    const error = segments.reduce((s, g) => s + g.error, 0);
    if (error <= Math.max(options.tolerance * Math.abs(value), 1e-14) || segments.length >= options.maxSegments) {
      return { value, error, evaluations, converged: error <= Math.max(options.tolerance * Math.abs(value), 1e-14) };
    }
    // Halve the worst segment; a heap would be faster, but a few thousand segments scan quickly.
    let worst = 0;
    for (let i = 1; i < segments.length; i++) if (segments[i]!.error > segments[worst]!.error) worst = i;
    const { a: left, b: right } = segments[worst]!;
    const middle = (left + right) / 2;
    if (middle <= left || middle >= right) return { value, error, evaluations, converged: false };
    // The call's work budget decides how far refinement may go: stop with the estimate so far (not
    // converged) rather than fail, with room for twice the next split's evaluations.
    const perEvaluation = (options.work.spent - started) / evaluations;
    if (!options.work.affords(2 * 30 * perEvaluation)) return { value, error, evaluations, converged: false };
    segments.splice(worst, 1, gaussKronrod(f, left, middle), gaussKronrod(f, middle, right));
    evaluations += 30;
    await options.work.step(segments.length, "refining the integral");
  }
}
