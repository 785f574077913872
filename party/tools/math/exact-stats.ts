/**
 * @module Sums, means, variances and correlation of doubles computed exactly (BigInt), rounded once:
 * the correctly rounded answers, as Python's statistics module gives them.
 */
import { ToolError } from "../tool-error.ts";
import { decompose, ratioToDouble, sqrtRatioToDouble } from "./exact-float.ts";

type Step = (done: number) => Promise<void>;

/** The data as integers over one power of two: xᵢ = Xᵢ / 2^shift, exactly. */
async function scaled(data: number[], step: Step): Promise<{ values: bigint[]; shift: number; sum: bigint }> {
  const parts = data.map(decompose);
  const shift = Math.max(0, ...parts.map((p) => -p.exponent));
  const values: bigint[] = [];
  let sum = 0n;
  for (let i = 0; i < parts.length; i++) {
    const { mantissa, exponent } = parts[i]!;
    const value = mantissa << BigInt(exponent + shift);
    values.push(value);
    sum += value;
    await step(i);
  }
  return { values, shift, sum };
}

export async function exactSum(data: number[], step: Step): Promise<number> {
  const { sum, shift } = await scaled(data, step);
  return ratioToDouble(sum, 1n << BigInt(shift));
}

export async function exactMean(data: number[], step: Step): Promise<number> {
  const { sum, shift } = await scaled(data, step);
  return ratioToDouble(sum, BigInt(data.length) << BigInt(shift));
}

/** Σ (n·Xᵢ − S)² = n²·2^(2·shift)·Σ (xᵢ − x̄)². */
async function squaredDeviations(data: number[], step: Step) {
  const { values, shift, sum } = await scaled(data, step);
  const n = BigInt(values.length);
  let total = 0n;
  for (let i = 0; i < values.length; i++) {
    const d = n * values[i]! - sum;
    total += d * d;
    await step(i);
  }
  return { total, scale: n * n * (1n << BigInt(2 * shift)) };
}

/** Sample (n − 1) or population (n) variance and standard deviation. */
export async function exactSpread(data: number[], population: boolean, step: Step): Promise<{ variance: number; std: number }> {
  const { total, scale } = await squaredDeviations(data, step);
  const denominator = scale * BigInt(population ? data.length : data.length - 1);
  return { variance: ratioToDouble(total, denominator), std: sqrtRatioToDouble(total, denominator) };
}

/** Pearson's r, rounded once from its exact value. */
export async function exactCorrelation(x: number[], y: number[], step: Step): Promise<number> {
  const a = await scaled(x, step);
  const b = await scaled(y, step);
  const n = BigInt(x.length);
  let sxy = 0n;
  let sxx = 0n;
  let syy = 0n;
  for (let i = 0; i < x.length; i++) {
    const dx = n * a.values[i]! - a.sum;
    const dy = n * b.values[i]! - b.sum;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
    await step(i);
  }
  if (sxx === 0n || syy === 0n) throw new ToolError("correlation is undefined when one of the data sets is constant");
  // r = sxy / √(sxx·syy); the common scale factors cancel.
  const r = sqrtRatioToDouble(sxy * sxy, sxx * syy);
  return sxy < 0n ? -r : r;
}
