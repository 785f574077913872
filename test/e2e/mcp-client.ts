/**
 * The official SDK Client over its WebSocketClientTransport, collecting the room's events.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { WebSocketClientTransport } from "@modelcontextprotocol/sdk/client/websocket.js";
import { z } from "zod";
import { RoomEventSchema } from "../../shared/events.ts";
import type { RoomEvent } from "../../shared/events.ts";

const RoomEventNotification = z.object({ method: z.literal("notifications/room/event"), params: RoomEventSchema });

export type RoomClient = {
  client: Client;
  events: RoomEvent[];
  /** Resolves once `count` events have arrived. */
  eventsUntil(count: number): Promise<RoomEvent[]>;
  close(): Promise<void>;
};

export async function connectClient(url: URL, name = "e2e"): Promise<RoomClient> {
  const client = new Client({ name, version: "1.0.0" });
  const events: RoomEvent[] = [];
  const waiters: { count: number; resolve: (e: RoomEvent[]) => void }[] = [];
  client.setNotificationHandler(RoomEventNotification, ({ params }) => {
    events.push(params);
    for (const waiter of waiters.filter((w) => events.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(events.slice(0, waiter.count));
    }
  });
  await client.connect(new WebSocketClientTransport(url));
  return {
    client,
    events,
    eventsUntil: (count) =>
      events.length >= count ? Promise.resolve(events.slice(0, count)) : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () => client.close(),
  };
}
