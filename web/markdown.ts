/**
 * @module A small Markdown reader for notes, over a safe subset: paragraphs (a newline is a line break,
 * as in chat), headings, `**strong**`, `*emphasis*`, `~~struck~~`, `code`, fenced code, lists, quotes,
 * rules, links to http(s) and mailto addresses only, and math — `$…$` inline and `$$…$$` displayed.
 *
 * It builds a tree, never HTML (the inline half is markdown-inline.ts): whatever a note holds (tags, entities, `javascript:` links) stays text
 * unless it is one of the forms above, and the readers of the tree (note-view.ts for the page,
 * log-markdown.ts for the export) write only what the tree says. Nesting is bounded, and every scan is
 * linear or close to it, so no note can make a reader slow.
 */
import { inlines, MAX_DEPTH } from "./markdown-inline.ts";
import type { Inline } from "./markdown-inline.ts";

export type { Inline } from "./markdown-inline.ts";
export { safeHref } from "./markdown-inline.ts";

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "math"; tex: string }
  | { type: "quote"; children: Block[] }
  | { type: "list"; ordered: boolean; start: number; items: Block[][] }
  | { type: "rule" };

export function parseMarkdown(source: string): Block[] {
  return blocks(source.replace(/\r\n?/g, "\n").split("\n"), 0);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const DISPLAY_MATH = /^ {0,3}\$\$/;

const blank = (line: string) => line.trim() === "";
const startsBlock = (line: string) =>
  FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || ITEM.test(line) || DISPLAY_MATH.test(line);

function blocks(lines: string[], depth: number): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line)) {
      i++;
      continue;
    }
    if (depth >= MAX_DEPTH) {
      // Too deep to go on structuring: the rest is one paragraph of text.
      out.push({ type: "paragraph", children: [{ type: "text", text: lines.slice(i).join("\n").trim() }] });
      break;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}[ \\t]*$`).test(lines[i]!)) body.push(lines[i++]!);
      i++;
      out.push({ type: "code", text: body.join("\n") });
      continue;
    }
    if (DISPLAY_MATH.test(line)) {
      const first = line.trim().slice(2);
      const closing = first.indexOf("$$");
      if (closing >= 0) {
        out.push({ type: "math", tex: first.slice(0, closing).trim() });
        const rest = first.slice(closing + 2).trim();
        if (rest) out.push({ type: "paragraph", children: inlines(rest, depth) });
        i++;
        continue;
      }
      const body = [first];
      let j = i + 1;
      while (j < lines.length && !lines[j]!.includes("$$")) body.push(lines[j++]!);
      if (j < lines.length) {
        const last = lines[j]!;
        body.push(last.slice(0, last.indexOf("$$")));
        out.push({ type: "math", tex: body.join("\n").trim() });
        const rest = last.slice(last.indexOf("$$") + 2).trim();
        if (rest) out.push({ type: "paragraph", children: inlines(rest, depth) });
        i = j + 1;
        continue;
      }
      // No closing $$: not math, a paragraph as written.
    }
    const heading = HEADING.exec(line);
    if (heading) {
      out.push({ type: "heading", level: heading[1]!.length, children: inlines(heading[2] ?? "", depth) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push({ type: "rule" });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) body.push(lines[i++]!.replace(QUOTE, ""));
      out.push({ type: "quote", children: blocks(body, depth + 1) });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      i = list(lines, i, depth, out);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && !blank(lines[i]!) && (paragraph.length === 0 || !startsBlock(lines[i]!))) paragraph.push(lines[i++]!.trim());
    out.push({ type: "paragraph", children: inlines(paragraph.join("\n"), depth) });
  }
  return out;
}

/** Reads a list from `start`, appends it, and answers the index of the first line after it. */
function list(lines: string[], start: number, depth: number, out: Block[]): number {
  const first = ITEM.exec(lines[start]!)!;
  const ordered = /\d/.test(first[2]!);
  const kind = (marker: string) => (ordered ? marker.slice(-1) : marker);
  const items: Block[][] = [];
  let i = start;
  while (i < lines.length) {
    const item = ITEM.exec(lines[i]!);
    if (!item || /\d/.test(item[2]!) !== ordered || kind(item[2]!) !== kind(first[2]!) || item[1]!.length > first[1]!.length) break;
    const indent = item[0].length;
    const body = [lines[i]!.slice(indent)];
    i++;
    // The item goes on over indented lines, and over blank lines followed by indented ones.
    while (i < lines.length) {
      const next = lines[i]!;
      if (blank(next)) {
        const after = lines.slice(i).findIndex((l) => !blank(l));
        if (after < 0 || !/^[ \t]{2,}/.test(lines[i + after]!)) break;
        body.push("");
        i++;
        continue;
      }
      if (/^[ \t]{2,}/.test(next)) body.push(next.replace(/^[ \t]{1,4}/, ""));
      else if (!startsBlock(next) && !blank(body[body.length - 1]!)) body.push(next.trim()); // a lazy continuation
      else break;
      i++;
    }
    items.push(blocks(body, depth + 1));
    while (i < lines.length && blank(lines[i]!) && ITEM.test(lines.slice(i).find((l) => !blank(l)) ?? "")) i++;
  }
  out.push({ type: "list", ordered, start: ordered ? Math.min(Number.parseInt(first[2]!, 10), 1e9) : 1, items });
  return i;
}
