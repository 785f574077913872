/**
 * The client transport (web/room-transport.ts) with the official SDK (v2) Client in the modern era,
 * against a real `wrangler dev` that is restarted and frozen under it: the socket session survives,
 * held calls are answered once, nothing is lost.
 */
import { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RoomEventSchema } from "../../shared/events.ts";
import type { RoomEvent } from "../../shared/events.ts";
import { RoomClientTransport } from "../../web/room-transport.ts";
import type { ConnectionStatus } from "../../web/room-transport.ts";
import { WranglerDev } from "../support/wrangler-dev.ts";

let dev: WranglerDev;
beforeAll(async () => {
  dev = await WranglerDev.start();
});
afterAll(async () => {
  await dev?.dispose();
});

async function participant(path: string, name: string, options: Partial<ConstructorParameters<typeof RoomClientTransport>[0]> = {}) {
  const transport = new RoomClientTransport({ url: dev.wsUrl(path), name, since: 0, minReconnectDelayMs: 50, maxReconnectDelayMs: 500, ...options });
  const statuses: ConnectionStatus[] = [];
  const statusWaiters: { status: ConnectionStatus; resolve: () => void }[] = [];
  transport.onstatus = (status) => {
    statuses.push(status);
    for (const w of statusWaiters.filter((w) => w.status === status)) w.resolve();
  };
  const client = new Client({ name, version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
  const events: RoomEvent[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  client.setNotificationHandler("notifications/room/event", { params: RoomEventSchema }, (event) => {
    events.push(event);
    for (const w of waiters.filter((w) => events.length >= w.count)) w.resolve();
  });
  await client.connect(transport);
  if (client.getProtocolEra() !== "modern") throw new Error(`expected the modern era, got ${client.getProtocolEra()}`);
  return {
    client,
    transport,
    events,
    statuses,
    eventsUntil: (count: number) => (events.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve }))),
    becomes: (status: ConnectionStatus) =>
      transport.status === status ? Promise.resolve() : new Promise<void>((resolve) => statusWaiters.push({ status, resolve })),
  };
}

const seqs = (events: RoomEvent[]) => events.map((e) => e.seq);
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("the client transport", () => {
  it("keeps the session through a restart of wrangler dev: held calls answered once, missed events caught up", async () => {
    const path = `/rooms/transport-${Date.now().toString(36)}/mcp`;
    const alice = await participant(path, "alice");
    await alice.client.callTool({ name: "add", arguments: { a: 1, b: 1 } });
    const sessionBefore = alice.transport.roomSession;

    await dev.restart("SIGKILL", true);
    // A call made while the room is down or coming back is held, then answered: not lost, not doubled.
    const held = alice.client.callTool({ name: "add", arguments: { a: 2, b: 2 } });
    await alice.becomes("connected");
    expect(await held).toMatchObject({ structuredContent: { value: 4 } });
    expect(alice.transport.roomSession).toBe(sessionBefore);

    // Bob calls while Alice is connected; then Alice sees everything, once, in order.
    const bob = await participant(path, "bob");
    await bob.client.callTool({ name: "multiply", arguments: { a: 3, b: 3 } });
    await alice.eventsUntil(3);
    expect(seqs(alice.events)).toEqual(upTo(3));
    expect(alice.events.map((e) => e.by)).toEqual(["alice", "alice", "bob"]);
    expect(alice.statuses).toEqual(expect.arrayContaining(["connected", "reconnecting"]));
    await Promise.all([alice.client.close(), bob.client.close()]);
  });

  it("drops a half-open socket when no pong comes, reconnects, and catches up with what it missed", async () => {
    const path = `/rooms/halfopen-${Date.now().toString(36)}/mcp`;
    const watcher = await participant(path, "watcher", { heartbeatIntervalMs: 200, heartbeatTimeoutMs: 300 });
    const caller = await participant(path, "caller");
    await caller.client.callTool({ name: "add", arguments: { a: 1, b: 0 } });
    await watcher.eventsUntil(1);

    dev.pause(); // The server freezes: sockets stay open, nothing answers.
    await watcher.becomes("reconnecting");
    dev.resume();
    await caller.client.callTool({ name: "add", arguments: { a: 2, b: 0 } });
    await watcher.becomes("connected");
    await watcher.eventsUntil(2);
    expect(seqs(watcher.events)).toEqual([1, 2]);
    await Promise.all([watcher.client.close(), caller.client.close()]);
  });
});
