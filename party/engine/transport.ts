/**
 * @module The transport contract, borrowed from the MCP SDK: the engine knows nothing of sockets.
 *
 * It is the SDK's own `Transport` shape, so the SDK's `InMemoryTransport` plugs into the engine too.
 */
import type { JSONRPCMessage, RequestId } from "../../shared/jsonrpc.ts";

export type SendOptions = {
  /**
   * The client request this message belongs to (its response, or progress, logs and server-to-client
   * requests sent while handling it). Streamable HTTP sends it on that request's stream.
   */
  relatedRequestId?: RequestId;
};

export interface Transport {
  start(): Promise<void>;
  send(message: JSONRPCMessage, options?: SendOptions): Promise<void>;
  close(): Promise<void>;
  /** One parsed JSON value from the peer; the engine validates it. */
  onmessage?: (message: unknown) => void;
  onclose?: () => void;
  /** A frame that could not be read arrives here as an `McpError` with `ErrorCode.ParseError`. */
  onerror?: (error: Error) => void;
  /**
   * Lets go of the connection that carries a request's answer while the request goes on; the client
   * comes back for the rest (Streamable HTTP's SSE polling, SEP-1699). Transports without such
   * connections leave it out.
   */
  closeRequestStream?(requestId: RequestId): void;
  /**
   * Sends an already-serialized notification now, or drops it if no connection is there (a broadcast,
   * or a listen's notification: what a dropped socket missed comes back another way).
   */
  sendRaw?(frame: string): void;
}
