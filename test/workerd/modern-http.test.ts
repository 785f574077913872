/**
 * Modern requests (2026-07-28) over Streamable HTTP inside workerd: in a named room, on /mcp (the
 * stateless front, and the private rooms a call opens), in keyed rooms, with participant handles, rate
 * limits and a listen that follows the room.
 */
import { describe, expect, it } from "vitest";
import { request, SseReader } from "./http-client.ts";
import { modern, modernPost } from "./modern-client.ts";
import { isEvent, roomPath, TestSocket } from "./socket.ts";

let counter = 0;
const freshRoom = () => `modern-${Date.now().toString(36)}-${counter++}`;
const SERVER_INFO = "io.modelcontextprotocol/serverInfo";

describe("a named room", { timeout: 30_000 }, () => {
  it("discovers, lists and calls statelessly; the call is one event in the log under the client's name", async () => {
    const room = freshRoom();
    const discover = await modern(roomPath(room), "server/discover");
    expect(discover.status).toBe(200);
    expect(discover.body.result).toMatchObject({
      resultType: "complete",
      supportedVersions: ["2026-07-28"],
      capabilities: { tools: { listChanged: false }, extensions: { "io.modelcontextprotocol/tasks": {}, "dev.math-mcp/room-events": {} } },
      ttlMs: expect.any(Number),
      cacheScope: "public",
      _meta: { [SERVER_INFO]: { name: "math-mcp" } },
    });
    const list = await modern(roomPath(room), "tools/list");
    expect(list.body.result.tools.map((t: { name: string }) => t.name).slice(0, 4)).toEqual(["add", "subtract", "multiply", "divide"]);
    const call = await modern(roomPath(room), "tools/call", { name: "add", arguments: { a: 2, b: 40 } }, { clientName: "ada" });
    expect(call.body).toMatchObject({ id: expect.anything(), result: { resultType: "complete", structuredContent: { value: 42 } } });
    const watcher = await TestSocket.open(roomPath(room, "?since=0"));
    await watcher.next(); // the replay header
    expect((await watcher.next()).params).toMatchObject({ seq: 1, by: "ada", tool: "add", arguments: { a: 2, b: 40 } });
    watcher.close();
  });

  it("echoes the request id on every error, with the status the spec gives each code", async () => {
    const room = freshRoom();
    const initialize = await modern(roomPath(room), "initialize", { protocolVersion: "2025-11-25" }, { id: 77 });
    expect(initialize).toMatchObject({ status: 404, body: { id: 77, error: { code: -32601 } } });
    const missing = await modern(roomPath(room), "resources/read", { uri: "room://nothing" }, { id: "r" });
    expect(missing.body).toMatchObject({ id: "r", error: { code: -32602, data: { uri: "room://nothing" } } });
    const noMeta = await request(roomPath(room), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", "MCP-Protocol-Version": "2026-07-28", "Mcp-Method": "tools/list" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 5, method: "tools/list" }),
    });
    expect(noMeta.status).toBe(400);
    expect(await noMeta.json()).toMatchObject({ id: 5, error: { code: -32602 } });
    const mismatch = await modern(roomPath(room), "tools/list", {}, { headers: { "Mcp-Method": "prompts/list" }, id: 6 });
    expect(mismatch).toMatchObject({ status: 400, body: { id: 6, error: { code: -32020 } } });
  });

  it("sends progress on the request's own stream, and log messages only when the request set a level", async () => {
    const room = freshRoom();
    const plot = await modernPost(roomPath(room), "tools/call", { name: "plot", arguments: { expression: "sin(x)", variable: "x", from: 0, to: 6 } }, { meta: { progressToken: "p1" } });
    expect(plot.headers.get("Content-Type")).toMatch(/text\/event-stream/);
    const text = await plot.text();
    expect(text).not.toMatch(/^id:/m); // modern streams are not resumable
    expect(text).toMatch(/"method":"notifications\/progress","params":\{"progressToken":"p1"/);
    expect(text).not.toMatch(/notifications\/message/);
    const logged = await modernPost(roomPath(room), "tools/call", { name: "add", arguments: { a: 1, b: 1 } }, { meta: { "io.modelcontextprotocol/logLevel": "debug" } });
    expect(await logged.text()).toMatch(/notifications\/message/);
  });
});

describe("/mcp", { timeout: 30_000 }, () => {
  it("answers discover and lists itself, and opens a private room for a call, named in its result", async () => {
    const discover = await modern("/mcp", "server/discover");
    expect(discover.body.result.supportedVersions).toEqual(["2026-07-28"]);
    expect(discover.body.result._meta["dev.math-mcp/room"]).toBeUndefined();
    const read = await modern("/mcp", "resources/read", { uri: "room://log" });
    expect(JSON.parse(read.body.result.contents[0].text)).toEqual({ room: null, firstSeq: null, lastSeq: 0, events: [] });
    const first = await modern("/mcp", "tools/call", { name: "evaluate", arguments: { expression: "r = 7" } });
    const handle = first.body.result._meta["dev.math-mcp/room"];
    expect(handle).toMatch(/^p-[A-Za-z0-9_-]{22}$/);
    // Named again, the room is the same room: its variables are still there, and so is its log.
    const second = await modern("/mcp", "tools/call", { name: "evaluate", arguments: { expression: "r * 2" } }, { meta: { "dev.math-mcp/room": handle } });
    expect(second.body.result.structuredContent).toMatchObject({ value: "14" });
    const log = await modern(roomPath(handle), "resources/read", { uri: "room://log" });
    expect(JSON.parse(log.body.result.contents[0].text).events.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    // Another call without the handle opens another room.
    const other = await modern("/mcp", "tools/call", { name: "add", arguments: { a: 1, b: 2 } });
    expect(other.body.result._meta["dev.math-mcp/room"]).not.toBe(handle);
  });

  it("refuses a room key that is not a private room's handle", async () => {
    const bad = await modern("/mcp", "tools/list", {}, { meta: { "dev.math-mcp/room": "algebra" }, id: 9 });
    expect(bad).toMatchObject({ status: 400, body: { id: 9, error: { code: -32602, message: expect.stringMatching(/rooms\/\{room\}\/mcp/) } } });
  });
});

describe("admission and identity", () => {
  it("keyed rooms: no key is refused, a viewer reads but its call is refused with -31403, the writer calls", async () => {
    const keys = (await (await request("/rooms", { method: "POST" })).json()) as { room: string; writerKey: string; viewerKey: string };
    const refused = await modernPost(roomPath(keys.room), "tools/list");
    expect(refused.status).toBe(403);
    const viewer = { headers: { "Mcp-Room-Key": keys.viewerKey } };
    expect((await modern(roomPath(keys.room), "tools/list", {}, viewer)).status).toBe(200);
    const denied = await modern(roomPath(keys.room), "tools/call", { name: "add", arguments: { a: 1, b: 1 } }, viewer);
    expect(denied.body.error).toMatchObject({ code: -31403, message: expect.stringMatching(/viewer/) });
    const writer = await modern(`${roomPath(keys.room)}?key=${keys.writerKey}`, "tools/call", { name: "add", arguments: { a: 1, b: 1 } });
    expect(writer.body.result.structuredContent).toEqual({ value: 2 });
  });

  it("mints a participant handle on request; the handle names the caller in the log; a forged one is refused", async () => {
    const room = freshRoom();
    const asked = await modern(roomPath(room), "tools/list", {}, { meta: { "dev.math-mcp/participant": { name: "Grace" } } });
    const handle = asked.body.result._meta["dev.math-mcp/participant"];
    expect(handle).toMatch(/^ph1\./);
    await modern(roomPath(room), "tools/call", { name: "multiply", arguments: { a: 6, b: 7 } }, { clientName: "some-client", meta: { "dev.math-mcp/participant": handle } });
    await modern(roomPath(room), "tools/call", { name: "multiply", arguments: { a: 2, b: 3 } }, { clientName: "some-client", meta: { "dev.math-mcp/participant": handle } });
    const log = JSON.parse((await modern(roomPath(room), "resources/read", { uri: "room://log" })).body.result.contents[0].text).events;
    expect(log.map((e: { by: string }) => e.by)).toEqual(["Grace", "Grace"]);
    expect(log[0].participant).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(log[1].participant).toBe(log[0].participant);
    const forged = handle.replace(/\.[^.]+$/, ".AAAA");
    expect((await modern(roomPath(room), "tools/list", {}, { meta: { "dev.math-mcp/participant": forged } })).body.error.code).toBe(-32602);
    // A handle works only in the room that made it.
    expect((await modern(roomPath(freshRoom()), "tools/list", {}, { meta: { "dev.math-mcp/participant": handle } })).body.error.code).toBe(-32602);
  });

  it("rate-limits a modern client with 429, Retry-After and -31429 (never a code the spec reserves)", async () => {
    const room = freshRoom();
    const answers = await Promise.all(Array.from({ length: 80 }, () => modernPost(roomPath(room), "tools/list")));
    const limited = answers.find((a) => a.status === 429);
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(await limited!.json()).toMatchObject({ error: { code: -31429, data: { retryAfterMs: expect.any(Number) } } });
  });
});

describe("subscriptions/listen", () => {
  it("acknowledges first, then tags every room event and log update with its subscription id, until closed", async () => {
    const room = freshRoom();
    await modern(roomPath(room), "tools/call", { name: "add", arguments: { a: 1, b: 1 } });
    const listen = await modernPost(roomPath(room), "subscriptions/listen", { notifications: { "dev.math-mcp/roomEvents": { since: 0 }, resourceSubscriptions: ["room://log", "room://nothing"], toolsListChanged: true } }, { id: "L1" });
    expect(listen.headers.get("Content-Type")).toMatch(/text\/event-stream/);
    expect(listen.headers.get("X-Accel-Buffering")).toBe("no");
    const stream = new SseReader(listen);
    const ack = await stream.json();
    expect(ack).toEqual({
      jsonrpc: "2.0",
      method: "notifications/subscriptions/acknowledged",
      params: { _meta: { "io.modelcontextprotocol/subscriptionId": "L1" }, notifications: { resourceSubscriptions: ["room://log"], "dev.math-mcp/roomEvents": { since: 0 } } },
    });
    expect(await stream.json()).toMatchObject({ method: "notifications/room/event", params: { _meta: { "io.modelcontextprotocol/subscriptionId": "L1" }, seq: 1 } });
    await modern(roomPath(room), "tools/call", { name: "add", arguments: { a: 2, b: 2 } });
    expect(await stream.json()).toMatchObject({ method: "notifications/room/event", params: { _meta: { "io.modelcontextprotocol/subscriptionId": "L1" }, seq: 2 } });
    expect(await stream.json()).toMatchObject({ method: "notifications/resources/updated", params: { _meta: { "io.modelcontextprotocol/subscriptionId": "L1" }, uri: "room://log" } });
    await stream.cancel();
  });
});

describe("legacy sessions beside modern requests", () => {
  it("still get room://log updates through resources/subscribe, and events on their socket", async () => {
    const room = freshRoom();
    const legacy = await TestSocket.open(roomPath(room));
    await legacy.initialize("old");
    await legacy.request("resources/subscribe", { uri: "room://log" });
    await modern(roomPath(room), "tools/call", { name: "add", arguments: { a: 3, b: 4 } });
    const frames = await legacy.until((f) => f.method === "notifications/resources/updated");
    expect(frames.find(isEvent)?.params).toMatchObject({ seq: 1, tool: "add" });
    expect(frames.at(-1)!.params).toEqual({ uri: "room://log" });
    legacy.close();
  });
});

describe("multi round-trip requests", { timeout: 30_000 }, () => {
  const tool = { name: "test_input_required_result_elicitation", arguments: {} };
  const elicit = { capabilities: { elicitation: {} } };
  const answer = { user_name: { action: "accept", content: { name: "Ada" } } };

  it("seal their state to the caller and the call: another caller's, another call's or a changed one is refused", async () => {
    const path = "/conformance/mcp";
    const handleOf = async (name: string) =>
      (await modern(path, "tools/list", {}, { meta: { "dev.math-mcp/participant": { name } } })).body.result._meta["dev.math-mcp/participant"];
    const [ada, bob] = await Promise.all([handleOf("ada"), handleOf("bob")]);
    const asAda = { ...elicit, meta: { "dev.math-mcp/participant": ada } };
    const first = await modern(path, "tools/call", tool, asAda);
    expect(first.body.result).toMatchObject({ resultType: "input_required", inputRequests: { user_name: { method: "elicitation/create" } } });
    const state = first.body.result.requestState as string;
    expect(state.startsWith("c-modern.")).toBe(true);
    expect(state).not.toMatch(/Ada|user_name/); // sealed: nothing of the call can be read off it
    const retry = (params: Record<string, unknown>, options = asAda) => modern(path, "tools/call", { ...tool, inputResponses: answer, ...params }, options);
    expect((await retry({ requestState: state })).body.result.content[0].text).toBe("Hello, Ada!");
    expect((await retry({ requestState: state }, { ...elicit, meta: { "dev.math-mcp/participant": bob } })).body.error).toMatchObject({ code: -32602, message: expect.stringMatching(/integrity/) });
    expect((await retry({ name: "test_input_required_result_tampered_state", requestState: state })).body.error.code).toBe(-32602);
    expect((await retry({ requestState: `${state.slice(0, -2)}AA` })).body.error.code).toBe(-32602);
  });

  it("ask only for what the request declared it can give: else -32021 naming the capability", async () => {
    const refused = await modern("/conformance/mcp", "tools/call", tool);
    expect(refused).toMatchObject({ status: 400, body: { error: { code: -32021, data: { requiredCapabilities: { elicitation: {} } } } } });
  });
});

describe("presence", { timeout: 30_000 }, () => {
  it("counts a modern HTTP client as present while its listen follows the room", async () => {
    const room = freshRoom();
    const watcher = await TestSocket.open(roomPath(room));
    await watcher.initialize("watcher");
    const listen = await modernPost(roomPath(room), "subscriptions/listen", { notifications: { "dev.math-mcp/roomEvents": true } }, { clientName: "listener" });
    const stream = new SseReader(listen);
    await stream.json(); // the acknowledgment
    let joined = await watcher.nextPresence();
    while (joined.participant.name !== "listener") joined = await watcher.nextPresence();
    expect(joined).toMatchObject({ event: "joined", participant: { name: "listener", kind: "http" } });
    await stream.cancel();
    expect(await watcher.nextPresence()).toMatchObject({ event: "left", participant: { name: "listener" } });
    watcher.close();
  });
});

describe("limits", { timeout: 30_000 }, () => {
  it("holds at most MAX_CONNECTIONS_PER_ROOM listens open in a room (4 here), like sockets", async () => {
    const room = freshRoom();
    const listen = () => modernPost(roomPath(room), "subscriptions/listen", { notifications: { resourceSubscriptions: ["room://log"] } });
    const open = await Promise.all(Array.from({ length: 4 }, async () => {
      const stream = new SseReader(await listen());
      await stream.json();
      return stream;
    }));
    const refused = await listen();
    expect(await refused.json()).toMatchObject({ error: { code: -32600, message: expect.stringMatching(/holds 4 listens/) } });
    await open[0]!.cancel();
    await expect.poll(async () => (await listen()).headers.get("Content-Type")).toMatch(/text\/event-stream/);
    await Promise.all(open.slice(1).map((s) => s.cancel()));
  });
});
