/**
 * The official SDK (v2) Client over the room's WebSocket (RoomClientTransport), in the modern era,
 * following the room on a listen and collecting its events.
 */
import { Client } from "@modelcontextprotocol/client";
import { RoomEventSchema } from "../../shared/events.ts";
import type { RoomEvent } from "../../shared/events.ts";
import { VENDOR } from "../../shared/mcp.ts";
import { RoomClientTransport } from "../../web/room-transport.ts";

export type RoomClient = {
  client: Client;
  events: RoomEvent[];
  /** Resolves once `count` events have arrived. */
  eventsUntil(count: number): Promise<RoomEvent[]>;
  close(): Promise<void>;
};

/** Collects room events (each once, in order) and resolves waiters as they arrive. */
export function eventCollector() {
  const events: RoomEvent[] = [];
  const waiters: { count: number; resolve: (e: RoomEvent[]) => void }[] = [];
  return {
    events,
    add(event: RoomEvent) {
      if (events.some((e) => e.seq === event.seq)) return;
      events.push(event);
      for (const waiter of waiters.filter((w) => events.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(events.slice(0, waiter.count));
      }
    },
    until: (count: number) => (events.length >= count ? Promise.resolve(events.slice(0, count)) : new Promise<RoomEvent[]>((resolve) => waiters.push({ count, resolve }))),
  };
}

/** `url` may carry `?since=` (replay) and `?name=`; the client negotiates the era and expects the modern one. */
export async function connectClient(url: URL, name = "e2e"): Promise<RoomClient> {
  const since = url.searchParams.get("since");
  const bare = new URL(url);
  bare.searchParams.delete("since");
  const client = new Client({ name, version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
  const collected = eventCollector();
  client.setNotificationHandler("notifications/room/event", { params: RoomEventSchema }, (event) => collected.add(event));
  await client.connect(new RoomClientTransport({ url: bare, ...(since === null ? {} : { since: Number(since) }) }));
  if (client.getProtocolEra() !== "modern") throw new Error(`expected the modern era, got ${client.getProtocolEra()}`);
  await client.listen({ [VENDOR.roomEvents]: true } as Parameters<Client["listen"]>[0]);
  return { client, events: collected.events, eventsUntil: collected.until, close: () => client.close() };
}
