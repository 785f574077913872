/**
 * @module How a tool's result reads in the log: its text, its images (plots) inline, and short notes
 * for audio and resources; and a call's arguments in one line.
 */
import { html, nothing } from "lit";
import type { TemplateResult } from "lit";

type Block = { type?: unknown; text?: unknown; data?: unknown; mimeType?: unknown; resource?: { uri?: unknown }; uri?: unknown };

/** Images a browser shows safely from a data URL (an SVG in <img> runs no script). */
const IMAGE_TYPES = new Set(["image/svg+xml", "image/png", "image/jpeg", "image/gif", "image/webp"]);

function blocksOf(result: unknown): Block[] {
  const content = (result as { content?: unknown } | undefined)?.content;
  return Array.isArray(content) ? (content.filter((b) => typeof b === "object" && b !== null) as Block[]) : [];
}

/** The result's text, joined: what a screen reader or an image's alt says. */
export function resultText(result: unknown): string {
  return blocksOf(result)
    .filter((b) => b.type === "text" && typeof b.text === "string")
    .map((b) => b.text as string)
    .join("\n");
}

export function renderResult(result: unknown, tool: string): TemplateResult | typeof nothing {
  const blocks = blocksOf(result);
  if (blocks.length === 0) {
    const structured = (result as { structuredContent?: unknown } | undefined)?.structuredContent;
    return structured === undefined ? nothing : html`<div class="text">${JSON.stringify(structured)}</div>`;
  }
  const alt = resultText(result) || `${tool} result`;
  return html`${blocks.map((block) => {
    if (block.type === "text" && typeof block.text === "string") return html`<div class="text" part="result-text">${block.text}</div>`;
    if (block.type === "image" && typeof block.data === "string" && typeof block.mimeType === "string" && IMAGE_TYPES.has(block.mimeType)) {
      return html`<figure class="figure" part="figure"><img part="image" src="data:${block.mimeType};base64,${block.data}" alt=${alt} loading="lazy" /></figure>`;
    }
    if (block.type === "audio") return html`<div class="note">(audio)</div>`;
    const uri = block.resource?.uri ?? block.uri;
    if (typeof uri === "string") return html`<div class="note">resource: <code>${uri}</code></div>`;
    return nothing;
  })}`;
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
