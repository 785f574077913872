/**
 * @module Transport adapter for one room WebSocket: one JSON-RPC message per text frame.
 */
import type { Connection, WSMessage } from "partyserver";
import type { JSONRPCMessage } from "../../shared/jsonrpc.ts";
import { ErrorCode, McpError } from "../engine/errors.ts";
import type { Transport } from "../engine/transport.ts";

export class WebSocketTransport implements Transport {
  readonly #connection: Connection;
  onmessage?: (message: unknown) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;

  constructor(connection: Connection) {
    this.#connection = connection;
  }

  async start(): Promise<void> {}

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
    this.sendRaw(JSON.stringify(message));
  }

  /** Sends text that is already a serialized JSON-RPC message (broadcasts serialize once for all). */
  sendRaw(frame: string): void {
    // A socket that went away mid-call is not an error: its answer is simply undeliverable here.
    if (this.#connection.readyState !== WebSocket.OPEN) return;
    try {
      this.#connection.send(frame);
    } catch {
      // The peer disconnected between the check and the send.
    }
  }

  async close(): Promise<void> {
    this.#connection.close(1000, "closed by the room");
    this.onclose?.();
  }
}
