/**
 * Limits that keep one client from taking the room: frame size, message rate, connections per room.
 * The fixture sets them low (MAX_FRAME_BYTES 16384, 50 messages/s with a burst of 60, 4 sockets).
 */
import { describe, expect, it } from "vitest";
import { initializeBody, openSession, post } from "./http-client.ts";
import { modern } from "./modern-client.ts";
import { roomPath, TestSocket } from "./socket.ts";

let counter = 0;
const freshRoom = () => `limits-${Date.now().toString(36)}-${counter++}`;

describe("limits", () => {
  it("closes a socket that sends a frame over the cap with 1009, and nothing else", async () => {
    const room = freshRoom();
    const big = await TestSocket.open(roomPath(room));
    const other = await TestSocket.open(roomPath(room));
    await other.initialize();
    big.sendRaw(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: "x".repeat(20_000) } }));
    const closed = await big.closed;
    expect(closed.code).toBe(1009);
    expect(closed.reason).toMatch(/at most 16384 bytes/);
    expect((await other.request("ping")).response.result).toEqual({});
    // Multibyte text counts in bytes: 6,000 characters of 3 bytes each are over 16 KiB.
    const wide = await TestSocket.open(roomPath(room));
    wide.sendRaw(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: "€".repeat(6_000) } }));
    expect((await wide.closed).code).toBe(1009);
    other.close();
  });

  it("answers requests over the rate with an error saying when to retry, and keeps the socket", async () => {
    const socket = await TestSocket.open(roomPath(freshRoom()));
    await socket.initialize();
    for (let id = 100; id < 200; id++) socket.sendRaw(JSON.stringify({ jsonrpc: "2.0", id, method: "ping" }));
    const answers = await socket.until((f) => f.id === 199);
    const limited = answers.filter((f) => f.error);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]).toMatchObject({ error: { code: -32029, message: expect.stringMatching(/retry after \d+ ms/), data: { retryAfterMs: expect.any(Number) } } });
    expect(answers.filter((f) => f.result).length).toBeGreaterThanOrEqual(55);
    // The socket is still there: a client that waits as it is told gets through. (The room's clock moves
    // only between events, so the first retry may land a hair early and be told to wait once more.)
    let retryAfterMs: number = limited.at(-1)!.error.data.retryAfterMs;
    let answer: Record<string, any> = {};
    for (let attempt = 0; attempt < 3; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs));
      answer = (await socket.request("ping")).response;
      if (!answer.error) break;
      expect(answer.error.code).toBe(-32029);
      retryAfterMs = answer.error.data.retryAfterMs;
    }
    expect(answer.result).toEqual({});
    socket.close();
  });

  it("answers HTTP requests over the rate with 429, Retry-After and the JSON-RPC error", async () => {
    const room = freshRoom();
    const init = await post(roomPath(room), initializeBody());
    const sessionId = init.headers.get("Mcp-Session-Id")!;
    const responses = await Promise.all(
      Array.from({ length: 80 }, (_, i) => post(roomPath(room), { jsonrpc: "2.0", id: i + 2, method: "ping" }, { "Mcp-Session-Id": sessionId })),
    );
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(await limited[0]!.json()).toMatchObject({ error: { code: -32029, data: { retryAfterMs: expect.any(Number) } } });
  });

  it("closes connections over the room's cap with 1013", async () => {
    const room = freshRoom();
    const sockets = await Promise.all(Array.from({ length: 4 }, () => TestSocket.open(roomPath(room))));
    const response = await (await import("cloudflare:workers")).exports.default.fetch(`http://room.test${roomPath(room)}`, {
      headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": "mcp" },
    });
    const ws = response.webSocket!;
    const closed = new Promise<CloseEvent>((resolve) => ws.addEventListener("close", resolve));
    ws.accept();
    expect((await closed).code).toBe(1013);
    for (const socket of sockets) socket.close();
  });

  it("refuses params that nest thousands of levels deep with -32602 and a reason, in both eras, and goes on", async () => {
    // Within the fixture's 16 KiB frames: 5,000 levels of [] are 10,000 bytes.
    const deep = JSON.parse(`${"[".repeat(5_000)}${"]".repeat(5_000)}`);
    const socket = await TestSocket.open(roomPath(freshRoom()));
    await socket.initialize();
    const legacy = (await socket.request("tools/call", { name: "add", arguments: { a: deep, b: 1 } })).response;
    expect(legacy.error).toMatchObject({ code: -32602, message: expect.stringMatching(/nest more than 64 levels/) });
    expect((await socket.request("tools/call", { name: "add", arguments: { a: 1, b: 1 } })).response.result.structuredContent).toEqual({ value: 2 });
    socket.close();
    const room = freshRoom();
    const answer = await modern(roomPath(room), "tools/call", { name: "add", arguments: { a: JSON.parse(`${"[".repeat(15_000)}${"]".repeat(15_000)}`), b: 1 } });
    expect(answer.body.error).toMatchObject({ code: -32602, message: expect.stringMatching(/nest more than 64 levels/) });
    const session = await openSession(roomPath(room));
    const http = await post(roomPath(room), { jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "add", arguments: { a: deep, b: 1 } } }, { "Mcp-Session-Id": session });
    expect(((await http.json()) as any).error).toMatchObject({ code: -32602 });
  });
});
