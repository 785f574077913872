/**
 * @module Long loops in a shared room: report progress, give the room's other messages a turn, stop on cancel.
 *
 * A room is one thread. A loop that yields every so often lets the room read a cancellation (or another
 * participant's call) in between; `setTimeout(0)` is the yield that works in workerd.
 */
import { ToolError } from "../tool-error.ts";
import type { ToolContext } from "../registry.ts";

export const yieldToRoom = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class LongWork {
  readonly #context: Pick<ToolContext, "signal" | "progress">;
  readonly #total: number;
  readonly #every: number;
  #next: number;

  /** `every`: how many steps between two yields. */
  constructor(context: Pick<ToolContext, "signal" | "progress">, total: number, every = 200) {
    this.#context = context;
    this.#total = total;
    this.#every = every;
    this.#next = every;
    this.checkCancelled();
  }

  /** Call once per step with the steps done so far; yields and reports every `every` steps. */
  async step(done: number, message?: string): Promise<void> {
    if (done < this.#next) return;
    this.#next = done + this.#every;
    this.#context.progress(done, this.#total, message);
    await yieldToRoom();
    this.checkCancelled();
  }

  checkCancelled(): void {
    if (this.#context.signal.aborted) throw new ToolError("cancelled");
  }

  done(message?: string): void {
    this.#context.progress(this.#total, this.#total, message);
  }
}
