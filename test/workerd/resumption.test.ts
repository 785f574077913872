/**
 * MCP WebSocket sessions outlive their sockets (after SEP-1288): resumption with ?session=, answers not
 * run twice, and heartbeats answered without waking the room.
 */
import { env } from "cloudflare:workers";
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { HEARTBEAT_PING, HEARTBEAT_PONG } from "../../shared/events.ts";
import { isEvent, roomPath, TestSocket } from "./socket.ts";

let counter = 0;
const freshRoom = () => `resume-${Date.now().toString(36)}-${counter++}`;

describe("resumption", () => {
  it("names the session in the first frame, with an unguessable id bound to the room", async () => {
    const room = freshRoom();
    const socket = await TestSocket.open(roomPath(room));
    expect(socket.session).toEqual({ sessionId: expect.stringMatching(new RegExp(`^${room}\\.[\\w-]{22}$`)), resumed: false, lastSeq: 0, access: "write" });
    socket.close();
  });

  it("gives a returning client its session back: no initialize, same name and log level", async () => {
    const room = freshRoom();
    const first = await TestSocket.open(roomPath(room));
    await first.initialize("returner");
    await first.request("logging/setLevel", { level: "debug" });
    first.close();
    await first.closed;

    const second = await TestSocket.open(roomPath(room, `?session=${first.session!.sessionId}`));
    expect(second.session).toEqual({ sessionId: first.session!.sessionId, resumed: true, lastSeq: 0, access: "write" });
    const { response, before } = await second.request("tools/call", { name: "add", arguments: { a: 1, b: 2 } });
    expect(response.result.structuredContent).toEqual({ value: 3 });
    expect(before.find(isEvent)?.params.by).toBe("returner");
    expect(before.some((f) => f.method === "notifications/message")).toBe(true);
    second.close();
  });

  it("resumes across an eviction of the room too", async () => {
    const room = freshRoom();
    const first = await TestSocket.open(roomPath(room));
    await first.initialize("survivor");
    first.close();
    await first.closed;
    await evictDurableObject(env.Room.get(env.Room.idFromName(room))).catch(() => {});
    const second = await TestSocket.open(roomPath(room, `?session=${first.session!.sessionId}`));
    expect(second.session?.resumed).toBe(true);
    expect((await second.request("tools/list")).response.result.tools.length).toBeGreaterThan(0);
    second.close();
  });

  it("closes the old socket of a resumed session with 1000", async () => {
    const room = freshRoom();
    const first = await TestSocket.open(roomPath(room));
    await first.initialize();
    const second = await TestSocket.open(roomPath(room, `?session=${first.session!.sessionId}`));
    const closed = await first.closed;
    expect(closed.code).toBe(1000);
    expect(second.session?.resumed).toBe(true);
    second.close();
  });

  it("answers a retransmitted call from the log instead of running it again", async () => {
    const room = freshRoom();
    const first = await TestSocket.open(roomPath(room));
    await first.initialize();
    const original = await first.request("tools/call", { name: "add", arguments: { a: 40, b: 2 } });
    first.close();
    await first.closed;
    const second = await TestSocket.open(roomPath(room, `?session=${first.session!.sessionId}&since=1`));
    await second.next(); // the replay header: nothing after seq 1
    // The same request id again, as a client does when it cannot tell whether its answer arrived.
    second.ws.send(JSON.stringify({ jsonrpc: "2.0", id: original.response.id, method: "tools/call", params: { name: "add", arguments: { a: 40, b: 2 } } }));
    const again = await second.next();
    expect(again).toEqual(original.response);
    // Nothing ran: the next call makes event 2, not 3.
    const { before } = await second.request("tools/call", { name: "add", arguments: { a: 1, b: 1 } });
    expect(before.find(isEvent)?.params.seq).toBe(2);
    second.close();
  });

  it("answers a retransmitted call from storage after the room was evicted (the session's past is read once), and on its own socket from memory", async () => {
    const room = freshRoom();
    const first = await TestSocket.open(roomPath(room));
    await first.initialize();
    const original = await first.request("tools/call", { name: "multiply", arguments: { a: 6, b: 7 } });
    // The same id again on the same socket: answered again, not run again.
    first.ws.send(JSON.stringify({ jsonrpc: "2.0", id: original.response.id, method: "tools/call", params: { name: "multiply", arguments: { a: 6, b: 7 } } }));
    expect(await first.next()).toEqual(original.response);
    first.close();
    await first.closed;
    await evictDurableObject(env.Room.get(env.Room.idFromName(room))).catch(() => {});
    const second = await TestSocket.open(roomPath(room, `?session=${first.session!.sessionId}&since=1`));
    expect(second.session).toMatchObject({ resumed: true });
    await second.next(); // the replay header: nothing after seq 1
    second.ws.send(JSON.stringify({ jsonrpc: "2.0", id: original.response.id, method: "tools/call", params: { name: "multiply", arguments: { a: 6, b: 7 } } }));
    expect(await second.next()).toEqual(original.response);
    const { before } = await second.request("tools/call", { name: "add", arguments: { a: 1, b: 1 } });
    expect(before.find(isEvent)?.params.seq).toBe(2);
    second.close();
  });

  it("starts a new session for an unknown session id, or one from another room", async () => {
    const room = freshRoom();
    const unknown = await TestSocket.open(roomPath(room, `?session=${room}.nope`));
    expect(unknown.session).toMatchObject({ resumed: false });
    const elsewhere = await TestSocket.open(roomPath(freshRoom(), `?session=${unknown.session!.sessionId}`));
    expect(elsewhere.session?.resumed).toBe(false);
    expect(elsewhere.session?.sessionId).not.toBe(unknown.session!.sessionId);
    unknown.close();
    elsewhere.close();
  });
});

describe("heartbeat", () => {
  it("answers the heartbeat frame with the pong frame", async () => {
    const socket = await TestSocket.open(roomPath(freshRoom()));
    socket.sendRaw(HEARTBEAT_PING);
    expect(JSON.stringify(await socket.next())).toBe(HEARTBEAT_PONG);
    socket.close();
  });
});
