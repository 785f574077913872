/**
 * partyserver acts on headers and query parameters of its own (`x-partykit-*`, `?_pk=`) and answers a
 * failure in them with a stack trace. The Worker passes a room only what the room reads: junk in each of
 * them, on every path into a room, changes nothing and never brings back a stack or an internal path.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { initializeBody, openSession, ORIGIN, post } from "./http-client.ts";
import { roomPath, TestSocket } from "./socket.ts";

const JUNK_HEADERS: Record<string, string> = {
  "x-partykit-props": "{bad",
  "x-partykit-room": "someone-elses-room",
  "x-partykit-namespace": "{bad",
  "x-partykit-jurisdiction": "{bad",
};
const LONG_PK = "x".repeat(300);
/** What a stack trace or an internal path looks like. */
const LEAK = /\bat \S+ \(|file:\/\/|\.(js|ts):\d+|SyntaxError|decodeProps|node_modules/;

async function frames(ws: WebSocket, count: number): Promise<{ texts: string[]; code?: number }> {
  const texts: string[] = [];
  return new Promise((resolve) => {
    ws.addEventListener("message", (e) => {
      texts.push(String(e.data));
      if (texts.length >= count) resolve({ texts });
    });
    ws.addEventListener("close", (e) => resolve({ texts, code: e.code }));
    ws.accept();
  });
}

describe("partyserver's internal headers and parameters never reach a room", () => {
  it("HTTP: junk in each internal header, on each path, is ignored and leaks nothing", async () => {
    const agent = ((await (await exports.default.fetch(`${ORIGIN}/agent`, { method: "POST", body: "{}" })).json()) as { agentId: string }).agentId;
    for (const [name, value] of Object.entries(JUNK_HEADERS)) {
      const room = `junk-${crypto.randomUUID()}`;
      const answers = [
        await post(roomPath(room), initializeBody(), { [name]: value }),
        await post(`${roomPath(room)}?_pk=${LONG_PK}`, initializeBody(), { [name]: value }),
        await post("/mcp", initializeBody(), { [name]: value }),
        await post("/mcp", { agentId: agent, request: { method: "add", params: { a: 1, b: 1 } } }, { [name]: value }),
      ];
      const sessionId = answers[0]!.headers.get("Mcp-Session-Id")!;
      answers.push(await exports.default.fetch(`${ORIGIN}${roomPath(room)}`, { method: "GET", headers: { Accept: "text/event-stream", "Mcp-Session-Id": sessionId, [name]: value, "MCP-Protocol-Version": "2025-11-25" } }));
      for (const answer of answers) {
        expect(answer.status, `${name} ${answer.url}`).toBe(200);
        if (answer.headers.get("Content-Type")?.includes("text/event-stream")) {
          await answer.body!.cancel();
          continue;
        }
        expect(await answer.text(), name).not.toMatch(LEAK);
      }
      // The room is the one the path names, not the one the header names.
      expect(sessionId.startsWith(`${room}.`)).toBe(true);
    }
  });

  it("WebSocket: junk headers and a 300-character ?_pk= open an ordinary socket, with no stack", async () => {
    for (const [name, value] of [...Object.entries(JUNK_HEADERS), ["x-none", "none"] as const]) {
      for (const path of [roomPath(`junk-${crypto.randomUUID()}`, `?_pk=${LONG_PK}`), roomPath(`junk-${crypto.randomUUID()}`)]) {
        const response = await exports.default.fetch(`${ORIGIN}${path}`, { headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": "mcp", [name]: value } });
        expect(response.status, `${name} ${path}`).toBe(101);
        const { texts, code } = await frames(response.webSocket!, 1);
        expect(code, name).toBeUndefined();
        expect(JSON.parse(texts[0]!)).toMatchObject({ method: "notifications/room/session" });
        for (const text of texts) expect(text).not.toMatch(LEAK);
        response.webSocket!.close();
      }
    }
  });

  it("?_pk= does not let a client choose its connection id: two sockets naming the same one keep their own rate budgets", async () => {
    const room = `pk-${crypto.randomUUID()}`;
    const [a, b] = [await TestSocket.open(roomPath(room, "?_pk=chosen")), await TestSocket.open(roomPath(room, "?_pk=chosen"))];
    // The fixture allows a burst of 60 messages per connection: 40 each fit, 80 from one id would not.
    const pings = async (socket: TestSocket) => {
      const answers = await Promise.all(Array.from({ length: 40 }, () => socket.request("ping")));
      return answers.map(({ response }) => response);
    };
    const answers = [...(await pings(a)), ...(await pings(b))];
    expect(answers.filter((r) => r.error)).toEqual([]);
    a.close();
    b.close();
  });

  it("the seed socket, with junk in every internal header and parameter, greets as the seed's README says", async () => {
    const agent = ((await (await exports.default.fetch(`${ORIGIN}/agent`, { method: "POST", body: "{}" })).json()) as { agentId: string }).agentId;
    const response = await exports.default.fetch(`${ORIGIN}/agent/${agent}/websocket?_pk=${LONG_PK}`, { headers: { Upgrade: "websocket", ...JUNK_HEADERS } });
    expect(response.status).toBe(101);
    const { texts } = await frames(response.webSocket!, 1);
    expect(JSON.parse(texts[0]!)).toMatchObject({ type: "connected", agentId: agent });
    response.webSocket!.close();
  });

  it("a Streamable HTTP session still works after a request that carried junk", async () => {
    const room = `junk-${crypto.randomUUID()}`;
    const sessionId = await openSession(roomPath(room));
    const call = await post(roomPath(room), { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "add", arguments: { a: 2, b: 3 } } }, { "Mcp-Session-Id": sessionId, ...JUNK_HEADERS });
    expect(((await call.json()) as any).result.structuredContent).toEqual({ value: 5 });
  });
});
