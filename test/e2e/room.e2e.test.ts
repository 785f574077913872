/**
 * End to end against a real `wrangler dev`: the official SDK client over WebSocket, the shared log,
 * late joiners, malformed frames, and a restart on the same persist directory.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient } from "./mcp-client.ts";
import { WranglerDev } from "../support/wrangler-dev.ts";

let dev: WranglerDev;
beforeAll(async () => {
  dev = await WranglerDev.start();
});
afterAll(async () => {
  await dev?.dispose();
});

const room = (name: string) => `/rooms/${name}-${Date.now().toString(36)}/mcp`;
const value = (result: unknown) => (result as { structuredContent: { value: number } }).structuredContent.value;
const errorText = (result: unknown) => {
  const r = result as { isError?: boolean; content: { text: string }[] };
  return r.isError ? r.content[0]!.text : undefined;
};

describe("the SDK client over WebSocket", () => {
  it("lists the seed's ten tools with schemas and calls each of them", async () => {
    const { client, close } = await connectClient(dev.wsUrl(room("tools")));
    const { tools } = await client.listTools();
    const seed = ["add", "cos", "divide", "log", "multiply", "power", "sin", "sqrt", "subtract", "tan"];
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(seed));
    for (const tool of tools.filter((t) => seed.includes(t.name))) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.outputSchema?.type).toBe("object");
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true });
    }
    const call = (name: string, args: Record<string, number>) => client.callTool({ name, arguments: args });
    expect(value(await call("add", { a: 2, b: 3 }))).toBe(5);
    expect(value(await call("subtract", { a: 2, b: 5 }))).toBe(-3);
    expect(value(await call("multiply", { a: 4, b: 2.5 }))).toBe(10);
    expect(value(await call("divide", { a: 1, b: 4 }))).toBe(0.25);
    expect(value(await call("power", { base: 2, exponent: 10 }))).toBe(1024);
    expect(value(await call("sqrt", { value: 2 }))).toBe(Math.SQRT2);
    expect(value(await call("sin", { angle: Math.PI / 2 }))).toBe(1);
    expect(value(await call("cos", { angle: 0 }))).toBe(1);
    expect(value(await call("tan", { angle: Math.PI / 4 }))).toBeCloseTo(1, 15);
    expect(value(await call("log", { value: Math.E }))).toBe(1);
    expect(value(await call("log", { value: 1000, base: 10 }))).toBe(3);
    expect(value(await call("log", { value: 81, base: 3 }))).toBeCloseTo(4, 14);

    expect(errorText(await call("divide", { a: 1, b: 0 }))).toMatch(/^divide: b must not be 0/);
    expect(errorText(await call("sqrt", { value: -4 }))).toMatch(/^sqrt: value must not be negative \(got -4\)/);
    expect(errorText(await call("log", { value: 0 }))).toMatch(/^log: value must be greater than 0/);
    expect(errorText(await call("log", { value: 8, base: 0 }))).toMatch(/base must be greater than 0 \(got 0\)/);
    expect(errorText(await call("log", { value: 8, base: -2 }))).toMatch(/base must be greater than 0/);
    expect(errorText(await call("log", { value: 8, base: 1 }))).toMatch(/base must not be 1/);
    expect(errorText(await call("power", { base: 10, exponent: 400 }))).toMatch(/too large to represent/);
    expect(errorText(await call("power", { base: -8, exponent: 1 / 3 }))).toMatch(/whole-number exponent/);
    expect(errorText(await call("add", { a: 1 }))).toBe("add: b is required (a number)");
    await close();
  });

  it("gives two clients in one room every event, in the same order", async () => {
    const path = room("pair");
    const alice = await connectClient(dev.wsUrl(path), "alice");
    const bob = await connectClient(dev.wsUrl(path), "bob");
    const perClient = 10;
    await Promise.all(
      [alice, bob].map(async (participant, p) => {
        for (let i = 0; i < perClient; i++) {
          await participant.client.callTool({ name: "add", arguments: { a: p, b: i } });
        }
      }),
    );
    const [seenByAlice, seenByBob] = await Promise.all([alice.eventsUntil(2 * perClient), bob.eventsUntil(2 * perClient)]);
    expect(seenByAlice.map((e) => e.seq)).toEqual(Array.from({ length: 2 * perClient }, (_, i) => i + 1));
    expect(seenByBob).toEqual(seenByAlice);
    expect(seenByAlice.filter((e) => e.by === "alice").map((e) => (e.arguments as { b: number }).b)).toEqual(
      Array.from({ length: perClient }, (_, i) => i),
    );

    const late = await connectClient(dev.wsUrl(`${path}?since=0`), "late");
    expect(await late.eventsUntil(2 * perClient)).toEqual(seenByAlice);
    await Promise.all([alice.close(), bob.close(), late.close()]);
  });
});

describe("raw frames", () => {
  it("answers a malformed frame with -32700 and the same socket keeps working", async () => {
    const socket = new WebSocket(dev.wsUrl(room("raw")), "mcp");
    const frames: unknown[] = [];
    const waiters: ((frame: unknown) => void)[] = [];
    socket.onmessage = (event) => {
      const frame = JSON.parse(String(event.data));
      const waiter = waiters.shift();
      if (waiter) waiter(frame);
      else frames.push(frame);
    };
    const next = () => (frames.length ? Promise.resolve(frames.shift()) : new Promise((r) => waiters.push(r)));
    await new Promise((opened, failed) => {
      socket.onopen = opened;
      socket.onerror = failed;
    });
    expect(socket.protocol).toBe("mcp");
    expect(await next()).toMatchObject({ method: "notifications/room/session", params: { resumed: false } });
    socket.send("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ");
    expect(await next()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32700 } });
    socket.send(JSON.stringify({ jsonrpc: "2.0", id: 2, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } }));
    expect(await next()).toMatchObject({ id: 2, result: { protocolVersion: "2025-06-18" } });
    socket.close();
  });
});

describe("restart", () => {
  it("keeps the log and the next seq across a restart of wrangler dev on the same persist directory", async () => {
    const path = room("durable");
    const before = await connectClient(dev.wsUrl(path), "before");
    for (let i = 1; i <= 3; i++) await before.client.callTool({ name: "multiply", arguments: { a: i, b: i } });
    const logBefore = await before.eventsUntil(3);
    await before.close();

    await dev.restart();

    const after = await connectClient(dev.wsUrl(`${path}?since=0`), "after");
    expect(await after.eventsUntil(3)).toEqual(logBefore);
    await after.client.callTool({ name: "add", arguments: { a: 1, b: 1 } });
    const [, , , fourth] = await after.eventsUntil(4);
    expect(fourth).toMatchObject({ seq: 4, by: "after", tool: "add" });
    await after.close();
  });
});

describe("closing a socket", () => {
  // What this guards against fails every time (no close frame: 1006 after the client's timeout). Once in
  // CI, right after the restart test, a socket was dropped 27 ms after opening (1006, no timeout): a
  // different, rare event of the runtime, so the test is tried once more before it fails.
  it.each([[undefined], [1000]])("a client's close (code %s) is answered at once with the room's close frame, not ended as 1006 after a timeout", { retry: 1 }, async (code) => {
    const ws = new WebSocket(dev.wsUrl(room("close")), "mcp");
    await new Promise((open) => (ws.onopen = open));
    const closed = new Promise<CloseEvent>((done) => (ws.onclose = done));
    ws.close(code);
    // Without the room's answering close frame, the client gives up after its timeout with 1006.
    expect((await closed).code).toBe(code ?? 1005);
  });
});
