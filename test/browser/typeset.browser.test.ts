/**
 * Math people can read, element by element in real Chromium: log entries typeset by KaTeX with MathML
 * for screen readers (loaded lazily, fonts from the service), long results kept inside their card,
 * copy as text or LaTeX, the expression input's live preview, and writing a note.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "../../scripts/build-web.ts";
import type { WebFiles } from "../../scripts/build-web.ts";
import { launchChromium, screenshot } from "./chromium.ts";
import { openComponentPage, ORIGIN } from "./component-page.ts";
import type { ComponentPage } from "./component-page.ts";

let browser: Browser;
let files: WebFiles;
let current: ComponentPage;
let page: Page;

beforeAll(async () => {
  [browser, files] = await Promise.all([launchChromium(), bundle()]);
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await page?.context().close();
  expect(current.errors).toEqual([]);
});

async function open(width = 900): Promise<ComponentPage> {
  current = await openComponentPage(browser, files, width, { permissions: ["clipboard-read", "clipboard-write"] });
  page = current.page;
  return current;
}

const at = (seq: number) => new Date(Date.UTC(2026, 10, 24, 12, 0, seq)).toISOString();
const ok = (seq: number, tool: string, args: Record<string, unknown>, text: string, structured: Record<string, unknown>) => ({
  seq,
  at: at(seq),
  by: "ada",
  tool,
  arguments: args,
  result: { content: [{ type: "text", text }], structuredContent: structured },
});

/** What the room's tools answer today (the engine's own LaTeX), one of each kind. */
const EVENTS = [
  ok(1, "evaluate", { expression: "pi*r^2" }, "pi*r^2 = 153.93804002589985", { value: "153.93804002589985", type: "number", latex: "153.93804002589985", mode: "number" }),
  ok(2, "evaluate", { expression: "1/3+1/6", mode: "fraction" }, "1/3+1/6 = 1/2 ≈ 0.5", { value: "1/2", type: "fraction", latex: "\\frac{1}{2}", mode: "fraction", approximation: "0.5" }),
  ok(3, "evaluate", { expression: "[[1,2],[3,4]]^-1" }, "[[1,2],[3,4]]^-1 = [[-2, 1], [1.5, -0.5]]", {
    value: "[[-2, 1], [1.5, -0.5]]",
    type: "matrix",
    latex: "\\begin{bmatrix}-2&1\\\\1.5&-0.5\\end{bmatrix}",
  }),
  ok(4, "evaluate", { expression: "sqrt(-4)" }, "sqrt(-4) = 2i", { value: "2i", type: "complex", latex: "2~ i" }),
  ok(5, "integrate", { expression: "x^2", variable: "x", from: 0, to: 1 }, "∫ x^2 dx from 0 to 1 ≈ 0.333333333333333", {
    value: "0.333333333333333",
    type: "number",
    latex: "\\int_{0}^{1} { x}^{2} \\, \\mathrm{d}x \\approx 0.333333333333333",
  }),
  ok(6, "convert", { value: 5, from: "km", to: "mile" }, "5 km = 3.1068559611866697 mile", { value: "3.1068559611866697 mile", type: "unit", latex: "3.1068559611866697~\\mathrm{mile}" }),
  ok(7, "derivative", { expression: "sin(x)^2", variable: "x" }, "d/dx (sin(x)^2) = 2 * cos(x) * sin(x)", {
    value: "2 * cos(x) * sin(x)",
    type: "expression",
    latex: "2\\cdot\\cos\\left( x\\right)\\cdot\\sin\\left( x\\right)",
  }),
  ok(8, "add", { a: 2, b: 3 }, "2 + 3 = 5", { value: 5 }),
  ok(9, "statistics", { operation: "mean", data: [1, 2, 3] }, "mean of 3 numbers = 2", { value: "2", type: "number", count: 3 }),
  ok(10, "evaluate", { expression: "factorial(70)", mode: "bignumber" }, "factorial(70) = 1197857166996989179607278372168909873645893814254642585755536286462800958278984531968", {
    value: "1197857166996989179607278372168909873645893814254642585755536286462800958278984531968",
    type: "bignumber",
    latex: "1197857166996989179607278372168909873645893814254642585755536286462800958278984531968",
  }),
  ok(11, "evaluate", { expression: "r = 7" }, "r = 7 (room variable r set)", { value: "7", type: "number", latex: "7", assigned: ["r"] }),
  { seq: 12, at: at(12), by: "bob", tool: "divide", arguments: { a: 1, b: 0 }, error: { message: "divide: b must not be 0" } },
  ok(13, "matrix", { operation: "determinant", a: [[1, 2], [3, 4]] }, "determinant = -2", { value: "-2", type: "number", latex: "-2" }),
];

/** The LaTeX each typeset entry shows, as its MathML annotation gives it to screen readers (and tests). */
const typeset = (seq: number) =>
  page
    .locator(`math-log [data-seq="${seq}"] [part=math] annotation`)
    .textContent()
    .then((t) => t!.replace(/^\\displaystyle /, ""));

describe("typeset log entries", () => {
  it("typeset the call and its result as one statement with MathML, load KaTeX and its fonts only then, and leave text where there is no LaTeX", async () => {
    await open(900);
    // The first load is the module alone: nothing of the renderer until there is math to show.
    expect(current.requests.filter((url) => url.includes("/lazy/"))).toEqual([]);
    await current.mount("math-log", { me: "ada", events: EVENTS }, "display:flex;height:1400px");
    await page.locator('math-log [data-seq="13"] .katex').waitFor();
    await page.locator('math-log [data-seq="1"] .katex').waitFor();

    expect(await typeset(1)).toBe("\\pi\\cdot{ r}^{2} = 153.93804002589985");
    expect(await typeset(2)).toBe("\\frac{1}{3}+\\frac{1}{6} = \\frac{1}{2} \\approx 0.5");
    expect(await typeset(3)).toBe("{\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}}^{-1} = \\begin{bmatrix}-2&1\\\\1.5&-0.5\\end{bmatrix}");
    expect(await typeset(4)).toBe("\\sqrt{-4} = 2~ i");
    expect(await typeset(5)).toBe("\\int_{0}^{1} { x}^{2} \\, \\mathrm{d}x \\approx 0.333333333333333");
    expect(await typeset(6)).toBe("5~\\mathrm{km} = 3.1068559611866697~\\mathrm{mile}");
    expect(await typeset(7)).toBe("\\frac{\\mathrm{d}}{\\mathrm{d} x}\\left({\\sin\\left( x\\right)}^{2}\\right) = 2\\cdot\\cos\\left( x\\right)\\cdot\\sin\\left( x\\right)");
    expect(await typeset(8)).toBe("2 + 3 = 5");
    expect(await typeset(11)).toBe(" r = 7");
    expect(await typeset(13)).toBe("\\det \\begin{bmatrix}1 & 2 \\\\ 3 & 4\\end{bmatrix} = -2");
    // Screen readers get MathML; the HTML rendering is hidden from them.
    expect(await page.locator('math-log [data-seq="3"] math mtable').count()).toBe(2);
    expect(await page.locator('math-log [data-seq="3"] .katex-html').getAttribute("aria-hidden")).toBe("true");
    // Typeset entries need no separate line of arguments; one whose statement does not show them keeps it.
    expect(await page.locator('math-log [data-seq="1"] [part=arguments]').count()).toBe(0);
    expect(await page.locator('math-log [data-seq="2"] [part=arguments]').innerText()).toBe("expression: 1/3+1/6 · mode: fraction");
    // No LaTeX, no typesetting: the text stays; errors stay errors.
    expect(await page.locator('math-log [data-seq="9"] .katex').count()).toBe(0);
    expect(await page.locator('math-log [data-seq="9"] [part=result-text]').innerText()).toBe("mean of 3 numbers = 2");
    expect(await page.locator('math-log [data-seq="12"] .katex').count()).toBe(0);
    expect(await page.locator('math-log [data-seq="12"] [part=error]').innerText()).toContain("divide: b must not be 0");

    // KaTeX, its fonts and the parser came from the service itself, under lazy/, with their content's hash.
    const lazy = current.requests.filter((url) => url.includes("/lazy/"));
    expect(lazy.filter((url) => url.includes(".js?")).map((url) => url.replace(/\?v=[\w-]{10}$/, ""))).toEqual(
      expect.arrayContaining([`${ORIGIN}/lazy/typesetter.js`, `${ORIGIN}/lazy/expression-tex.js`]),
    );
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check("16px KaTeX_Main") && document.fonts.check("italic 16px KaTeX_Math"))).toBe(true);
    expect(lazy.some((url) => /\/lazy\/fonts\/KaTeX_Main-Regular\.woff2\?v=[\w-]{10}$/.test(url))).toBe(true);
    expect(current.requests.every((url) => url.startsWith(ORIGIN))).toBe(true);
    await screenshot(page, "component-typeset-log", true);
  });

  it("reads the computer-algebra results as well: exact values with their decimals, inexact ones with ≈, series, limits", async () => {
    await open();
    const events = [
      ok(1, "evaluate", { expression: "sqrt(8)", mode: "exact" }, "sqrt(8) = 2*sqrt(2) ≈ 2.8284271247461903", {
        value: "2*sqrt(2)",
        type: "exact",
        latex: "2\\sqrt{2}",
        exact: true,
        approximation: "2.8284271247461903",
      }),
      ok(2, "factor", { expression: "x^3 - x" }, "x^3 - x = x*(x - 1)*(x + 1)", { value: "x*(x - 1)*(x + 1)", type: "expression", latex: "x\\left(x-1\\right)\\left(x+1\\right)", exact: true }),
      ok(3, "series", { expression: "exp(x)", variable: "x", order: 4 }, "exp(x) = 1 + x + x^2/2 + x^3/6 + O(x^4)", {
        value: "1 + x + x^2/2 + x^3/6 + O(x^4)",
        type: "series",
        latex: "1+x+\\frac{x^2}{2}+\\frac{x^3}{6}+O\\left(x^4\\right)",
        exact: true,
      }),
      ok(4, "limit", { expression: "sin(x)/x", variable: "x", to: 0 }, "lim x→0 sin(x)/x = 1", { value: "1", type: "number", latex: "\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1", exact: true }),
      ok(5, "simplify", { expression: "sin(1)^2 + 1" }, "…", { value: "1.708073418273571", type: "number", latex: "1.708073418273571", exact: false }),
    ];
    await current.mount("math-log", { events }, "display:flex;height:700px");
    await page.locator('math-log [data-seq="5"] .katex').waitFor();
    expect(await typeset(1)).toBe("\\sqrt{8} = 2\\sqrt{2} \\approx 2.8284271247461903");
    expect(await typeset(2)).toBe("{ x}^{3}- x = x\\left(x-1\\right)\\left(x+1\\right)");
    expect(await typeset(3)).toBe("\\exp\\left( x\\right) = 1+x+\\frac{x^2}{2}+\\frac{x^3}{6}+O\\left(x^4\\right)");
    expect(await page.locator('math-log [data-seq="3"] [part=arguments]').innerText()).toBe("expression: exp(x) · variable: x · order: 4");
    expect(await typeset(4)).toBe("\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1");
    expect(await page.locator('math-log [data-seq="4"] [part=arguments]').count()).toBe(0);
    expect(await typeset(5)).toBe("{\\sin\\left(1\\right)}^{2}+1 \\approx 1.708073418273571");
  });

  it("keeps a long result inside its card: it wraps between digits and operators, or scrolls, never overflows", async () => {
    await open(375);
    const sum = Array.from({ length: 30 }, (_, i) => `x^{${i}}`).join(" + ");
    const long = ok(2, "simplify", { expression: "expand((1+x)^29)" }, "…", { value: "…", type: "expression", latex: sum });
    const wide = ok(3, "evaluate", { expression: "ones(1, 30)" }, "…", {
      value: "…",
      type: "matrix",
      latex: `\\begin{bmatrix}${Array.from({ length: 30 }, () => "1.5").join("&")}\\end{bmatrix}`,
    });
    await current.mount("math-log", { events: [EVENTS[9], long, wide] }, "display:flex;height:700px");
    for (const seq of [10, 2, 3]) await page.locator(`math-log [data-seq="${seq}"] .katex`).waitFor();
    await page.evaluate(() => document.fonts.ready); // Measured in KaTeX's own fonts, as a reader sees it.
    const fits = await page.locator("math-log article").evaluateAll((articles) =>
      articles.map((article) => {
        const card = article.getBoundingClientRect();
        const math = article.querySelector("[part=math]")!.getBoundingClientRect();
        return { fits: math.left >= card.left && math.right <= card.right + 0.5, lines: Math.round(math.height / 20), scrolls: article.querySelector("[part=math]")!.scrollWidth > article.querySelector("[part=math]")!.clientWidth };
      }),
    );
    expect(fits.every((f) => f.fits)).toBe(true);
    expect(fits[0]!.lines).toBeGreaterThan(1); // 85 digits wrap.
    expect(fits[1]!.lines).toBeGreaterThan(1); // A long sum wraps at its operators.
    expect(fits[2]!.scrolls).toBe(true); // A wide matrix cannot wrap: it scrolls inside its card.
    await screenshot(page, "component-typeset-long", true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it("opens a long log with its newest entries typeset, and typesets the older ones soon after", async () => {
    await open();
    const events = Array.from({ length: 150 }, (_, i) => ok(i + 1, "add", { a: i, b: 1 }, `${i} + 1 = ${i + 1}`, { value: i + 1 }));
    await current.mount("math-log", { events }, "display:flex;height:600px");
    await page.locator('math-log [data-seq="150"] .katex').waitFor();
    await page.locator('math-log [data-seq="1"] .katex').waitFor();
    expect(await typeset(1)).toBe("0 + 1 = 1");
    expect(await page.locator("math-log [part=math] .katex").count()).toBe(150);
  });

  it("copies a result as text or as LaTeX in one click, and a note as Markdown", async () => {
    await open();
    const note = { seq: 14, at: at(14), by: "tutor", tool: "note", arguments: { text: "Use $\\frac{a}{b}$ here." }, result: { content: [{ type: "text", text: "Note added to the room's log." }] } };
    await current.mount("math-log", { events: [EVENTS[1], note] }, "display:flex;height:500px");
    await page.locator('math-log [data-seq="2"] .katex').waitFor();
    // Polled: a click returns before the browser has written the clipboard.
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.getByRole("button", { name: "Copy text of #2" }).click();
    await expect.poll(clipboard).toBe("1/3+1/6 = 1/2 ≈ 0.5");
    await page.getByRole("button", { name: "Copy LaTeX of #2" }).click();
    await expect.poll(clipboard).toBe("\\frac{1}{3}+\\frac{1}{6} = \\frac{1}{2} \\approx 0.5");
    await page.getByRole("button", { name: "Copy LaTeX of #2" }).getByText("Copied").waitFor();
    expect(await page.locator("math-log [role=status]").textContent()).toBe("Copied #2 to the clipboard");
    await page.getByRole("button", { name: "Copy Markdown of #14" }).click();
    await expect.poll(clipboard).toBe("Use $\\frac{a}{b}$ here.");
  });
});

describe("the live preview", () => {
  const preview = () => page.locator("math-expression-input [part=preview]");
  const previewTex = () => page.locator("math-expression-input [part=preview-math] annotation").textContent();

  it("typesets mathjs syntax as it is typed, says where it does not parse, and takes LaTeX as it is", async () => {
    await open();
    await current.mount("math-expression-input", {});
    const input = page.getByRole("textbox", { name: "Calculation" });
    expect(await preview().isHidden()).toBe(true);
    await input.focus();
    await page.keyboard.type("sqrt(3^2 + 4^2) / (1 + x)");
    await page.locator("math-expression-input [part=preview-math] .katex").waitFor();
    expect(await previewTex()).toBe("\\displaystyle \\frac{\\sqrt{{3}^{2}+{4}^{2}}}{\\left(1+ x\\right)}");
    await screenshot(page, "component-preview");

    await input.fill("");
    await page.keyboard.type("2 * (3 +");
    const problem = page.locator("math-expression-input [part=preview-problem]");
    await problem.waitFor();
    expect(await problem.innerText()).toBe("This does not parse yet: Unexpected end of expression (char 9)");
    await page.keyboard.type(" 4)");
    await page.locator("math-expression-input [part=preview-math] .katex").waitFor();
    expect(await previewTex()).toBe("\\displaystyle 2\\cdot\\left(3+4\\right)");

    // LaTeX: previewed as written, sent as written (the room's evaluate reads LaTeX).
    await input.fill("\\frac{1}{2} + \\sqrt{2}");
    await page.locator("math-expression-input [part=preview-math] .katex").waitFor();
    expect(await previewTex()).toBe("\\displaystyle \\frac{1}{2} + \\sqrt{2}");
    await input.fill("$\\frac{1}{$");
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/^This LaTeX does not parse: .*expected '}' at end of input: \\frac\{1\}\{$/);
    await input.fill("\\frac{1}{2} + \\sqrt{2}");
    await input.press("Enter");
    expect(await current.sent()).toEqual([{ type: "math-call", detail: { tool: "evaluate", arguments: { expression: "\\frac{1}{2} + \\sqrt{2}" } } }]);
    // Sent: the input and its preview are clear for the next line.
    expect(await preview().isHidden()).toBe(true);
    // The earlier line comes back with its preview.
    await input.press("ArrowUp");
    await page.locator("math-expression-input [part=preview-math] .katex").waitFor();
    expect(await previewTex()).toBe("\\displaystyle \\frac{1}{2} + \\sqrt{2}");
  });
});

describe("<math-note-input>", () => {
  it("previews the note as the log will show it and posts it with Ctrl+Enter", async () => {
    await open();
    await current.mount("math-note-input", {});
    const box = page.getByRole("textbox", { name: "Note" });
    const post = page.getByRole("button", { name: "Post note" });
    expect(await post.isDisabled()).toBe(true);
    const text = "**Hint:** complete the square,\n\n$$x^2 + 6x = (x + 3)^2 - 9$$\n\n- then take $\\sqrt{\\cdot}$";
    await box.fill(text);
    const preview = page.locator("math-note-input [part=preview]");
    await preview.locator("math-tex[display] .katex").waitFor();
    expect(await preview.locator("strong").innerText()).toBe("Hint:");
    expect(await preview.locator("li math-tex annotation").textContent()).toBe("\\sqrt{\\cdot}");
    expect(await post.isDisabled()).toBe(false);
    await screenshot(page, "component-note-input");
    await box.press("Control+Enter");
    expect(await current.sent()).toEqual([{ type: "math-call", detail: { tool: "note", arguments: { text } } }]);
    expect(await box.inputValue()).toBe("");
    expect(await preview.isHidden()).toBe(true);
  });
});
