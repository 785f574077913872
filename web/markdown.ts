/**
 * @module A small Markdown reader for notes, over a safe subset: paragraphs (a newline is a line break,
 * as in chat), headings, `**strong**`, `*emphasis*`, `~~struck~~`, `code`, fenced code, lists, quotes,
 * rules, links to http(s) and mailto addresses only, and math — `$…$` inline and `$$…$$` displayed.
 *
 * It builds a tree, never HTML: whatever a note holds (tags, entities, `javascript:` links) stays text
 * unless it is one of the forms above, and the readers of the tree (note-view.ts for the page,
 * log-markdown.ts for the export) write only what the tree says. Nesting is bounded, and every scan is
 * linear or close to it, so no note can make a reader slow.
 */

export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "math"; tex: string; display: boolean }
  | { type: "strong" | "em" | "del"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] }
  | { type: "break" };

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "math"; tex: string }
  | { type: "quote"; children: Block[] }
  | { type: "list"; ordered: boolean; start: number; items: Block[][] }
  | { type: "rule" };

/** Deeper quotes, lists or emphasis than this are read as text. */
const MAX_DEPTH = 8;

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/** The address, if a note may link to it: absolute http, https or mailto; anything else is not a link. */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return LINK_SCHEMES.has(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

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

/**
 * Delimiters (and backtick runs) with no closer at or after a given index: a search from a later
 * opener would fail too, so it is not made again (this keeps `****…` and `` ` ` ` `` linear).
 */
type Misses = Map<string, number>;

export function inlines(source: string, depth = 0, misses: Misses = new Map()): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push({ type: "text", text });
    text = "";
  };
  const push = (node: Inline) => {
    flush();
    out.push(node);
  };
  let pairs: Map<number, number> | undefined;
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1] ?? "";
    if (c === "\\" && next === "\n") {
      push({ type: "break" });
      i += 2;
      continue;
    }
    if (c === "\\" && PUNCTUATION.test(next)) {
      text += next;
      i += 2;
      continue;
    }
    if (c === "\n") {
      push({ type: "break" });
      i++;
      continue;
    }
    if (c === "`") {
      const run = /^`+/.exec(source.slice(i))![0];
      const key = `\`${run.length}`;
      const missed = misses.get(key);
      const close = missed !== undefined && i >= missed ? -1 : findRun(source, "`", run.length, i + run.length);
      if (close < 0) misses.set(key, Math.min(missed ?? Infinity, i));
      if (close < 0) {
        text += run;
        i += run.length;
        continue;
      }
      let code = source.slice(i + run.length, close).replace(/\n/g, " ");
      if (/^ .*[^ ].* $/.test(code)) code = code.slice(1, -1);
      push({ type: "code", text: code });
      i = close + run.length;
      continue;
    }
    if (c === "$") {
      const math = readMath(source, i);
      if (math) {
        push({ type: "math", tex: math.tex, display: math.display });
        i = math.end;
        continue;
      }
      text += c;
      i++;
      continue;
    }
    if ((c === "*" || c === "_" || c === "~") && depth < MAX_DEPTH) {
      const emphasis = readEmphasis(source, i, depth, misses);
      if (emphasis) {
        push(emphasis.node);
        i = emphasis.end;
        continue;
      }
      const run = new RegExp(`^\\${c}+`).exec(source.slice(i))![0];
      text += run;
      i += run.length;
      continue;
    }
    if ((c === "[" || (c === "!" && next === "[")) && depth < MAX_DEPTH) {
      pairs ??= bracketPairs(source);
      const link = readLink(source, c === "!" ? i + 1 : i, depth, pairs);
      if (link) {
        push(link.node);
        i = link.end;
        continue;
      }
    }
    if (c === "<") {
      const auto = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/.exec(source.slice(i, i + 2048));
      const href = auto && safeHref(auto[1]!);
      if (auto && href) {
        push({ type: "link", href, children: [{ type: "text", text: auto[1]! }] });
        i += auto[0].length;
        continue;
      }
    }
    if ((c === "h" || c === "H") && !/[A-Za-z0-9]/.test(source[i - 1] ?? "")) {
      const bare = /^https?:\/\/[^\s<>]+/i.exec(source.slice(i, i + 2048));
      if (bare) {
        const url = bare[0].replace(/[.,;:!?'")\]*_~]+$/, "");
        const href = safeHref(url);
        if (href) {
          push({ type: "link", href, children: [{ type: "text", text: url }] });
          i += url.length;
          continue;
        }
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/** Each `[` with its matching `]`, in one pass (escaped brackets do not count). */
function bracketPairs(source: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "[") open.push(i);
    else if (c === "]" && open.length > 0) pairs.set(open.pop()!, i);
  }
  return pairs;
}

/** The index of the next run of exactly `length` × `char` at or after `from`, or -1. */
function findRun(source: string, char: string, length: number, from: number): number {
  let i = source.indexOf(char, from);
  while (i >= 0) {
    let end = i;
    while (source[end] === char) end++;
    if (end - i === length) return i;
    i = source.indexOf(char, end);
  }
  return -1;
}

/**
 * `$$…$$` (displayed) or `$…$` (inline) at `at`. Inline math opens on a `$` followed by a non-space and
 * closes on a `$` after a non-space that no digit follows, so prices ("$5 and $10") stay text.
 */
function readMath(source: string, at: number): { tex: string; display: boolean; end: number } | undefined {
  if (source[at + 1] === "$") {
    const close = source.indexOf("$$", at + 2);
    if (close < 0) return undefined;
    const tex = source.slice(at + 2, close).trim();
    return tex ? { tex, display: true, end: close + 2 } : undefined;
  }
  if (/\s/.test(source[at + 1] ?? " ")) return undefined;
  for (let i = at + 1; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "\n" && source[i + 1] === "\n") return undefined;
    if (c === "$") {
      if (/\s/.test(source[i - 1]!) || /\d/.test(source[i + 1] ?? "")) return undefined;
      return { tex: source.slice(at + 1, i), display: false, end: i + 1 };
    }
  }
  return undefined;
}

const EMPHASIS: Record<string, { type: "strong" | "em" | "del"; delimiter: string }[]> = {
  "*": [
    { type: "strong", delimiter: "**" },
    { type: "em", delimiter: "*" },
  ],
  _: [
    { type: "strong", delimiter: "__" },
    { type: "em", delimiter: "_" },
  ],
  "~": [{ type: "del", delimiter: "~~" }],
};
const WORD = /[\p{L}\p{N}]/u;

/**
 * `**strong**`, `*em*`, `~~del~~` (and `__`, `_` outside words) at `at`: an opener followed by a
 * non-space, closed by the nearest delimiter after a non-space (the end of a longer run, so that
 * `***both***` nests); `_` only between non-letters.
 */
function readEmphasis(source: string, at: number, depth: number, misses: Misses): { node: Inline; end: number } | undefined {
  const char = source[at]!;
  if (char === "_" && WORD.test(source[at - 1] ?? "")) return undefined;
  for (const { type, delimiter } of EMPHASIS[char] ?? []) {
    const length = delimiter.length;
    if (!source.startsWith(delimiter, at)) continue;
    // A single delimiter is not the first of a double one (that was tried, and failed, first).
    if (length === 1 && source[at + 1] === char) continue;
    const content = at + length;
    if (/\s/.test(source[content] ?? " ")) continue;
    const close = findCloser(source, delimiter, content + 1, misses);
    if (close < 0) continue;
    return { node: { type, children: inlines(source.slice(content, close), depth + 1) }, end: close + length };
  }
  return undefined;
}

/** Where `delimiter` closes, at `from` or after, or -1; a search that fails is remembered (see Misses). */
function findCloser(source: string, delimiter: string, from: number, misses: Misses): number {
  const missed = misses.get(delimiter);
  if (missed !== undefined && from >= missed) return -1;
  const char = delimiter[0]!;
  let at = source.indexOf(delimiter, from);
  while (at >= 0) {
    let runEnd = at;
    while (source[runEnd] === char) runEnd++;
    const close = runEnd - delimiter.length;
    if (close >= from && !/\s/.test(source[close - 1]!) && !(char === "_" && WORD.test(source[runEnd] ?? ""))) return close;
    at = source.indexOf(delimiter, runEnd);
  }
  misses.set(delimiter, Math.min(missed ?? Infinity, from));
  return -1;
}

/** `[text](url)` at `at` (an image's `![alt](url)` is read as a link to it); only safe addresses link. */
function readLink(source: string, at: number, depth: number, pairs: Map<number, number>): { node: Inline; end: number } | undefined {
  const close = pairs.get(at) ?? -1;
  if (close < 0 || source[close + 1] !== "(") return undefined;
  const target = /^\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/.exec(source.slice(close + 1, close + 2049));
  if (!target) return undefined;
  const url = target[1]!.replace(/^<|>$/g, "");
  const href = safeHref(url);
  const end = close + 1 + target[0].length;
  // An unsafe address is not a link: the whole of it stays as text, so nothing is hidden.
  if (!href) return { node: { type: "text", text: source.slice(source[at - 1] === "!" ? at - 1 : at, end) }, end };
  return { node: { type: "link", href, children: inlines(source.slice(at + 1, close), depth + 1) }, end };
}
