/**
 * @module How one modern POST is answered (2026-07-28 Streamable HTTP): one JSON body when the response
 * is all there is, else an SSE stream scoped to the request — its notifications, then its response —
 * with no event ids (modern streams are not resumable). The client closing it cancels the request.
 */
import type { JSONRPCMessage } from "../../shared/jsonrpc.ts";
import { statusOf } from "../modern/results.ts";

const encoder = new TextEncoder();
/** A comment line keeps a quiet stream (a listen) open through proxies and idle timeouts. */
const KEEPALIVE_MS = 25_000;

export const MODERN_SSE_HEADERS = {
  "Content-Type": "text/event-stream",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
} as const;

export class RequestStream {
  /** Aborted when the client closes the stream: the request is cancelled. */
  readonly cancelled = new AbortController();
  readonly response: Promise<Response>;
  #answer!: (response: Response) => void;
  #controller?: ReadableStreamDefaultController<Uint8Array>;
  #keepalive?: ReturnType<typeof setInterval>;
  #done = false;

  constructor() {
    this.response = new Promise((resolve) => (this.#answer = resolve));
  }

  /** A notification about the request: the answer becomes a stream, if it is not one yet. */
  notify(message: JSONRPCMessage | string): void {
    if (this.#done) return;
    this.#open();
    this.#write(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** The response: alone as JSON, or last on the stream, which then ends. */
  respond(message: JSONRPCMessage): void {
    if (this.#done) return;
    this.#done = true;
    if (!this.#controller) {
      const code = "error" in message ? message.error.code : 0;
      this.#answer(Response.json(message, { status: statusOf(code) }));
      return;
    }
    this.#write(JSON.stringify(message));
    this.#close();
  }

  /** Ends without a response (the request was cancelled). */
  end(): void {
    this.#done = true;
    if (this.#controller) this.#close();
    else this.#answer(new Response(null, { status: 204 }));
  }

  #open(): void {
    if (this.#controller) return;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#controller = controller;
      },
      cancel: () => {
        this.#stopKeepalive();
        this.#done = true;
        this.cancelled.abort("the client closed the stream");
      },
    });
    this.#keepalive = setInterval(() => this.#enqueue(": keepalive\n\n"), KEEPALIVE_MS);
    this.#answer(new Response(body, { headers: MODERN_SSE_HEADERS }));
  }

  #write(json: string): void {
    this.#enqueue(`event: message\ndata: ${json}\n\n`);
  }

  #enqueue(text: string): void {
    try {
      this.#controller?.enqueue(encoder.encode(text));
    } catch {
      // The client went away; cancel() tells the request.
    }
  }

  #close(): void {
    this.#stopKeepalive();
    try {
      this.#controller?.close();
    } catch {
      // Already closed.
    }
  }

  #stopKeepalive(): void {
    if (this.#keepalive !== undefined) clearInterval(this.#keepalive);
    this.#keepalive = undefined;
  }
}
