/**
 * Math people can read, end to end: the demo page in real Chromium against a real `wrangler dev`, next
 * to an MCP agent (SDK v2). Entries typeset in every page (light, dark, a 375 px phone), a tutor's note
 * with math from the agent in two tabs, a note written in the page, the live preview against the room's
 * variables, the log downloaded as Markdown, and the renderer's files as the Worker serves them.
 */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshot } from "../browser/chromium.ts";
import { openRoom } from "../browser/room-page.ts";
import type { RoomPage } from "../browser/room-page.ts";
import { connectClient } from "./mcp-client.ts";
import { WranglerDev } from "../support/wrangler-dev.ts";

let dev: WranglerDev;
let browser: Browser;
const pages: RoomPage[] = [];

beforeAll(async () => {
  [dev, browser] = await Promise.all([WranglerDev.start(), launchChromium()]);
});
afterAll(async () => {
  for (const p of pages) expect(p.errors, "script errors in a page").toEqual([]);
  await browser?.close();
  await dev?.dispose();
});

const unique = (name: string) => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

async function person(room: string, name: string, viewport?: { width: number; height: number }): Promise<RoomPage> {
  const page = await openRoom(browser, dev.origin, room, name, viewport);
  pages.push(page);
  return page;
}

/** What the room's tutor writes: a worked step, with math inline and displayed. */
const TUTOR_NOTE =
  "**Step 2.** Complete the square: $x^2 + 6x + 5 = (x + 3)^2 - 4$, so\n\n$$x = -3 \\pm \\sqrt{4} = -3 \\pm 2$$\n\n- check: $(-1)^2 + 6(-1) + 5 = 0$";

describe("math people can read", () => {
  it("typesets every entry in every page, and shows a tutor's note from an MCP agent in both tabs, light, dark and on a phone", async () => {
    const room = unique("typeset");
    const [ada, bob] = await Promise.all([person(room, "ada"), person(room, "bob")]);
    const tutor = await connectClient(dev.wsUrl(`/rooms/${room}/mcp?name=tutor`), "tutor-agent");

    await ada.calculate("r = 7");
    await ada.calculate("pi * r^2");
    await ada.calculate("[[1, 2], [3, 4]]^-1");
    await ada.page.getByLabel("Number mode").selectOption("fraction");
    await ada.calculate("1/3 + 1/6");
    await ada.page.getByLabel("Number mode").selectOption("");
    await ada.waitForSeqs([1, 2, 3, 4]);
    await tutor.client.callTool({ name: "integrate", arguments: { expression: "x^2", variable: "x", from: 0, to: 1 } });
    await tutor.client.callTool({ name: "solve", arguments: { equation: "x^2 + 6x + 5 = 0" } });
    await tutor.client.callTool({ name: "note", arguments: { text: TUTOR_NOTE } });
    const all = [1, 2, 3, 4, 5, 6, 7];
    await Promise.all([ada.waitForSeqs(all), bob.waitForSeqs(all)]);

    for (const p of [ada, bob]) {
      expect(await p.latex(1)).toBe(" r = 7");
      expect(await p.latex(2)).toBe("\\pi\\cdot{ r}^{2} = 153.93804002589985");
      expect(await p.latex(3)).toBe("{\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}}^{-1} = \\begin{bmatrix}-2&1\\\\1.5&-0.5\\end{bmatrix}");
      expect(await p.latex(4)).toBe("\\frac{1}{3}+\\frac{1}{6} = \\frac{1}{2} \\approx 0.5");
      expect(await p.latex(5)).toBe("\\int_{0}^{1} x^{2} \\, \\mathrm{d}x = \\frac{1}{3} \\approx 0.333333333333333");
      expect(await p.latex(6)).toBe("x \\in \\left\\{-5,\\ -1\\right\\}");
      // The tutor's note, typeset the same in both tabs, its math given to screen readers as MathML.
      const note = p.page.locator('math-log [data-seq="7"]');
      expect(await note.getAttribute("part")).toBe("entry entry-note");
      expect(await note.locator("[part=note] strong").innerText()).toBe("Step 2.");
      expect(await note.locator("[part=note-math] annotation").allTextContents()).toEqual(["x^2 + 6x + 5 = (x + 3)^2 - 4", "x = -3 \\pm \\sqrt{4} = -3 \\pm 2", "(-1)^2 + 6(-1) + 5 = 0"]);
      expect(await note.locator("math-tex[display] .katex-display").count()).toBe(1);
      expect(await note.locator("[part=note-math] math").count()).toBe(3);
    }
    expect(tutor.events.map((e) => e.tool)).toEqual(["evaluate", "evaluate", "evaluate", "evaluate", "integrate", "solve", "note"]);

    await ada.page.evaluate(() => document.fonts.ready);
    await screenshot(ada.page, "typeset-light");
    await bob.page.locator("math-session").evaluate((el) => el.setAttribute("theme", "dark"));
    await bob.page.evaluate(() => document.fonts.ready);
    await screenshot(bob.page, "typeset-dark");

    const phone = await person(room, "pat", { width: 375, height: 812 });
    await phone.waitForSeqs(all);
    await phone.page.locator('math-log [data-seq="7"] [part=note-math] .katex').first().waitFor();
    await phone.page.locator('math-log [data-seq="3"] [part=math] .katex').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Every card keeps its math inside it: a wide matrix scrolls in its own box.
    const overflowing = await phone.page.locator("math-log article").evaluateAll((cards) =>
      cards.filter((card) => [...card.querySelectorAll("math-tex")].some((m) => m.getBoundingClientRect().right > card.getBoundingClientRect().right + 0.5)).length,
    );
    expect(overflowing).toBe(0);
    await phone.page.evaluate(() => document.fonts.ready);
    await screenshot(phone.page, "typeset-phone", true);
    await tutor.close();
    await Promise.all([ada.close(), bob.close(), phone.close()]);
  });

  it("lets a person write a note with a live preview; the other page and an agent get it", async () => {
    const room = unique("note");
    const [ada, bob] = await Promise.all([person(room, "ada"), person(room, "bob")]);
    const agent = await connectClient(dev.wsUrl(`/rooms/${room}/mcp?name=claude`), "claude-agent");
    const { page } = ada;
    await page.getByRole("tab", { name: "Note" }).click();
    expect(await page.getByRole("tab", { name: "Note" }).getAttribute("aria-selected")).toBe("true");
    const box = page.getByRole("textbox", { name: "Note" });
    expect(await box.evaluate((el) => el.matches(":focus"))).toBe(true);
    const text = "Why is $\\int_0^1 x^2\\,dx = \\frac{1}{3}$ and not $\\frac{1}{2}$? **Help!**";
    await page.keyboard.type(text);
    await page.locator("math-note-input [part=preview] .katex").first().waitFor();
    expect(await page.locator("math-note-input [part=preview] annotation").allTextContents()).toEqual(["\\int_0^1 x^2\\,dx = \\frac{1}{3}", "\\frac{1}{2}"]);
    await screenshot(page, "note-writing");
    await box.press("Control+Enter");
    await Promise.all([ada.waitForSeqs([1]), bob.waitForSeqs([1])]);
    expect(await bob.page.locator('math-log [data-seq="1"] [part=note] strong').innerText()).toBe("Help!");
    expect(await bob.page.locator('math-log [data-seq="1"] [part=note-math] annotation').allTextContents()).toEqual(["\\int_0^1 x^2\\,dx = \\frac{1}{3}", "\\frac{1}{2}"]);
    expect((await agent.eventsUntil(1))[0]).toMatchObject({ seq: 1, by: "ada", tool: "note", arguments: { text } });

    // Back to calculating: the preview shows what is typed, with the room's variables as names.
    await page.getByRole("tab", { name: "Calculate" }).click();
    const input = page.getByRole("textbox", { name: "Calculation" });
    expect(await input.evaluate((el) => el.matches(":focus"))).toBe(true);
    await page.keyboard.type("f(x) = x^2 / speed");
    await page.locator("math-expression-input [part=preview-math] .katex").waitFor();
    expect(await page.locator("math-expression-input [part=preview-math] annotation").textContent()).toBe("\\displaystyle \\mathrm{f}\\left(x\\right)=\\frac{{ x}^{2}}{\\mathrm{speed}}");
    await Promise.all([agent.close(), ada.close(), bob.close()]);
  });

  it("downloads the whole kept log as Markdown with LaTeX: who, when, what, results, notes and plots", async () => {
    const room = unique("export");
    const ada = await person(room, "ada");
    await ada.calculate("sqrt(3^2 + 4^2)");
    await ada.page.evaluate(() => (document.querySelector("math-session") as unknown as { call(t: string, a: object): Promise<void> }).call("plot", { expression: "sin(x)", from: -3, to: 3, samples: 50 }));
    await ada.page.evaluate(() => (document.querySelector("math-session") as unknown as { call(t: string, a: object): Promise<void> }).call("note", { text: "Plotted $\\sin x$ <b>for</b> you." }));
    await ada.page.evaluate(() => (document.querySelector("math-session") as unknown as { call(t: string, a: object): Promise<void> }).call("divide", { a: 1, b: 0 }));
    await ada.waitForSeqs([1, 2, 3, 4]);
    await ada.page.getByRole("button", { name: "Download log" }).click();
    const [download] = await Promise.all([ada.page.waitForEvent("download"), ada.page.getByRole("button", { name: /^Markdown/ }).click()]);
    expect(download.suggestedFilename()).toBe(`math-room-${room}.md`);
    const markdown = readFileSync((await download.path())!, "utf8");
    expect(markdown.endsWith("\n")).toBe(true);
    const entries = markdown.trimEnd().split("\n\n---\n\n");
    expect(entries[0]).toMatch(new RegExp(`^# Room ${room.replaceAll("-", "\\\\?-")}\\n\\nA math-mcp room's log: events #1–#4, exported \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\.`));
    expect(entries[1]).toMatch(/^### #1 · ada · evaluate\n\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\n\n\$\$\n\\sqrt\{\{3\}\^\{2\}\+\{4\}\^\{2\}\} = 5\n\$\$\n\nResult: `sqrt\(3\^2 \+ 4\^2\) = 5`$/);
    expect(entries[2]).toMatch(/^### #2 · ada · plot\n[\s\S]*\n!\[[^\]]*\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)$/);
    expect(entries[3]).toMatch(/^### #3 · ada · note\n\n[^\n]+\n\n> Plotted \$\\sin x\$ \\<b\\>for\\<\/b\\> you\.$/);
    expect(entries[4]).toMatch(/^### #4 · ada · divide\n\n[^\n]+\n\nArguments: `a: 1 · b: 0`\n\n\*\*Error:\*\* divide: b must not be 0: division by zero is undefined$/);
    await ada.close();
  });

  it("serves the renderer, the parser and KaTeX's fonts from the Worker itself, to any origin, cached for good", async () => {
    const module = await (await fetch(`${dev.origin}/math-session.js`)).text();
    const lazy = [...module.matchAll(/"(lazy\/[\w-]+\.js\?v=[\w-]{10})"/g)].map((m) => m[1]!);
    expect(lazy).toHaveLength(2);
    const typesetter = await fetch(`${dev.origin}/${lazy.find((p) => p.startsWith("lazy/typesetter."))}`, { headers: { Origin: "https://blog.example" } });
    const body = await typesetter.text();
    const font = body.match(/fonts\/KaTeX_Main-Regular\.woff2\?v=[\w-]{10}/)![0];
    for (const [response, type] of [
      [typesetter, /javascript/],
      [await fetch(`${dev.origin}/${lazy.find((p) => p.startsWith("lazy/expression-tex."))}`, { headers: { Origin: "https://blog.example" } }), /javascript/],
      [await fetch(`${dev.origin}/lazy/${font}`, { headers: { Origin: "https://blog.example" } }), /^font\/woff2/],
    ] as const) {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(type);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
    // The first-load module itself is revalidated, so a new version reaches every page at once.
    expect((await fetch(`${dev.origin}/math-session.js`)).headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
  });
});
