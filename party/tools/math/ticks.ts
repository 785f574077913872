/**
 * @module Axis ticks at round numbers (1, 2, 5 × 10ⁿ, or multiples of π/2 for angles) and their labels.
 */

export type Tick = { value: number; label: string };

const MINUS = "\u2212";

/** A number as an axis shows it: as few decimals as the step needs, a true minus sign. */
export function formatTick(value: number, step: number): string {
  if (Math.abs(value) < step * 1e-9) return "0";
  const magnitude = Math.abs(value);
  let text: string;
  if (magnitude >= 1e6 || magnitude < 1e-4) {
    text = value.toExponential(Math.max(0, Math.min(6, Math.ceil(Math.log10(magnitude / step)))));
    text = text.replace(/\.?0+e/, "e").replace("e+", "e");
  } else {
    text = value.toFixed(Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9))));
  }
  return text.replace("-", MINUS);
}

/** About `target` ticks within [low, high] at 1, 2 or 5 × 10ⁿ. */
export function niceTicks(low: number, high: number, target = 6): Tick[] {
  const raw = (high - low) / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const normal = raw / power;
  const step = (normal < 1.5 ? 1 : normal < 3 ? 2 : normal < 7 ? 5 : 10) * power;
  const ticks: Tick[] = [];
  for (let k = Math.ceil(low / step - 1e-9); k * step <= high + step * 1e-9 && ticks.length < 50; k++) {
    const value = k * step;
    ticks.push({ value, label: formatTick(value, step) });
  }
  return ticks;
}

/** Ticks at multiples of π/2 (or π, 2π, …) when both ends of the range are such multiples. */
export function piTicks(low: number, high: number): Tick[] | undefined {
  const halves = (x: number) => (2 * x) / Math.PI;
  const isMultiple = (x: number) => Math.abs(halves(x) - Math.round(halves(x))) < 1e-9;
  if (!isMultiple(low) || !isMultiple(high) || high - low < Math.PI) return undefined;
  let unit = 1;
  while ((halves(high) - halves(low)) / unit > 10) unit *= 2;
  const ticks: Tick[] = [];
  for (let k = Math.ceil(halves(low) / unit - 1e-9) * unit; k <= halves(high) + 1e-9; k += unit) {
    ticks.push({ value: (k * Math.PI) / 2, label: piLabel(k) });
  }
  return ticks;
}

/** k·π/2 as "π/2", "π", "3π/2", "−2π". */
function piLabel(halfTurns: number): string {
  if (halfTurns === 0) return "0";
  const sign = halfTurns < 0 ? MINUS : "";
  const k = Math.abs(halfTurns);
  if (k % 2 === 0) return `${sign}${k === 2 ? "" : k / 2}π`;
  return `${sign}${k === 1 ? "" : k}π/2`;
}
