/**
 * The event log in a Durable Object's SQLite: readers see exactly the newest `retention` events, while
 * old rows are deleted in batches (not one DELETE per append); the log's range survives a new instance.
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { EventLog, trimBatch } from "../../party/log/event-log.ts";

const stub = () => env.Room.get(env.Room.idFromName(`log-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`));
const entry = (n: number) => ({ at: "2026-01-01T00:00:00.000Z", by: "t", tool: "add", arguments: { n } });

it("shows exactly the newest events while trimming old rows in batches", async () => {
  await runInDurableObject(stub(), (_room, state) => {
    const sql = state.storage.sql;
    const retention = 40;
    const batch = trimBatch(retention);
    expect(batch).toBeGreaterThan(1);
    const log = new EventLog(sql, retention);
    const stored = () => sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM events").one().n;
    let deletes = 0;
    let before = 0;
    for (let n = 1; n <= 137; n++) {
      log.append(entry(n), { sessionId: "s", requestId: n });
      const now = stored();
      if (now < before) deletes++;
      before = now;
      // Never fewer rows than the retention, never more than a batch beyond it.
      expect(now).toBeGreaterThanOrEqual(Math.min(n, retention));
      expect(now).toBeLessThan(retention + batch);
    }
    expect(deletes).toBeLessThanOrEqual(Math.ceil(137 / batch));
    expect(log.lastSeq).toBe(137);
    expect(log.firstSeq).toBe(137 - retention + 1);
    const seqs = (jsons: Iterable<string>) => [...jsons].map((json) => (JSON.parse(json) as { seq: number }).seq);
    expect(seqs(log.recent(1000))).toEqual(Array.from({ length: retention }, (_, i) => 98 + i));
    expect(seqs(log.page(0, 5))).toEqual([98, 99, 100, 101, 102]);
    expect(seqs(log.since(0))).toHaveLength(retention);
    expect(log.replayInfo(10)).toEqual({ since: 10, from: 98, through: 137, truncated: true });
    expect(log.at(97)).toBeUndefined();
    expect(log.at(98)?.seq).toBe(98);
    expect(log.madeBy("s").map((m) => m.seq).sort((a, b) => a - b)[0]).toBe(98);
    // A new instance (the room woke) reads the same range back.
    const again = new EventLog(sql, retention);
    expect([again.firstSeq, again.lastSeq]).toEqual([98, 137]);
    expect(seqs(again.recent(1000))).toHaveLength(retention);
  });
});
