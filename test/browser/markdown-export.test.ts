/**
 * The log as Markdown with LaTeX (what Download → Markdown gives): who, when, what, the result as `$$…$$`
 * beside its text, notes, errors and plots as images; read back by a CommonMark reader (micromark, with
 * raw HTML and any address allowed, as the most permissive viewer would) it shows all of that and no markup from the log.
 */
import { micromark } from "micromark";
import { describe, expect, it } from "vitest";
import * as parser from "../../web/lazy/expression-tex.ts";
import { logMarkdown, noteMarkdown } from "../../web/log-markdown.ts";
import { parseMarkdown } from "../../web/markdown.ts";
import type { LogExport } from "../../web/room-client.ts";
import { XSS_CORPUS } from "./xss-corpus.ts";

const at = (seq: number) => new Date(Date.UTC(2026, 10, 24, 12, 0, seq)).toISOString();
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="teal"/></svg>').toString("base64");

const LOG: LogExport = {
  room: "algebra_1",
  exportedAt: "2026-11-24T13:00:00.000Z",
  firstSeq: 11,
  lastSeq: 15,
  events: [
    {
      seq: 11,
      at: at(11),
      by: "ada",
      tool: "evaluate",
      arguments: { expression: "pi*r^2" },
      result: { content: [{ type: "text", text: "pi*r^2 = 153.93804002589985" }], structuredContent: { value: "153.93804002589985", type: "number", latex: "153.93804002589985" } },
    },
    { seq: 12, at: at(12), by: "bob*", tool: "divide", arguments: { a: 1, b: 0 }, error: { message: "divide: b must not be 0" } },
    {
      seq: 13,
      at: at(13),
      by: "claude",
      tool: "plot",
      arguments: { expression: "sin(x)", from: "-pi", to: "pi" },
      result: { content: [{ type: "text", text: "Plot of sin(x) for x from -pi to pi" }, { type: "image", data: svg, mimeType: "image/svg+xml" }], structuredContent: { type: "plot" } },
    },
    {
      seq: 14,
      at: at(14),
      by: "tutor",
      tool: "note",
      arguments: { text: "Complete the square: $x^2 + 6x = (x + 3)^2 - 9$.\n\n$$\\int_0^1 x^2\\,dx = \\frac{1}{3}$$\n\n1. **first** step\n2. see [the notes](https://example.com/notes)" },
      result: { content: [{ type: "text", text: "Note added to the room's log." }] },
    },
    {
      seq: 15,
      at: at(15),
      by: "ada",
      tool: "variables",
      arguments: {},
      result: { content: [{ type: "text", text: "2 room variables:\nr = 7\nf(x) = x ^ 2 + 1" }], structuredContent: { value: "r = 7\nf(x) = x ^ 2 + 1", type: "variables" } },
    },
  ],
};

describe("the log as Markdown", () => {
  it("says who, when and what, with each result as LaTeX and as text, notes as written, errors, and plots as images", () => {
    const markdown = logMarkdown(LOG, parser);
    const entries = markdown.split("\n\n---\n\n");
    expect(entries).toHaveLength(6);
    expect(entries[0]).toBe(
      "# Room algebra\\_1\n\nA math-mcp room's log: events #11–#15, exported 2026-11-24 13:00:00 UTC. Math is LaTeX between `$` and `$$`; plots are SVG images.\n\n" +
        "*Entries before #11 are no longer kept by the room.*",
    );
    expect(entries[1]).toBe("### #11 · ada · evaluate\n\n2026-11-24 12:00:11 UTC\n\n$$\n\\pi\\cdot{ r}^{2} = 153.93804002589985\n$$\n\nResult: `pi*r^2 = 153.93804002589985`");
    expect(entries[2]).toBe("### #12 · bob\\* · divide\n\n2026-11-24 12:00:12 UTC\n\nArguments: `a: 1 · b: 0`\n\n**Error:** divide: b must not be 0");
    expect(entries[3]).toBe(
      `### #13 · claude · plot\n\n2026-11-24 12:00:13 UTC\n\nResult: \`Plot of sin(x) for x from -pi to pi\`\n\n![Plot of sin(x) for x from -pi to pi](data:image/svg+xml;base64,${svg})`,
    );
    expect(entries[4]).toBe(
      "### #14 · tutor · note\n\n2026-11-24 12:00:14 UTC\n\n" +
        "> Complete the square: $x^2 + 6x = (x + 3)^2 - 9$.\n>\n> $$\n> \\int_0^1 x^2\\,dx = \\frac{1}{3}\n> $$\n>\n> 1. **first** step\n> 2. see [the notes](https://example.com/notes)",
    );
    expect(entries[5]).toBe("### #15 · ada · variables\n\n2026-11-24 12:00:15 UTC\n\n```text\n2 room variables:\nr = 7\nf(x) = x ^ 2 + 1\n```\n");

    // As a viewer reads it: headings, the math, the plot as an image, the note's list and link.
    const html = micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });
    expect(html).toContain("<h3>#11 · ada · evaluate</h3>");
    expect(html).toContain("<h3>#12 · bob* · divide</h3>");
    expect(html).toContain(`<img src="data:image/svg+xml;base64,${svg}" alt="Plot of sin(x) for x from -pi to pi" />`);
    expect(html).toContain('<li><strong>first</strong> step</li>');
    expect(html).toContain('<a href="https://example.com/notes">the notes</a>');
    expect(html).toContain("$x^2 + 6x = (x + 3)^2 - 9$");
  });

  it("writes notes back as the safe subset: read again they are the same note, and no viewer finds markup in them", () => {
    const notes = XSS_CORPUS.map((text, i) => ({ seq: i + 1, at: at(i + 1), by: `<img src=x onerror=pwn('name${i}')>`, tool: "note", arguments: { text }, result: { content: [] } }));
    const markdown = logMarkdown({ room: "xss", exportedAt: at(0), firstSeq: 1, lastSeq: notes.length, events: notes }, parser);
    const html = micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });
    // Every tag in the page a viewer makes is one of Markdown's own; none carries a handler or a script.
    const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)];
    expect(new Set(tags.map((t) => t[1]))).toEqual(new Set(["h1", "p", "em", "hr", "h3", "blockquote", "a", "code", "pre", "strong", "ul", "li"]));
    for (const [tag, , attributes] of tags) {
      expect(attributes, tag).not.toMatch(/\son\w+=/i);
      if (attributes!.includes("href")) expect(attributes).toMatch(/^ href="https:\/\/[^"]*"$/);
    }
    expect(html).not.toMatch(/javascript:[^<]*<\/a>|href="(?!https)/i);
    // Each note, written out and read again, is the note the room's readers saw (but for the empty
    // groups that keep a `<` in math from opening a tag).
    const tagless = (tree: unknown) => JSON.parse(JSON.stringify(tree).replaceAll("<{}", "<"));
    for (const text of [...XSS_CORPUS, (LOG.events[3]!.arguments as { text: string }).text]) {
      expect(tagless(parseMarkdown(noteMarkdown(text))), text).toEqual(parseMarkdown(text));
    }
  });
});
