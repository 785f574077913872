/**
 * @module Transport adapter for an MCP WebSocket session: one JSON-RPC message per text frame. The
 * session outlives its socket: a resumed session is re-attached to the new one, and answers produced
 * while no socket was attached wait in a bounded outbox.
 */
import type { Connection, WSMessage } from "partyserver";
import type { JSONRPCMessage } from "../../shared/jsonrpc.ts";
import { ErrorCode, McpError } from "../engine/errors.ts";
import type { Transport } from "../engine/transport.ts";
import { serialize } from "../engine/wire.ts";

/** Answers kept for a detached session; beyond this the oldest are dropped (the client re-asks). */
const OUTBOX_LIMIT = 256;

export class WebSocketTransport implements Transport {
  #connection?: Connection;
  readonly #outbox: string[] = [];
  onmessage?: (message: unknown) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;

  constructor(connection?: Connection) {
    this.#connection = connection;
  }

  get connectionId(): string | undefined {
    return this.#connection?.id;
  }

  /** The socket attached now, if any. */
  get connection(): Connection | undefined {
    return this.#connection;
  }

  async start(): Promise<void> {}

  /** Points the session at a (new) socket and delivers what waited for it. */
  attach(connection: Connection): void {
    this.#connection = connection;
    for (const frame of this.#outbox.splice(0)) this.sendRaw(frame);
  }

  detach(): void {
    this.#connection = undefined;
  }

  /** Feeds one frame from the socket; a frame that is not JSON text becomes a parse error. */
  receive(frame: WSMessage): void {
    if (typeof frame !== "string") {
      this.onerror?.(new McpError(ErrorCode.ParseError, "Parse error: send JSON-RPC as text frames, not binary"));
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(frame);
    } catch {
      this.onerror?.(new McpError(ErrorCode.ParseError, "Parse error: the frame is not valid JSON"));
      return;
    }
    this.onmessage?.(value);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const frame = serialize(message);
    if (this.sendRaw(frame)) return;
    // Answers must survive a dropped socket (the client resumes for them); notifications need not:
    // room events come back with ?since=, and progress or logs of the past help nobody.
    if ("id" in message && ("result" in message || "error" in message)) {
      this.#outbox.push(frame);
      if (this.#outbox.length > OUTBOX_LIMIT) this.#outbox.shift();
    }
  }

  /** Sends serialized JSON-RPC; answers false when no open socket took it. */
  sendRaw(frame: string): boolean {
    const connection = this.#connection;
    if (!connection || connection.readyState !== WebSocket.OPEN) return false;
    try {
      connection.send(frame);
      return true;
    } catch {
      return false; // The peer disconnected between the check and the send.
    }
  }

  async close(): Promise<void> {
    this.#connection?.close(1000, "closed by the room");
    this.#connection = undefined;
    this.onclose?.();
  }
}
