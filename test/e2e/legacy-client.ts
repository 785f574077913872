/**
 * A legacy client: the SDK v1 (`@modelcontextprotocol/sdk`) Client over its WebSocketClientTransport,
 * which opens a session with initialize and gets the room's events untagged on its socket. The only
 * place the tests use v1: to prove that legacy clients still work.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { WebSocketClientTransport } from "@modelcontextprotocol/sdk/client/websocket.js";
import { z } from "zod";
import { RoomEventSchema } from "../../shared/events.ts";
import { eventCollector } from "./mcp-client.ts";

const RoomEventNotification = z.object({ method: z.literal("notifications/room/event"), params: RoomEventSchema });

export async function connectLegacyClient(url: URL, name = "legacy") {
  const client = new Client({ name, version: "1.0.0" });
  const collected = eventCollector();
  client.setNotificationHandler(RoomEventNotification, ({ params }) => collected.add(params));
  await client.connect(new WebSocketClientTransport(url));
  return { client, events: collected.events, eventsUntil: collected.until, close: () => client.close() };
}
