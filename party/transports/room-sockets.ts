/**
 * @module The room's open sockets by kind, kept in memory from connect to close (and rebuilt once when
 * the room wakes): a broadcast visits them without asking the runtime, whose tagged lookup through
 * partyserver deserializes every socket's attachment on every call.
 */
import type { Connection } from "partyserver";

export type SocketKind = "mcp" | "seed";

export class RoomSockets {
  readonly #byKind: Record<SocketKind, Set<Connection>> = { mcp: new Set(), seed: new Set() };

  add(connection: Connection, kind: SocketKind): void {
    this.#byKind[kind].add(connection);
  }

  remove(connection: Connection): void {
    if (!this.#byKind.mcp.delete(connection)) this.#byKind.seed.delete(connection);
  }

  of(kind: SocketKind): ReadonlySet<Connection> {
    return this.#byKind[kind];
  }
}
