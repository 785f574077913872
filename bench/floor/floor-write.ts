/**
 * @module The floor plus a durable log: one SQLite INSERT of the event's JSON row per message, as the
 * room's log does (its difference from the floor is the cost of a tool call's durable write), and a
 * socket joining with `?since=SEQ` gets the events after SEQ, each sent as it is stored (the floor for replay).
 */
import type { Connection, ConnectionContext } from "partyserver";
import { eventFrame, Floor } from "./floor.ts";

export class FloorWrite extends Floor {
  override onStart(): void {
    const sql = this.ctx.storage.sql;
    sql.exec("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    this.lastSeq = sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM events").one().seq ?? 0;
  }

  override onConnect(connection: Connection, { request }: ConnectionContext): void {
    const since = new URL(request.url).searchParams.get("since");
    if (since === null) return;
    const from = Number(since) < this.lastSeq ? Number(since) + 1 : null;
    const info = { since: Number(since), from, through: this.lastSeq, truncated: false };
    connection.send(JSON.stringify({ jsonrpc: "2.0", method: "notifications/room/replay", params: info }));
    for (const row of this.ctx.storage.sql.exec<{ body: string }>("SELECT body FROM events WHERE seq > ? ORDER BY seq", Number(since))) {
      connection.send(eventFrame(row.body));
    }
  }

  protected override store(seq: number, eventJson: string): void {
    // The answer and the broadcast that follow are held by the output gate until this write is durable.
    this.ctx.storage.sql.exec("INSERT INTO events (seq, body) VALUES (?, ?)", seq, eventJson);
  }
}
