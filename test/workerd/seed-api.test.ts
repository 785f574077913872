/**
 * The seed's API, as the original math-mcp README uses it: POST /agent, POST /mcp, and the
 * envelopes on /agent/{agentId}/websocket, all served by the same rooms.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ORIGIN, request } from "./http-client.ts";
import { roomPath, TestSocket } from "./socket.ts";

const json = (body: unknown) => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

async function createAgent(name = "MathAgent"): Promise<string> {
  const response = await request("/agent", json({ name }));
  expect(response.status).toBe(200);
  const { agentId } = (await response.json()) as { agentId: string };
  return agentId;
}

async function seedSocket(agentId: string, query = ""): Promise<{ ws: WebSocket; next: () => Promise<any> }> {
  const response = await exports.default.fetch(`${ORIGIN}/agent/${agentId}/websocket${query}`, { headers: { Upgrade: "websocket" } });
  expect(response.status).toBe(101);
  const ws = response.webSocket!;
  const frames: any[] = [];
  const waiters: ((f: any) => void)[] = [];
  ws.addEventListener("message", (e) => {
    const frame = JSON.parse(e.data as string);
    const waiter = waiters.shift();
    if (waiter) waiter(frame);
    else frames.push(frame);
  });
  ws.accept();
  return { ws, next: () => (frames.length ? Promise.resolve(frames.shift()) : new Promise((r) => waiters.push(r))) };
}

describe("POST /agent and POST /mcp", () => {
  it("creates an agent with an unguessable id and runs the README's add example", async () => {
    const agentId = await createAgent();
    expect(agentId).toMatch(/^agent-[A-Za-z0-9_-]{22}$/);
    const response = await request("/mcp", json({ agentId, request: { method: "add", params: { a: 5, b: 3 } } }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: unknown; timestamp: string };
    expect(body.result).toEqual({ result: 8, operation: "add", a: 5, b: 3 });
    expect(Date.parse(body.timestamp)).not.toBeNaN();
  });

  it("answers every seed method in the seed's shape", async () => {
    const agentId = await createAgent();
    const run = async (method: string, params?: Record<string, number | null>) =>
      ((await (await request("/mcp", json({ agentId, request: { method, params } }))).json()) as { result: any }).result;
    expect(await run("power", { base: 2, exponent: 8 })).toEqual({ result: 256, operation: "power", base: 2, exponent: 8 });
    expect(await run("sqrt", { value: 9 })).toEqual({ result: 3, operation: "sqrt", value: 9 });
    expect(await run("cos", { angle: 0 })).toEqual({ result: 1, operation: "cos", angle: 0 });
    expect(await run("log", { value: 1 })).toEqual({ result: 0, operation: "ln", value: 1 });
    expect(await run("log", { value: 8, base: 2 })).toEqual({ result: 3, operation: "log_base", value: 8, base: 2 });
    // The seed's page sent an empty base as null: the natural logarithm, as the seed answered it.
    expect(await run("log", { value: Math.E ** 2, base: null })).toEqual({ result: 2, operation: "ln", value: Math.E ** 2 });
    const { tools } = await run("discover");
    expect(tools.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(["add", "subtract", "multiply", "divide", "power", "sqrt", "sin", "cos", "tan", "log"]));
    expect(tools.find((t: { name: string }) => t.name === "divide").parameters).toMatchObject({ type: "object", required: ["a", "b"] });
  });

  it("answers domain errors, unknown methods, bad bodies and unknown agents with a status and a message", async () => {
    const agentId = await createAgent();
    const divide = await request("/mcp", json({ agentId, request: { method: "divide", params: { a: 1, b: 0 } } }));
    expect(divide.status).toBe(400);
    expect(await divide.json()).toMatchObject({ error: expect.stringMatching(/b must not be 0/) });
    const unknown = await request("/mcp", json({ agentId, request: { method: "modulo", params: {} } }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: "Unknown tool: modulo" });
    const noRequest = await request("/mcp", json({ agentId }));
    expect(noRequest.status).toBe(400);
    const nobody = await request("/mcp", json({ agentId: "agent-doesnotexist", request: { method: "add", params: { a: 1, b: 1 } } }));
    expect(nobody.status).toBe(404);
    expect(await nobody.json()).toMatchObject({ error: expect.stringMatching(/Agent not found/) });
  });

  it("logs seed calls in the room like any other call, under the agent's name", async () => {
    const agentId = await createAgent("Ada");
    await request("/mcp", json({ agentId, request: { method: "multiply", params: { a: 3, b: 4 } } }));
    const watcher = await TestSocket.open(roomPath(agentId, "?since=0"));
    await watcher.next();
    expect((await watcher.next()).params).toMatchObject({ seq: 1, by: "Ada", tool: "multiply", arguments: { a: 3, b: 4 } });
    watcher.close();
  });
});

describe("/agent/{agentId}/websocket", () => {
  it("greets, answers requests with their requestId, pongs, and reports errors as envelopes", async () => {
    const agentId = await createAgent();
    const { ws, next } = await seedSocket(agentId);
    expect(await next()).toMatchObject({ type: "connected", agentId, sessionId: expect.any(String), timestamp: expect.any(String) });

    ws.send(JSON.stringify({ type: "mcp_request", request: { method: "add", params: { a: 5, b: 3 } }, requestId: "r1" }));
    const frames = [await next(), await next()];
    expect(frames).toContainEqual(expect.objectContaining({ type: "mcp_response", requestId: "r1", result: { result: 8, operation: "add", a: 5, b: 3 } }));
    expect(frames).toContainEqual(expect.objectContaining({ type: "notification", payload: expect.objectContaining({ seq: 1, tool: "add" }) }));

    ws.send(JSON.stringify({ type: "ping" }));
    expect(await next()).toMatchObject({ type: "pong", timestamp: expect.any(String) });
    ws.send("not json");
    expect(await next()).toMatchObject({ type: "error", error: expect.stringMatching(/not JSON/) });
    ws.send(JSON.stringify({ type: "mcp_request", requestId: 7 }));
    expect(await next()).toMatchObject({ type: "error", requestId: 7, error: expect.stringMatching(/Invalid message/) });
    ws.send(JSON.stringify({ type: "mcp_request", request: { method: "sqrt", params: { value: -1 } }, requestId: 8 }));
    const [a, b] = [await next(), await next()];
    expect([a, b]).toContainEqual(expect.objectContaining({ type: "error", requestId: 8, error: expect.stringMatching(/must not be negative/) }));
    ws.close();
  });

  it("sees an MCP participant's calls in the same room as notifications, and replays with ?since=", async () => {
    const agentId = await createAgent();
    const mcp = await TestSocket.open(roomPath(agentId));
    await mcp.initialize("agent-over-mcp");
    await mcp.request("tools/call", { name: "subtract", arguments: { a: 10, b: 4 } });
    const { next } = await seedSocket(agentId, "?since=0");
    expect((await next()).type).toBe("connected");
    expect(await next()).toMatchObject({ type: "notification", payload: { seq: 1, by: "agent-over-mcp", tool: "subtract" } });
    mcp.close();
  });

  it("answers 404 for an agent nobody created, and 426 without an upgrade", async () => {
    const missing = await exports.default.fetch(`${ORIGIN}/agent/agent-nobody/websocket`, { headers: { Upgrade: "websocket" } });
    expect(missing.status).toBe(404);
    const plain = await request(`/agent/${await createAgent()}/websocket`);
    expect(plain.status).toBe(426);
  });
});

describe("GET /status", () => {
  it("answers ok with real figures", async () => {
    const body = (await (await request("/status")).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "ok", version: expect.any(String), tools: expect.any(Number), requestsServed: expect.any(Number) });
    expect(Date.parse(body.timestamp as string)).not.toBeNaN();
    // Time since this isolate's first request: small here, and never the clock's epoch.
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(body.uptimeSeconds).toBeLessThan(3600);
  });
});
