/**
 * The edges of Streamable HTTP and SSE that the SDK's web-standard transport and Hono's cors() learned:
 * a stale stream's late cancel, requests to the client when their session ends, CORS for keyed and
 * modern requests, Content-Type as a media type, proxies told not to buffer, a session not told of its
 * own departure, and what a room keeps for replay.
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { withCors } from "../../party/http/origin.ts";
import { ReplayBudget } from "../../party/http/replay-budget.ts";
import { SseStream } from "../../party/http/sse-stream.ts";
import { ACCEPT_BOTH, initializeBody, openSession, post, request, SseReader } from "./http-client.ts";
import { roomPath, TestSocket } from "./socket.ts";

let counter = 0;
const freshRoom = () => `edges-${Date.now().toString(36)}-${counter++}`;
const call = (id: number, name: string, args: Record<string, unknown>) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } });
const getStream = (path: string, sessionId: string, headers: Record<string, string> = {}) =>
  request(path, { headers: { Accept: "text/event-stream", "Mcp-Session-Id": sessionId, ...headers } });

/** The next presence change of an HTTP participant that the socket hears (its own join is skipped). */
async function httpPresence(watcher: TestSocket): Promise<Record<string, any>> {
  for (;;) {
    const presence = await watcher.nextPresence();
    if (presence.participant?.kind === "http") return presence;
  }
}

/** Everything left on a response's body, as text (it must end). */
async function rest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
  }
}

describe("SSE streams", () => {
  it("a stale connection's late cancel, after a Last-Event-ID resume, neither silences the new one nor announces a false 'left'", async () => {
    const room = freshRoom();
    const path = roomPath(room);
    const sessionId = await openSession(path);
    const watcher = await TestSocket.open(path);
    await watcher.initialize("watcher");
    const first = await getStream(path, sessionId);
    const old = new SseReader(first);
    const primed = await old.next(true);
    expect(await httpPresence(watcher)).toMatchObject({ event: "joined", participant: { kind: "http" } });
    // The client resumes on a new connection, then lets the old one go.
    const resumed = await getStream(path, sessionId, { "Last-Event-ID": primed.id! });
    expect(resumed.status).toBe(200);
    await old.cancel();
    await watcher.request("tools/call", { name: "add", arguments: { a: 20, b: 22 } });
    expect(await new SseReader(resumed).json()).toMatchObject({ method: "notifications/room/event", params: { seq: 1, tool: "add" } });
    // Nobody was told that the session left: the next presence the watcher hears is a real departure.
    await request(path, { method: "DELETE", headers: { "Mcp-Session-Id": sessionId } });
    expect(await httpPresence(watcher)).toMatchObject({ event: "left", participant: { kind: "http" } });
    watcher.close();
  });

  it("a session's own GET stream ends at its DELETE without its own 'left' presence; the others hear it", async () => {
    const path = roomPath(freshRoom());
    const sessionId = await openSession(path);
    const watcher = await TestSocket.open(path);
    await watcher.initialize("watcher");
    const stream = await getStream(path, sessionId);
    const reader = stream.body!.getReader();
    expect(await httpPresence(watcher)).toMatchObject({ event: "joined" });
    const deleted = await request(path, { method: "DELETE", headers: { "Mcp-Session-Id": sessionId } });
    expect(deleted.status).toBe(200);
    const after = await rest(reader);
    expect(after).not.toMatch(/"event":"left"/);
    expect(await httpPresence(watcher)).toMatchObject({ event: "left", participant: { kind: "http" } });
    watcher.close();
  });

  it("tells proxies not to buffer: X-Accel-Buffering: no on GET streams and on SSE answers", async () => {
    const path = roomPath(freshRoom());
    const sessionId = await openSession(path);
    const stream = await getStream(path, sessionId);
    expect(stream.headers.get("X-Accel-Buffering")).toBe("no");
    await stream.body!.cancel();
    const headers = { "Mcp-Session-Id": sessionId };
    await post(path, { jsonrpc: "2.0", id: 7, method: "logging/setLevel", params: { level: "debug" } }, headers);
    const answer = await post(path, call(8, "add", { a: 1, b: 2 }), headers);
    expect(answer.headers.get("Content-Type")).toBe("text/event-stream");
    expect(answer.headers.get("X-Accel-Buffering")).toBe("no");
    await answer.body!.cancel();
  });

  it("keeps at most the room's budget for replay across streams, oldest first; a resume into a gap is refused", () => {
    const budget = new ReplayBudget(4_000);
    const older = new SseStream("older", budget);
    const newer = new SseStream("newer", budget);
    const frame = "x".repeat(200);
    for (let i = 0; i < 6; i++) older.write(frame);
    for (let i = 0; i < 6; i++) newer.write(frame);
    expect(budget.usedBytes).toBeLessThanOrEqual(4_000);
    // The older stream's events went first; its early events can no longer be resumed after.
    expect(older.canResume(0)).toBe(false);
    expect(newer.canResume(5)).toBe(true);
    expect(newer.canResume(6)).toBe(true);
    older.drop();
    newer.drop();
    expect(budget.usedBytes).toBe(0);
  });
});

describe("sessions that end", () => {
  it("a request the server sent the client fails at once when its session is deleted, and the call ends as one event", async () => {
    const init = await post("/conformance/mcp", { ...initializeBody(), params: { ...initializeBody().params, capabilities: { elicitation: {} } } });
    const sessionId = init.headers.get("Mcp-Session-Id")!;
    const headers = { "Mcp-Session-Id": sessionId };
    await post("/conformance/mcp", { jsonrpc: "2.0", method: "notifications/initialized" }, headers);
    const pending = await post("/conformance/mcp", call(2, "test_elicitation", { message: "who are you?" }), headers);
    const stream = new SseReader(pending);
    expect(await stream.json()).toMatchObject({ method: "elicitation/create" });
    const deleted = await request("/conformance/mcp", { method: "DELETE", headers });
    expect(deleted.status).toBe(200);
    const room = sessionId.slice(0, sessionId.indexOf("."));
    const stub = env.ConformanceRoom.get(env.ConformanceRoom.idFromName(room));
    const events = await runInDurableObject(stub, (_room, state) => state.storage.sql.exec<{ body: string }>("SELECT body FROM events").toArray().map((r) => JSON.parse(r.body)));
    expect(events).toEqual([expect.objectContaining({ seq: 1, tool: "test_elicitation", error: expect.objectContaining({ message: expect.any(String) }) })]);
  });
});

describe("CORS", () => {
  it("lets a cross-origin keyed, modern request through its preflight: every header it names is allowed", async () => {
    const asked = "content-type, mcp-room-key, mcp-protocol-version, mcp-method, mcp-name, mcp-param-region";
    const preflight = await request(roomPath(freshRoom()), {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": asked },
    });
    expect(preflight.status).toBe(204);
    const allowed = preflight.headers.get("Access-Control-Allow-Headers")!.toLowerCase().split(",").map((h) => h.trim());
    for (const header of asked.split(", ")) expect(allowed).toContain(header);
    expect(preflight.headers.get("Vary")).toMatch(/Origin/);
    const plain = await request(roomPath(freshRoom()), { method: "OPTIONS", headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST" } });
    expect(plain.headers.get("Access-Control-Allow-Headers")).toMatch(/Mcp-Room-Key/);
  });

  it("a keyed room's cross-origin initialize carries its key in Mcp-Room-Key and gets CORS headers", async () => {
    const created = (await (await request("/rooms", { method: "POST" })).json()) as { room: string; writerKey: string };
    const response = await post(roomPath(created.room), initializeBody(), { Origin: "http://localhost:5173", "Mcp-Room-Key": created.writerKey });
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("http://localhost:5173");
    expect(response.headers.get("Vary")).toMatch(/Origin/);
  });

  it("appends to a response's Vary instead of overwriting it", () => {
    const response = withCors(new Response("x", { headers: { Vary: "Accept-Encoding" } }), { "Access-Control-Allow-Origin": "http://a.example", Vary: "Origin, accept-encoding" });
    expect(response.headers.get("Vary")).toBe("Accept-Encoding, Origin");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("http://a.example");
    expect(withCors(new Response("x", { headers: { Vary: "*" } }), { Vary: "Origin" }).headers.get("Vary")).toBe("*");
  });
});

describe("Content-Type", () => {
  it.each([["text/plain; note=application/json"], ["application/json-seq"], ["application/jsonx"], ["text/html, application/json"]])(
    "refuses %s with 415: a media type is parsed, not searched for a substring",
    async (contentType) => {
      const response = await post(roomPath(freshRoom()), initializeBody(), { "Content-Type": contentType });
      expect(response.status).toBe(415);
    },
  );

  it.each([["application/json"], ["Application/JSON; charset=UTF-8"], ["application/json;charset=utf-8"]])("accepts %s", async (contentType) => {
    const response = await post(roomPath(freshRoom()), initializeBody(), { "Content-Type": contentType });
    expect(response.status).toBe(200);
  });

  it("reads Accept as media ranges: wildcards pass, a weight of 0 refuses", async () => {
    const wildcard = await post(roomPath(freshRoom()), initializeBody(), { Accept: "application/*, text/*" });
    expect(wildcard.status).toBe(200);
    const refused = await post(roomPath(freshRoom()), initializeBody(), { Accept: `${ACCEPT_BOTH}, text/event-stream;q=0` });
    expect(refused.status).toBe(200);
    const zero = await post(roomPath(freshRoom()), initializeBody(), { Accept: "application/json, text/event-stream;q=0" });
    expect(zero.status).toBe(406);
  });
});
