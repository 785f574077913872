/**
 * Modern requests on our WebSocket binding inside workerd: classified frame by frame, served before
 * (and without) initialize, answered once per request id in the socket's session, with listens that
 * carry the room's events on the socket, beside legacy sessions in the same room.
 */
import { describe, expect, it } from "vitest";
import { isEvent, roomPath, TestSocket } from "./socket.ts";
import type { Frame } from "./socket.ts";

let counter = 0;
const freshRoom = () => `msock-${Date.now().toString(36)}-${counter++}`;
const SUBSCRIPTION = "io.modelcontextprotocol/subscriptionId";

describe("modern frames on a socket", { timeout: 30_000 }, () => {
  it("are served before and without initialize, beside the legacy session of the same socket", async () => {
    const socket = await TestSocket.open(roomPath(freshRoom()));
    const discover = await socket.modern("server/discover");
    expect(discover.response.result).toMatchObject({ resultType: "complete", supportedVersions: ["2026-07-28"] });
    const legacyRefused = await socket.request("tools/list");
    expect(legacyRefused.response.error).toMatchObject({ code: -32600, message: expect.stringMatching(/not initialized/) });
    const call = await socket.modern("tools/call", { name: "add", arguments: { a: 1, b: 2 } });
    expect(call.response.result).toMatchObject({ resultType: "complete", structuredContent: { value: 3 } });
    const unsupported = await socket.modern("tools/list", {}, { meta: { "io.modelcontextprotocol/protocolVersion": "1900-01-01" } });
    expect(unsupported.response.error).toMatchObject({ code: -32022, data: { supported: ["2026-07-28"], requested: "1900-01-01" } });
    expect((await socket.modern("ping")).response.error.code).toBe(-32601);
    socket.close();
  });

  it("answers a retransmitted request id with the first answer, and runs it once", async () => {
    const room = freshRoom();
    const socket = await TestSocket.open(roomPath(room));
    const first = await socket.modern("tools/call", { name: "multiply", arguments: { a: 6, b: 7 } }, { id: "once" });
    const again = await socket.modern("tools/call", { name: "multiply", arguments: { a: 6, b: 7 } }, { id: "once" });
    expect(again.response).toEqual(first.response);
    const log = await socket.modern("resources/read", { uri: "room://log" });
    expect(JSON.parse(log.response.result.contents[0].text).events).toHaveLength(1);
    socket.close();
  });

  it("carries a listen's notifications, tagged, instead of the untagged broadcast; cancelling it brings the broadcast back", async () => {
    const room = freshRoom();
    const modern = await TestSocket.open(roomPath(room));
    const legacy = await TestSocket.open(roomPath(room));
    await legacy.initialize("legacy");
    modern.ws.send(JSON.stringify({
      jsonrpc: "2.0",
      id: "listen",
      method: "subscriptions/listen",
      params: {
        notifications: { "dev.math-mcp/roomEvents": true, resourceSubscriptions: ["room://variables"] },
        _meta: { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} },
      },
    }));
    expect(await modern.next()).toMatchObject({ method: "notifications/subscriptions/acknowledged", params: { _meta: { [SUBSCRIPTION]: "listen" } } });
    await legacy.request("tools/call", { name: "evaluate", arguments: { expression: "x = 2" } });
    // The variable changes while the call runs; its event follows when the call ends.
    const seen: Frame[] = await modern.until(isEvent);
    expect(seen.map((f) => f.method)).toEqual(["notifications/resources/updated", "notifications/room/event"]);
    expect(seen[0]!.params).toEqual({ _meta: { [SUBSCRIPTION]: "listen" }, uri: "room://variables" });
    expect(seen[1]!.params).toMatchObject({ _meta: { [SUBSCRIPTION]: "listen" }, seq: 1, by: "legacy" });
    modern.ws.send(JSON.stringify({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: "listen" } }));
    await legacy.request("tools/call", { name: "add", arguments: { a: 1, b: 1 } });
    const after = await modern.until(isEvent);
    expect(after.at(-1)!.params).toMatchObject({ seq: 2 });
    expect(after.at(-1)!.params._meta).toBeUndefined();
    modern.close();
    legacy.close();
  });

  it("makes the socket a participant, named by its client, and rate-limits its frames with -31429", async () => {
    const room = freshRoom();
    const watcher = await TestSocket.open(roomPath(room));
    await watcher.initialize("watcher");
    const modern = await TestSocket.open(roomPath(room, "?name=Ada"));
    await modern.modern("tools/list");
    let joined = await watcher.nextPresence();
    while (joined.participant.name !== "Ada") joined = await watcher.nextPresence();
    expect(joined).toMatchObject({ event: "joined", participant: { name: "Ada", kind: "websocket", client: "modern-socket" } });
    const _meta = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} };
    for (let i = 0; i < 80; i++) modern.ws.send(JSON.stringify({ jsonrpc: "2.0", id: `r${i}`, method: "tools/list", params: { _meta } }));
    const limited = await modern.until((f) => f.error?.code === -31429);
    expect(limited.at(-1)!.error.data.retryAfterMs).toBeGreaterThan(0);
    modern.close();
    watcher.close();
  });
});

describe("a viewer link's socket", { timeout: 30_000 }, () => {
  it("reads with modern requests, and its modern tools/call is refused with -31403 (never a reserved code)", async () => {
    const { request } = await import("./http-client.ts");
    const keys = (await (await request("/rooms", { method: "POST" })).json()) as { room: string; viewerKey: string };
    const viewer = await TestSocket.open(roomPath(keys.room, `?key=${keys.viewerKey}`));
    expect(viewer.session?.access).toBe("read");
    expect((await viewer.modern("tools/list")).response.result.tools.length).toBeGreaterThan(0);
    const refused = await viewer.modern("tools/call", { name: "add", arguments: { a: 1, b: 1 } });
    expect(refused.response.error).toMatchObject({ code: -31403, message: expect.stringMatching(/viewer/) });
    viewer.close();
  });
});
