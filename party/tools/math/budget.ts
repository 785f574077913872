/**
 * @module The work budget of a tool call: units spent (about a microsecond each, see costs.ts),
 * elements allocated, call depth.
 *
 * Workers do not advance the clock while code runs, so work is counted instead of timed. A call has one
 * budget for all it does; each synchronous evaluation inside it (one expression, one sample of a plot)
 * has a smaller one whose spending also counts against the call's. Evaluation is synchronous, so one
 * budget is active at a time per isolate; `withBudget` sets it for the duration of a run and restores
 * the previous one, which keeps tools that yield between samples correct.
 */
import { ToolError } from "../tool-error.ts";
import { MAX_ALLOCATED, MAX_CALL_DEPTH, MAX_CALL_WORK, MAX_WORK } from "./limits.ts";

export class Budget {
  work = 0;
  allocated = 0;
  depth = 0;
  readonly maxWork: number;
  readonly #parent: Budget | undefined;
  readonly #refusal: string;

  /**
   * @param maxWork units this budget may spend
   * @param parent the call's budget, which every unit spent here is charged to as well
   * @param refusal what a person is told when this budget runs out
   */
  constructor(maxWork = MAX_WORK, parent?: Budget, refusal = TOO_MUCH_WORK) {
    this.maxWork = maxWork;
    this.#parent = parent;
    this.#refusal = refusal;
  }

  /** Spends work units; throws once this budget, or the call's, has done more than it may. */
  spend(units: number): void {
    this.work += units;
    if (this.work > this.maxWork) throw new ToolError(this.#refusal);
    this.#parent?.spend(units);
  }

  /** Whether `units` more would still fit (for refusing a large step before it starts). */
  affords(units: number): boolean {
    return this.work + units <= this.maxWork && (this.#parent?.affords(units) ?? true);
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

export const TOO_MUCH_WORK =
  "the expression needs too much work for a shared room (too many steps, elements, digits or high-precision operations); make it smaller";

const budgets = new WeakMap<object, Budget>();

/**
 * The budget of the tool call `context` belongs to: every evaluation the call makes, across its yields,
 * is charged to it, so a call that samples, iterates or evaluates many times is bounded as a whole.
 */
export function callBudget(context: object): Budget {
  let budget = budgets.get(context);
  if (!budget) budgets.set(context, (budget = new Budget(MAX_CALL_WORK, undefined, CALL_TOO_MUCH_WORK)));
  return budget;
}

const CALL_TOO_MUCH_WORK =
  "this call needs too much work in all for a shared room (too many points, steps or evaluations); ask for less, or split it up";

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
