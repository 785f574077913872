/**
 * @module The transport of one Streamable HTTP session: routes each outgoing message to the POST
 * exchange of the request it belongs to, or else to the session's GET stream.
 */
import type { JSONRPCMessage, RequestId } from "../../shared/jsonrpc.ts";
import type { SendOptions, Transport } from "../engine/transport.ts";
import { SseStream } from "./sse-stream.ts";
import { ReplayBudget } from "./replay-budget.ts";

/** How long a finished stream stays resumable with Last-Event-ID. */
const RESUMABLE_MS = 5 * 60_000;

/**
 * How a POST request is answered: one JSON body, or an SSE stream once anything precedes the response
 * (`release`: the connection closes after the priming event and the client resumes for the rest).
 */
export type Answer = { kind: "json"; message: JSONRPCMessage } | { kind: "sse"; stream: SseStream; release?: boolean };

/** One POST carrying a request: waits for the first message about it to decide how to answer. */
class Exchange {
  stream?: SseStream;
  readonly answer: Promise<Answer>;
  #decide!: (answer: Answer) => void;

  constructor(private readonly newStream: () => SseStream) {
    this.answer = new Promise((resolve) => (this.#decide = resolve));
  }

  /** Lets go of the connection: answered over SSE, it closes after priming; the stream stays resumable. */
  release(): void {
    if (this.stream) return this.stream.disconnect();
    this.stream = this.newStream();
    this.#decide({ kind: "sse", stream: this.stream, release: true });
  }

  /** Answers true when the exchange is over (its response went out). */
  deliver(message: JSONRPCMessage, isResponse: boolean): boolean {
    if (!this.stream && isResponse) {
      this.#decide({ kind: "json", message });
      return true;
    }
    if (!this.stream) {
      this.stream = this.newStream();
      this.#decide({ kind: "sse", stream: this.stream });
    }
    this.stream.write(message);
    if (isResponse) this.stream.finish();
    return isResponse;
  }
}

export class HttpSessionTransport implements Transport {
  readonly sessionId: string;
  /** Told when the GET stream gets a connection (true) or loses it (false): presence. */
  onstream?: (open: boolean) => void;
  onmessage?: (message: unknown) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;

  readonly #exchanges = new Map<RequestId, Exchange>();
  readonly #streams = new Map<string, SseStream>();
  #standalone?: SseStream;
  #nextStream = 1;

  readonly #budget: ReplayBudget;

  /** @param budget what the room keeps for replay across every stream of every session */
  constructor(sessionId: string, budget: ReplayBudget = new ReplayBudget()) {
    this.sessionId = sessionId;
    this.#budget = budget;
  }

  async start(): Promise<void> {}

  /** Feeds a request from a POST and resolves with how to answer that POST. */
  request(message: { id: RequestId }): Promise<Answer> {
    if (this.#exchanges.has(message.id)) {
      const error = { code: -32600, message: `Request id ${JSON.stringify(message.id)} is already in flight` };
      return Promise.resolve({ kind: "json", message: { jsonrpc: "2.0", id: message.id, error } });
    }
    const exchange = new Exchange(() => this.#newStream());
    this.#exchanges.set(message.id, exchange);
    this.onmessage?.(message);
    return exchange.answer;
  }

  /** Feeds a notification or a response from a POST (answered 202 by the caller). */
  deliver(message: unknown): void {
    this.onmessage?.(message);
  }

  async send(message: JSONRPCMessage, options?: SendOptions): Promise<void> {
    const isResponse = "result" in message || "error" in message;
    const related = isResponse && "id" in message && message.id !== null ? message.id : options?.relatedRequestId;
    const exchange = related === undefined ? undefined : this.#exchanges.get(related);
    if (exchange) {
      if (exchange.deliver(message, isResponse)) this.#exchanges.delete(related!);
      return;
    }
    // Not about an open request: the GET stream carries it, if the client opened one (else it is dropped,
    // as the spec allows; room events stay in the log for ?since= and room://log).
    this.#standalone?.write(message);
  }

  closeRequestStream(requestId: RequestId): void {
    this.#exchanges.get(requestId)?.release();
  }

  /** Sends already-serialized JSON-RPC text on the GET stream (broadcasts serialize once). */
  sendRaw(json: string): void {
    this.#standalone?.write(json);
  }

  get hasOpenStream(): boolean {
    return this.#standalone?.connected ?? false;
  }

  /** Opens the GET stream; undefined when one is already connected (the caller answers 409). */
  openStandalone(prime: boolean): ReadableStream<Uint8Array> | undefined {
    if (this.#standalone?.connected) return undefined;
    if (!this.#standalone) {
      this.#standalone = this.#newStream();
      this.#standalone.onconnection = (connected) => this.onstream?.(connected);
    }
    return this.#standalone.connect(undefined, prime);
  }

  /**
   * Reconnects to a stream after its event `afterN`; undefined when that stream is unknown or expired,
   * or no longer keeps every event after `afterN` (a replay with a gap would lose messages silently).
   */
  resume(streamId: string, afterN: number): ReadableStream<Uint8Array> | undefined {
    this.#dropExpired();
    const stream = this.#streams.get(streamId);
    return stream?.canResume(afterN) ? stream.connect(afterN, false) : undefined;
  }

  async close(): Promise<void> {
    for (const stream of this.#streams.values()) {
      stream.finish();
      stream.drop();
    }
    this.#streams.clear();
    this.#exchanges.clear();
    this.#standalone = undefined;
    this.onclose?.();
  }

  #newStream(): SseStream {
    this.#dropExpired();
    const stream = new SseStream(`${crypto.randomUUID().slice(0, 8)}_${this.#nextStream++}`, this.#budget);
    this.#streams.set(stream.id, stream);
    return stream;
  }

  #dropExpired(): void {
    const cutoff = Date.now() - RESUMABLE_MS;
    for (const [id, stream] of this.#streams) {
      if (stream.finishedAt === undefined || stream.finishedAt >= cutoff) continue;
      stream.drop();
      this.#streams.delete(id);
    }
  }
}
