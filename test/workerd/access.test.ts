/**
 * Keyed rooms (POST /rooms): a writer key to act, a viewer link to watch; no key, no entry.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { initializeBody, post, request } from "./http-client.ts";
import { isEvent, roomPath, TestSocket } from "./socket.ts";

async function keyedRoom() {
  const response = await request("/rooms", { method: "POST" });
  expect(response.status).toBe(201);
  return (await response.json()) as { room: string; writerKey: string; viewerKey: string; mcp: string; links: { writer: string; viewer: string } };
}

describe("keyed rooms", () => {
  it("creates a room with 128 random bits in its id, a writer key and a viewer link", async () => {
    const created = await keyedRoom();
    expect(created.room).toMatch(/^r-[\w-]{22}$/);
    expect(created.writerKey).toMatch(/^[\w-]{22}$/);
    expect(created.viewerKey).not.toBe(created.writerKey);
    expect(created.links.viewer).toBe(`http://room.test/?room=${created.room}&key=${created.viewerKey}`);
  });

  it("lets no one in without a key, or with a wrong one", async () => {
    const { room } = await keyedRoom();
    for (const path of [roomPath(room), roomPath(room, "?key=guess")]) {
      const socket = await exports.default.fetch(`http://room.test${path}`, { headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": "mcp" } });
      expect(socket.status).toBe(403);
      expect(await socket.json()).toMatchObject({ error: expect.stringMatching(/Forbidden/) });
    }
    expect((await post(roomPath(room), initializeBody())).status).toBe(403);
  });

  it("lets a viewer see the log and presence but not call tools", async () => {
    const { room, writerKey, viewerKey } = await keyedRoom();
    const writer = await TestSocket.open(roomPath(room, `?key=${writerKey}&name=writer`));
    await writer.initialize();
    const viewer = await TestSocket.open(roomPath(room, `?key=${viewerKey}&name=viewer&since=0`));
    expect(viewer.session?.access).toBe("read");
    await viewer.next(); // the replay header
    await viewer.initialize();
    const refused = (await viewer.request("tools/call", { name: "add", arguments: { a: 1, b: 1 } })).response;
    expect(refused.error).toMatchObject({ code: -32003, message: expect.stringMatching(/Read-only/) });
    await writer.request("tools/call", { name: "add", arguments: { a: 2, b: 2 } });
    const [seen] = (await viewer.until(isEvent)).filter(isEvent);
    expect(seen!.params).toMatchObject({ seq: 1, by: "writer" }); // The refused call left no event.
    expect(writer.presence.map((p) => p.participant.name)).toEqual(expect.arrayContaining(["writer", "viewer"]));
    writer.close();
    viewer.close();
  });

  it("binds an HTTP session to the key it started with", async () => {
    const { room, viewerKey } = await keyedRoom();
    const init = await post(roomPath(room), initializeBody(), { "Mcp-Room-Key": viewerKey });
    expect(init.status).toBe(200);
    const sessionId = init.headers.get("Mcp-Session-Id")!;
    const call = await post(roomPath(room), { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "add", arguments: { a: 1, b: 1 } } }, { "Mcp-Session-Id": sessionId });
    expect(await call.json()).toMatchObject({ error: { code: -32003 } });
  });
});
