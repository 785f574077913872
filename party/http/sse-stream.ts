/**
 * @module One SSE stream of a Streamable HTTP session: numbered events, a bounded replay buffer, and
 * connections that can come and go (a client resumes with `Last-Event-ID`).
 */
import type { JSONRPCMessage } from "../../shared/jsonrpc.ts";
import { serialize } from "../engine/wire.ts";
import { ReplayBudget } from "./replay-budget.ts";
import type { KeptEvent } from "./replay-budget.ts";

const encoder = new TextEncoder();
/** Events kept per stream for `Last-Event-ID` replay. */
const REPLAY_LIMIT = 1000;
/** A comment line keeps idle connections open through proxies. */
const KEEPALIVE_MS = 25_000;
/** How long a client waits before coming back to a stream whose connection the server closed. */
export const RETRY_MS = 1000;

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  // Proxies such as nginx would otherwise hold events back until a buffer fills.
  "X-Accel-Buffering": "no",
} as const;

/** `id` is `<streamId>-<n>`; the stream id says which stream a `Last-Event-ID` resumes. */
export function parseEventId(eventId: string): { streamId: string; n: number } | undefined {
  const match = /^([A-Za-z0-9_]+)-(\d{1,12})$/.exec(eventId);
  return match ? { streamId: match[1]!, n: Number(match[2]) } : undefined;
}

export class SseStream {
  readonly id: string;
  #count = 0;
  /** The last event given to a live connection. */
  #delivered = 0;
  readonly #buffer: KeptEvent[] = [];
  readonly #budget: ReplayBudget;
  #controller?: ReadableStreamDefaultController<Uint8Array>;
  #keepalive?: ReturnType<typeof setInterval>;
  #finished = false;
  /** When the stream finished, for dropping its replay buffer later. */
  finishedAt?: number;
  /** Told when a connection attaches (true) or goes away (false), not when a resumption takes over. */
  onconnection?: (connected: boolean) => void;

  /** @param budget what the room keeps for replay across all its streams */
  constructor(id: string, budget: ReplayBudget = new ReplayBudget()) {
    this.id = id;
    this.#budget = budget;
  }

  get finished(): boolean {
    return this.#finished;
  }

  get connected(): boolean {
    return this.#controller !== undefined;
  }

  /** Whether a connection may resume after event `afterN` with nothing lost in between. */
  canResume(afterN: number): boolean {
    const oldest = this.#buffer[0]?.n ?? this.#count + 1;
    return afterN <= this.#count && afterN >= oldest - 1;
  }

  /**
   * Opens a connection to this stream: first the events after `afterN` (a resumption), then live ones.
   * With `prime`, an empty event carrying an id comes first, so the client has something to resume from.
   * A connection that takes over from a live one (a resumption) closes the old one; the old one's late
   * cancel then changes nothing.
   */
  connect(afterN: number | undefined, prime: boolean): ReadableStream<Uint8Array> {
    const takingOver = this.#controller !== undefined;
    this.#release(true);
    // Without Last-Event-ID, a connection gets what no connection has been given yet (events written
    // before the first connection, or while the client was away).
    const after = afterN ?? this.#delivered;
    let own: ReadableStreamDefaultController<Uint8Array> | undefined;
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        own = controller;
        this.#controller = controller;
        const missed = this.#buffer.filter((event) => event.n > after);
        if (prime && missed.length === 0 && afterN === undefined) this.#enqueue(this.#nextFrame("", RETRY_MS), this.#count);
        for (const event of missed) this.#enqueue(event.frame, event.n);
        if (this.#finished) return this.#detach(true);
        this.#keepalive = setInterval(() => this.#enqueue(": keepalive\n\n"), KEEPALIVE_MS);
        // Told last, so whatever it triggers (a presence event) follows the priming event and the replay.
        if (!takingOver) this.onconnection?.(true);
      },
      // Only the connection that is current may end it: a stale one's cancel (a client that resumed
      // on a new connection, then let the old one go) must not silence the new one.
      cancel: () => {
        if (own !== undefined && this.#controller === own) this.#detach();
      },
    });
  }

  write(message: JSONRPCMessage | string): void {
    this.#enqueue(this.#nextFrame(typeof message === "string" ? message : serialize(message)), this.#count);
  }

  /** Closes the open connection but not the stream: the client resumes it with Last-Event-ID. */
  disconnect(): void {
    this.#detach(true);
  }

  /** No more events: the open connection (if any) ends; replay stays possible for a while. */
  finish(): void {
    this.#finished = true;
    this.finishedAt = Date.now();
    this.#detach(true);
  }

  /** The stream is forgotten: what it kept for replay is let go. */
  drop(): void {
    for (const event of this.#buffer.splice(0)) this.#budget.release(event);
  }

  #nextFrame(data: string, retryMs?: number): string {
    const n = ++this.#count;
    const retry = retryMs === undefined ? "" : `retry: ${retryMs}\n`;
    const frame = `id: ${this.id}-${n}\n${retry}event: message\ndata: ${data}\n\n`;
    const event: KeptEvent = { n, frame, bytes: 2 * frame.length, gone: false, drop: () => this.#dropOldest(event) };
    this.#buffer.push(event);
    if (this.#buffer.length > REPLAY_LIMIT) this.#budget.release(this.#buffer.shift()!);
    this.#budget.keep(event);
    return frame;
  }

  /** The room keeps too much: this stream's oldest event goes (the budget drops the room's oldest first). */
  #dropOldest(event: KeptEvent): void {
    if (this.#buffer[0] === event) this.#buffer.shift();
    this.#budget.release(event);
  }

  /** Sends a frame on the live connection, if any; `n` is its event number (none for comments). */
  #enqueue(frame: string, n?: number): void {
    if (!this.#controller) return;
    try {
      this.#controller.enqueue(encoder.encode(frame));
      if (n !== undefined) this.#delivered = Math.max(this.#delivered, n);
    } catch {
      this.#detach(); // The client went away; the event stays in the buffer for a resumption.
    }
  }

  /** Lets go of the live connection, closing it; `quietly`: no one is told (a resumption takes over). */
  #release(quietly: boolean): void {
    if (this.#keepalive !== undefined) clearInterval(this.#keepalive);
    this.#keepalive = undefined;
    try {
      this.#controller?.close();
    } catch {
      // Already closed or errored.
    }
    if (this.#controller && !quietly) this.onconnection?.(false);
    this.#controller = undefined;
  }

  #detach(close = false): void {
    if (this.#keepalive !== undefined) clearInterval(this.#keepalive);
    this.#keepalive = undefined;
    if (close) {
      try {
        this.#controller?.close();
      } catch {
        // Already closed or errored.
      }
    }
    if (this.#controller) {
      this.#controller = undefined;
      this.onconnection?.(false);
    }
  }
}
