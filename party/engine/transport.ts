/**
 * @module The transport contract, borrowed from the MCP SDK: the engine knows nothing of sockets.
 *
 * It is the SDK's own `Transport` shape, so the SDK's `InMemoryTransport` plugs into the engine too.
 */
import type { JSONRPCMessage } from "../../shared/jsonrpc.ts";

export interface Transport {
  start(): Promise<void>;
  send(message: JSONRPCMessage): Promise<void>;
  close(): Promise<void>;
  /** One parsed JSON value from the peer; the engine validates it. */
  onmessage?: (message: unknown) => void;
  onclose?: () => void;
  /** A frame that could not be read arrives here as an `McpError` with `ErrorCode.ParseError`. */
  onerror?: (error: Error) => void;
}
