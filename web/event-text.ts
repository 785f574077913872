/**
 * @module A room event read as text: its result's blocks and text, its arguments in one line, whether
 * it failed, whether it is a note. Plain functions (no Lit), for the log and for the export alike.
 */
import type { RoomEvent } from "../shared/events.ts";
import { NOTE_TOOL } from "../shared/notes.ts";

export type ContentBlock = { type?: unknown; text?: unknown; data?: unknown; mimeType?: unknown; resource?: { uri?: unknown }; uri?: unknown };

/** Images a browser shows safely from a data URL (an SVG in <img> runs no script). */
export const IMAGE_TYPES = new Set(["image/svg+xml", "image/png", "image/jpeg", "image/gif", "image/webp"]);

export function blocksOf(result: unknown): ContentBlock[] {
  const content = (result as { content?: unknown } | undefined)?.content;
  return Array.isArray(content) ? (content.filter((b) => typeof b === "object" && b !== null) as ContentBlock[]) : [];
}

/** The result's text, joined: what a screen reader or an image's alt says. */
export function resultText(result: unknown): string {
  return blocksOf(result)
    .filter((b) => b.type === "text" && typeof b.text === "string")
    .map((b) => b.text as string)
    .join("\n");
}

const shortJson = (value: unknown) => {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};

/** `expression: sin(x) · from: -pi · to: pi` */
export function argumentsText(args: unknown): string {
  if (typeof args !== "object" || args === null) return args === undefined ? "" : shortJson(args);
  return Object.entries(args as Record<string, unknown>)
    .map(([name, value]) => `${name}: ${shortJson(value)}`)
    .join(" · ");
}

/** A failed call: an error in the event, or a result that says it is one. */
export function failureOf(event: RoomEvent): string | undefined {
  if (event.error) return event.error.message;
  if ((event.result as { isError?: unknown } | undefined)?.isError === true) return resultText(event.result) || "The call failed";
  return undefined;
}

/** A note: its Markdown, when the event is one that succeeded. */
export function noteOf(event: RoomEvent): string | undefined {
  const text = (event.arguments as { text?: unknown } | undefined)?.text;
  return event.tool === NOTE_TOOL && typeof text === "string" && failureOf(event) === undefined ? text : undefined;
}

/** A result whose text already shows every argument (`2 + 3 = 5`, `r = 7`) needs no arguments line. */
export function saysItsArguments(event: RoomEvent): boolean {
  const text = resultText(event.result);
  const args = event.arguments;
  if (!text || typeof args !== "object" || args === null) return false;
  const values = Object.values(args);
  return values.length > 0 && values.every((v) => (typeof v === "string" || typeof v === "number") && text.includes(String(v)));
}
