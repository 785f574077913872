/**
 * The room inside workerd: upgrade, the log, replay, broadcast, malformed frames, hibernation.
 */
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { isEvent, roomPath, TestSocket } from "./socket.ts";

let roomCounter = 0;
const freshRoom = () => `room-${Date.now().toString(36)}-${roomCounter++}`;

describe("upgrade", () => {
  it("answers the mcp subprotocol in the 101, as browsers require", async () => {
    const socket = await TestSocket.open(roomPath(freshRoom()));
    expect(socket.protocol).toBe("mcp");
    socket.close();
  });

  it("accepts a socket that asks for no subprotocol (scripts, wscat)", async () => {
    const socket = await TestSocket.open(roomPath(freshRoom()), null);
    expect((await socket.initialize()).result.protocolVersion).toBe("2025-11-25");
    socket.close();
  });

  it.each([
    ["a subprotocol other than mcp", roomPath("ok"), "graphql-ws", /subprotocol/],
    ["a room name with a dot", roomPath("a.b"), "mcp", /Invalid room name/],
    ["a negative since", roomPath("ok", "?since=-1"), "mcp", /since must be a non-negative integer/],
    ["a since that is not a number", roomPath("ok", "?since=abc"), "mcp", /since/],
  ])("refuses %s with 400 and a message", async (_what, path, protocol, message) => {
    const response = await exports.default.fetch(`http://room.test${path}`, {
      headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": protocol },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it("answers a plain GET on the room URL as Streamable HTTP: 406 without Accept: text/event-stream", async () => {
    const response = await exports.default.fetch(`http://room.test${roomPath(freshRoom())}`);
    expect(response.status).toBe(406);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringMatching(/text\/event-stream/) } });
  });
});

describe("frames", () => {
  it("answers a malformed frame with -32700 and the same socket keeps working", async () => {
    const socket = await TestSocket.open(roomPath(freshRoom()));
    await socket.initialize();
    socket.sendRaw("{not json");
    expect(await socket.next()).toEqual({
      jsonrpc: "2.0",
      id: null,
      error: { code: -32700, message: "Parse error: the frame is not valid JSON" },
    });
    socket.sendRaw(new TextEncoder().encode("{}").buffer as ArrayBuffer);
    expect(await socket.next()).toMatchObject({ id: null, error: { code: -32700 } });
    const { response } = await socket.request("tools/call", { name: "add", arguments: { a: 1, b: 2 } });
    expect(response.result.structuredContent).toEqual({ value: 3 });
    socket.close();
  });

  it("keeps other sockets of the room untouched by one socket's garbage", async () => {
    const room = freshRoom();
    const good = await TestSocket.open(roomPath(room));
    const bad = await TestSocket.open(roomPath(room));
    await good.initialize();
    for (const garbage of ["", "null", "[]", "\u0000", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":1}"]) bad.sendRaw(garbage);
    for (let i = 0; i < 5; i++) expect((await bad.next()).error.code).toBeLessThan(-32599);
    expect((await good.request("ping")).response.result).toEqual({});
    good.close();
    bad.close();
  });
});

describe("the log", () => {
  it("sends every event to every participant, the caller included, in order", async () => {
    const room = freshRoom();
    const alice = await TestSocket.open(roomPath(room, "?name=alice"));
    const bob = await TestSocket.open(roomPath(room));
    await alice.initialize();
    await bob.initialize("bob-client");
    const { before: aliceBefore } = await alice.request("tools/call", { name: "add", arguments: { a: 2, b: 3 } });
    const { before: bobBefore } = await bob.request("tools/call", { name: "sqrt", arguments: { value: -1 } });
    const aliceSeen = [...aliceBefore, await alice.next()].filter(isEvent).map((e) => e.params);
    const bobSeen = bobBefore.filter(isEvent).map((e) => e.params);
    expect(aliceSeen).toEqual(bobSeen);
    expect(bobSeen).toEqual([
      expect.objectContaining({ seq: 1, by: "alice", tool: "add", arguments: { a: 2, b: 3 }, result: expect.objectContaining({ structuredContent: { value: 5 } }) }),
      expect.objectContaining({ seq: 2, by: "bob-client", tool: "sqrt", error: { message: expect.stringMatching(/must not be negative/) } }),
    ]);
    expect(bobSeen[1]).not.toHaveProperty("result");
    alice.close();
    bob.close();
  });

  it("replays with ?since= exactly the events after SEQ, then live ones, with no gap or duplicate", async () => {
    const room = freshRoom();
    const caller = await TestSocket.open(roomPath(room));
    await caller.initialize();
    for (let i = 1; i <= 3; i++) await caller.request("tools/call", { name: "add", arguments: { a: i, b: 0 } });
    const late = await TestSocket.open(roomPath(room, "?since=1"));
    expect(await late.next()).toMatchObject({ method: "notifications/room/replay", params: { since: 1, from: 2, through: 3, truncated: false } });
    expect([(await late.next()).params.seq, (await late.next()).params.seq]).toEqual([2, 3]);
    await caller.request("tools/call", { name: "add", arguments: { a: 4, b: 0 } });
    expect((await late.next()).params).toMatchObject({ seq: 4, arguments: { a: 4, b: 0 } });
    caller.close();
    late.close();
  });

  it("keeps the newest LOG_RETENTION events and tells a client asking for older ones where replay starts", async () => {
    const room = freshRoom();
    const caller = await TestSocket.open(roomPath(room));
    await caller.initialize();
    for (let i = 1; i <= 8; i++) await caller.request("tools/call", { name: "add", arguments: { a: i, b: 0 } });
    const late = await TestSocket.open(roomPath(room, "?since=0"));
    const frames = await late.until((f) => f.params?.seq === 8);
    expect(frames[0]).toMatchObject({ params: { since: 0, from: 4, through: 8, truncated: true } });
    expect(frames.slice(1).map((f) => f.params.seq)).toEqual([4, 5, 6, 7, 8]);
    const current = await TestSocket.open(roomPath(room, "?since=8"));
    expect(await current.next()).toMatchObject({ params: { since: 8, from: null, through: 8, truncated: false } });
    caller.close();
    late.close();
    current.close();
  });
});

describe("hibernation", () => {
  it("keeps each connection's protocol state and the next seq when the room is evicted", async () => {
    const room = freshRoom();
    const socket = await TestSocket.open(roomPath(room));
    await socket.initialize("hibernator");
    await socket.request("logging/setLevel", { level: "debug" });
    await socket.request("tools/call", { name: "add", arguments: { a: 1, b: 1 } });

    await evictDurableObject(env.Room.get(env.Room.idFromName(room)));

    // Still initialized (no refusal), still at debug level, still named, and seq goes on from 2.
    const { response, before } = await socket.request("tools/call", { name: "add", arguments: { a: 2, b: 2 } });
    expect(response.result.structuredContent).toEqual({ value: 4 });
    expect(before.find(isEvent)?.params).toMatchObject({ seq: 2, by: "hibernator" });
    expect(before.find((f) => f.method === "notifications/message")).toMatchObject({ params: { level: "debug" } });
    socket.close();
  });
});

describe("sessions", () => {
  it("keeps a closed socket's session for resumption, and on start prunes those past the resume window", async () => {
    const room = freshRoom();
    const stub = env.Room.get(env.Room.idFromName(room));
    const kept = await TestSocket.open(roomPath(room));
    await kept.initialize();
    const gone = await TestSocket.open(roomPath(room));
    await gone.initialize();
    gone.close();
    await gone.closed;
    const stored = () =>
      runInDurableObject(stub, (_room, state) =>
        state.storage.sql.exec<{ id: string; state: string }>("SELECT id, state FROM sessions ORDER BY id").toArray(),
      );
    await expect.poll(async () => (await stored()).find((r) => r.id === gone.session!.sessionId)?.state).toMatch(/"detachedAt":\d+/);

    // An orphan: a session whose socket died unseen, last touched long before the resume window.
    await runInDurableObject(stub, (_room, state) => {
      state.storage.sql.exec(`INSERT INTO sessions (id, state, updated_at) VALUES ('${room}.orphan', '{"kind":"websocket"}', 0)`);
    });
    await evictDurableObject(stub);
    await kept.request("ping");
    expect((await stored()).map((r) => r.id).sort()).toEqual([gone.session!.sessionId, kept.session!.sessionId].sort());
    kept.close();
  });
});

describe("room resources", () => {
  it("reads room://log and room://variables, and tells a subscriber when another participant changes the log", async () => {
    const room = freshRoom();
    const reader = await TestSocket.open(roomPath(room));
    const caller = await TestSocket.open(roomPath(room));
    await reader.initialize("reader");
    await caller.initialize("caller");
    expect((await reader.request("resources/list")).response.result.resources.map((r: { uri: string }) => r.uri)).toEqual([
      "room://log",
      "room://variables",
      "room://participants",
    ]);
    await reader.request("resources/subscribe", { uri: "room://log" });
    const { before } = await caller.request("tools/call", { name: "add", arguments: { a: 1, b: 2 } });
    expect(before.filter(isEvent)).toHaveLength(1);
    const seen = await reader.until((f) => f.method === "notifications/resources/updated");
    expect(seen.at(-1)).toMatchObject({ params: { uri: "room://log" } });

    const log = JSON.parse((await reader.request("resources/read", { uri: "room://log" })).response.result.contents[0].text);
    expect(log).toMatchObject({ room, firstSeq: 1, lastSeq: 1, events: [expect.objectContaining({ seq: 1, by: "caller", tool: "add" })] });
    const page = JSON.parse((await reader.request("resources/read", { uri: "room://log/1" })).response.result.contents[0].text);
    expect(page.events).toEqual([]);
    const vars = JSON.parse((await reader.request("resources/read", { uri: "room://variables" })).response.result.contents[0].text);
    expect(vars).toEqual({ room, variables: [] });
    const missing = (await reader.request("resources/read", { uri: "room://nothing" })).response;
    expect(missing.error).toMatchObject({ code: -32002 });
    reader.close();
    caller.close();
  });
});

describe("presence", () => {
  it("tells everyone who joins and leaves, lists participants as a resource, and never shows session ids", async () => {
    const room = freshRoom();
    const host = await TestSocket.open(roomPath(room, "?name=host"));
    await host.initialize();
    expect(await host.nextPresence()).toMatchObject({ event: "joined", participant: { name: "host", kind: "websocket" }, count: 1 });

    const guest = await TestSocket.open(roomPath(room));
    await guest.initialize("guest-agent");
    const joined = await host.nextPresence();
    expect(joined).toEqual({
      event: "joined",
      participant: { id: expect.stringMatching(/^[\w-]{12}$/), name: "guest-agent", kind: "websocket", client: "guest-agent" },
      count: 2,
    });
    expect(JSON.stringify(joined)).not.toContain(guest.session!.sessionId.split(".")[1]);

    const listed = JSON.parse((await host.request("resources/read", { uri: "room://participants" })).response.result.contents[0].text);
    expect(listed.participants.map((p: { name: string }) => p.name).sort()).toEqual(["guest-agent", "host"]);

    guest.close();
    expect(await host.nextPresence()).toMatchObject({ event: "left", participant: { name: "guest-agent" }, count: 1 });
    host.close();
  });
});

describe("after hibernation", () => {
  it("still tells a subscriber that subscribed before the room was evicted", async () => {
    const room = freshRoom();
    const reader = await TestSocket.open(roomPath(room));
    await reader.initialize("reader");
    await reader.request("resources/subscribe", { uri: "room://log" });
    await evictDurableObject(env.Room.get(env.Room.idFromName(room)));
    const caller = await TestSocket.open(roomPath(room));
    await caller.initialize("caller");
    await caller.request("tools/call", { name: "add", arguments: { a: 1, b: 2 } });
    const seen = await reader.until((f) => f.method === "notifications/resources/updated");
    expect(seen.at(-1)).toMatchObject({ params: { uri: "room://log" } });
    reader.close();
    caller.close();
  });
});
