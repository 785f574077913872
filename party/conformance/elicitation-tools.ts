/**
 * @module The conformance suite's elicitation tools: form schemas with defaults (SEP-1034) and the
 * enum shapes of SEP-1330.
 */
import * as z from "zod";
import { defineTool } from "../tools/registry.ts";
import type { ToolDefinition } from "../tools/registry.ts";

const none = z.object({});
const answered = (answer: Record<string, unknown>) =>
  `action=${String(answer.action)}, content=${JSON.stringify(answer.content ?? null)}`;

const options = (prefix: string, titles: string[]) => titles.map((title, i) => ({ const: `${prefix}${i + 1}`, title }));

export const elicitationTools: ToolDefinition[] = [
  defineTool({
    name: "test_elicitation",
    title: "Elicitation",
    description: "Asks the user for a username and an email address.",
    inputSchema: z.object({ message: z.string().describe("What to ask the user") }),
    handler: async ({ message }, { request }) => {
      const answer = await request("elicitation/create", {
        message,
        requestedSchema: {
          type: "object",
          properties: {
            username: { type: "string", description: "User's response" },
            email: { type: "string", description: "User's email address" },
          },
          required: ["username", "email"],
        },
      });
      return { text: `User response: ${answered(answer)}` };
    },
  }),
  defineTool({
    name: "test_elicitation_sep1034_defaults",
    title: "Elicitation with defaults",
    description: "Asks the user to review a form whose fields have defaults.",
    inputSchema: none,
    handler: async (_args, { request }) => {
      const answer = await request("elicitation/create", {
        message: "Please review and update the form fields with defaults",
        requestedSchema: {
          type: "object",
          properties: {
            name: { type: "string", description: "User name", default: "John Doe" },
            age: { type: "integer", description: "User age", default: 30 },
            score: { type: "number", description: "User score", default: 95.5 },
            status: { type: "string", description: "User status", enum: ["active", "inactive", "pending"], default: "active" },
            verified: { type: "boolean", description: "Verification status", default: true },
          },
          required: [],
        },
      });
      return { text: `Elicitation completed: ${answered(answer)}` };
    },
  }),
  defineTool({
    name: "test_elicitation_sep1330_enums",
    title: "Elicitation with enums",
    description: "Asks the user to choose from single- and multi-select enum fields, titled and untitled.",
    inputSchema: none,
    handler: async (_args, { request }) => {
      const answer = await request("elicitation/create", {
        message: "Please select options from the enum fields",
        requestedSchema: {
          type: "object",
          properties: {
            untitledSingle: { type: "string", description: "Select one option", enum: ["option1", "option2", "option3"] },
            titledSingle: { type: "string", description: "Select one option with titles", oneOf: options("value", ["First Option", "Second Option", "Third Option"]) },
            legacyEnum: { type: "string", description: "Select one option (legacy)", enum: ["opt1", "opt2", "opt3"], enumNames: ["Option One", "Option Two", "Option Three"] },
            untitledMulti: { type: "array", description: "Select multiple options", minItems: 1, maxItems: 3, items: { type: "string", enum: ["option1", "option2", "option3"] } },
            titledMulti: {
              type: "array",
              description: "Select multiple options with titles",
              minItems: 1,
              maxItems: 3,
              items: { anyOf: options("value", ["First Choice", "Second Choice", "Third Choice"]) },
            },
          },
          required: [],
        },
      });
      return { text: `Elicitation completed: ${answered(answer)}` };
    },
  }),
];
