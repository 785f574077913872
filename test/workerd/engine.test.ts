/**
 * The MCP engine on its own in the legacy era, over the in-memory linked transport pair, with a legacy
 * client: the SDK v1 Client (engine-modern.test.ts has the modern era, with the SDK v2).
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { LoggingMessageNotificationSchema, McpError as SdkMcpError } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { McpEngine } from "../../party/engine/engine.ts";
import type { ToolCallRecord } from "../../party/engine/engine.ts";
import { newSessionState } from "../../party/engine/session-state.ts";
import type { SessionState } from "../../party/engine/session-state.ts";
import { defineTool, ToolRegistry } from "../../party/tools/registry.ts";
import { seedTools } from "../../party/tools/seed.ts";
import { memoryVariables } from "./memory-variables.ts";
import type { Transport } from "../../party/engine/transport.ts";

/** A tool that waits for its signal, for cancellation and progress. */
const slow = defineTool({
  name: "slow",
  title: "Slow",
  description: "Reports progress, then waits until cancelled.",
  inputSchema: z.object({}),
  outputSchema: z.object({ value: z.number() }),
  handler: (_args, { signal, progress }) => {
    progress(1, 2, "halfway");
    return new Promise((resolve) => signal.addEventListener("abort", () => resolve({ structured: { value: 0 }, text: "0" })));
  },
});


async function setup(pageSize = 50) {
  const calls: ToolCallRecord[] = [];
  const saved: SessionState[] = [];
  const engine = new McpEngine({
    serverInfo: { name: "math-mcp", version: "test" },
    tools: new ToolRegistry().register(...seedTools, slow),
    pageSize,
    variables: memoryVariables(),
    onToolCall: (record) => calls.push(record),
    onSessionChange: (state) => saved.push(state),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const session = engine.connect(serverSide as unknown as Transport, newSessionState("s1", "websocket"));
  const client = new Client({ name: "engine-test", version: "1" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  await client.connect(clientSide);
  return { client, session, calls, saved, clientSide };
}

describe("engine", () => {
  it("negotiates the client's version and names itself", async () => {
    const { client, session, saved } = await setup();
    expect(client.getServerVersion()).toEqual({ name: "math-mcp", version: "test" });
    expect(client.getServerCapabilities()).toMatchObject({ tools: {}, logging: {} });
    expect(session.state).toMatchObject({ initialized: true, protocolVersion: "2025-11-25", name: "engine-test" });
    expect(saved.at(-1)?.clientInfo).toEqual({ name: "engine-test", version: "1" });
  });

  it("pages tools/list and the pages add up to every tool", async () => {
    const { client } = await setup(3);
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await client.listTools(cursor ? { cursor } : {});
      names.push(...page.tools.map((t) => t.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(names).toEqual([...seedTools.map((t) => t.name), "slow"]);
    await expect(client.listTools({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: -32602 });
  });

  it("calls a tool, reports it once, and answers structured content", async () => {
    const { client, calls } = await setup();
    const result = await client.callTool({ name: "multiply", arguments: { a: 6, b: 7 } });
    expect(result).toEqual({ content: [{ type: "text", text: "6 × 7 = 42" }], structuredContent: { value: 42 } });
    expect(calls).toEqual([{ requestId: expect.any(Number), tool: "multiply", arguments: { a: 6, b: 7 }, result }]);
  });

  it("answers an unknown tool with -32602 and still records the attempt", async () => {
    const { client, calls } = await setup();
    const error = await client.callTool({ name: "modulo", arguments: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkMcpError);
    expect(error).toMatchObject({ code: -32602 });
    expect(calls[0]?.error).toEqual({ message: "Unknown tool: modulo", code: -32602 });
  });

  it("sends log messages at or above the level the client set", async () => {
    const { client } = await setup();
    const logs: unknown[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void logs.push(n.params));
    await client.callTool({ name: "add", arguments: { a: 1, b: 1 } });
    expect(logs).toEqual([]);
    await client.setLoggingLevel("debug");
    await client.callTool({ name: "add", arguments: { a: 1, b: 1 } });
    expect(logs).toEqual([{ level: "debug", logger: "math-mcp", data: { tool: "add", ok: true } }]);
  });

  it("sends progress for a token and stops work when cancelled, without answering", async () => {
    const { client, calls } = await setup();
    const controller = new AbortController();
    const progress: number[] = [];
    const call = client.callTool({ name: "slow", arguments: {} }, undefined, {
      signal: controller.signal,
      onprogress: (p) => {
        progress.push(p.progress);
        controller.abort("enough");
      },
    });
    await expect(call).rejects.toThrow();
    await expect(client.ping()).resolves.toEqual({});
    expect(progress).toEqual([1]);
    expect(calls).toEqual([{ requestId: expect.any(Number), tool: "slow", arguments: {}, error: { message: "cancelled by the caller" } }]);
  });
});

describe("engine, raw frames", () => {
  async function raw() {
    const engine = new McpEngine({ serverInfo: { name: "m", version: "t" }, tools: new ToolRegistry().register(...seedTools), pageSize: 50, variables: memoryVariables() });
    const [peer, serverSide] = InMemoryTransport.createLinkedPair();
    const received: unknown[] = [];
    const waiters: ((m: unknown) => void)[] = [];
    peer.onmessage = (m) => {
      const waiter = waiters.shift();
      if (waiter) waiter(m);
      else received.push(m);
    };
    await peer.start();
    // JSON-RPC 2.0 answers a parse error with id null; the SDK's type leaves null out, so the seam is cast.
    const session = engine.connect(serverSide as unknown as Transport, newSessionState("raw", "websocket"));
    const next = () => (received.length ? Promise.resolve(received.shift()) : new Promise((r) => waiters.push(r)));
    const send = async (message: unknown) => {
      // Bypass the SDK's types: these frames are deliberately wrong.
      await peer.send(message as never);
      return next();
    };
    return { send, session };
  }
  const init = { protocolVersion: "2099-01-01", capabilities: {}, clientInfo: { name: "raw", version: "0" } };

  it("refuses requests before initialize, but answers ping", async () => {
    const { send } = await raw();
    expect(await send({ jsonrpc: "2.0", id: 1, method: "tools/list" })).toMatchObject({ id: 1, error: { code: -32600 } });
    expect(await send({ jsonrpc: "2.0", id: 2, method: "ping" })).toEqual({ jsonrpc: "2.0", id: 2, result: {} });
  });

  it("offers its latest version to a client asking for an unknown one, and refuses a second initialize", async () => {
    const { send } = await raw();
    expect(await send({ jsonrpc: "2.0", id: 1, method: "initialize", params: init })).toMatchObject({ result: { protocolVersion: "2025-11-25" } });
    expect(await send({ jsonrpc: "2.0", id: 2, method: "initialize", params: init })).toMatchObject({ id: 2, error: { code: -32600 } });
  });

  it("classifies bad messages with the right codes and keeps going", async () => {
    const { send } = await raw();
    expect(await send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: 1 } })).toMatchObject({ id: 1, error: { code: -32602 } });
    expect(await send({ jsonrpc: "2.0", id: 2, method: "initialize", params: init })).toMatchObject({ id: 2, result: {} });
    expect(await send({ jsonrpc: "1.0", id: 3, method: "ping" })).toMatchObject({ id: 3, error: { code: -32600 } });
    expect(await send({ id: 4 })).toMatchObject({ id: 4, error: { code: -32600 } });
    expect(await send([{ jsonrpc: "2.0", id: 5, method: "ping" }])).toMatchObject({ id: null, error: { code: -32600 } });
    expect(await send({ jsonrpc: "2.0", id: 6, method: "tools/explode" })).toMatchObject({ id: 6, error: { code: -32601 } });
    expect(await send({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { arguments: {} } })).toMatchObject({ id: 7, error: { code: -32602 } });
    expect(await send({ jsonrpc: "2.0", id: 8, method: "logging/setLevel", params: { level: "loud" } })).toMatchObject({ id: 8, error: { code: -32602 } });
    expect(await send({ jsonrpc: "2.0", id: 9, method: "ping" })).toEqual({ jsonrpc: "2.0", id: 9, result: {} });
  });
});
