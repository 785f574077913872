/**
 * @module KaTeX's stylesheet and fonts, made ready for the lazily loaded renderer: the stylesheet without
 * its `@font-face` rules (the renderer's own shadow roots adopt it), and the fonts as woff2 files asked for
 * with their content's hash (`?v=`), so the Worker can serve them as immutable with long-lived caching.
 *
 * Fonts declared inside a shadow root are not used by browsers, so the renderer adds the faces to the
 * document itself (`document.fonts`), from these entries, with URLs relative to its own module.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** One face of a KaTeX font: `file` is its URL relative to the renderer's module (both live in lazy/). */
export type FontFaceEntry = { family: string; style: string; weight: string; file: string };

export type KatexAssets = {
  /** KaTeX's rules without `@font-face`. */
  css: string;
  fonts: FontFaceEntry[];
  /** The font files, by their path under dist/public. */
  files: Record<string, Uint8Array>;
};

const KATEX_DIST = join(dirname(createRequire(import.meta.url).resolve("katex/package.json")), "dist");

export const contentHash = (content: string | Uint8Array) => createHash("sha256").update(content).digest("base64url").slice(0, 10);

const declaration = (rule: string, name: string) => new RegExp(`${name}:\\s*([^;}]+)`).exec(rule)?.[1]?.trim();

export function katexAssets(): KatexAssets {
  const stylesheet = readFileSync(join(KATEX_DIST, "katex.min.css"), "utf8");
  const fonts: FontFaceEntry[] = [];
  const files: Record<string, Uint8Array> = {};
  for (const [rule] of stylesheet.matchAll(/@font-face\{[^}]*\}/g)) {
    const source = /url\((fonts\/[^)]+\.woff2)\)/.exec(rule)?.[1];
    const family = declaration(rule, "font-family");
    if (!source || !family) throw new Error(`build-web: KaTeX's @font-face rule changed shape: ${rule.slice(0, 120)}`);
    const content = new Uint8Array(readFileSync(join(KATEX_DIST, source)));
    files[`lazy/${source}`] = content;
    const file = `${source}?v=${contentHash(content)}`;
    fonts.push({ family, style: declaration(rule, "font-style") ?? "normal", weight: declaration(rule, "font-weight") ?? "400", file });
  }
  if (fonts.length === 0) throw new Error("build-web: found no fonts in KaTeX's stylesheet");
  // A shadow root has no body to count equations in; the rest applies as it is.
  const css = stylesheet.replace(/@font-face\{[^}]*\}/g, "").replace(/body\{counter-reset:[^}]*\}/, "");
  return { css, fonts, files };
}
