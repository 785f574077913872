/**
 * @module The conformance suite's diagnostic tools for 2026-07-28 (server-stateless, http-header
 * scenarios): a tool that needs a capability, one that streams, one that logs, two that change the
 * lists a listen follows, and one whose argument travels as an `Mcp-Param-*` header.
 */
import * as z from "zod";
import { ErrorCode, McpError } from "../engine/errors.ts";
import { ProtocolFailure } from "../tools/interrupt.ts";
import { defineTool } from "../tools/registry.ts";
import type { ToolDefinition } from "../tools/registry.ts";

const none = z.object({});

export const modernTools: ToolDefinition[] = [
  defineTool({
    name: "test_missing_capability",
    title: "Needs sampling",
    description: "Succeeds only for a client that declares the sampling capability on this request.",
    inputSchema: none,
    handler: (_args, { capabilities }) => {
      if (!capabilities.sampling) {
        throw new ProtocolFailure(
          new McpError(ErrorCode.MissingRequiredClientCapability, "test_missing_capability needs the sampling capability", { requiredCapabilities: { sampling: {} } }),
        );
      }
      return { text: "Success" };
    },
  }),
  defineTool({
    name: "test_streaming_elicitation",
    title: "Streaming",
    description: "Reports progress, then answers; it never sends the client a request.",
    inputSchema: none,
    handler: (_args, { progress }) => {
      progress(50, 100, "half way");
      return { text: "Streaming complete" };
    },
  }),
  defineTool({
    name: "test_logging_tool",
    title: "Logging (per request)",
    description: "Logs a message, which a modern client gets only when its request set a log level.",
    inputSchema: none,
    handler: (_args, { log }) => {
      log("info", "Diagnostic trace logging activated");
      return { text: "Logging evaluated" };
    },
  }),
  defineTool({
    name: "test_trigger_tool_change",
    title: "Tool list change",
    description: "Tells the listens that follow the tool list that it changed.",
    inputSchema: none,
    handler: (_args, { room }) => {
      room.listChanged?.("tools");
      return { text: "Mutation triggered" };
    },
  }),
  defineTool({
    name: "test_trigger_prompt_change",
    title: "Prompt list change",
    description: "Tells the listens that follow the prompt list that it changed.",
    inputSchema: none,
    handler: (_args, { room }) => {
      room.listChanged?.("prompts");
      return { text: "Mutation triggered" };
    },
  }),
  defineTool({
    name: "test_custom_header",
    title: "Argument in a header",
    description: "Echoes its region, which HTTP clients also send as the Mcp-Param-Region header.",
    inputSchema: z.object({ region: z.string().meta({ "x-mcp-header": "Region", description: "A region, mirrored into Mcp-Param-Region" }) }),
    handler: ({ region }) => ({ text: `Region: ${region}` }),
  }),
];
