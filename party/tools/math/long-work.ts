/**
 * @module Long loops in a shared room: report progress, give the room's other messages a turn, stop on cancel.
 *
 * A room is one thread. A loop that yields every so often lets the room read a cancellation (or another
 * participant's call) in between; `setTimeout(0)` is the yield that works in workerd.
 */
import { ToolError } from "../tool-error.ts";
import type { ToolContext } from "../registry.ts";
import { callBudget } from "./budget.ts";
import type { Budget } from "./budget.ts";
import { YIELD_WORK } from "./limits.ts";

export const yieldToRoom = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class LongWork {
  readonly #context: Pick<ToolContext, "signal" | "progress">;
  readonly #total: number;
  readonly #every: number;
  readonly #budget: Budget;
  #next: number;
  #workAtYield: number;

  /** `every`: how many steps between two yields at most; heavy steps yield sooner (every YIELD_WORK units). */
  constructor(context: Pick<ToolContext, "signal" | "progress">, total: number, every = 200) {
    this.#context = context;
    this.#total = total;
    this.#every = every;
    this.#next = every;
    this.#budget = callBudget(context);
    this.#workAtYield = this.#budget.work;
    this.checkCancelled();
  }

  /** Call once per step with the steps done so far; yields and reports every `every` steps, or sooner when they are heavy. */
  async step(done: number, message?: string): Promise<void> {
    if (done < this.#next && this.#budget.work - this.#workAtYield < YIELD_WORK) return;
    this.#next = done + this.#every;
    this.#workAtYield = this.#budget.work;
    this.#context.progress(done, this.#total, message);
    await yieldToRoom();
    this.checkCancelled();
  }

  /** Whether the call's budget still holds `units` more: a loop that can stop with what it has asks first. */
  affords(units: number): boolean {
    return this.#budget.affords(units);
  }

  /** Units the call has spent so far. */
  get spent(): number {
    return this.#budget.work;
  }

  checkCancelled(): void {
    if (this.#context.signal.aborted) throw new ToolError("cancelled");
  }

  done(message?: string): void {
    this.#context.progress(this.#total, this.#total, message);
  }
}
