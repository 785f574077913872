/**
 * @module Figures from one run (a rate and latency percentiles) and the median of several runs.
 */

/**
 * `count` things (calls, deliveries, events) in `seconds`; latencies in milliseconds; `cpuUs`, the
 * server's CPU time per call in microseconds, where it was read.
 */
export type Stats = { count: number; seconds: number; perSecond: number; p50: number; p99: number; cpuUs?: number };

/** CPU nanoseconds of the server, read before and after the measured part of a run. */
export type CpuMeter = () => number;

/** Runs `work` and answers its result with the server's CPU time per call (µs) beside it. */
export async function metered<T extends Stats>(cpu: CpuMeter | undefined, calls: number, work: () => Promise<T>): Promise<T> {
  const before = cpu?.();
  const result = await work();
  return before === undefined ? result : { ...result, cpuUs: (cpu!() - before) / 1000 / calls };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function stats(latencies: number[], seconds: number, count = latencies.length): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { count, seconds, perSecond: count / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** The run with the median rate (latencies stay those of one real run). */
export function median(runs: Stats[]): Stats {
  if (runs.length === 0) throw new Error("no runs to take the median of");
  return [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)]!;
}
