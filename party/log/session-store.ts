/**
 * @module MCP sessions' protocol state in the room's SQLite storage, cached in memory while awake.
 */
import type { SessionState } from "../engine/session-state.ts";

/** Activity is written at most this often per session, so a busy session does not write on every request. */
const TOUCH_EVERY_MS = 60 * 60_000;

export class SessionStore {
  readonly #sql: SqlStorage;
  readonly #cache = new Map<string, SessionState>();
  readonly #touched = new Map<string, number>();

  readonly #forgotten?: (id: string) => void;

  /** @param forgotten told of every session deleted (what else remembers it can let go). */
  constructor(sql: SqlStorage, forgotten?: (id: string) => void) {
    this.#sql = sql;
    this.#forgotten = forgotten;
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
    this.#touched.set(state.id, Date.now());
    this.#sql.exec(
      "INSERT INTO sessions (id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
      state.id,
      JSON.stringify(state),
      Date.now(),
    );
  }

  /** Records that the session is in use (for idle expiry), writing at most once an hour. */
  touch(id: string): void {
    const now = Date.now();
    if (now - (this.#touched.get(id) ?? 0) < TOUCH_EVERY_MS) return;
    this.#touched.set(id, now);
    this.#sql.exec("UPDATE sessions SET updated_at = ? WHERE id = ?", now, id);
  }

  /**
   * Forgets sessions that can no longer be used: socket sessions no live socket holds (after `graceMs`,
   * for sockets that died unseen) and HTTP sessions idle for longer than `httpIdleMs`.
   */
  prune(live: ReadonlySet<string>, graceMs: number, httpIdleMs: number): void {
    const now = Date.now();
    const rows = this.#sql.exec<{ id: string; state: string; updated_at: number }>(
      "SELECT id, state, updated_at FROM sessions WHERE updated_at < ?",
      now - Math.min(graceMs, httpIdleMs),
    );
    for (const { id, state, updated_at } of rows.toArray()) {
      const http = (JSON.parse(state) as SessionState).kind === "http";
      if (http ? updated_at < now - httpIdleMs : !live.has(id) && updated_at < now - graceMs) this.delete(id);
    }
  }

  delete(id: string): void {
    this.#cache.delete(id);
    this.#touched.delete(id);
    this.#sql.exec("DELETE FROM sessions WHERE id = ?", id);
    this.#forgotten?.(id);
  }
}
