/**
 * @module The room's durable, ordered log in the Durable Object's SQLite storage.
 *
 * Each event is serialized once, on append; replay and broadcast reuse that JSON text as it is.
 * Retention is exact for readers (only the newest `retention` events are ever seen), but old rows are
 * deleted in batches: a DELETE on every append would dirty two more pages (the table's oldest and an
 * index page) in every commit of a full log.
 */
import type { RoomEvent, ReplayInfo } from "../../shared/events.ts";

export type AppendedEvent = { event: RoomEvent; json: string };
/** Which session's request made an event. */
export type EventSource = { sessionId: string; requestId: string | number };

/** Rows past the retention limit that may wait before one DELETE removes them all. */
export const trimBatch = (retention: number) => Math.max(1, Math.min(500, Math.floor(retention / 10)));

export class EventLog {
  readonly #sql: SqlStorage;
  readonly #retention: number;
  readonly #batch: number;
  #lastSeq: number;
  /** The oldest row still stored (it may be older than the oldest event readers see). */
  #storedFrom: number;

  /** @param retention how many of the newest events to keep (at least 1). */
  constructor(sql: SqlStorage, retention: number) {
    this.#sql = sql;
    this.#retention = Math.max(1, Math.floor(retention));
    this.#batch = trimBatch(this.#retention);
    sql.exec("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    // Which session's request made each event: a retransmitted request is answered from here, not rerun.
    const columns = sql.exec<{ name: string }>("PRAGMA table_info(events)").toArray().map((c) => c.name);
    if (!columns.includes("session_id")) sql.exec("ALTER TABLE events ADD COLUMN session_id TEXT");
    if (!columns.includes("request_id")) sql.exec("ALTER TABLE events ADD COLUMN request_id TEXT");
    sql.exec("CREATE INDEX IF NOT EXISTS events_by_request ON events (session_id, request_id) WHERE session_id IS NOT NULL");
    // Trimming always keeps the newest event (retention >= 1), so the last seq can be read back from the log.
    const range = sql.exec<{ first: number | null; last: number | null }>("SELECT MIN(seq) AS first, MAX(seq) AS last FROM events").one();
    this.#lastSeq = range.last ?? 0;
    this.#storedFrom = range.first ?? 1;
  }

  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** The oldest kept seq, or null for an empty log. */
  get firstSeq(): number | null {
    return this.#lastSeq === 0 ? null : this.#keptFrom;
  }

  /** The oldest seq readers may see. */
  get #keptFrom(): number {
    return Math.max(this.#storedFrom, this.#lastSeq - this.#retention + 1);
  }

  /** Appends an event; `source` names the session and request that made it. */
  append(entry: Omit<RoomEvent, "seq">, source?: EventSource): AppendedEvent {
    const seq = this.#lastSeq + 1;
    const event: RoomEvent = { seq, ...entry };
    const json = JSON.stringify(event);
    this.write(seq, json, source);
    return { event, json };
  }

  /** Stores an event already serialized (its seq must be `lastSeq + 1`). */
  write(seq: number, json: string, source?: EventSource): void {
    const requestId = source ? JSON.stringify(source.requestId) : null;
    this.#sql.exec("INSERT INTO events (seq, body, session_id, request_id) VALUES (?, ?, ?, ?)", seq, json, source?.sessionId ?? null, requestId);
    this.#lastSeq = seq;
    const cutoff = seq - this.#retention;
    if (cutoff - this.#storedFrom + 1 >= this.#batch) {
      this.#sql.exec("DELETE FROM events WHERE seq <= ?", cutoff);
      this.#storedFrom = cutoff + 1;
    }
  }

  /** What a `?since=` replay holds: which events follow, and whether some asked for are gone. */
  replayInfo(since: number): ReplayInfo {
    const first = this.firstSeq;
    const from = first === null || since >= this.#lastSeq ? null : Math.max(since + 1, first);
    return { since, from, through: this.#lastSeq, truncated: first !== null && since + 1 < first };
  }

  /** The event with this seq, if it is still kept. */
  at(seq: number): RoomEvent | undefined {
    if (seq < this.#keptFrom) return undefined;
    const row = this.#sql.exec<{ body: string }>("SELECT body FROM events WHERE seq = ?", seq).toArray()[0];
    return row ? (JSON.parse(row.body) as RoomEvent) : undefined;
  }

  /** Every kept event a session's requests made: its request id (as stored, JSON) and seq. */
  madeBy(sessionId: string): { requestId: string; seq: number }[] {
    return this.#sql
      .exec<{ request_id: string; seq: number }>("SELECT request_id, seq FROM events WHERE session_id = ? AND seq >= ?", sessionId, this.#keptFrom)
      .toArray()
      .map((row) => ({ requestId: row.request_id, seq: row.seq }));
  }

  /** The JSON of the newest `count` events, oldest first. */
  recent(count: number): string[] {
    const rows = this.#sql.exec<{ body: string }>("SELECT body FROM events WHERE seq >= ? ORDER BY seq DESC LIMIT ?", this.#keptFrom, count).toArray();
    return rows.reverse().map((r) => r.body);
  }

  /** The JSON of at most `limit` kept events with seq > since, oldest first. */
  page(since: number, limit: number): string[] {
    const after = Math.max(since, this.#keptFrom - 1);
    return this.#sql.exec<{ body: string }>("SELECT body FROM events WHERE seq > ? ORDER BY seq LIMIT ?", after, limit).toArray().map((r) => r.body);
  }

  /**
   * Every kept event with seq > since, oldest first, each already wrapped as `${before}${json}${after}`:
   * SQLite joins the strings, so a replay of thousands of events builds no string in JavaScript.
   */
  *since(since: number, before = "", after = ""): Generator<string> {
    const from = Math.max(since, this.#keptFrom - 1);
    const rows = this.#sql.exec<{ frame: string }>("SELECT ? || body || ? AS frame FROM events WHERE seq > ? ORDER BY seq", before, after, from);
    for (const row of rows) yield row.frame;
  }
}
