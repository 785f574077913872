/**
 * @module The variables tool: list the room's variables and functions, delete one, or clear them all.
 */
import * as z from "zod";
import { defineTool } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { resultShape } from "./schema.ts";

const VariableShape = z.object({
  name: z.string(),
  kind: z.enum(["value", "function"]),
  definition: z.string().describe("The assignment that rebuilds it"),
  display: z.string(),
  by: z.string().describe("Who set it last"),
  at: z.string(),
});

export const variablesTool = defineTool({
  name: "variables",
  title: "Room variables",
  description:
    "Lists the variables and functions defined in this room with evaluate (r = 7, f(x) = x^2 + 1), shared by " +
    "every participant; or deletes one (action \"delete\" with its name), or clears them all (action \"clear\").",
  inputSchema: z.strictObject({
    action: z.enum(["list", "delete", "clear"]).optional().describe("Default \"list\""),
    name: z.string().optional().describe("The variable to delete (action \"delete\")"),
  }),
  outputSchema: z.object({ ...resultShape, variables: z.array(VariableShape), removed: z.number().int().optional() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  handler: ({ action = "list", name }, { room }) => {
    const store = room.variables;
    if (action === "delete") {
      if (!name) throw new ToolError("name is required to delete a variable");
      if (!store.delete(name)) throw new ToolError(`there is no room variable named ${name}`);
    } else if (name !== undefined) {
      throw new ToolError(`name is only used with action "delete"`);
    }
    const removed = action === "clear" ? store.clear() : action === "delete" ? 1 : undefined;
    const variables = store.list();
    const listing = variables.map((v) => (v.kind === "function" ? v.display : `${v.name} = ${v.display}`)).join("\n");
    const head =
      action === "clear" ? `Cleared ${removed} variable${removed === 1 ? "" : "s"}.` : action === "delete" ? `Deleted ${name}.` : "";
    const body = variables.length ? `${variables.length} room variable${variables.length === 1 ? "" : "s"}:\n${listing}` : "No room variables.";
    return {
      structured: { value: listing, type: "variables", variables, ...(removed !== undefined ? { removed } : {}) },
      text: head ? `${head} ${body}` : body,
    };
  },
});
