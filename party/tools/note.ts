/**
 * @module The note tool: a few lines of Markdown with `$…$` and `$$…$$` math, appended to the room's
 * log like any call, so a tutor (an AI agent or a person) can explain a step and anyone can ask.
 *
 * The room keeps the text as it was written; every reader renders it (the web component over a safe
 * subset of Markdown, with no HTML at all), so nothing here needs escaping.
 */
import { z } from "zod";
import { defineTool } from "./registry.ts";
import type { ToolDefinition } from "./registry.ts";
import { MAX_NOTE_LENGTH, NOTE_TOOL } from "../../shared/notes.ts";

export const noteTool: ToolDefinition = defineTool({
  name: NOTE_TOOL,
  title: "Note",
  description:
    "Writes a note to the room's log for everyone in the room to read: an explanation of a step, a hint, a question. " +
    "Markdown (paragraphs, **bold**, *italic*, `code`, lists, > quotes, [links](https://…)) with LaTeX math: " +
    "$\\frac{a}{b}$ inline, $$\\int_0^1 x^2\\,dx = \\frac{1}{3}$$ on its own line. HTML is shown as text, never run.",
  inputSchema: z.strictObject({
    text: z
      .string()
      .max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`)
      .refine((text) => text.trim() !== "", "must not be empty")
      .describe("The note, in Markdown with $…$ and $$…$$ math"),
  }),
  outputSchema: z.object({ characters: z.number().int().describe("The note's length in characters") }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  handler: ({ text }) => ({ text: "Note added to the room's log.", structured: { characters: text.length } }),
});
