/**
 * Real clients against a real `wrangler dev`, as their users would run them: the TypeScript SDK v2 over
 * Streamable HTTP and over the room's WebSocket, the Python SDK 2.x, and mcp-remote. The SDKs connect in
 * the modern era without falling back; two modern clients and a legacy one follow one room and see the
 * same events in the same order.
 */
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { resolve } from "node:path";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RoomEventSchema } from "../../shared/events.ts";
import type { RoomEvent } from "../../shared/events.ts";
import { VENDOR } from "../../shared/mcp.ts";
import { connectClient, eventCollector } from "./mcp-client.ts";
import { connectLegacyClient } from "./legacy-client.ts";
import { WranglerDev } from "../support/wrangler-dev.ts";

const PYTHON_FOLLOWER = resolve(import.meta.dirname, "python/follow_room.py");
const MCP_REMOTE = resolve(import.meta.dirname, "../../node_modules/mcp-remote/dist/proxy.js");

let dev: WranglerDev;
beforeAll(async () => {
  dev = await WranglerDev.start();
});
afterAll(async () => {
  await dev?.dispose();
});

const unique = (name: string) => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
/** What every participant must agree on about an event. */
const summary = (e: RoomEvent) => ({ seq: e.seq, by: e.by, tool: e.tool, arguments: e.arguments });

/** The v2 Client over Streamable HTTP, negotiating the era by itself, following the room's events. */
async function modernHttpClient(url: string, name: string) {
  const client = new Client({ name, version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
  const collected = eventCollector();
  client.setNotificationHandler("notifications/room/event", { params: RoomEventSchema }, (event) => collected.add(event));
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return { client, collected };
}

/** A child process whose stdout lines are JSON, read one at a time. */
function jsonLines(child: ChildProcessWithoutNullStreams) {
  const lines: unknown[] = [];
  const waiters: ((line: unknown) => void)[] = [];
  createInterface({ input: child.stdout }).on("line", (text) => {
    const line = JSON.parse(text) as unknown;
    const waiter = waiters.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  return () => (lines.length ? Promise.resolve(lines.shift()) : new Promise<unknown>((resolve) => waiters.push(resolve)));
}

describe("the TypeScript SDK v2", () => {
  it("speaks 2026-07-28 over Streamable HTTP without falling back: discovers, calls, reads, follows the room", async () => {
    const url = `${dev.origin}/rooms/${unique("v2-http")}/mcp`;
    const { client, collected } = await modernHttpClient(url, "v2-http");
    expect(client.getProtocolEra()).toBe("modern");
    expect(client.getNegotiatedProtocolVersion()).toBe("2026-07-28");
    expect(client.getServerVersion()).toMatchObject({ name: "math-mcp" });
    expect(client.getServerCapabilities()?.extensions).toMatchObject({ "io.modelcontextprotocol/tasks": {}, [VENDOR.roomExtension]: {} });
    const subscription = await client.listen({ [VENDOR.roomEvents]: true } as Parameters<Client["listen"]>[0]);
    expect(subscription.honoredFilter).toBeDefined();
    const result = await client.callTool({ name: "divide", arguments: { a: 22, b: 7 } });
    expect(result.structuredContent).toEqual({ value: 22 / 7 });
    expect((await collected.until(1))[0]).toMatchObject({ seq: 1, by: "v2-http", tool: "divide" });
    const log = await client.readResource({ uri: "room://log" });
    expect(JSON.parse((log.contents[0] as { text: string }).text).lastSeq).toBe(1);
    await subscription.close();
    await client.close();
  });

  it("speaks 2026-07-28 over the room's WebSocket (math-mcp/client): a plot comes back whole, and once in the log", async () => {
    const room = await connectClient(dev.wsUrl(`/rooms/${unique("v2-ws")}/mcp`), "v2-ws");
    expect(room.client.getProtocolEra()).toBe("modern");
    const plot = await room.client.callTool({ name: "plot", arguments: { expression: "sin(x)", variable: "x", from: 0, to: 3 } });
    expect(plot.content.map((c) => c.type)).toEqual(["text", "image"]);
    expect((await room.eventsUntil(1))[0]).toMatchObject({ seq: 1, tool: "plot" });
    await room.close();
  });
});

describe("the Python SDK 2.x, a TypeScript client and a legacy client in one room", () => {
  it("connect each in its era, and all see the same events in the same order", { timeout: 60_000 }, async () => {
    const path = `/rooms/${unique("trio")}/mcp`;
    const legacy = await connectLegacyClient(dev.wsUrl(path), "legacy-v1");
    const modern = await modernHttpClient(`${dev.origin}${path}`, "modern-ts");
    await modern.client.listen({ [VENDOR.roomEvents]: true } as Parameters<Client["listen"]>[0]);
    const python = spawn("python3", [PYTHON_FOLLOWER, `${dev.origin}${path}`, "4"], { stdio: ["pipe", "pipe", "pipe"] });
    let pythonErrors = "";
    python.stderr.on("data", (chunk) => (pythonErrors += chunk));
    const next = jsonLines(python);
    try {
      expect(await next(), pythonErrors).toEqual({ era: "2026-07-28" });
      expect(await next(), pythonErrors).toEqual({ ready: true });
      // Everyone listens: now everyone calls.
      await modern.client.callTool({ name: "add", arguments: { a: 2, b: 3 } });
      await legacy.client.callTool({ name: "subtract", arguments: { a: 9, b: 4 } });
      python.stdin.write("go\n");
      expect(await next(), pythonErrors).toEqual({ called: { value: 42 } });
      await modern.client.callTool({ name: "evaluate", arguments: { expression: "2^10" } });
      const fromPython: RoomEvent[] = [];
      while (fromPython.length < 4) fromPython.push(((await next()) as { event: RoomEvent }).event);
      const [fromModern, fromLegacy] = await Promise.all([modern.collected.until(4), legacy.eventsUntil(4)]);
      expect(fromModern.map(summary)).toEqual(fromLegacy.map(summary));
      expect(fromPython.map(summary)).toEqual(fromLegacy.map(summary));
      expect(fromLegacy.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(new Set(fromLegacy.map((e) => e.by))).toEqual(new Set(["modern-ts", "legacy-v1", "mcp"]));
    } finally {
      python.kill();
      await Promise.all([legacy.close(), modern.client.close()]);
    }
  });
});

describe("mcp-remote", () => {
  it("connects a stdio client (as Claude Desktop uses it) to a room, calls a tool, and says nothing alarming on stderr", async () => {
    const child = spawn(process.execPath, [MCP_REMOTE, `${dev.origin}/rooms/${unique("remote")}/mcp`], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const next = jsonLines(child);
    const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`);
    const answer = async (id: number) => {
      for (;;) {
        const line = (await next()) as { id?: number };
        if (line.id === id) return line as { result?: any; error?: unknown };
      }
    };
    try {
      send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "desktop", version: "1" } } });
      expect((await answer(1)).result).toMatchObject({ serverInfo: { name: "math-mcp" } });
      send({ jsonrpc: "2.0", method: "notifications/initialized" });
      send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "add", arguments: { a: 2, b: 3 } } });
      expect((await answer(2)).result).toMatchObject({ structuredContent: { value: 5 } });
      expect(stderr).toMatch(/Connected to remote server/);
      expect(stderr).not.toMatch(/error|exception|\n\s+at /i);
    } finally {
      child.kill();
    }
  });
});
