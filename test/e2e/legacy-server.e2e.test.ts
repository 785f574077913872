/**
 * math-mcp/client and the SDK v2 against a legacy-only server (one that speaks our WebSocket binding as
 * it was before 2026-07-28: server/discover before initialize is "not initialized"): the client falls
 * back to an initialize session by itself and works as before.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { RoomEventSchema } from "../../shared/events.ts";
import type { RoomEvent } from "../../shared/events.ts";
import { RoomClientTransport } from "../../web/room-transport.ts";

const http = createServer();
const sockets = new WebSocketServer({ server: http });
let port = 0;
const seen: string[] = [];

/** The room as it answered before: sessions first, and nothing of the modern era. */
sockets.on("connection", (socket) => {
  let initialized = false;
  const send = (message: unknown) => socket.send(JSON.stringify(message));
  send({ jsonrpc: "2.0", method: "notifications/room/session", params: { sessionId: "legacy.1", resumed: false, lastSeq: 0 } });
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number | string; method?: string; params?: Record<string, unknown> };
    if (message.method) seen.push(message.method);
    if (message.id === undefined) return;
    if (message.method === "initialize") {
      initialized = true;
      return send({ jsonrpc: "2.0", id: message.id, result: { protocolVersion: "2025-11-25", capabilities: { tools: {} }, serverInfo: { name: "old-math", version: "0" } } });
    }
    if (!initialized) return send({ jsonrpc: "2.0", id: message.id, error: { code: -32600, message: `Session not initialized: send "initialize" before "${message.method}"` } });
    if (message.method === "tools/call") {
      send({ jsonrpc: "2.0", method: "notifications/room/event", params: { seq: 1, at: new Date().toISOString(), by: "old", tool: "add", arguments: { a: 1, b: 2 }, result: {} } });
      return send({ jsonrpc: "2.0", id: message.id, result: { content: [{ type: "text", text: "1 + 2 = 3" }], structuredContent: { value: 3 } } });
    }
    send({ jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "Method not found" } });
  });
});

beforeAll(async () => {
  await new Promise<void>((listening) => http.listen(0, "127.0.0.1", listening));
  port = (http.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const client of sockets.clients) client.terminate();
  await new Promise((closed) => sockets.close(closed));
  await new Promise((closed) => http.close(closed));
});

it("falls back to a legacy session with a server that does not speak 2026-07-28, and calls as before", async () => {
  const client = new Client({ name: "fallback", version: "1" }, { versionNegotiation: { mode: "auto" } });
  const events: RoomEvent[] = [];
  client.setNotificationHandler("notifications/room/event", { params: RoomEventSchema }, (event) => void events.push(event));
  const transport = new RoomClientTransport({ url: `ws://127.0.0.1:${port}/rooms/old/mcp` });
  await client.connect(transport);
  expect(client.getProtocolEra()).toBe("legacy");
  expect(client.getServerVersion()).toEqual({ name: "old-math", version: "0" });
  expect(transport.sessionId).toBe("legacy.1");
  expect(await client.callTool({ name: "add", arguments: { a: 1, b: 2 } })).toMatchObject({ structuredContent: { value: 3 } });
  await expect.poll(() => events.length).toBe(1);
  expect(seen.slice(0, 3)).toEqual(["server/discover", "initialize", "notifications/initialized"]);
  await client.close();
});
