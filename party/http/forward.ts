/**
 * @module What the Worker passes on to a room: only the headers and query parameters the room reads.
 *
 * partyserver acts on headers and parameters of its own (`x-partykit-props` is parsed as JSON,
 * `x-partykit-room` names the room, `?_pk=` chooses the connection id) and answers a failure in them
 * with a stack trace. Nothing a client sends reaches a room unless it is listed here.
 */
import { CLIENT_HEADER } from "./access.ts";

/** Headers a room reads (lower case): MCP's (and every `Mcp-Param-*`), the room key, and what a WebSocket upgrade needs. */
const ROOM_HEADERS = new Set([
  "accept",
  "content-type",
  "content-length",
  "last-event-id",
  "mcp-session-id",
  "mcp-protocol-version",
  "mcp-method",
  "mcp-name",
  "mcp-room-key",
  "upgrade",
  "connection",
  "sec-websocket-key",
  "sec-websocket-version",
  "sec-websocket-protocol",
  "sec-websocket-extensions",
]);

/** Query parameters a room reads: replay, resumption, display name, room key. */
const ROOM_PARAMS = new Set(["since", "session", "name", "key"]);

/** A copy of `request` for a room: the same method, path and body, with nothing else of the client's. */
export function toRoom(request: Request, body?: BodyInit | null): Request {
  const source = new URL(request.url);
  const url = new URL(source.pathname, source.origin);
  source.searchParams.forEach((value, name) => {
    if (ROOM_PARAMS.has(name)) url.searchParams.append(name, value);
  });
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (ROOM_HEADERS.has(lower) || lower.startsWith("mcp-param-")) headers.set(name, value);
  });
  headers.set(CLIENT_HEADER, request.headers.get("CF-Connecting-IP") ?? "unknown");
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(url, { method: request.method, headers, body: hasBody ? (body === undefined ? request.body : body) : null });
}
