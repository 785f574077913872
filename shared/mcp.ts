/**
 * @module MCP constants shared by the room and its clients.
 */

/** Newest first; the first is what a client asking for an unknown version is offered. */
export const SUPPORTED_PROTOCOL_VERSIONS = [
  "2025-11-25",
  "2025-06-18",
  "2025-03-26",
  "2024-11-05",
  "2024-10-07",
] as const;
export const LATEST_PROTOCOL_VERSION = SUPPORTED_PROTOCOL_VERSIONS[0];

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
