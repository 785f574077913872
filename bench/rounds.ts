/**
 * @module Rounds: every group of measures runs once per round, its targets back to back in an order
 * that rotates from round to round, so drift in the machine's load hits every target alike.
 */
import { Runs } from "./runs.ts";
import type { Stats } from "./stats.ts";

export type Measure = { key: string; run: () => Promise<Stats> };

const rotate = <T>(items: T[], by: number): T[] => items.map((_, i) => items[(i + by) % items.length]!);

export type RoundLimits = { rounds: number; minRounds: number; budgetSeconds: number };

/** Runs the groups up to `rounds` times (fewer once the budget is spent) and answers every round's results. */
export async function inRounds(groups: Measure[][], limits: RoundLimits, progress: (line: string) => void): Promise<Runs> {
  const { rounds, minRounds, budgetSeconds } = limits;
  const runs = new Map<string, Stats[]>();
  const start = performance.now();
  for (let round = 0; round < rounds; round++) {
    if (round >= minRounds && performance.now() - start > budgetSeconds * 1000) {
      progress(`time budget of ${budgetSeconds} s spent: stopping after ${round} rounds`);
      break;
    }
    for (const group of groups) {
      for (const measure of rotate(group, round)) {
        const result = await measure.run();
        runs.set(measure.key, [...(runs.get(measure.key) ?? []), result]);
        progress(`round ${round + 1}/${rounds}  ${measure.key.padEnd(14)} ${Math.round(result.perSecond).toLocaleString("en-US").padStart(9)}/s`);
      }
    }
  }
  return new Runs(runs);
}
