/**
 * One admission for every way into a room: a keyed room (POST /rooms) is walked through each entry
 * path — MCP over WebSocket, MCP over Streamable HTTP (by room and by session on /mcp), the seed API's
 * HTTP call and its socket, and the modern era's stateless requests over HTTP and sockets — with no key,
 * a wrong key, the viewer key and the writer key. Nobody without
 * a key reads or writes; a viewer reads (log, resources, subscriptions, live events) but never writes;
 * the writer does both.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ACCEPT_BOTH, initializeBody, ORIGIN, post, request } from "./http-client.ts";
import { modern, modernPost } from "./modern-client.ts";
import { isEvent, roomPath, TestSocket } from "./socket.ts";

type Keys = { room: string; writerKey: string; viewerKey: string };
type Who = "none" | "wrong" | "viewer" | "writer";
const WHO: Who[] = ["none", "wrong", "viewer", "writer"];

async function keyedRoom(): Promise<Keys> {
  return (await (await request("/rooms", { method: "POST" })).json()) as Keys;
}

const keyOf = (keys: Keys, who: Who) => ({ none: undefined, wrong: "not-the-key", viewer: keys.viewerKey, writer: keys.writerKey })[who];
const query = (key: string | undefined, extra = "") => (key ? `?key=${encodeURIComponent(key)}${extra ? `&${extra}` : ""}` : extra ? `?${extra}` : "");
const keyHeader = (key: string | undefined): Record<string, string> => (key ? { "Mcp-Room-Key": key } : {});

/** The room's log as the writer sees it: what the others did (or did not) leave there. */
async function logOf(keys: Keys): Promise<{ tool: string; arguments: Record<string, unknown> }[]> {
  const socket = await TestSocket.open(roomPath(keys.room, query(keys.writerKey)));
  await socket.initialize("auditor");
  const { response } = await socket.request("resources/read", { uri: "room://log" });
  socket.close();
  return JSON.parse(response.result.contents[0].text).events;
}

/** Opens a socket, or answers the HTTP status of its refusal. */
async function upgrade(path: string, protocol?: string): Promise<{ status: number; ws?: WebSocket; body?: string }> {
  const response = await exports.default.fetch(`${ORIGIN}${path}`, {
    headers: { Upgrade: "websocket", ...(protocol ? { "Sec-WebSocket-Protocol": protocol } : {}) },
  });
  if (response.status !== 101) return { status: response.status, body: await response.text() };
  response.webSocket!.accept();
  return { status: 101, ws: response.webSocket! };
}

describe("every entry path into a keyed room applies the same admission", { timeout: 30_000 }, () => {
  it("MCP over WebSocket: no key and a wrong key are refused; a viewer reads and is refused writes; the writer writes", async () => {
    const keys = await keyedRoom();
    for (const who of WHO) {
      const key = keyOf(keys, who);
      if (who === "none" || who === "wrong") {
        const refused = await upgrade(roomPath(keys.room, query(key)), "mcp");
        expect(refused.status, who).toBe(403);
        expect(JSON.parse(refused.body!).error, who).toMatch(/^Forbidden/);
        continue;
      }
      const socket = await TestSocket.open(roomPath(keys.room, query(key, "since=0")));
      expect(socket.session?.access, who).toBe(who === "viewer" ? "read" : "write");
      await socket.next(); // the replay header
      await socket.initialize(who);
      const read = await socket.request("resources/read", { uri: "room://log" });
      expect(read.response.result.contents[0].uri, who).toBe("room://log");
      expect((await socket.request("resources/subscribe", { uri: "room://log" })).response.result, who).toEqual({});
      const call = (await socket.request("tools/call", { name: "add", arguments: { a: 1, b: 2 } })).response;
      if (who === "viewer") expect(call.error, who).toMatchObject({ code: -32003, message: expect.stringMatching(/Read-only/) });
      else expect(call.result.structuredContent, who).toEqual({ value: 3 });
      socket.close();
    }
    expect((await logOf(keys)).map((e) => e.tool)).toEqual(["add"]);
  });

  it("MCP over Streamable HTTP, by room and by session id on /mcp: the session keeps the access it entered with", async () => {
    const keys = await keyedRoom();
    for (const who of WHO) {
      const key = keyOf(keys, who);
      for (const how of ["header", "query"] as const) {
        const init = await post(roomPath(keys.room, how === "query" ? query(key) : ""), initializeBody(), how === "header" ? keyHeader(key) : {});
        if (who === "none" || who === "wrong") {
          expect(init.status, `${who} ${how}`).toBe(403);
          expect(((await init.json()) as { error: unknown }).error, who).toBeDefined();
          continue;
        }
        expect(init.status, `${who} ${how}`).toBe(200);
        const session = { "Mcp-Session-Id": init.headers.get("Mcp-Session-Id")! };
        await post(roomPath(keys.room), { jsonrpc: "2.0", method: "notifications/initialized" }, session);
        // The same session, reached through /mcp by its id, is bound the same way.
        for (const [i, path] of [roomPath(keys.room), "/mcp"].entries()) {
          const read = (await (await post(path, { jsonrpc: "2.0", id: 10 + i, method: "resources/read", params: { uri: "room://variables" } }, session)).json()) as any;
          expect(read.result.contents[0].uri, `${who} ${path}`).toBe("room://variables");
          const call = (await (await post(path, { jsonrpc: "2.0", id: 20 + i, method: "tools/call", params: { name: "evaluate", arguments: { expression: `${who}_${how} = 1` } } }, session)).json()) as any;
          if (who === "viewer") expect(call.error, `${who} ${path}`).toMatchObject({ code: -32003 });
          else expect(call.result.isError, `${who} ${path}`).toBeUndefined();
        }
      }
    }
    const assigned = (await logOf(keys)).map((e) => e.arguments.expression);
    expect(assigned).toEqual(["writer_header = 1", "writer_header = 1", "writer_query = 1", "writer_query = 1"]);
  });

  it("the seed API's HTTP call: refused without a key, read-only for a viewer, writes for the writer (key by header, query or body)", async () => {
    const keys = await keyedRoom();
    const seed = (body: Record<string, unknown>, headers: Record<string, string> = {}, search = "") =>
      request(`/mcp${search}`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ agentId: keys.room, ...body }) });
    const add = { request: { method: "add", params: { a: 2, b: 2 } } };
    for (const who of WHO) {
      const key = keyOf(keys, who);
      const ways = [seed(add, keyHeader(key)), seed(add, {}, query(key)), seed({ ...add, ...(key ? { key } : {}) })];
      for (const response of await Promise.all(ways)) {
        const body = (await response.json()) as { result?: unknown; error?: string };
        if (who === "writer") {
          expect(response.status).toBe(200);
          expect(body.result).toEqual({ result: 4, operation: "add", a: 2, b: 2 });
        } else {
          expect(response.status, who).toBe(403);
          expect(body.error, who).toMatch(who === "viewer" ? /viewer key only watches/ : /^Forbidden/);
        }
      }
      const discover = await seed({ request: { method: "discover" } }, keyHeader(key));
      expect(discover.status, who).toBe(who === "none" || who === "wrong" ? 403 : 200);
    }
    // The seed's `variables clear` of the report, as a viewer: refused, and the room's variables stay.
    await seed({ request: { method: "evaluate", params: { expression: "kept = 7" } } }, keyHeader(keys.writerKey));
    const clear = await seed({ request: { method: "variables", params: { action: "clear" } } }, keyHeader(keys.viewerKey));
    expect(clear.status).toBe(403);
    expect((await logOf(keys)).map((e) => e.tool)).toEqual(["add", "add", "add", "evaluate"]);
  });

  it("the seed API's socket: refused without a key; a viewer sees events and is refused calls; the writer calls", async () => {
    const keys = await keyedRoom();
    for (const who of WHO) {
      const key = keyOf(keys, who);
      const opened = await upgrade(`/agent/${keys.room}/websocket${query(key)}`);
      if (who === "none" || who === "wrong") {
        expect(opened.status, who).toBe(403);
        continue;
      }
      const frames: any[] = [];
      const waiters: (() => void)[] = [];
      opened.ws!.addEventListener("message", (e) => {
        frames.push(JSON.parse(e.data as string));
        waiters.shift()?.();
      });
      const until = async (match: (f: any) => boolean) => {
        while (!frames.some(match)) await new Promise<void>((resolve) => waiters.push(resolve));
        return frames.find(match);
      };
      expect(await until((f) => f.type === "connected")).toMatchObject({ agentId: keys.room });
      opened.ws!.send(JSON.stringify({ type: "mcp_request", request: { method: "variables", params: { action: "clear" } }, requestId: who }));
      const answer = await until((f) => f.requestId === who);
      if (who === "viewer") {
        expect(answer).toMatchObject({ type: "error", error: expect.stringMatching(/Read-only/) });
        // A viewer still sees what the writer does, live.
        const writer = await TestSocket.open(roomPath(keys.room, query(keys.writerKey)));
        await writer.initialize("writer");
        await writer.request("tools/call", { name: "add", arguments: { a: 5, b: 5 } });
        writer.close();
        expect(await until((f) => f.type === "notification" && f.payload.tool === "add")).toMatchObject({ payload: { by: "writer" } });
      } else {
        expect(answer).toMatchObject({ type: "mcp_response" });
        expect(await until((f) => f.type === "notification" && f.payload.tool === "variables")).toBeDefined();
      }
      opened.ws!.close();
    }
    expect((await logOf(keys)).map((e) => e.tool)).toEqual(["add", "variables"]);
  });

  it("rooms made by POST /rooms exist only once made: an unknown keyed id is not found on any path", async () => {
    const ghost = "r-AAAAAAAAAAAAAAAAAAAAAA";
    expect((await upgrade(roomPath(ghost), "mcp")).status).toBe(404);
    expect((await post(roomPath(ghost), initializeBody())).status).toBe(404);
    expect((await upgrade(`/agent/${ghost}/websocket`)).status).toBe(404);
    const call = await request("/mcp", { method: "POST", headers: { "Content-Type": "application/json", Accept: ACCEPT_BOTH }, body: JSON.stringify({ agentId: ghost, request: { method: "add", params: { a: 1, b: 1 } } }) });
    expect(call.status).toBe(404);
  });

  it("open rooms (joined by name) stay open on every path", async () => {
    const room = `open-${crypto.randomUUID()}`;
    const socket = await TestSocket.open(roomPath(room));
    await socket.initialize("anyone");
    expect(socket.session?.access).toBe("write");
    expect((await socket.request("tools/call", { name: "add", arguments: { a: 1, b: 1 } })).response.result.structuredContent).toEqual({ value: 2 });
    socket.close();
    const seed = await request("/mcp", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ agentId: room, request: { method: "add", params: { a: 1, b: 1 } } }) });
    expect(seed.status).toBe(200);
    expect((await socket.closed).code).toBe(1000);
  });
});

describe("the modern era (2026-07-28) is admitted exactly as the legacy one", { timeout: 30_000 }, () => {
  it("over Streamable HTTP: no key and a wrong key are refused; a viewer reads, lists and listens, and is refused writes", async () => {
    const keys = await keyedRoom();
    for (const who of WHO) {
      const headers = keyHeader(keyOf(keys, who));
      const read = await modern(roomPath(keys.room), "resources/read", { uri: "room://log" }, { headers });
      const call = await modern(roomPath(keys.room), "tools/call", { name: "add", arguments: { a: 1, b: 2 } }, { headers });
      if (who === "none" || who === "wrong") {
        expect([read.status, call.status], who).toEqual([403, 403]);
        // A listen would follow the room's events: refused as well, before any stream opens.
        const listen = await modernPost(roomPath(keys.room), "subscriptions/listen", { notifications: { "dev.math-mcp/roomEvents": { since: 0 } } }, { headers });
        expect(listen.status, who).toBe(403);
        await listen.body?.cancel();
        continue;
      }
      expect(read.body.result.contents[0].uri, who).toBe("room://log");
      const listen = await modernPost(roomPath(keys.room), "subscriptions/listen", { notifications: { "dev.math-mcp/roomEvents": { since: 0 } } }, { headers });
      expect(listen.status, who).toBe(200);
      await listen.body?.cancel();
      if (who === "viewer") expect(call.body.error, who).toMatchObject({ code: -31403 });
      else expect(call.body.result.structuredContent, who).toEqual({ value: 3 });
    }
    expect((await logOf(keys)).map((e) => e.tool)).toEqual(["add"]);
  });

  it("over a WebSocket: modern frames carry the access the socket entered with", async () => {
    const keys = await keyedRoom();
    for (const who of ["viewer", "writer"] as const) {
      const socket = await TestSocket.open(roomPath(keys.room, query(keyOf(keys, who))));
      expect((await socket.modern("resources/read", { uri: "room://log" })).response.result.contents[0].uri, who).toBe("room://log");
      const call = (await socket.modern("tools/call", { name: "add", arguments: { a: 2, b: 2 } })).response;
      if (who === "viewer") expect(call.error, who).toMatchObject({ code: -31403 });
      else expect(call.result.structuredContent, who).toEqual({ value: 4 });
      socket.close();
    }
    expect((await logOf(keys)).map((e) => e.arguments)).toEqual([{ a: 2, b: 2 }]);
  });

  it("on /mcp, a modern request cannot name a keyed room as its own (only the private rooms /mcp opened)", async () => {
    const keys = await keyedRoom();
    const call = await modern("/mcp", "tools/call", { name: "add", arguments: { a: 1, b: 1 } }, { meta: { "dev.math-mcp/room": keys.room } });
    expect(call.body.error).toMatchObject({ code: -32602, message: expect.stringMatching(/private room/) });
    expect(await logOf(keys)).toEqual([]);
  });
});

describe("the room's own record of who may do what cannot be forged", () => {
  it("ignores an access header a client sends, on every path", async () => {
    const keys = await keyedRoom();
    const forged = { "x-math-mcp-access": "write" };
    expect((await exports.default.fetch(`${ORIGIN}${roomPath(keys.room)}`, { headers: { Upgrade: "websocket", ...forged } })).status).toBe(403);
    expect((await post(roomPath(keys.room), initializeBody(), forged)).status).toBe(403);
    const viewerInit = await post(roomPath(keys.room), initializeBody(), { ...forged, "Mcp-Room-Key": keys.viewerKey });
    const session = { "Mcp-Session-Id": viewerInit.headers.get("Mcp-Session-Id")!, ...forged };
    const call = (await (await post(roomPath(keys.room), { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "add", arguments: { a: 1, b: 1 } } }, session)).json()) as any;
    expect(call.error).toMatchObject({ code: -32003 });
  });
});
