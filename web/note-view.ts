/**
 * @module A note as a person reads it: the Markdown tree (markdown.ts, read by the lazily loaded
 * renderer) written out as Lit templates, so every piece of the note's text reaches the page as text —
 * never as markup — and only links to safe addresses (checked again here) and typeset math
 * (`<math-tex>`) are more than text. Before the renderer has loaded, the note shows as it was written.
 */
import { html, nothing } from "lit";
import type { TemplateResult } from "lit";
import type { Block, Inline } from "./markdown.ts";
import "./math-tex.ts";
import type { TypesetterModule } from "./typeset.ts";

/** The link checks of markdown.ts, once more where the page is written: only these addresses link. */
const safeHref = (href: string) => (/^(https?:\/\/|mailto:)/i.test(href) ? href : undefined);

function inline(node: Inline): TemplateResult | string {
  switch (node.type) {
    case "text":
      return node.text;
    case "break":
      return html`<br />`;
    case "code":
      return html`<code>${node.text}</code>`;
    case "math":
      return html`<math-tex part="note-math" .latex=${node.tex} ?display=${node.display} .fallback=${node.display ? `$$${node.tex}$$` : `$${node.tex}$`}></math-tex>`;
    case "strong":
      return html`<strong>${node.children.map(inline)}</strong>`;
    case "em":
      return html`<em>${node.children.map(inline)}</em>`;
    case "del":
      return html`<del>${node.children.map(inline)}</del>`;
    case "link": {
      const href = safeHref(node.href);
      const children = node.children.map(inline);
      return href ? html`<a href=${href} target="_blank" rel="noopener noreferrer nofollow ugc">${children}</a>` : html`${children}`;
    }
  }
}

function block(node: Block): TemplateResult {
  switch (node.type) {
    case "paragraph":
      return html`<p>${node.children.map(inline)}</p>`;
    case "heading":
      // Headings of a note stay inside it: styled as headings, not part of the page's outline.
      return html`<p class="heading heading-${Math.min(node.level, 3)}">${node.children.map(inline)}</p>`;
    case "code":
      return html`<pre><code>${node.text}</code></pre>`;
    case "math":
      return html`<math-tex part="note-math" display .latex=${node.tex} .fallback=${`$$${node.tex}$$`}></math-tex>`;
    case "quote":
      return html`<blockquote>${node.children.map(block)}</blockquote>`;
    case "list": {
      const items = node.items.map((item) => html`<li>${item.map(block)}</li>`);
      return node.ordered ? html`<ol start=${node.start === 1 ? nothing : node.start}>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case "rule":
      return html`<hr />`;
  }
}

/** Notes already read, by their text: the log renders every note again with each new entry. */
const read = new Map<string, Block[]>();

/** The note's Markdown, as templates to put in the page; as plain text while the renderer loads. */
export function renderNote(markdown: string, typesetter: TypesetterModule | undefined): TemplateResult {
  if (!typesetter) return html`<p class="raw">${markdown}</p>`;
  let tree = read.get(markdown);
  if (!tree) {
    tree = typesetter.parseMarkdown(markdown);
    if (read.size >= 500) read.delete(read.keys().next().value!);
    read.set(markdown, tree);
  }
  return html`${tree.map(block)}`;
}
