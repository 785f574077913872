/**
 * @module The work budget of one synchronous evaluation: nodes evaluated, elements touched, call depth.
 *
 * Workers do not advance the clock while code runs, so work is counted instead of timed. Evaluation is
 * synchronous, so one budget is active at a time per isolate; `withBudget` sets it for the duration of a
 * call and restores the previous one, which keeps async tools that yield between samples correct.
 */
import { ToolError } from "../tool-error.ts";
import { MAX_ALLOCATED, MAX_CALL_DEPTH, MAX_WORK } from "./limits.ts";

export class Budget {
  work = 0;
  allocated = 0;
  depth = 0;
  readonly maxWork: number;

  constructor(maxWork = MAX_WORK) {
    this.maxWork = maxWork;
  }

  /** Spends work units; throws once the evaluation has done more than it may. */
  spend(units: number): void {
    this.work += units;
    if (this.work > this.maxWork) {
      throw new ToolError(
        "the expression needs too much work for a shared room (too many steps, elements or high-precision operations); make it smaller",
      );
    }
  }

  /** Counts elements of new matrices and arrays: many bounded ones can still exhaust memory. */
  allocate(elements: number): void {
    this.allocated += elements;
    if (this.allocated > MAX_ALLOCATED) {
      throw new ToolError(`the expression creates more than ${MAX_ALLOCATED} matrix elements in all; make it smaller`);
    }
  }

  enter(): void {
    if (++this.depth > MAX_CALL_DEPTH) {
      throw new ToolError(`function calls nest deeper than ${MAX_CALL_DEPTH} levels (is a function calling itself without end?)`);
    }
  }

  exit(): void {
    this.depth--;
  }
}

/** A budget that is never exhausted, for code paths that run outside any tool call. */
const unbounded = new Budget(Number.POSITIVE_INFINITY);
let active: Budget = unbounded;

export function currentBudget(): Budget {
  return active;
}

/** Runs `run` synchronously with `budget` active. */
export function withBudget<T>(budget: Budget, run: () => T): T {
  const previous = active;
  active = budget;
  try {
    return run();
  } finally {
    active = previous;
  }
}
