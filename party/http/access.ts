/**
 * @module Room admission: who may enter a room, and whether to act or only to watch. Every way into a
 * room (MCP over WebSocket or HTTP, the seed API's calls and sockets) is admitted here, by the room.
 */
import { sameSecret } from "./auth.ts";
import type { RoomInfo, RoomKeys } from "../log/room-meta.ts";

export type Access = "write" | "read";

/** Set by the room on a request it has admitted, for its own handlers; a client's copy is replaced. */
export const ACCESS_HEADER = "x-math-mcp-access";
/**
 * Set by the Worker on what it passes a room: where the request came from (the client's address), by
 * which a modern client, which has no session, is rate-limited. A client's own copy never gets through.
 */
export const CLIENT_HEADER = "x-math-mcp-client";
/** Where a client may put its room key on HTTP (a WebSocket, or any request, may use `?key=`). */
export const KEY_HEADER = "Mcp-Room-Key";

export const presentedKey = (request: Request) =>
  request.headers.get(KEY_HEADER) ?? new URL(request.url).searchParams.get("key") ?? undefined;

/** What a key lets its holder do in a room: open rooms let everyone act; keyed rooms need a key. */
export function accessFor(keys: RoomKeys | undefined, key: string | undefined): Access | undefined {
  if (!keys) return "write";
  if (key === undefined) return undefined;
  if (sameSecret(key, keys.writer)) return "write";
  if (sameSecret(key, keys.viewer)) return "read";
  return undefined;
}

/** Why a key does not open a room, as a person can act on it. */
export const keyRefusal = (key: string | undefined) =>
  key === undefined ? `Forbidden: this room needs a key (?key= or ${KEY_HEADER})` : "Forbidden: that key does not open this room";

/** Rooms made by POST /rooms carry this prefix; they exist only once made, and always have keys. */
export const KEYED_PREFIX = "r-";

export type Admission = { access: Access } | { status: 403 | 404; error: string };

/**
 * Admits one way into the room: `info` is the room's record (undefined for a room nobody made yet),
 * `mustExist` is set for entries that cannot make a room (the seed API: agents are made by POST /agent).
 */
export function admit(room: string, info: RoomInfo | undefined, key: string | undefined, mustExist: boolean): Admission {
  if (!info && (mustExist || room.startsWith(KEYED_PREFIX))) {
    return { status: 404, error: mustExist ? `Agent not found: ${room}; create one with POST /agent` : `Room not found: ${room}; keyed rooms are made by POST /rooms` };
  }
  const access = accessFor(info?.keys, key);
  return access ? { access } : { status: 403, error: keyRefusal(key) };
}
