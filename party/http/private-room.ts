/**
 * @module Which private room a modern request on `/mcp` belongs to. It carries no session, so it names
 * the room itself: the handle a result gave it (`_meta["dev.math-mcp/room"]`), or a request state or
 * task id the room made (they begin with the room's name). A call that names none opens a new room.
 */
import { VENDOR } from "../../shared/mcp.ts";
import { metaOf } from "../engine/era.ts";
import { roomOfState } from "../modern/request-state.ts";
import { roomOfSessionId } from "../ids.ts";

/** Private rooms are `p-` and 128 random bits: nobody names one they were not given. */
const PRIVATE_ROOM = /^p-[A-Za-z0-9_-]{22}$/;

export type RoomChoice = { room?: string } | { error: string };

export function privateRoomOf(body: unknown): RoomChoice {
  const named = metaOf(body)?.[VENDOR.room];
  if (named !== undefined) {
    if (typeof named === "string" && PRIVATE_ROOM.test(named)) return { room: named };
    return { error: `Invalid params: _meta.${VENDOR.room} names a private room that a call on /mcp opened (p-…); shared rooms are /rooms/{room}/mcp` };
  }
  const params = (body as { params?: { requestState?: unknown; taskId?: unknown } }).params;
  const fromState = roomOfState(params?.requestState);
  if (fromState && PRIVATE_ROOM.test(fromState)) return { room: fromState };
  const fromTask = typeof params?.taskId === "string" ? roomOfSessionId(params.taskId) : undefined;
  if (fromTask && PRIVATE_ROOM.test(fromTask)) return { room: fromTask };
  return {};
}
