/**
 * @module `node scripts/measure-preview.ts`: how long a person waits, in real Chromium, from a key
 * press in the expression input to the live preview painted with what was typed — measured from
 * outside the component: the page timestamps each real key event (Chromium's own `timeStamp`) and the
 * first animation frame whose preview matches the input, as mathjs's parser reads it, or says why not.
 *
 * Cold: a fresh page, typing at once after focusing the input (the renderer and the parser load on
 * focus). Warm: a line typed key by key, 80 ms apart, mathjs syntax and LaTeX. Prints one table.
 */
import { chromium } from "playwright-core";
import type { Page } from "playwright-core";
import { bundle } from "./build-web.ts";
import type { WebFiles } from "./build-web.ts";

const ORIGIN = "http://measure.localhost";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

/** Runs in the page: from each keydown to the first frame whose preview shows the input as it now is. */
function watchPreview(parserPath: string): void {
  const input = () => document.querySelector("math-expression-input")!.shadowRoot!.querySelector("input")!;
  const times: number[] = [];
  (window as unknown as { previewTimes: number[] }).previewTimes = times;
  let parser: { expressionTex(text: string): { tex: string } | { error: string } } | undefined;
  void import(new URL(parserPath, location.href).href).then((module) => (parser = module));
  const shows = (text: string) => {
    const root = document.querySelector("math-expression-input")!.shadowRoot!;
    if (!parser) return false;
    const annotation = root.querySelector("[part=preview-math]")?.shadowRoot?.querySelector("annotation")?.textContent;
    const problem = root.querySelector("[part=preview-problem]")?.textContent ?? "";
    if (/\\|^\s*\$.*\$\s*$/s.test(text)) {
      // LaTeX: typeset as written, or KaTeX's reason it cannot be (half a command, while typing).
      const latex = text.trim().replace(/^\$\$?([\s\S]*?)\$?\$$/, "$1").trim();
      return annotation === `\\displaystyle ${latex}` || (problem.startsWith("This LaTeX does not parse") && !root.querySelector("[part=preview-math]"));
    }
    const typeset = parser.expressionTex(text);
    return "error" in typeset ? problem.includes(typeset.error) : annotation === `\\displaystyle ${typeset.tex}`;
  };
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key.length !== 1) return; // Shift and the like type nothing.
      const pressed = event.timeStamp;
      // The key's character is in the input once the keydown has been handled.
      setTimeout(() => {
        const text = input().value;
        const check = (frame: number) => {
          if (input().value !== text) return void (window as unknown as { superseded: number }).superseded++;
          if (shows(text)) times.push(frame - pressed);
          else if (frame - pressed < 5_000) requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
    },
    true,
  );
  (window as unknown as { superseded: number }).superseded = 0;
}

async function page(files: WebFiles, browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 900, height: 600 } });
  const page = await context.newPage();
  await page.route("**/*", (route) => {
    const path = new URL(route.request().url()).pathname.slice(1);
    const file = files[path];
    if (file !== undefined && path.includes(".")) return route.fulfill({ body: Buffer.from(file), contentType: path.endsWith(".js") ? "text/javascript" : "font/woff2" });
    return route.fulfill({ contentType: "text/html", body: `<!doctype html><meta charset="utf-8"><script type="module" src="/math-session.js"></script><math-expression-input></math-expression-input>` });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => customElements.get("math-expression-input") !== undefined);
  return page;
}

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `${times.length} keys, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
};

const files = await bundle();
const parserPath = Object.keys(files).find((path) => path.startsWith("lazy/expression-tex."))!;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ARGS, headless: true });
try {
  const cold: number[] = [];
  for (let run = 0; run < 5; run++) {
    const fresh = await page(files, browser);
    await fresh.evaluate(watchPreview, parserPath);
    await fresh.locator("math-expression-input input").focus();
    await fresh.keyboard.type("7");
    await fresh.waitForFunction(() => (window as unknown as { previewTimes: number[] }).previewTimes.length === 1, undefined, { timeout: 10_000 });
    cold.push(...(await fresh.evaluate(() => (window as unknown as { previewTimes: number[] }).previewTimes)));
    await fresh.context().close();
  }
  const warm = await page(files, browser);
  await warm.evaluate(watchPreview, parserPath);
  await warm.locator("math-expression-input input").focus();
  await warm.keyboard.type("1");
  await warm.waitForFunction(() => (window as unknown as { previewTimes: number[] }).previewTimes.length === 1);
  await warm.locator("math-expression-input input").fill("");
  const lines = ["sqrt(3^2 + 4^2) / (1 + x)", "f(x) = x^2 + 1", "[[1, 2], [3, 4]]^-1", "5 cm to inch", "\\frac{1}{2} + \\sqrt{2}", "\\int_0^1 x^2 \\, dx"];
  let expected = 1;
  for (const line of lines) {
    await warm.locator("math-expression-input input").fill("");
    await warm.keyboard.type(line, { delay: 80 });
    expected += line.length;
    await warm.waitForFunction((n) => (window as unknown as { previewTimes: number[]; superseded: number }).previewTimes.length + (window as unknown as { superseded: number }).superseded >= n, expected, { timeout: 10_000 });
  }
  const times = (await warm.evaluate(() => (window as unknown as { previewTimes: number[] }).previewTimes)).slice(1);
  const superseded = await warm.evaluate(() => (window as unknown as { superseded: number }).superseded);
  console.log(`| typing to preview (Chromium ${browser.version()}) | |\n| --- | --- |`);
  console.log(`| cold: first key after focusing a fresh page (loads KaTeX and the parser) | ${stats(cold)} |`);
  console.log(`| warm: every key of ${lines.length} lines, typed 80 ms apart | ${stats(times)}${superseded ? `; ${superseded} overtaken by the next key` : ""} |`);
} finally {
  await browser.close();
}
