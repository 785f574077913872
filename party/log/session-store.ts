/**
 * @module MCP sessions' protocol state in the room's SQLite storage, cached in memory while awake.
 */
import type { SessionState } from "../engine/session-state.ts";

export class SessionStore {
  readonly #sql: SqlStorage;
  readonly #cache = new Map<string, SessionState>();

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    sql.exec("CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at INTEGER NOT NULL)");
  }

  get(id: string): SessionState | undefined {
    const cached = this.#cache.get(id);
    if (cached) return cached;
    const row = this.#sql.exec<{ state: string }>("SELECT state FROM sessions WHERE id = ?", id).toArray()[0];
    if (!row) return undefined;
    const state = JSON.parse(row.state) as SessionState;
    this.#cache.set(id, state);
    return state;
  }

  save(state: SessionState): void {
    this.#cache.set(state.id, state);
    this.#sql.exec(
      "INSERT INTO sessions (id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
      state.id,
      JSON.stringify(state),
      Date.now(),
    );
  }

  /** Drops sessions no live socket holds that have not changed for `graceMs` (sockets that died unseen). */
  prune(live: ReadonlySet<string>, graceMs: number): void {
    const cutoff = Date.now() - graceMs;
    const stale = this.#sql.exec<{ id: string }>("SELECT id FROM sessions WHERE updated_at < ?", cutoff).toArray();
    for (const { id } of stale) if (!live.has(id)) this.delete(id);
  }

  delete(id: string): void {
    this.#cache.delete(id);
    this.#sql.exec("DELETE FROM sessions WHERE id = ?", id);
  }
}
