/**
 * @module The inline half of the note reader (markdown.ts): emphasis, code, math, links, line breaks,
 * and text — everything else. Every scan is linear or close to it (see Misses), so no line of a note can
 * make a reader slow.
 */

export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "math"; tex: string; display: boolean }
  | { type: "strong" | "em" | "del"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] }
  | { type: "break" };

/** Deeper quotes, lists or emphasis than this are read as text. */
export const MAX_DEPTH = 8;

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

/**
 * Delimiters (and backtick runs) with no closer at or after a given index: a search from a later
 * opener would fail too, so it is not made again (this keeps `****…` and `` ` ` ` `` linear).
 */
type Misses = Map<string, number>;

/** `inLink`: inside a link's text, where no further link may start. */
export function inlines(source: string, depth = 0, misses: Misses = new Map(), inLink = false): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push({ type: "text", text });
    text = "";
  };
  const push = (node: Inline) => {
    if (node.type === "text") return void (text += node.text);
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
      const emphasis = readEmphasis(source, i, depth, misses, inLink);
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
    if ((c === "[" || (c === "!" && next === "[")) && depth < MAX_DEPTH && !inLink) {
      pairs ??= bracketPairs(source);
      const link = readLink(source, c === "!" ? i + 1 : i, depth, pairs);
      if (link) {
        push(link.node);
        i = link.end;
        continue;
      }
    }
    if (c === "<" && !inLink) {
      const auto = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/.exec(source.slice(i, i + 2048));
      const href = auto && safeHref(auto[1]!);
      if (auto && href) {
        push({ type: "link", href, children: [{ type: "text", text: auto[1]! }] });
        i += auto[0].length;
        continue;
      }
    }
    if ((c === "h" || c === "H") && !inLink && !/[A-Za-z0-9]/.test(source[i - 1] ?? "")) {
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
function readEmphasis(source: string, at: number, depth: number, misses: Misses, inLink: boolean): { node: Inline; end: number } | undefined {
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
    return { node: { type, children: inlines(source.slice(content, close), depth + 1, new Map(), inLink) }, end: close + length };
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
  return { node: { type: "link", href, children: inlines(source.slice(at + 1, close), depth + 1, new Map(), true) }, end };
}
