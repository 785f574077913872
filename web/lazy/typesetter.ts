/**
 * @module The math renderer, loaded when the first formula is shown (never with the first load): KaTeX,
 * configured so that nothing in a formula can reach the page but typeset math — no links, no classes,
 * ids, styles or data attributes (`trust: false`), no non-standard input (`strict: "error"`), no boxes
 * larger than the card (`maxSize`), no runaway macros (`maxExpand`), and no macro that outlives its
 * formula (a fresh `macros` each time). Every formula carries MathML for screen readers.
 *
 * Its stylesheet (for the shadow roots that show formulas) and its fonts come from the build
 * (scripts/katex-assets.ts); the fonts sit beside this module and load, from there, when first used.
 * With it come the pieces that only matter where math is shown: a log entry's statement, the note
 * reader, and the Markdown export.
 */
import katex from "katex";


/** KaTeX's rules, to adopt in a shadow root. */
export const stylesheet = new CSSStyleSheet();
stylesheet.replaceSync(__KATEX_CSS__);

/** The longest formula rendered; longer ones are shown as text. */
export const MAX_LATEX = 20_000;

/**
 * Adds KaTeX's faces to the document (fonts declared inside a shadow root are not used), once; each
 * font file loads when some formula first needs it.
 */
function installFonts(): void {
  // (The Workers types in this project give FontFaceSet no `add`; browsers have it.)
  const faces = document.fonts as unknown as { add(face: FontFace): void } | undefined;
  if (typeof FontFace === "undefined" || !faces) return;
  for (const font of __KATEX_FONTS__) {
    const url = new URL(font.file, import.meta.url).href;
    faces.add(new FontFace(font.family, `url(${JSON.stringify(url)}) format("woff2")`, { style: font.style, weight: font.weight, display: "block" }));
  }
}
installFonts();

/**
 * The formula as HTML (with MathML inside), or a thrown `Error` whose message says what is wrong.
 * `display` typesets it as a displayed equation (centred, `\displaystyle`).
 */
export function render(latex: string, display = false): string {
  if (latex.length > MAX_LATEX) throw new Error(`the formula is longer than ${MAX_LATEX} characters`);
  return katex.renderToString(latex, {
    displayMode: display,
    output: "htmlAndMathml",
    throwOnError: true,
    trust: false,
    strict: "error",
    maxSize: 10,
    maxExpand: 500,
    macros: {},
    globalGroup: false,
  });
}

// What turns the log's events into math, and notes into Markdown trees: needed only where KaTeX is.
export { entryMath, needsParser } from "../entry-math.ts";
export { parseMarkdown, safeHref } from "../markdown.ts";
export { logMarkdown } from "../log-markdown.ts";
