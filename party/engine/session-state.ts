/**
 * @module What the room remembers about one MCP session, across sockets, hibernation and restarts.
 */
import type { LoggingLevel } from "../../shared/mcp.ts";
import { randomToken } from "../ids.ts";

export type ClientInfo = { name: string; version: string; title?: string };

/** How the session reaches the room; a session id only works on its own kind of transport. */
export type SessionKind = "websocket" | "http" | "seed";

export type SessionState = {
  id: string;
  kind: SessionKind;
  /** How others know this participant (the id itself is a credential and stays private). */
  publicId?: string;
  /** Shown as `by` in the room log: `?name=` on connect, else the client's name. */
  name: string;
  /** True once `initialize` has been answered. */
  initialized: boolean;
  /** True once the connection has carried a modern request (it is a participant without initialize). */
  modern?: boolean;
  protocolVersion?: string;
  clientInfo?: ClientInfo;
  clientCapabilities?: Record<string, unknown>;
  /** The lowest level of `notifications/message` this session receives. */
  logLevel: LoggingLevel;
  /** Resource URIs the session subscribed to (notifications/resources/updated). */
  subscriptions?: string[];
  /** "read" for a viewer link: it sees the log and presence but cannot call tools. Absent: "write". */
  access?: "write" | "read";
  /** When its socket went away (epoch ms): a WebSocket session can be resumed for a while after. */
  detachedAt?: number;
};

export function newSessionState(id: string, kind: SessionKind, name?: string): SessionState {
  return { id, kind, publicId: randomToken(9), name: name ?? "anonymous", initialized: false, logLevel: "info" };
}
