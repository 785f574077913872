/**
 * @module The peer: Cloudflare's `McpAgent` (from the `agents` package) serving the same `add` tool
 * over Streamable HTTP, as its documentation shows. math-mcp's HTTP and WebSocket figures are compared to it.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { McpAgent } from "agents/mcp";
import { z } from "zod";

export class PeerMcp extends McpAgent {
  server = new McpServer({ name: "bench-peer", version: "1.0.0" });

  async init(): Promise<void> {
    this.server.registerTool(
      "add",
      {
        title: "Add",
        description: "The sum of two numbers.",
        inputSchema: { a: z.number(), b: z.number() },
        outputSchema: { value: z.number() },
      },
      async ({ a, b }) => ({ content: [{ type: "text", text: `${a} + ${b} = ${a + b}` }], structuredContent: { value: a + b } }),
    );
  }
}

export default PeerMcp.serve("/mcp", { binding: "PeerMcp" });
