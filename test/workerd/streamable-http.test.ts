/**
 * Streamable HTTP (MCP 2025-11-25) inside workerd: sessions, status codes, streams, resumption.
 */
import { describe, expect, it } from "vitest";
import { ACCEPT_BOTH, initializeBody, openSession, post, request, SseReader } from "./http-client.ts";
import { roomPath, TestSocket } from "./socket.ts";

let counter = 0;
const freshRoom = () => `http-${Date.now().toString(36)}-${counter++}`;
const call = (id: number, name: string, args: Record<string, unknown>) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } });

describe("sessions", () => {
  it("opens a session on initialize with an unguessable id bound to the room, and answers calls as JSON", async () => {
    const room = freshRoom();
    const response = await post(roomPath(room), initializeBody());
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/application\/json/);
    const sessionId = response.headers.get("Mcp-Session-Id")!;
    expect(sessionId).toMatch(new RegExp(`^${room}\\.[A-Za-z0-9_-]{22}$`));
    expect(await response.json()).toMatchObject({ id: 1, result: { protocolVersion: "2025-11-25", serverInfo: { name: "math-mcp" } } });

    const notified = await post(roomPath(room), { jsonrpc: "2.0", method: "notifications/initialized" }, { "Mcp-Session-Id": sessionId });
    expect(notified.status).toBe(202);
    expect(await notified.text()).toBe("");

    const result = await post(roomPath(room), call(2, "add", { a: 2, b: 40 }), { "Mcp-Session-Id": sessionId, "MCP-Protocol-Version": "2025-11-25" });
    expect(await result.json()).toMatchObject({ id: 2, result: { structuredContent: { value: 42 } } });
  });

  it("opens a fresh private room on /mcp and finds it again by the session id", async () => {
    const response = await post("/mcp", initializeBody());
    const sessionId = response.headers.get("Mcp-Session-Id")!;
    expect(sessionId).toMatch(/^p-[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    await post("/mcp", { jsonrpc: "2.0", method: "notifications/initialized" }, { "Mcp-Session-Id": sessionId });
    const result = await post("/mcp", call(2, "multiply", { a: 6, b: 7 }), { "Mcp-Session-Id": sessionId });
    expect(await result.json()).toMatchObject({ result: { structuredContent: { value: 42 } } });
    // The private room is a room like any other: its log shows the call.
    const room = sessionId.slice(0, sessionId.indexOf("."));
    const watcher = await TestSocket.open(roomPath(room, "?since=0"));
    await watcher.next();
    expect((await watcher.next()).params).toMatchObject({ seq: 1, tool: "multiply", by: "http-test" });
    watcher.close();
  });

  it("ends a session on DELETE; the id then answers 404", async () => {
    const room = freshRoom();
    const sessionId = await openSession(roomPath(room));
    const deleted = await request(roomPath(room), { method: "DELETE", headers: { "Mcp-Session-Id": sessionId } });
    expect(deleted.status).toBe(200);
    const after = await post(roomPath(room), call(3, "add", { a: 1, b: 1 }), { "Mcp-Session-Id": sessionId });
    expect(after.status).toBe(404);
  });
});

describe("status codes", () => {
  const room = `codes-${Date.now().toString(36)}`;
  it.each([
    ["a request without a session id", () => post(roomPath(room), call(1, "add", { a: 1, b: 1 })), 400, -32600],
    ["an unknown session id", () => post(roomPath(room), call(1, "add", { a: 1, b: 1 }), { "Mcp-Session-Id": `${room}.nope` }), 404, -32600],
    ["a body that is not JSON", () => post(roomPath(room), "{oops"), 400, -32700],
    ["a batch", () => post(roomPath(room), [initializeBody()]), 400, -32600],
    ["a body that is not JSON-RPC", () => post(roomPath(room), { hello: "world" }), 400, -32600],
    ["Content-Type text/plain", () => post(roomPath(room), initializeBody(), { "Content-Type": "text/plain" }), 415, -32600],
    ["an Accept without text/event-stream", () => post(roomPath(room), initializeBody(), { Accept: "application/json" }), 406, -32600],
    ["a PUT", () => request(roomPath(room), { method: "PUT" }), 405, -32600],
    ["a GET without a session", () => request(roomPath(room), { headers: { Accept: "text/event-stream" } }), 400, -32600],
    ["/mcp without a session", () => post("/mcp", call(1, "add", { a: 1, b: 1 })), 400, -32600],
    ["/mcp with a session id that names no room", () => post("/mcp", call(1, "add", { a: 1, b: 1 }), { "Mcp-Session-Id": "garbage" }), 404, -32600],
  ])("answers %s with %i and a JSON-RPC error", async (_what, send, status, code) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code, message: expect.any(String) } });
  });

  it("answers an unsupported MCP-Protocol-Version with 400, a second initialize on a session with 400", async () => {
    const room = freshRoom();
    const sessionId = await openSession(roomPath(room));
    const badVersion = await post(roomPath(room), call(1, "add", { a: 1, b: 1 }), { "Mcp-Session-Id": sessionId, "MCP-Protocol-Version": "1999-01-01" });
    expect(badVersion.status).toBe(400);
    expect(((await badVersion.json()) as any).error.message).toMatch(/MCP-Protocol-Version/);
    const again = await post(roomPath(room), initializeBody(), { "Mcp-Session-Id": sessionId });
    expect(again.status).toBe(400);
  });

  it("does not accept a WebSocket session id over HTTP, nor one room's session in another", async () => {
    const room = freshRoom();
    const sessionId = await openSession(roomPath(room));
    const elsewhere = await post(roomPath(freshRoom()), call(1, "add", { a: 1, b: 1 }), { "Mcp-Session-Id": sessionId });
    expect(elsewhere.status).toBe(404);
  });
});

describe("streams", () => {
  it("delivers room events on the GET stream, refuses a second one with 409", async () => {
    const room = freshRoom();
    const sessionId = await openSession(roomPath(room));
    const stream = await request(roomPath(room), { headers: { Accept: "text/event-stream", "Mcp-Session-Id": sessionId } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("Content-Type")).toBe("text/event-stream");
    const events = new SseReader(stream);
    const primed = await events.next(true);
    expect(primed).toMatchObject({ id: expect.stringMatching(/-1$/), data: "" });

    const second = await request(roomPath(room), { headers: { Accept: "text/event-stream", "Mcp-Session-Id": sessionId } });
    expect(second.status).toBe(409);

    const socket = await TestSocket.open(roomPath(room));
    await socket.initialize("ws-caller");
    await socket.request("tools/call", { name: "sqrt", arguments: { value: 81 } });
    expect(await events.json()).toMatchObject({ method: "notifications/room/event", params: { seq: 1, by: "ws-caller", tool: "sqrt" } });
    await events.cancel();
    socket.close();
  });

  it("answers over SSE when a call sends something first, and resumes that stream with Last-Event-ID", async () => {
    const room = freshRoom();
    const sessionId = await openSession(roomPath(room));
    const headers = { "Mcp-Session-Id": sessionId };
    await post(roomPath(room), { jsonrpc: "2.0", id: 1, method: "logging/setLevel", params: { level: "debug" } }, headers);
    const response = await post(roomPath(room), call(2, "add", { a: 1, b: 2 }), headers);
    expect(response.headers.get("Content-Type")).toBe("text/event-stream");
    const sse = new SseReader(response);
    const log = await sse.next();
    expect(JSON.parse(log.data)).toMatchObject({ method: "notifications/message", params: { level: "debug" } });
    // The client "drops" here and resumes after the log message: it gets the rest, the response.
    const resumed = await request(roomPath(room), { headers: { Accept: ACCEPT_BOTH, "Last-Event-ID": log.id!, ...headers } });
    expect(resumed.status).toBe(200);
    expect(await new SseReader(resumed).json()).toMatchObject({ id: 2, result: { structuredContent: { value: 3 } } });
    const unknown = await request(roomPath(room), { headers: { Accept: ACCEPT_BOTH, "Last-Event-ID": "nope_1-3", ...headers } });
    expect(unknown.status).toBe(404);
  });
});

describe("Origin and Host", () => {
  it.each([
    ["a foreign Origin on HTTP", { Origin: "https://evil.example" }],
    ["a foreign Host (DNS rebinding)", { Host: "evil.example" }],
  ])("refuses %s with 403 and a message", async (_what, headers) => {
    const response = await post(roomPath(freshRoom()), initializeBody(), headers);
    expect(response.status).toBe(403);
    expect(((await response.json()) as any).error.message).toMatch(/Forbidden/);
  });

  it("refuses a WebSocket from a foreign Origin with 403", async () => {
    const response = await request(roomPath(freshRoom()), { headers: { Upgrade: "websocket", Origin: "https://evil.example" } });
    expect(response.status).toBe(403);
  });

  it("lets loopback and same-origin pages in, with CORS headers for them", async () => {
    for (const origin of ["http://localhost:5173", "http://127.0.0.1:8787", "http://room.test"]) {
      const response = await post(roomPath(freshRoom()), initializeBody(), { Origin: origin });
      expect(response.status, origin).toBe(200);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe(origin);
      expect(response.headers.get("Access-Control-Expose-Headers")).toMatch(/Mcp-Session-Id/);
    }
  });
});
