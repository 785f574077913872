/**
 * The engine in the modern era (2026-07-28) on its own, over the SDK v2's in-memory linked pair, with
 * the SDK v2 Client negotiating the era: discover, calls, progress, cancellation, and input asked for
 * with multi round-trip results that the SDK fulfils from its own handlers.
 */
import { Client, InMemoryTransport } from "@modelcontextprotocol/client";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/client/validators/cf-worker";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { McpEngine } from "../../party/engine/engine.ts";
import type { ToolCallRecord } from "../../party/engine/engine.ts";
import { newSessionState } from "../../party/engine/session-state.ts";
import type { Transport } from "../../party/engine/transport.ts";
import { RequestStateCodec } from "../../party/modern/request-state.ts";
import { deriveKeys } from "../../party/modern/secrets.ts";
import { defineTool, ToolRegistry } from "../../party/tools/registry.ts";
import { seedTools } from "../../party/tools/seed.ts";
import { memoryVariables } from "./memory-variables.ts";

const greet = defineTool({
  name: "greet",
  title: "Greet",
  description: "Asks the user's name, then greets them.",
  inputSchema: z.object({}),
  handler: async (_args, { ask }) => {
    const { name } = await ask({ name: { method: "elicitation/create", params: { message: "Your name?", requestedSchema: { type: "object", properties: { name: { type: "string" } } } } } });
    return { text: `Hello, ${(name?.content as { name?: string } | undefined)?.name}!` };
  },
});

const slow = defineTool({
  name: "slow",
  title: "Slow",
  description: "Reports progress, then waits until cancelled.",
  inputSchema: z.object({}),
  handler: (_args, { signal, progress }) => {
    progress(1, 2, "halfway");
    return new Promise<{ text: string }>((resolve) => signal.addEventListener("abort", () => resolve({ text: "stopped" })));
  },
});

async function setup(capabilities: Record<string, unknown> = {}) {
  const calls: ToolCallRecord[] = [];
  const keys = deriveKeys("engine-test");
  const engine = new McpEngine({
    serverInfo: { name: "math-mcp", version: "test" },
    tools: new ToolRegistry().register(...seedTools, greet, slow),
    pageSize: 50,
    variables: memoryVariables(),
    requestState: new RequestStateCodec("engine", async () => (await keys).state),
    onToolCall: (record) => calls.push(record),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const session = engine.connect(serverSide as unknown as Transport, newSessionState("m1", "websocket"));
  const client = new Client({ name: "modern-engine-test", version: "1" }, { capabilities, jsonSchemaValidator: new CfWorkerJsonSchemaValidator(), versionNegotiation: { mode: "auto" } });
  await client.connect(clientSide);
  return { client, session, calls };
}

describe("engine, modern era", () => {
  it("is found modern by the SDK's probe, without an initialize, and names itself in every result", async () => {
    const { client, session } = await setup();
    expect(client.getProtocolEra()).toBe("modern");
    expect(client.getServerVersion()).toEqual({ name: "math-mcp", version: "test" });
    expect(session.state.initialized).toBe(false);
    const result = await client.callTool({ name: "multiply", arguments: { a: 6, b: 7 } });
    expect(result.structuredContent).toEqual({ value: 42 });
  });

  it("asks for input with a multi round-trip result, which the SDK answers from its elicitation handler", async () => {
    const { client, calls } = await setup({ elicitation: {} });
    client.setRequestHandler("elicitation/create", async () => ({ action: "accept", content: { name: "Ada" } }));
    const result = await client.callTool({ name: "greet", arguments: {} });
    expect(result.content).toEqual([{ type: "text", text: "Hello, Ada!" }]);
    // The first round asked and ended nothing: one call, one record.
    expect(calls.map((c) => c.tool)).toEqual(["greet"]);
  });

  it("sends progress for a token, and stops the work on notifications/cancelled", async () => {
    const { client, calls } = await setup();
    const controller = new AbortController();
    const progress: number[] = [];
    const call = client.callTool({ name: "slow", arguments: {} }, {
      signal: controller.signal,
      onprogress: (p) => {
        progress.push(p.progress);
        controller.abort("enough");
      },
    });
    await expect(call).rejects.toThrow();
    await expect.poll(() => calls.length).toBe(1);
    expect(progress).toEqual([1]);
    expect(calls[0]).toMatchObject({ tool: "slow", error: { message: "cancelled by the caller" } });
  });
});
