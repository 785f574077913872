/**
 * Legacy clients still work: the SDK v1 client (`@modelcontextprotocol/sdk`) with its
 * StreamableHTTPClientTransport opens 2025-11-25 sessions against a real `wrangler dev`, on /mcp (a
 * private room) and on a named room shared with a modern WebSocket participant, and keeps them across
 * a restart.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { RoomEventSchema } from "../../shared/events.ts";
import type { RoomEvent } from "../../shared/events.ts";
import { connectClient } from "./mcp-client.ts";
import { WranglerDev } from "../support/wrangler-dev.ts";

let dev: WranglerDev;
beforeAll(async () => {
  dev = await WranglerDev.start();
});
afterAll(async () => {
  await dev?.dispose();
});

async function httpClient(path: string, name = "http-client") {
  const client = new Client({ name, version: "1.0.0" });
  const events: RoomEvent[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  client.setNotificationHandler(z.object({ method: z.literal("notifications/room/event"), params: RoomEventSchema }), ({ params }) => {
    events.push(params);
    for (const w of waiting.filter((w) => events.length >= w.count)) w.resolve();
  });
  const transport = new StreamableHTTPClientTransport(new URL(path, dev.origin));
  await client.connect(transport);
  const eventsUntil = (count: number) =>
    events.length >= count ? Promise.resolve(events) : new Promise<RoomEvent[]>((r) => waiting.push({ count, resolve: () => r(events) }));
  return { client, transport, events, eventsUntil };
}

describe("a legacy client (SDK v1) over Streamable HTTP", () => {
  it("opens a private room on /mcp, lists and calls the tools, and ends the session", async () => {
    const { client, transport } = await httpClient("/mcp");
    expect(transport.sessionId).toMatch(/^p-[\w-]{22}\.[\w-]{22}$/);
    expect(transport.protocolVersion).toBe("2025-11-25");
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(["add", "divide", "log"]));
    expect(await client.callTool({ name: "power", arguments: { base: 3, exponent: 4 } })).toMatchObject({ structuredContent: { value: 81 } });
    expect(await client.callTool({ name: "divide", arguments: { a: 1, b: 0 } })).toMatchObject({ isError: true });
    await transport.terminateSession();
    await client.close();
  });

  it("shares a named room with a WebSocket participant: each sees the other's calls as room events", async () => {
    const path = `/rooms/mixed-${Date.now().toString(36)}/mcp`;
    const http = await httpClient(path, "over-http");
    const ws = await connectClient(dev.wsUrl(path), "over-ws");
    await http.client.callTool({ name: "add", arguments: { a: 1, b: 1 } });
    await ws.client.callTool({ name: "multiply", arguments: { a: 2, b: 3 } });
    const [seenOverWs] = await Promise.all([ws.eventsUntil(2), http.eventsUntil(2)]);
    expect(seenOverWs.map((e) => [e.seq, e.by, e.tool])).toEqual([
      [1, "over-http", "add"],
      [2, "over-ws", "multiply"],
    ]);
    // The HTTP client's GET stream carried the WebSocket participant's event, in order after its own.
    expect(http.events.map((e) => e.seq)).toEqual([1, 2]);
    await Promise.all([http.client.close(), ws.close()]);
  });

  it("reads the room's log as a resource", async () => {
    const { client } = await httpClient("/mcp");
    await client.callTool({ name: "sqrt", arguments: { value: 16 } });
    const { contents } = await client.readResource({ uri: "room://log" });
    expect(JSON.parse((contents[0] as { text: string }).text).events).toEqual([expect.objectContaining({ seq: 1, tool: "sqrt" })]);
    await client.close();
  });

  it("keeps a session across a restart of wrangler dev: the same session id goes on working", async () => {
    const path = `/rooms/durable-http-${Date.now().toString(36)}/mcp`;
    const first = await httpClient(path, "survivor");
    await first.client.setLoggingLevel("debug");
    await first.client.callTool({ name: "add", arguments: { a: 20, b: 1 } });
    const sessionId = first.transport.sessionId!;
    await first.client.close();

    await dev.restart();

    // The same session, by id: no initialize, the same log level and name, and seq goes on.
    const response = await fetch(new URL(path, dev.origin), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", "Mcp-Session-Id": sessionId },
      body: JSON.stringify({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "add", arguments: { a: 1, b: 1 } } }),
    });
    expect(response.status).toBe(200);
    // At debug level the call's log message comes first, so the answer arrives over SSE.
    expect(response.headers.get("Content-Type")).toBe("text/event-stream");
    const body = await response.text();
    expect(body).toMatch(/"method":"notifications\/message"/);
    expect(body).toMatch(/"id":7,"result":\{.*"structuredContent":\{"value":2\}/);
    const watcher = await connectClient(dev.wsUrl(`${path}?since=0`), "watcher");
    expect((await watcher.eventsUntil(2)).map((e) => [e.seq, e.by])).toEqual([
      [1, "survivor"],
      [2, "survivor"],
    ]);
    await watcher.close();
  });
});
