/**
 * @module The conformance suite's tools (@modelcontextprotocol/conformance, server scenarios), on the
 * same registry as the math tools.
 */
import * as z from "zod";
import { defineTool, ToolRegistry } from "../tools/registry.ts";
import { ToolError } from "../tools/tool-error.ts";
import { AUDIO_BASE64, AUDIO_MIME, IMAGE_BASE64, IMAGE_MIME } from "./media.ts";
import { elicitationTools } from "./elicitation-tools.ts";
import { modernTools } from "./modern-tools.ts";
import { mrtrTools } from "./mrtr-tools.ts";
import { taskTools } from "./task-tools.ts";

const none = z.object({});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const address = z.object({ street: z.string(), city: z.string() }).partial();

/** The schema the json-schema-2020-12 scenario expects, word for word: composition and conditions zod cannot say. */
const JSON_SCHEMA_2020_12 = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  $defs: { address: { $anchor: "addressDef", type: "object", properties: { street: { type: "string" }, city: { type: "string" } } } },
  properties: {
    name: { type: "string" },
    address: { $ref: "#/$defs/address" },
    contactMethod: { type: "string", enum: ["phone", "email"] },
    phone: { type: "string" },
    email: { type: "string" },
  },
  allOf: [{ anyOf: [{ required: ["phone"] }, { required: ["email"] }] }],
  if: { properties: { contactMethod: { const: "phone" } }, required: ["contactMethod"] },
  then: { required: ["phone"] },
  else: { required: ["email"] },
  additionalProperties: false,
};

export const conformanceTools = new ToolRegistry().register(
  defineTool({
    name: "test_simple_text",
    title: "Simple text",
    description: "Answers a simple text block.",
    inputSchema: none,
    handler: () => ({ text: "This is a simple text response for testing." }),
  }),
  defineTool({
    name: "test_image_content",
    title: "Image content",
    description: "Answers an image block.",
    inputSchema: none,
    handler: () => ({ text: "An image:", content: [{ type: "image", data: IMAGE_BASE64, mimeType: IMAGE_MIME }] }),
  }),
  defineTool({
    name: "test_audio_content",
    title: "Audio content",
    description: "Answers an audio block.",
    inputSchema: none,
    handler: () => ({ text: "A sound:", content: [{ type: "audio", data: AUDIO_BASE64, mimeType: AUDIO_MIME }] }),
  }),
  defineTool({
    name: "test_embedded_resource",
    title: "Embedded resource",
    description: "Answers an embedded resource.",
    inputSchema: none,
    handler: () => ({
      text: "A resource:",
      content: [{ type: "resource", resource: { uri: "test://embedded-resource", mimeType: "text/plain", text: "This is an embedded resource content." } }],
    }),
  }),
  defineTool({
    name: "test_multiple_content_types",
    title: "Mixed content",
    description: "Answers text, an image and an embedded resource together.",
    inputSchema: none,
    handler: () => ({
      text: "Multiple content types test:",
      content: [
        { type: "image", data: IMAGE_BASE64, mimeType: IMAGE_MIME },
        { type: "resource", resource: { uri: "test://mixed-content-resource", mimeType: "application/json", text: '{"test":"data","value":123}' } },
      ],
    }),
  }),
  defineTool({
    name: "test_tool_with_logging",
    title: "Logging",
    description: "Sends three log messages while it runs.",
    inputSchema: none,
    handler: (_args, { log }) => {
      for (const step of ["Tool execution started", "Tool processing data", "Tool execution completed"]) log("info", step);
      return { text: "Tool with logging executed successfully" };
    },
  }),
  defineTool({
    name: "test_tool_with_progress",
    title: "Progress",
    description: "Reports progress 0, 50 and 100 of 100.",
    inputSchema: none,
    handler: (_args, { progress }) => {
      for (const done of [0, 50, 100]) progress(done, 100);
      return { text: "Progress reported: 0, 50, 100 of 100" };
    },
  }),
  defineTool({
    name: "test_error_handling",
    title: "Error",
    description: "Always fails, as a tool result with isError.",
    inputSchema: none,
    handler: () => {
      throw new ToolError("This tool intentionally returns an error for testing");
    },
  }),
  defineTool({
    name: "test_sampling",
    title: "Sampling",
    description: "Asks the client's model to answer a prompt.",
    inputSchema: z.object({ prompt: z.string().describe("What to ask the model") }),
    handler: async ({ prompt }, { request }) => {
      const answer = await request("sampling/createMessage", { messages: [{ role: "user", content: { type: "text", text: prompt } }], maxTokens: 100 });
      const content = answer.content as { type?: string; text?: string } | undefined;
      return { text: `LLM response: ${content?.type === "text" ? content.text : JSON.stringify(content)}` };
    },
  }),
  defineTool({
    name: "test_reconnection",
    title: "Reconnection",
    description: "Closes the connection mid-call (SSE polling); the client resumes the stream for the answer.",
    inputSchema: none,
    handler: async (_args, { closeStream }) => {
      closeStream?.();
      await pause(100); // The call goes on after the connection is gone; the answer waits for the client.
      return { text: "Reconnection test completed successfully. If you received this, the client properly reconnected after stream closure." };
    },
  }),
  defineTool({
    name: "json_schema_2020_12_tool",
    title: "JSON Schema 2020-12",
    description: "Tool with JSON Schema 2020-12 features",
    inputSchema: z.strictObject({
      name: z.string().optional(),
      address: address.optional(),
      contactMethod: z.enum(["phone", "email"]).optional(),
      phone: z.string().optional(),
      email: z.string().optional(),
    }),
    listedInputSchema: JSON_SCHEMA_2020_12,
    handler: (args) => ({ text: `JSON Schema 2020-12 tool called with: ${JSON.stringify(args)}` }),
  }),
  ...elicitationTools,
  ...modernTools,
  ...mrtrTools,
  ...taskTools,
);
