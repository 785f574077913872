/**
 * @module How a tool's result reads in the log: its text, its images (plots) inline, and short notes
 * for audio and resources.
 */
import { html, nothing } from "lit";
import type { TemplateResult } from "lit";
import { blocksOf, IMAGE_TYPES, resultText } from "./event-text.ts";

/** The result's blocks; `text: false` leaves out its text, when the entry shows it typeset instead. */
export function renderResult(result: unknown, tool: string, { text = true } = {}): TemplateResult | typeof nothing {
  const blocks = blocksOf(result).filter((b) => text || b.type !== "text");
  if (!text && blocks.length === 0) return nothing;
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
