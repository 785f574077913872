/**
 * Property-based fuzzing (fast-check) of frames and HTTP bodies against a real `wrangler dev`: the room
 * never crashes, never mixes state between rooms or sessions, and every request gets an answer or a
 * documented close code.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WranglerDev } from "../support/wrangler-dev.ts";

let dev: WranglerDev;
beforeAll(async () => {
  dev = await WranglerDev.start();
});
afterAll(async () => {
  await dev?.dispose();
});

const METHODS = ["initialize", "ping", "tools/list", "tools/call", "resources/list", "resources/read", "resources/subscribe", "resources/unsubscribe",
  "resources/templates/list", "prompts/list", "prompts/get", "completion/complete", "logging/setLevel", "notifications/cancelled", "notifications/initialized"];
const TOOLS = ["add", "divide", "power", "sqrt", "log", "evaluate", "simplify", "derivative", "solve", "statistics", "matrix", "convert", "variables", "nope"];
const id = fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null), fc.double(), fc.object({ maxDepth: 1 }));
const anyParams = fc.oneof(fc.object({ maxDepth: 2 }), fc.anything({ maxDepth: 2 }), fc.constant(undefined));
const toolCall = fc.record({
  name: fc.constantFrom(...TOOLS),
  arguments: fc.oneof(fc.dictionary(fc.constantFrom("a", "b", "value", "base", "expression", "mode", "data", "operation", "x"), fc.oneof(fc.double(), fc.string({ maxLength: 30 }), fc.integer(), fc.array(fc.double(), { maxLength: 5 }))), fc.anything({ maxDepth: 1 })),
});
const rpcish = fc
  .record(
    { jsonrpc: fc.oneof(fc.constant("2.0"), fc.string({ maxLength: 4 })), id, method: fc.oneof(fc.constantFrom(...METHODS), fc.string({ maxLength: 12 })), params: fc.oneof(anyParams, toolCall) },
    { requiredKeys: [] },
  )
  .map((m) => JSON.stringify(m));
const frame = fc.oneof({ weight: 5, arbitrary: rpcish }, { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) }, { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 70_000, maxLength: 70_001 }) });

/** A socket that collects frames, to check what each fuzzed frame caused. */
async function openSocket(path: string) {
  const ws = new WebSocket(dev.wsUrl(path), "mcp");
  const frames: unknown[] = [];
  let closeCode: number | undefined;
  let wake: (() => void) | undefined;
  ws.onmessage = (event) => {
    frames.push(JSON.parse(String(event.data)));
    wake?.();
  };
  ws.onclose = (event) => {
    closeCode = event.code;
    wake?.();
  };
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  const until = async (done: () => boolean) => {
    while (!done() && closeCode === undefined) await new Promise<void>((resolve) => (wake = resolve));
  };
  return { ws, frames, until, closed: () => closeCode };
}

const isRequest = (value: unknown): value is { id: string | number; method: string } =>
  typeof value === "object" && value !== null && !Array.isArray(value) && (value as { jsonrpc?: unknown }).jsonrpc === "2.0" &&
  typeof (value as { method?: unknown }).method === "string" && (value as { method: string }).method.length > 0 &&
  (typeof (value as { id?: unknown }).id === "string" || Number.isFinite((value as { id?: unknown }).id));

const parse = (text: string) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

describe("fuzzing", () => {
  it("answers every frame on a real socket, or closes only with a documented code, and keeps rooms apart", async () => {
    const control = await openSocket(`/rooms/fuzz-control-${Date.now().toString(36)}/mcp?since=0`);
    control.ws.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "control", version: "1" } } }));
    control.ws.send(JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "add", arguments: { a: 1, b: 1 } } }));
    await control.until(() => control.frames.some((f) => (f as { id?: number }).id === 2));
    let frames = 0;
    let runs = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 5 }), async (sequence) => {
        runs++;
        const room = `/rooms/fuzz-${Date.now().toString(36)}-${runs}/mcp`;
        const socket = await openSocket(room);
        socket.ws.send(JSON.stringify({ jsonrpc: "2.0", id: "init", method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "fuzz", version: "1" } } }));
        for (const [k, text] of sequence.entries()) {
          frames++;
          const before = socket.frames.length;
          socket.ws.send(text);
          const sentinel = `sentinel-${k}`;
          if (socket.closed() === undefined) socket.ws.send(JSON.stringify({ jsonrpc: "2.0", id: sentinel, method: "ping" }));
          await socket.until(() => socket.frames.some((f) => (f as { id?: string }).id === sentinel));
          if (socket.closed() !== undefined) {
            // The only way to lose the socket: a frame over the size cap.
            expect(socket.closed()).toBe(1009);
            expect(new TextEncoder().encode(text).length).toBeGreaterThan(64 * 1024);
            return;
          }
          const caused = socket.frames.slice(before);
          for (const f of caused) expect(f).toMatchObject({ jsonrpc: "2.0" });
          const sent = parse(text);
          if (isRequest(sent) && !String(sent.id).startsWith("sentinel-")) {
            expect(caused.some((f) => (f as { id?: unknown }).id === sent.id), `no answer to ${text.slice(0, 200)}`).toBe(true);
          }
        }
        socket.ws.close();
      }),
      { numRuns: 120, seed: Number(process.env.FUZZ_SEED ?? 4242) },
    );

    // The control room saw none of it: its log still holds exactly its own event.
    const check = await openSocket(`${new URL(control.ws.url).pathname}?since=0`);
    await check.until(() => check.frames.some((f) => (f as { method?: string }).method === "notifications/room/replay"));
    expect(check.frames.find((f) => (f as { method?: string }).method === "notifications/room/replay")).toMatchObject({ params: { through: 1 } });
    check.ws.close();
    control.ws.close();
    console.log(`socket fuzzing: ${runs} runs, ${frames} frames`);
  });

  it("answers every HTTP request with a documented status and a JSON body, never 500", async () => {
    const init = await fetch(`${dev.origin}/mcp`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "fuzz", version: "1" } } }),
    });
    const session = init.headers.get("Mcp-Session-Id")!;
    let runs = 0;
    const allowed = new Set([200, 201, 202, 204, 400, 403, 404, 405, 406, 409, 413, 415, 426, 429]);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          path: fc.constantFrom("/mcp", "/rooms/fuzz-http/mcp", "/agent", "/status", "/rooms", "/agent/agent-x/websocket", "/nope"),
          method: fc.constantFrom("POST", "GET", "DELETE", "PUT", "PATCH"),
          body: fc.oneof(rpcish, fc.json({ maxDepth: 3 }), fc.string({ maxLength: 300 }), fc.record({ agentId: fc.string({ maxLength: 30 }), request: fc.anything({ maxDepth: 2 }) }).map((v) => JSON.stringify(v))),
          contentType: fc.constantFrom("application/json", "text/plain", "application/json; charset=utf-8", undefined),
          accept: fc.constantFrom("application/json, text/event-stream", "application/json", "text/event-stream", "*/*", undefined),
          sessionId: fc.constantFrom(undefined, session, "garbage", `${session}x`, "p-AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB"),
        }),
        async ({ path, method, body, contentType, accept, sessionId }) => {
          runs++;
          const headers: Record<string, string> = {};
          if (contentType) headers["Content-Type"] = contentType;
          if (accept) headers.Accept = accept;
          if (sessionId) headers["Mcp-Session-Id"] = sessionId;
          const response = await fetch(`${dev.origin}${path}`, { method, headers, ...(method === "GET" || method === "DELETE" ? {} : { body }) });
          expect(allowed.has(response.status), `${method} ${path} → ${response.status}`).toBe(true);
          const type = response.headers.get("Content-Type") ?? "";
          if (type.includes("text/event-stream")) return void (await response.body?.cancel());
          const text = await response.text();
          if (text) expect(() => JSON.parse(text), text.slice(0, 200)).not.toThrow();
          expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace, ever
        },
      ),
      { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 4242) },
    );
    expect((await fetch(`${dev.origin}/status`)).status).toBe(200);
    console.log(`HTTP fuzzing: ${runs} requests`);
  });
});
