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

/** A request id as the events table stores it (JSON), so that 1 and "1" stay apart. */
const keyOf = (requestId: RequestId) => JSON.stringify(requestId);

export class RequestLedger {
  readonly #source: LedgerSource;
  /** By session: what each of its requests made. */
  readonly #made = new Map<string, Map<string, Made>>();
  /** Event entries in seq order, to forget those the log no longer keeps. */
  #order: { sessionId: string; key: string; seq: number }[] = [];
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

  /** A session the room forgot: what it made is let go too. */
  forget(sessionId: string): void {
    this.#complete.delete(sessionId);
    this.#made.delete(sessionId);
  }

  event(sessionId: string, requestId: RequestId, seq: number): void {
    const key = keyOf(requestId);
    this.#of(sessionId).set(key, { seq });
    this.#order.push({ sessionId, key, seq });
    this.#evict();
  }

  task(sessionId: string, requestId: RequestId): void {
    this.#of(sessionId).set(keyOf(requestId), { task: true });
  }

  /** What the session's request already made, if anything. */
  made(sessionId: string, requestId: RequestId): Made | undefined {
    if (!this.#complete.has(sessionId)) this.#load(sessionId);
    return this.#made.get(sessionId)?.get(keyOf(requestId));
  }

  #of(sessionId: string): Map<string, Made> {
    let made = this.#made.get(sessionId);
    if (!made) this.#made.set(sessionId, (made = new Map()));
    return made;
  }

  /** Reads, once, what a session this instance did not see born made before (after a wake, or a resumption). */
  #load(sessionId: string): void {
    const made = this.#of(sessionId);
    // Loaded out of seq order, these stay until the session is forgotten or the room sleeps: at most
    // what the log keeps.
    for (const { requestId, seq } of this.#source.events(sessionId)) if (!made.has(requestId)) made.set(requestId, { seq });
    for (const requestId of this.#source.tasks(sessionId)) made.set(requestId, { task: true });
    this.#complete.add(sessionId);
  }

  #evict(): void {
    const keptFrom = this.#source.keptFrom();
    while (this.#head < this.#order.length && this.#order[this.#head]!.seq < keptFrom) {
      const { sessionId, key, seq } = this.#order[this.#head++]!;
      const made = this.#made.get(sessionId);
      const entry = made?.get(key);
      if (entry && "seq" in entry && entry.seq === seq) made!.delete(key);
    }
    if (this.#head > 1024 && this.#head * 2 > this.#order.length) {
      this.#order = this.#order.slice(this.#head);
      this.#head = 0;
    }
  }
}
