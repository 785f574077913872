/**
 * The fault test: callers and watchers whose sockets are cut at random, and `wrangler dev` killed with
 * SIGKILL and restarted on the same persist directory, more than once. Afterwards every call was
 * answered exactly once, and every watcher's log equals the room's: contiguous, in order, no duplicates.
 * Bounded: a fixed number of calls, cuts and restarts (about half a minute here).
 */
import { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { RoomEventSchema } from "../../shared/events.ts";
import type { RoomEvent } from "../../shared/events.ts";
import { RoomClientTransport } from "../../web/room-transport.ts";
import { WranglerDev } from "../support/wrangler-dev.ts";
import { generator, testSeed } from "../support/random.ts";

const CALLERS = 4;
const CALLS_EACH = 30;
const WATCHERS = 3;
const RESTARTS = 2;
const CUTS = 24;

let dev: WranglerDev;
beforeAll(async () => {
  dev = await WranglerDev.start();
});
afterAll(async () => {
  await dev?.dispose();
});

async function join(path: string, name: string) {
  const transport = new RoomClientTransport({ url: dev.wsUrl(path), name, since: 0, minReconnectDelayMs: 20, maxReconnectDelayMs: 400, heartbeatIntervalMs: 1000, heartbeatTimeoutMs: 1500 });
  // The SDK v2 in the modern era: exactly-once answers and resumption hold for modern requests too.
  const client = new Client({ name, version: "1" }, { versionNegotiation: { mode: "auto" } });
  const events: RoomEvent[] = [];
  client.setNotificationHandler("notifications/room/event", { params: RoomEventSchema }, (event) => void events.push(event));
  await client.connect(transport);
  expect(client.getProtocolEra()).toBe("modern");
  return { client, transport, events };
}

it("answers every call exactly once and gives every watcher the room's log, through cuts and SIGKILL restarts", async () => {
  const seed = testSeed("FAULT_SEED", 40_961);
  const { next } = generator(seed);
  const path = `/rooms/faults-${seed}-${Date.now().toString(36)}/mcp`;
  const callers = await Promise.all(Array.from({ length: CALLERS }, (_, i) => join(path, `caller-${i}`)));
  const watchers = await Promise.all(Array.from({ length: WATCHERS }, (_, i) => join(path, `watcher-${i}`)));
  const sessions = [...callers, ...watchers].map((p) => p.transport.roomSession);

  const answers = new Map<string, number>();
  const calling = callers.map(async ({ client }, c) => {
    for (let i = 0; i < CALLS_EACH; i++) {
      const result = await client.callTool({ name: "add", arguments: { a: c * 1000, b: i } }, { timeout: 60_000 });
      const key = `${c}:${i}`;
      answers.set(key, (answers.has(key) ? -Infinity : 0) + (result.structuredContent as { value: number }).value);
    }
  });

  let cuts = 0;
  let restarts = 0;
  const chaos = (async () => {
    const everyone = [...callers, ...watchers];
    for (let step = 0; step < CUTS + RESTARTS; step++) {
      await new Promise((resolve) => setTimeout(resolve, 50 + next() * 250));
      if (step % Math.ceil((CUTS + RESTARTS) / RESTARTS) === RESTARTS && restarts < RESTARTS) {
        await dev.restart("SIGKILL", true);
        restarts++;
      } else {
        everyone[Math.floor(next() * everyone.length)]!.transport.reconnect();
        cuts++;
      }
    }
  })();
  await Promise.all([...calling, chaos]);
  if (restarts < RESTARTS) {
    await dev.restart("SIGKILL", true);
    restarts++;
  }

  // Every call answered once, with its own answer.
  expect(answers.size).toBe(CALLERS * CALLS_EACH);
  for (const [key, value] of answers) {
    const [c, i] = key.split(":").map(Number);
    expect(value, key).toBe(c! * 1000 + i!);
  }

  // The room's log: contiguous from 1, each call exactly once (a retransmission never ran twice).
  const total = CALLERS * CALLS_EACH;
  const reader = await join(path, "reader");
  await expect.poll(() => reader.events.length, { timeout: 30_000 }).toBe(total);
  const log = reader.events;
  expect(log.map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  const calls = log.map((e) => `${(e.arguments as { a: number }).a / 1000}:${(e.arguments as { b: number }).b}`);
  expect(new Set(calls).size).toBe(total);

  // Every watcher holds the same log: in order, no gap, no duplicate.
  for (const [w, watcher] of watchers.entries()) {
    await expect.poll(() => watcher.events.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(total);
    expect(watcher.events, `watcher ${w}`).toEqual(log);
  }
  // Sessions survived: the same session ids, resumed, not replaced.
  expect([...callers, ...watchers].map((p) => p.transport.roomSession)).toEqual(sessions);

  console.log(`fault test (seed ${seed}): ${total} calls, ${cuts} socket cuts, ${restarts} SIGKILL restarts, 0 lost, 0 duplicated`);
  await Promise.all([...callers, ...watchers, reader].map((p) => p.client.close()));
});
