/**
 * The engine's resources, prompts, completion and server-to-client requests in the legacy era, with a
 * legacy client (the SDK v1 Client) over the in-memory linked pair.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { CreateMessageRequestSchema, ElicitRequestSchema, ResourceUpdatedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { McpEngine } from "../../party/engine/engine.ts";
import type { McpSession } from "../../party/engine/session.ts";
import { newSessionState } from "../../party/engine/session-state.ts";
import type { Transport } from "../../party/engine/transport.ts";
import { mathPrompts } from "../../party/prompts/math-prompts.ts";
import { ResourceRegistry } from "../../party/resources/registry.ts";
import { defineTool, ToolRegistry } from "../../party/tools/registry.ts";

const ask = defineTool({
  name: "ask",
  title: "Ask the client",
  description: "Asks the client's model (sampling) or user (elicitation) and answers what it said.",
  inputSchema: z.object({ how: z.enum(["sampling", "elicitation"]) }),
  outputSchema: z.object({ said: z.string() }),
  handler: async ({ how }, { request }) => {
    const answer =
      how === "sampling"
        ? await request("sampling/createMessage", { messages: [{ role: "user", content: { type: "text", text: "2+2?" } }], maxTokens: 10 })
        : await request("elicitation/create", { message: "Your name?", requestedSchema: { type: "object", properties: { name: { type: "string" } } } });
    const said = how === "sampling" ? (answer.content as { text: string }).text : (answer.content as { name: string }).name;
    return { structured: { said }, text: said };
  },
});

let revision = 1;
const resources = new ResourceRegistry()
  .resource({ uri: "test://counter", name: "counter", mimeType: "text/plain", read: () => [{ uri: "test://counter", text: String(revision) }] })
  .template({
    uriTemplate: "test://echo/{word}",
    name: "echo",
    read: ({ word }, uri) => [{ uri, text: word! }],
    complete: (_v, value) => ["alpha", "alpine", "beta"].filter((w) => w.startsWith(value)),
  });

async function setup(capabilities: Record<string, unknown> = {}) {
  const engine = new McpEngine({
    serverInfo: { name: "math-mcp", version: "test" },
    tools: new ToolRegistry().register(ask),
    resources,
    prompts: mathPrompts,
    pageSize: 50,
    variables: { list: () => [], get: () => undefined, set: () => {}, delete: () => false, clear: () => 0 },
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const session: McpSession = engine.connect(serverSide as unknown as Transport, newSessionState("f", "websocket"));
  const client = new Client({ name: "features", version: "1" }, { capabilities, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  await client.connect(clientSide);
  return { client, engine, session };
}

describe("resources", () => {
  it("lists, reads, and reads through a template; an unknown URI is -32002", async () => {
    const { client } = await setup();
    expect(client.getServerCapabilities()).toMatchObject({ resources: { subscribe: true }, prompts: {}, completions: {} });
    expect((await client.listResources()).resources).toEqual([{ uri: "test://counter", name: "counter", mimeType: "text/plain" }]);
    expect((await client.listResourceTemplates()).resourceTemplates).toEqual([{ uriTemplate: "test://echo/{word}", name: "echo" }]);
    expect((await client.readResource({ uri: "test://echo/hello%20there" })).contents).toEqual([{ uri: "test://echo/hello%20there", text: "hello there" }]);
    await expect(client.readResource({ uri: "test://nothing" })).rejects.toMatchObject({ code: -32002 });
  });

  it("tells subscribers, and only them, when a resource changes", async () => {
    const { client, engine, session } = await setup();
    const updates: string[] = [];
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => void updates.push(n.params.uri));
    engine.resourceUpdated("test://counter");
    await client.subscribeResource({ uri: "test://counter" });
    expect(session.state.subscriptions).toEqual(["test://counter"]);
    engine.resourceUpdated("test://counter");
    await client.ping(); // The notification was sent before the ping's answer.
    expect(updates).toEqual(["test://counter"]);
    await client.unsubscribeResource({ uri: "test://counter" });
    engine.resourceUpdated("test://counter");
    await client.ping();
    expect(updates).toEqual(["test://counter"]);
    await expect(client.subscribeResource({ uri: "test://nothing" })).rejects.toMatchObject({ code: -32002 });
  });
});

describe("prompts and completion", () => {
  it("lists and fills prompts, and refuses missing arguments with -32602", async () => {
    const { client } = await setup();
    expect((await client.listPrompts()).prompts.map((p) => p.name)).toEqual(["calculate", "check-my-work"]);
    const prompt = await client.getPrompt({ name: "calculate", arguments: { expression: "1/3 + 1/6", mode: "fraction" } });
    expect(prompt.messages[0]?.content).toMatchObject({ type: "text", text: expect.stringContaining("1/3 + 1/6") });
    await expect(client.getPrompt({ name: "calculate", arguments: {} })).rejects.toMatchObject({ code: -32602 });
    await expect(client.getPrompt({ name: "nope" })).rejects.toMatchObject({ code: -32602 });
  });

  it("completes prompt arguments and template variables by prefix", async () => {
    const { client } = await setup();
    const mode = await client.complete({ ref: { type: "ref/prompt", name: "calculate" }, argument: { name: "mode", value: "f" } });
    expect(mode.completion).toEqual({ values: ["fraction"], total: 1, hasMore: false });
    const word = await client.complete({ ref: { type: "ref/resource", uri: "test://echo/{word}" }, argument: { name: "word", value: "al" } });
    expect(word.completion.values).toEqual(["alpha", "alpine"]);
  });
});

describe("server-to-client requests", () => {
  it("asks the client's model during a tool call and uses its answer", async () => {
    const { client } = await setup({ sampling: {} });
    client.setRequestHandler(CreateMessageRequestSchema, async () => ({ role: "assistant", content: { type: "text", text: "4" }, model: "test" }));
    expect(await client.callTool({ name: "ask", arguments: { how: "sampling" } })).toMatchObject({ structuredContent: { said: "4" } });
  });

  it("asks the user through elicitation", async () => {
    const { client } = await setup({ elicitation: {} });
    client.setRequestHandler(ElicitRequestSchema, async () => ({ action: "accept", content: { name: "Ada" } }));
    expect(await client.callTool({ name: "ask", arguments: { how: "elicitation" } })).toMatchObject({ structuredContent: { said: "Ada" } });
  });

  it("does not ask a client that did not declare the capability; the tool reports it", async () => {
    const { client } = await setup();
    const result = await client.callTool({ name: "ask", arguments: { how: "sampling" } });
    expect(result).toMatchObject({ isError: true });
  });
});
