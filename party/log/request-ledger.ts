/**
 * @module Which request of which session already made something in the room (an event, or a task), so
 * that a retransmitted tools/call is answered again and never run twice — kept in memory, so that a
 * call reads no storage to learn it is new.
 *
 * A retransmission can only follow a resumption or a wake, so storage is read only for a session whose
 * past this instance did not see: once, on its first tools/call here. A session born in this instance
 * has its whole past in memory from the start.
 */
import type { RequestId } from "../../shared/jsonrpc.ts";

/** What a request made: the seq of its event, or the task it started. */
export type Made = { seq: number } | { task: true };

export type LedgerSource = {
  /** Kept events a session's requests made (request ids as stored: JSON). */
  events(sessionId: string): { requestId: string; seq: number }[];
  /** Request ids (JSON) of the session's requests that started a task still kept. */
  tasks(sessionId: string): string[];
  /** The oldest kept seq: entries for older events are forgotten. */
  keptFrom(): number;
};

const keyOf = (sessionId: string, requestId: RequestId | string, stored = false) => `${sessionId}\n${stored ? requestId : JSON.stringify(requestId)}`;

export class RequestLedger {
  readonly #source: LedgerSource;
  readonly #made = new Map<string, Made>();
  /** Event entries in seq order, to forget those the log no longer keeps. */
  #order: { key: string; seq: number }[] = [];
  #head = 0;
  /** Sessions whose every request made here or kept in storage is in #made. */
  readonly #complete = new Set<string>();

  constructor(source: LedgerSource) {
    this.#source = source;
  }

  /** A session created in this instance: nothing it did can be in storage yet. */
  born(sessionId: string): void {
    this.#complete.add(sessionId);
  }

  /** A session the room forgot. */
  forget(sessionId: string): void {
    this.#complete.delete(sessionId);
  }

  event(sessionId: string, requestId: RequestId, seq: number): void {
    const key = keyOf(sessionId, requestId);
    this.#made.set(key, { seq });
    this.#order.push({ key, seq });
    this.#evict();
  }

  task(sessionId: string, requestId: RequestId): void {
    this.#made.set(keyOf(sessionId, requestId), { task: true });
  }

  /** What the session's request already made, if anything. */
  made(sessionId: string, requestId: RequestId): Made | undefined {
    if (!this.#complete.has(sessionId)) this.#load(sessionId);
    return this.#made.get(keyOf(sessionId, requestId));
  }

  #load(sessionId: string): void {
    for (const { requestId, seq } of this.#source.events(sessionId)) {
      const key = keyOf(sessionId, requestId, true);
      if (this.#made.has(key)) continue;
      this.#made.set(key, { seq });
      // Loaded late, out of seq order: these are forgotten with the session, or when the room sleeps.
    }
    for (const requestId of this.#source.tasks(sessionId)) this.#made.set(keyOf(sessionId, requestId, true), { task: true });
    this.#complete.add(sessionId);
  }

  #evict(): void {
    const keptFrom = this.#source.keptFrom();
    while (this.#head < this.#order.length && this.#order[this.#head]!.seq < keptFrom) {
      const { key, seq } = this.#order[this.#head++]!;
      const made = this.#made.get(key);
      if (made && "seq" in made && made.seq === seq) this.#made.delete(key);
    }
    if (this.#head > 1024 && this.#head * 2 > this.#order.length) {
      this.#order = this.#order.slice(this.#head);
      this.#head = 0;
    }
  }
}
