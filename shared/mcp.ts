/**
 * @module MCP constants shared by the room and its clients.
 */

/**
 * The legacy era's versions (an `initialize` opens a session), newest first; the first is what a client
 * asking `initialize` for an unknown version is offered.
 */
export const SUPPORTED_PROTOCOL_VERSIONS = [
  "2025-11-25",
  "2025-06-18",
  "2025-03-26",
  "2024-11-05",
  "2024-10-07",
] as const;
export const LATEST_PROTOCOL_VERSION = SUPPORTED_PROTOCOL_VERSIONS[0];

/** The modern era's versions (every request carries its version in `_meta`): what server/discover lists. */
export const MODERN_PROTOCOL_VERSIONS = ["2026-07-28"] as const;
export const MODERN_PROTOCOL_VERSION = MODERN_PROTOCOL_VERSIONS[0];

/** Revision ids are dates: 2026-07-28 and every later (or unknown, later-sorting) string is modern. */
export const isModernVersion = (version: string) => version >= MODERN_PROTOCOL_VERSION;

/** The `_meta` keys 2026-07-28 reserves for its per-request and per-response fields. */
export const META = {
  protocolVersion: "io.modelcontextprotocol/protocolVersion",
  clientInfo: "io.modelcontextprotocol/clientInfo",
  clientCapabilities: "io.modelcontextprotocol/clientCapabilities",
  logLevel: "io.modelcontextprotocol/logLevel",
  subscriptionId: "io.modelcontextprotocol/subscriptionId",
  serverInfo: "io.modelcontextprotocol/serverInfo",
} as const;

/** The tasks extension: long work answered with a task handle the client polls. */
export const TASKS_EXTENSION = "io.modelcontextprotocol/tasks";

/**
 * math-mcp's own `_meta` keys and extension ids, under one vendor prefix (math-mcp.dev, reversed as the
 * spec's naming rules recommend).
 */
export const VENDOR = {
  /** The private room a request on `/mcp` belongs to (results of calls that opened one carry it). */
  room: "dev.math-mcp/room",
  /** A participant handle: asked for with `{name?}`, then passed back as the string a result gave. */
  participant: "dev.math-mcp/participant",
  /** The extension: room events (and presence) on subscriptions/listen. */
  roomExtension: "dev.math-mcp/room-events",
  /** Listen filter fields of that extension. */
  roomEvents: "dev.math-mcp/roomEvents",
  presence: "dev.math-mcp/presence",
} as const;

/** The WebSocket subprotocol MCP clients ask for (`WebSocketClientTransport` of the SDK sends it). */
export const MCP_SUBPROTOCOL = "mcp";

export const LOGGING_LEVELS = [
  "debug",
  "info",
  "notice",
  "warning",
  "error",
  "critical",
  "alert",
  "emergency",
] as const;
export type LoggingLevel = (typeof LOGGING_LEVELS)[number];

/** Room names: what may stand in `/rooms/{room}/mcp`. */
export const ROOM_NAME_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
