/**
 * @module Room keys: who may enter a keyed room, and whether to act or only to watch.
 */
import { sameSecret } from "./auth.ts";
import type { RoomKeys } from "../log/room-meta.ts";

/** Set by the Worker on requests it forwards to a room (never taken from a client): "write" or "read". */
export const ACCESS_HEADER = "x-math-mcp-access";
/** Where a client may put its room key on HTTP (a WebSocket uses `?key=`). */
export const KEY_HEADER = "Mcp-Room-Key";

export const presentedKey = (request: Request) =>
  request.headers.get(KEY_HEADER) ?? new URL(request.url).searchParams.get("key") ?? undefined;

/** What a key lets its holder do in a room: open rooms let everyone act; keyed rooms need a key. */
export function accessFor(keys: RoomKeys | undefined, key: string | undefined): "write" | "read" | undefined {
  if (!keys) return "write";
  if (key === undefined) return undefined;
  if (sameSecret(key, keys.writer)) return "write";
  if (sameSecret(key, keys.viewer)) return "read";
  return undefined;
}
