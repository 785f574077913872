/**
 * @module The room's log as a Markdown document with LaTeX, readable on any Markdown viewer: for each
 * event who, when and what, the statement as `$$…$$` math beside its plain text, notes as they were
 * written (read and written again through the note reader, so nothing but the safe subset survives),
 * errors, and plots as images (data URLs). Part of the lazily loaded renderer.
 *
 * Nothing from the log is written as HTML: names and text are escaped, code is fenced, and no `<` in
 * math can open a tag, so a viewer without math support shows no markup either.
 */
import type { RoomEvent } from "../shared/events.ts";
import { entryMath } from "./entry-math.ts";
import { argumentsText, blocksOf, failureOf, IMAGE_TYPES, noteOf, resultText, saysItsArguments } from "./event-text.ts";
import { parseMarkdown } from "./markdown.ts";
import type { Block, Inline } from "./markdown.ts";
import type { LogExport } from "./room-client.ts";
import type { ParserModule } from "./typeset.ts";

/** Text with every character Markdown could read as syntax (or HTML) escaped, and no more. */
export function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>$~|&]/g, "\\$&")
    .replace(/^(\s*)([#>+=-]|\d+(?=[.)]))/gm, (_, space: string, mark: string) => `${space}${/\d/.test(mark) ? `${mark}\\` : `\\${mark}`}`);
}

/**
 * LaTeX that no viewer can take for HTML: a `<` that could open a tag is followed by an empty group,
 * which LaTeX ignores (in math and in text alike) and which no tag starts with.
 */
const safeMath = (tex: string) => tex.replace(/<(?=[A-Za-z/!?])/g, "<{}");

/** A code span that holds any text (a fence longer than any run of backticks inside it). */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${/^`|`$|^ .* $/.test(text) || text === "" ? ` ${text} ` : text}${fence}`;
}

function codeBlock(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

const displayMath = (tex: string) => `$$\n${safeMath(tex).replace(/\$\$/g, "\\$\\$")}\n$$`;

function inline(node: Inline): string {
  switch (node.type) {
    case "text":
      return escapeText(node.text);
    case "break":
      return "\\\n";
    case "code":
      return code(node.text);
    case "math":
      return node.display ? `$$${safeMath(node.tex)}$$` : `$${safeMath(node.tex)}$`;
    case "strong":
      return `**${node.children.map(inline).join("")}**`;
    case "em":
      return `*${node.children.map(inline).join("")}*`;
    case "del":
      return `~~${node.children.map(inline).join("")}~~`;
    case "link":
      return `[${node.children.map(inline).join("")}](${node.href.replace(/[()\s<>]/g, encodeURIComponent)})`;
  }
}

function block(node: Block): string {
  switch (node.type) {
    case "paragraph":
      return node.children.map(inline).join("");
    case "heading":
      return `**${node.children.map(inline).join("")}**`;
    case "code":
      return codeBlock(node.text);
    case "math":
      return displayMath(node.tex);
    case "quote":
      return blocks(node.children)
        .split("\n")
        .map((line) => `> ${line}`.trimEnd())
        .join("\n");
    case "list":
      return node.items
        .map((item, i) => {
          const marker = node.ordered ? `${node.start + i}. ` : "- ";
          return blocks(item)
            .split("\n")
            .map((line, j) => (j === 0 ? marker : " ".repeat(marker.length)) + line)
            .join("\n")
            .trimEnd();
        })
        .join("\n");
    case "rule":
      return "---";
  }
}

const blocks = (nodes: Block[]) => nodes.map(block).join("\n\n");

/** A note's Markdown, as the safe subset the room's readers see, written again. */
export function noteMarkdown(markdown: string): string {
  return blocks(parseMarkdown(markdown));
}

const when = (at: string) => (Number.isNaN(Date.parse(at)) ? escapeText(at) : `${new Date(at).toISOString().slice(0, 19).replace("T", " ")} UTC`);

function entry(event: RoomEvent, parser: ParserModule | undefined): string {
  const lines = [`### #${event.seq} · ${escapeText(event.by)} · ${escapeText(event.tool)}`, "", when(event.at), ""];
  const note = noteOf(event);
  if (note !== undefined) {
    lines.push(blocks(parseMarkdown(note)).split("\n").map((line) => `> ${line}`.trimEnd()).join("\n"));
    return lines.join("\n");
  }
  const failure = failureOf(event);
  const math = failure === undefined ? entryMath(event, parser) : { showsArguments: false, latex: undefined };
  const showsArguments = math.latex !== undefined ? math.showsArguments : saysItsArguments(event);
  const args = argumentsText(event.arguments);
  if (args && (failure !== undefined || !showsArguments)) lines.push(`Arguments: ${code(args)}`, "");
  if (failure !== undefined) {
    lines.push(`**Error:** ${escapeText(failure)}`);
    return lines.join("\n");
  }
  if (math.latex !== undefined) lines.push(displayMath(math.latex), "");
  const text = resultText(event.result);
  if (text) lines.push(text.includes("\n") ? codeBlock(text) : `Result: ${code(text)}`, "");
  const alt = escapeText(text.split("\n")[0] || `${event.tool} result`);
  for (const b of blocksOf(event.result)) {
    if (b.type === "image" && typeof b.data === "string" && typeof b.mimeType === "string" && IMAGE_TYPES.has(b.mimeType) && /^[A-Za-z0-9+/=]*$/.test(b.data)) {
      lines.push(`![${alt}](data:${b.mimeType};base64,${b.data})`, "");
    }
  }
  return lines.join("\n").trimEnd();
}

/** The whole kept log as Markdown. `parser` typesets calls in mathjs syntax; without it they are text. */
export function logMarkdown(log: LogExport, parser: ParserModule | undefined): string {
  const range = log.events.length === 0 ? "no events" : `events #${log.events[0]!.seq}–#${log.events[log.events.length - 1]!.seq}`;
  const head = [
    `# Room ${escapeText(log.room)}`,
    "",
    `A math-mcp room's log: ${range}, exported ${when(log.exportedAt)}. Math is LaTeX between \`$\` and \`$$\`; plots are SVG images.`,
  ];
  if (log.firstSeq !== null && log.firstSeq > 1) head.push("", `*Entries before #${log.firstSeq} are no longer kept by the room.*`);
  return `${[head.join("\n"), ...log.events.map((e) => entry(e, parser))].join("\n\n---\n\n")}\n`;
}
