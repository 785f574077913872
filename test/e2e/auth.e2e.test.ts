/**
 * Optional authentication against a real `wrangler dev` started with AUTH_TOKEN: every HTTP request
 * and socket must present it, in each of the ways a client can.
 */
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WranglerDev } from "../support/wrangler-dev.ts";

const TOKEN = "tok-0123456789abcdef";
let dev: WranglerDev;
beforeAll(async () => {
  dev = await WranglerDev.start({ vars: { AUTH_TOKEN: TOKEN } });
});
afterAll(async () => {
  await dev?.dispose();
});

/** Opens a socket and answers its first frame, or the close code if it was refused. */
function socket(path: string, protocols: string[]): Promise<{ protocol: string; first: unknown } | { refused: true }> {
  const ws = new WebSocket(dev.wsUrl(path), protocols);
  return new Promise((resolve) => {
    ws.onmessage = (event) => {
      resolve({ protocol: ws.protocol, first: JSON.parse(String(event.data)) });
      ws.close();
    };
    ws.onerror = () => resolve({ refused: true });
  });
}

describe("with AUTH_TOKEN set", () => {
  it("refuses HTTP without the token, or with a wrong one, with 401", async () => {
    const none = await fetch(`${dev.origin}/status`);
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect(await none.json()).toMatchObject({ error: expect.stringMatching(/needs a token/) });
    const wrong = await fetch(`${dev.origin}/status`, { headers: { Authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${dev.origin}/status`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
  });

  it("lets the SDK's HTTP client in with the Authorization header, modern requests and all", async () => {
    const client = new Client({ name: "authed", version: "1" }, { versionNegotiation: { mode: "auto" } });
    await client.connect(new StreamableHTTPClientTransport(new URL("/mcp", dev.origin), { requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } } }));
    expect(client.getProtocolEra()).toBe("modern");
    expect(await client.callTool({ name: "add", arguments: { a: 1, b: 2 } })).toMatchObject({ structuredContent: { value: 3 } });
    await client.close();
  });

  it("takes the token on a WebSocket as a second subprotocol or as ?token=, and refuses a socket without it", async () => {
    const path = `/rooms/auth-${Date.now().toString(36)}/mcp`;
    expect(await socket(path, ["mcp", `bearer.${TOKEN}`])).toMatchObject({ protocol: "mcp", first: { method: "notifications/room/session" } });
    expect(await socket(`${path}?token=${TOKEN}`, ["mcp"])).toMatchObject({ protocol: "mcp" });
    expect(await socket(path, ["mcp"])).toEqual({ refused: true });
    expect(await socket(path, ["mcp", "bearer.wrong"])).toEqual({ refused: true });
  });

  it("asks the seed API for the token too: POST /agent, POST /mcp and the seed socket", async () => {
    const json = (body: unknown, authorized: boolean) => ({
      method: "POST",
      headers: { "Content-Type": "application/json", ...(authorized ? { Authorization: `Bearer ${TOKEN}` } : {}) },
      body: JSON.stringify(body),
    });
    expect((await fetch(`${dev.origin}/agent`, json({ name: "x" }, false))).status).toBe(401);
    const { agentId } = (await (await fetch(`${dev.origin}/agent`, json({ name: "x" }, true))).json()) as { agentId: string };
    const call = { agentId, request: { method: "add", params: { a: 1, b: 1 } } };
    expect((await fetch(`${dev.origin}/mcp`, json(call, false))).status).toBe(401);
    expect((await fetch(`${dev.origin}/mcp`, json(call, true))).status).toBe(200);
    expect(await socket(`/agent/${agentId}/websocket`, [])).toEqual({ refused: true });
    expect(await socket(`/agent/${agentId}/websocket?token=${TOKEN}`, [])).toMatchObject({ first: { type: "connected", agentId } });
  });
});
