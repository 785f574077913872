/**
 * @module The room's fan-out: one room event (or presence change), serialized once per framing, to every
 * participant — MCP sockets and legacy GET streams as `notifications/room/*`, modern listens tagged with
 * their subscription id, seed sockets in the seed's envelope. A socket that follows the room on a listen
 * gets it there only, not twice.
 */
import type { Connection } from "partyserver";
import { ROOM_EVENT_METHOD, ROOM_PRESENCE_METHOD } from "../shared/events.ts";
import { VENDOR } from "../shared/mcp.ts";
import type { Listens } from "./modern/listens.ts";
import type { WebSocketTransport } from "./transports/websocket.ts";

export type BroadcastTargets = {
  sockets(tag: "mcp" | "seed"): Iterable<Connection>;
  /** Legacy HTTP sessions' GET streams. */
  streams(frame: string): void;
  listens: Listens;
};

const now = () => new Date().toISOString();

export const MCP_EVENT_PREFIX = `{"jsonrpc":"2.0","method":"${ROOM_EVENT_METHOD}","params":`;
export const SEED_EVENT_PREFIX = `{"type":"notification","payload":`;
export const seedEventSuffix = () => `,"timestamp":"${now()}"}`;

export function safeSend(connection: Connection, frame: string): void {
  try {
    connection.send(frame);
  } catch {
    // The socket closed meanwhile; what it missed stays in the log.
  }
}

export class Broadcast {
  constructor(private readonly targets: BroadcastTargets) {}

  /** A new room event (its JSON as the log stored it). */
  event(eventJson: string): void {
    this.#mcp(VENDOR.roomEvents, ROOM_EVENT_METHOD, eventJson);
    let seedFrame: string | undefined;
    for (const connection of this.targets.sockets("seed")) safeSend(connection, (seedFrame ??= `${SEED_EVENT_PREFIX}${eventJson}${seedEventSuffix()}`));
  }

  /** Someone joined or left (the notification's params as JSON). */
  presence(paramsJson: string): void {
    this.#mcp(VENDOR.presence, ROOM_PRESENCE_METHOD, paramsJson);
  }

  #mcp(kind: typeof VENDOR.roomEvents | typeof VENDOR.presence, method: string, paramsJson: string): void {
    const frame = `{"jsonrpc":"2.0","method":"${method}","params":${paramsJson}}`;
    const { listens } = this.targets;
    const following = new Set<unknown>();
    if (listens.size > 0) for (const transport of listens.sockets(kind)) following.add((transport as WebSocketTransport).connection);
    for (const connection of this.targets.sockets("mcp")) if (!following.has(connection)) safeSend(connection, frame);
    this.targets.streams(frame);
    listens.vendor(kind, method, paramsJson);
  }
}
