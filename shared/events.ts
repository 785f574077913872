/**
 * @module The room log's event: the one shape every participant (MCP, web, seed script) sees.
 */
import * as z from "zod";

/** JSON-RPC notification method that carries one room event. */
export const ROOM_EVENT_METHOD = "notifications/room/event";
/**
 * The first frame on every MCP socket: the session id to come back with (`?session=`), whether this
 * socket resumed that session (false: a new session, which starts with initialize), the room's last seq
 * when the socket joined (live events follow it; `?since=` it on reconnecting misses nothing), and what
 * the session may do ("read": a viewer link, which cannot call tools).
 */
export const ROOM_SESSION_METHOD = "notifications/room/session";
export const RoomSessionSchema = z.object({
  sessionId: z.string(),
  resumed: z.boolean(),
  lastSeq: z.number().int().nonnegative(),
  access: z.enum(["write", "read"]).optional(),
});

/**
 * Heartbeat frames: the room answers this exact text without waking from hibernation. Clients that
 * hear no pong in time drop the socket as half-open and reconnect.
 */
export const HEARTBEAT_PING = '{"jsonrpc":"2.0","method":"notifications/room/ping"}';
export const HEARTBEAT_PONG = '{"jsonrpc":"2.0","method":"notifications/room/pong"}';

/** Someone joined or left the room. */
export const ROOM_PRESENCE_METHOD = "notifications/room/presence";
export const ParticipantSchema = z.object({
  /** A public id (not the session id, which is a credential). */
  id: z.string(),
  name: z.string(),
  kind: z.enum(["websocket", "http", "seed"]),
  /** The MCP client's name (clientInfo.name), when it sent one. */
  client: z.string().optional(),
});
export type Participant = z.infer<typeof ParticipantSchema>;
export const PresenceSchema = z.object({ event: z.enum(["joined", "left"]), participant: ParticipantSchema, count: z.number().int() });

/** JSON-RPC notification sent before a `?since=` replay, saying which events follow. */
export const ROOM_REPLAY_METHOD = "notifications/room/replay";

export const ToolErrorSchema = z.object({
  /** A sentence a person can act on. */
  message: z.string(),
  /** The JSON-RPC error code when the call failed at the protocol level (unknown tool). */
  code: z.number().int().optional(),
});

export const RoomEventSchema = z.object({
  /** Starts at 1 and grows by exactly 1 per event in the room, forever. */
  seq: z.number().int().positive(),
  /** When the call finished, ISO 8601. */
  at: z.string(),
  /** The participant's name. */
  by: z.string(),
  /** The public id of the caller's participant handle, when a modern caller held one. */
  participant: z.string().optional(),
  tool: z.string(),
  arguments: z.unknown(),
  /** The tool's result (`content` and `structuredContent`), when it succeeded. */
  result: z.unknown().optional(),
  /** Why it failed, when it did. */
  error: ToolErrorSchema.optional(),
});
export type RoomEvent = z.infer<typeof RoomEventSchema>;

export const ReplayInfoSchema = z.object({
  /** The `since` the client asked for. */
  since: z.number().int().nonnegative(),
  /** The seq of the first event that follows, or null when none does. */
  from: z.number().int().positive().nullable(),
  /** The room's last seq at the time of the replay (0 for an empty room). */
  through: z.number().int().nonnegative(),
  /** True when events the client asked for are no longer kept. */
  truncated: z.boolean(),
});
export type ReplayInfo = z.infer<typeof ReplayInfoSchema>;
