/**
 * @module Group commit for a room's socket messages. Each message a Durable Object handles is its own
 * implicit transaction, so calls pipelined on a socket would pay one commit each. Instead, a message
 * that arrives while an earlier write is still being committed waits, with every message that follows
 * it, for one turn that handles them all: their writes share one commit.
 *
 * No answer or event leaves before its write is durable: a message is handled (its writes made, its
 * answer and events sent) in one turn, and the runtime's output gate holds what that turn sends until
 * its writes are committed. A message that arrives when nothing is being committed is handled at once,
 * as before: sequential calls wait for nothing.
 */

export class GroupCommit {
  readonly #durable: () => Promise<void>;
  readonly #waiting: (() => void)[] = [];
  #committing = false;
  #scheduled = false;

  /** @param durable resolves once every write made so far is durable (the storage's `sync()`). */
  constructor(durable: () => Promise<void>) {
    this.#durable = durable;
  }

  /** Handles one message: now, or with the others that arrive while a commit is on its way. */
  run(handle: () => void): void {
    if (!this.#committing && !this.#scheduled) return handle();
    this.#waiting.push(handle);
    if (this.#scheduled) return;
    this.#scheduled = true;
    // A later turn: the messages already on their way arrive first (they do no writes, so they are quick).
    setTimeout(() => this.#flush(), 0);
  }

  /** Something was written in this turn: until it is committed, messages wait to share the next commit. */
  wrote(): void {
    if (this.#committing) return;
    this.#committing = true;
    this.#durable().then(
      () => (this.#committing = false),
      () => (this.#committing = false),
    );
  }

  #flush(): void {
    this.#scheduled = false;
    for (const handle of this.#waiting.splice(0)) {
      try {
        handle();
      } catch (error) {
        // One message's failure is its own; the others in the group are still handled.
        console.error("message failed:", error);
      }
    }
  }
}
