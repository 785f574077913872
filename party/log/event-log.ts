/**
 * @module The room's durable, ordered log in the Durable Object's SQLite storage.
 *
 * Each event is serialized once, on append; replay and broadcast reuse that JSON text as it is.
 */
import type { RoomEvent, ReplayInfo } from "../../shared/events.ts";

export type AppendedEvent = { event: RoomEvent; json: string };

export class EventLog {
  readonly #sql: SqlStorage;
  readonly #retention: number;
  #lastSeq: number;

  /** @param retention how many of the newest events to keep (at least 1). */
  constructor(sql: SqlStorage, retention: number) {
    this.#sql = sql;
    this.#retention = Math.max(1, Math.floor(retention));
    sql.exec("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    // Which session's request made each event: a retransmitted request is answered from here, not rerun.
    const columns = sql.exec<{ name: string }>("PRAGMA table_info(events)").toArray().map((c) => c.name);
    if (!columns.includes("session_id")) sql.exec("ALTER TABLE events ADD COLUMN session_id TEXT");
    if (!columns.includes("request_id")) sql.exec("ALTER TABLE events ADD COLUMN request_id TEXT");
    sql.exec("CREATE INDEX IF NOT EXISTS events_by_request ON events (session_id, request_id) WHERE session_id IS NOT NULL");
    // Trimming always keeps the newest event (retention >= 1), so the last seq can be read back from the log.
    this.#lastSeq = sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM events").one().seq ?? 0;
  }

  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** The oldest kept seq, or null for an empty log. */
  get firstSeq(): number | null {
    const row = this.#sql.exec<{ seq: number | null }>("SELECT MIN(seq) AS seq FROM events").one();
    return row.seq;
  }

  /** Appends an event; `source` names the session and request that made it. */
  append(entry: Omit<RoomEvent, "seq">, source?: { sessionId: string; requestId: string | number }): AppendedEvent {
    const seq = this.#lastSeq + 1;
    const event: RoomEvent = { seq, ...entry };
    const json = JSON.stringify(event);
    const requestId = source ? JSON.stringify(source.requestId) : null;
    this.#sql.exec("INSERT INTO events (seq, body, session_id, request_id) VALUES (?, ?, ?, ?)", seq, json, source?.sessionId ?? null, requestId);
    if (seq > this.#retention) this.#sql.exec("DELETE FROM events WHERE seq <= ?", seq - this.#retention);
    this.#lastSeq = seq;
    return { event, json };
  }

  /** What a `?since=` replay holds: which events follow, and whether some asked for are gone. */
  replayInfo(since: number): ReplayInfo {
    const first = this.firstSeq;
    const from = first === null || since >= this.#lastSeq ? null : Math.max(since + 1, first);
    return { since, from, through: this.#lastSeq, truncated: first !== null && since + 1 < first };
  }

  /** The event a session's request made, if it is still kept. */
  made(sessionId: string, requestId: string | number): RoomEvent | undefined {
    const row = this.#sql
      .exec<{ body: string }>("SELECT body FROM events WHERE session_id = ? AND request_id = ?", sessionId, JSON.stringify(requestId))
      .toArray()[0];
    return row ? (JSON.parse(row.body) as RoomEvent) : undefined;
  }

  /** The JSON of the newest `count` events, oldest first. */
  recent(count: number): string[] {
    const rows = this.#sql.exec<{ body: string }>("SELECT body FROM events ORDER BY seq DESC LIMIT ?", count).toArray();
    return rows.reverse().map((r) => r.body);
  }

  /** The JSON of at most `limit` kept events with seq > since, oldest first. */
  page(since: number, limit: number): string[] {
    return this.#sql.exec<{ body: string }>("SELECT body FROM events WHERE seq > ? ORDER BY seq LIMIT ?", since, limit).toArray().map((r) => r.body);
  }

  /**
   * Every kept event with seq > since, oldest first, each already wrapped as `${before}${json}${after}`:
   * SQLite joins the strings, so a replay of thousands of events builds no string in JavaScript.
   */
  *since(since: number, before = "", after = ""): Generator<string> {
    const rows = this.#sql.exec<{ frame: string }>("SELECT ? || body || ? AS frame FROM events WHERE seq > ? ORDER BY seq", before, after, since);
    for (const row of rows) yield row.frame;
  }
}
