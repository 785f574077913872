/**
 * @module Facts about the room itself: whether it was created, how, and under what name.
 */

export type RoomKind = "named" | "agent" | "private" | "keyed";
/** Keyed rooms (made by POST /rooms) admit only holders of a key: the writer's, or a viewer's. */
export type RoomKeys = { writer: string; viewer: string };
export type RoomInfo = { kind: RoomKind; name: string; createdAt: string; keys?: RoomKeys };

export class RoomMeta {
  readonly #sql: SqlStorage;
  #info: RoomInfo | undefined;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    sql.exec("CREATE TABLE IF NOT EXISTS room_meta (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL)");
    const row = sql.exec<{ body: string }>("SELECT body FROM room_meta").toArray()[0];
    this.#info = row ? (JSON.parse(row.body) as RoomInfo) : undefined;
  }

  /** Undefined for a room nobody created: the seed API answers 404 for it. */
  get info(): RoomInfo | undefined {
    return this.#info;
  }

  /** Records the room's creation once; later calls keep the first record. */
  create(kind: RoomKind, name: string, keys?: RoomKeys): RoomInfo {
    if (this.#info) return this.#info;
    this.#info = { kind, name: name.slice(0, 100) || "anonymous", createdAt: new Date().toISOString(), ...(keys ? { keys } : {}) };
    this.#sql.exec("INSERT INTO room_meta (id, body) VALUES (1, ?)", JSON.stringify(this.#info));
    return this.#info;
  }
}
