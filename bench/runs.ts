/**
 * @module Every round's figures by measure, and what the report reads off them: a measure's median
 * round, and comparisons made within each round (A against B in the same round) and then taken at
 * their median, so that a burst of load from elsewhere on the machine skews one round, not the result.
 */
import { median } from "./stats.ts";
import type { Stats } from "./stats.ts";

export class Runs {
  readonly #byKey: Map<string, Stats[]>;

  constructor(byKey: Map<string, Stats[]>) {
    this.#byKey = byKey;
  }

  /** How many rounds ran. */
  get rounds(): number {
    return Math.min(...[...this.#byKey.values()].map((runs) => runs.length));
  }

  has(key: string): boolean {
    return this.#byKey.has(key);
  }

  /** The round with the median rate. */
  median(key: string): Stats {
    return median(this.#rounds(key));
  }

  /** The median, over rounds, of A's rate over B's. */
  ratio(a: string, b: string): number {
    return this.paired((round) => round(a).perSecond / round(b).perSecond);
  }

  /** The median, over rounds, of a figure computed from one round's results. */
  paired(figure: (round: (key: string) => Stats) => number): number {
    const values = Array.from({ length: this.rounds }, (_, i) => figure((key) => this.#rounds(key)[i]!)).sort((x, y) => x - y);
    const mid = Math.floor(values.length / 2);
    return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  }

  #rounds(key: string): Stats[] {
    const runs = this.#byKey.get(key);
    if (!runs?.length) throw new Error(`no result for ${key}`);
    return runs;
  }
}
