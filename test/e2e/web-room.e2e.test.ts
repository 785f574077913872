/**
 * People in a room, end to end: the demo page in real Chromium against a real `wrangler dev`, next to an
 * MCP client. Two pages of one room, late joiners, tool forms, plots, progress, variables, presence,
 * the log's download, the demo page's new rooms, and the module embedded in a page of another origin.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshot } from "../browser/chromium.ts";
import { openPage, openRoom } from "../browser/room-page.ts";
import type { RoomPage } from "../browser/room-page.ts";
import { connectClient } from "./mcp-client.ts";
import { freePort, WranglerDev } from "../support/wrangler-dev.ts";

const RETENTION = 50;
let dev: WranglerDev;
let browser: Browser;
const pages: RoomPage[] = [];
/**
 * Another site that embeds the component: its own origin (*.localhost reaches loopback, so Chromium lets
 * it load from the local server) and not a loopback name the service allows by itself: ALLOWED_ORIGINS does.
 */
let embedder: string;
let embedderServer: Server;
let embedderPage = "";

beforeAll(async () => {
  const port = await freePort();
  embedder = `http://embed.localhost:${port}`;
  embedderServer = createServer((_, response) => response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(embedderPage));
  await new Promise<void>((listening) => embedderServer.listen(port, "127.0.0.1", listening));
  [dev, browser] = await Promise.all([
    WranglerDev.start({ vars: { LOG_RETENTION: String(RETENTION), ALLOWED_ORIGINS: embedder } }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  for (const p of pages) expect(p.errors, "script errors in a page").toEqual([]);
  await browser?.close();
  await dev?.dispose();
  embedderServer?.close();
});

const unique = (name: string) => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const upTo = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function person(room: string, name: string, viewport?: { width: number; height: number }): Promise<RoomPage> {
  const page = await openRoom(browser, dev.origin, room, name, viewport);
  pages.push(page);
  return page;
}

describe("the web component in a room", () => {
  it("shows a calculation typed in one page in the other, an MCP client's call in both, and who comes and goes", async () => {
    const room = unique("pair");
    const [ada, bob] = await Promise.all([person(room, "ada"), person(room, "bob")]);
    // The component speaks 2026-07-28 to a server that does (SDK v2, without falling back). The socket
    // is "connected" before the era is known (server/discover answers after it): wait for the era.
    const era = await ada.page.waitForFunction(() => (document.querySelector("math-session") as unknown as { era?: string }).era);
    expect(await era.jsonValue()).toBe("modern");
    await ada.calculate("6 * 7");
    await Promise.all([ada.waitForSeqs([1]), bob.waitForSeqs([1])]);
    expect(await bob.entry(1)).toMatch(/\bada\s+evaluate\s+#1\b/);
    expect(await bob.latex(1)).toBe("6\\cdot7 = 42");

    const agent = await connectClient(dev.wsUrl(`/rooms/${room}/mcp?name=claude`), "claude-agent");
    const claudeIn = (p: RoomPage) => p.page.locator("math-participants li", { hasText: "claude" });
    await Promise.all([claudeIn(ada).waitFor(), claudeIn(bob).waitFor()]);
    expect(await claudeIn(bob).innerText()).toContain("agent");
    expect(await bob.page.locator("math-participants li").count()).toBe(3);

    await agent.client.callTool({ name: "add", arguments: { a: 2, b: 3 } });
    await Promise.all([ada.waitForSeqs([1, 2]), bob.waitForSeqs([1, 2])]);
    expect(await ada.entry(2)).toMatch(/\bclaude\s+add\s+#2\b/);
    expect(await ada.latex(2)).toBe("2 + 3 = 5");
    await screenshot(bob.page, "two-pages-bob");

    await agent.close();
    await Promise.all([claudeIn(ada).waitFor({ state: "detached" }), claudeIn(bob).waitFor({ state: "detached" })]);
    expect(await bob.page.locator("math-participants [part=activity]").innerText()).toBe("claude left");
    await Promise.all([ada.close(), bob.close()]);
  });

  it("shows a page opened late the whole history, and says what the room no longer keeps", async () => {
    const room = unique("late");
    const agent = await connectClient(dev.wsUrl(`/rooms/${room}/mcp?name=filler`));
    for (let i = 1; i <= RETENTION + 10; i++) await agent.client.callTool({ name: "add", arguments: { a: i, b: 0 } });
    await agent.close();

    const late = await person(room, "late");
    expect(await late.waitForSeqs(upTo(11, RETENTION + 10))).toHaveLength(RETENTION);
    expect(await late.page.locator("math-log [part=gap]").innerText()).toBe("Entries #1–#10 are no longer kept by the room.");
    await late.close();

    const small = unique("late-small");
    const writer = await person(small, "writer");
    for (const e of ["1 + 1", "2 + 2", "3 + 3"]) await writer.calculate(e);
    await writer.waitForSeqs([1, 2, 3]);
    const reader = await person(small, "reader");
    await reader.waitForSeqs([1, 2, 3]);
    expect(await reader.page.locator("math-log [part=gap]").count()).toBe(0);
    await Promise.all([writer.close(), reader.close()]);
  });

  it("calls any tool from its form: plots inline after a progress bar, errors set apart, variables shared", async () => {
    const room = unique("tools");
    const [ada, bob] = await Promise.all([person(room, "ada"), person(room, "bob")]);
    const { page } = ada;
    // Record every progress bar the page shows, however briefly.
    await page.evaluate(() => {
      const calls = document.querySelector("math-session")!.shadowRoot!.querySelector("math-calls")!;
      const seen: number[] = ((window as unknown as { progressSeen: number[] }).progressSeen = []);
      new MutationObserver(() => {
        const bar = calls.shadowRoot!.querySelector("progress[max]") as HTMLProgressElement | null;
        if (bar) seen.push(bar.value);
      }).observe(calls.shadowRoot!, { subtree: true, childList: true, attributes: true });
    });
    await page.getByLabel("Tool", { exact: true }).selectOption("plot");
    await page.getByRole("textbox", { name: "expression" }).fill('["sin(x)", "cos(x)"]');
    await page.getByRole("textbox", { name: "from" }).fill("-2pi");
    await page.getByRole("textbox", { name: "to" }).fill("2pi");
    await page.getByText(/^Optional:/).click();
    await page.getByRole("spinbutton", { name: "samples" }).fill("2000");
    await page.getByRole("button", { name: "Call plot" }).click();
    await Promise.all([ada.waitForSeqs([1]), bob.waitForSeqs([1])]);
    for (const p of [ada, bob]) {
      const plot = p.page.locator('math-log [data-seq="1"] img');
      expect(await plot.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
      await p.page.waitForFunction(
        () => (document.querySelector("math-session")!.shadowRoot!.querySelector("math-log")!.shadowRoot!.querySelector("img") as HTMLImageElement).naturalWidth > 0,
      );
    }
    expect((await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen)).length).toBeGreaterThan(0);

    await bob.page.getByLabel("Tool", { exact: true }).selectOption("divide");
    await bob.page.getByRole("spinbutton", { name: "a" }).fill("1");
    await bob.page.getByRole("spinbutton", { name: "b" }).fill("0");
    await bob.page.getByRole("button", { name: "Call divide" }).click();
    await ada.waitForSeqs([1, 2]);
    expect(await page.locator('math-log [data-seq="2"]').getAttribute("part")).toBe("entry entry-error");
    expect(await page.locator('math-log [data-seq="2"] [part=error]').innerText()).toMatch(/Error\s+divide: b must not be 0/i);

    await ada.calculate("r = 7");
    const variable = bob.page.locator("math-variables dt button", { hasText: "r" });
    await variable.waitFor();
    expect(await bob.page.locator("math-variables dd [part=value-math] annotation").first().textContent()).toBe("\\displaystyle = 7");
    await variable.click(); // Choosing a variable puts it into the calculation.
    expect(await bob.page.getByRole("textbox", { name: "Calculation" }).inputValue()).toBe("r");
    await bob.page.keyboard.type(" * 6");
    await bob.page.keyboard.press("Enter");
    await ada.waitForSeqs([1, 2, 3, 4]);
    expect(await ada.latex(4)).toBe(" r\\cdot6 = 42");
    await screenshot(page, "tools-plot-error-variables");

    await page.getByRole("button", { name: "Download log" }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /^JSON/ }).click()]);
    expect(download.suggestedFilename()).toBe(`math-room-${room}.json`);
    const log = JSON.parse(readFileSync((await download.path())!, "utf8")) as { room: string; events: { seq: number; by: string }[] };
    expect(log.room).toBe(room);
    expect(log.events.map((e) => [e.seq, e.by])).toEqual([[1, "ada"], [2, "bob"], [3, "ada"], [4, "bob"]]);
    await Promise.all([ada.close(), bob.close()]);
  });

  it("labels every control, lets the keyboard reach the calculation, and fits a phone", async () => {
    const phone = await person(unique("phone"), "pat", { width: 375, height: 812 });
    const { page } = phone;
    await page.locator("math-tool-form select").waitFor();
    const unlabelled = await page.evaluate(() => {
      const missing: string[] = [];
      const visit = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll<HTMLElement>("input, select, textarea, button")) {
          const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute("aria-label") || (el.tagName === "BUTTON" && el.textContent!.trim());
          if (!labelled) missing.push(el.outerHTML.slice(0, 80));
        }
        for (const el of root.querySelectorAll("*")) if (el.shadowRoot) visit(el.shadowRoot);
      };
      visit(document);
      return missing;
    });
    expect(unlabelled).toEqual([]);

    const focusedLabel = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return (el as HTMLInputElement | null)?.labels?.[0]?.textContent ?? el?.tagName;
      });
    let presses = 0;
    while ((await focusedLabel()) !== "Calculation" && presses++ < 20) await page.keyboard.press("Tab");
    expect(await focusedLabel()).toBe("Calculation");
    await page.keyboard.type("2^10");
    await page.keyboard.press("Enter");
    await phone.waitForSeqs([1]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, "phone", true);
    await phone.close();
  });

  it("opens a keyed room from its writer and viewer links: the viewer watches and is told it cannot act", async () => {
    const created = (await (await fetch(`${dev.origin}/rooms`, { method: "POST" })).json()) as { room: string; writerKey: string; links: { writer: string; viewer: string } };
    const link = (url: string) => url.replace(/^https?:\/\/[^/]+/, dev.origin);
    const writer = await openPage(browser, link(created.links.writer), "wren");
    const viewer = await openPage(browser, link(created.links.viewer), "vic");
    pages.push(writer, viewer);
    await writer.calculate("7 * 6");
    await Promise.all([writer.waitForSeqs([1]), viewer.waitForSeqs([1])]);

    // The room tells a viewer link what it is when it joins: it is view-only before trying anything.
    const input = viewer.page.getByRole("textbox", { name: "Calculation" });
    await expect.poll(() => input.isDisabled()).toBe(true);
    expect(await input.getAttribute("placeholder")).toMatch(/^View only/);
    expect(await viewer.page.locator("math-session [part=view-only]").innerText()).toBe("View only");
    expect(await viewer.page.locator("math-session aside").innerText()).toContain("View only: this link shows the log");
    await writer.calculate("1 + 2");
    await Promise.all([writer.waitForSeqs([1, 2]), viewer.waitForSeqs([1, 2])]);

    // Sharing passes on the key one holds.
    await writer.page.getByRole("button", { name: "Share" }).click();
    const shared = new URL(await writer.page.getByRole("textbox", { name: "Link for people" }).inputValue());
    expect([shared.searchParams.get("room"), shared.searchParams.get("key")]).toEqual([created.room, created.writerKey]);
    await screenshot(viewer.page, "keyed-room-viewer");
    await Promise.all([writer.close(), viewer.close()]);
  });

  it("says when the browser is offline, and is connected again when it is back", async () => {
    const ona = await person(unique("offline"), "ona");
    await ona.context.setOffline(true);
    await ona.waitForStatus("offline");
    expect(await ona.page.locator("math-session [part=notice]").innerText()).toBe("Offline: what you run now is sent when the room is back.");
    await ona.calculate("5 + 5");
    await ona.context.setOffline(false);
    await ona.waitForStatus("connected");
    await ona.waitForSeqs([1]);
    expect(await ona.page.locator("math-session [part=notice]").count()).toBe(0);
    await ona.close();
  });
});

describe("the demo page and the module", () => {
  it("makes a new room with an unguessable id for each visitor", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const rooms: string[] = [];
    for (let i = 0; i < 2; i++) {
      await page.goto(`${dev.origin}/`);
      await page.waitForURL(/\?room=/);
      rooms.push(new URL(page.url()).searchParams.get("room")!);
    }
    for (const room of rooms) expect(room).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 bits, base64url
    expect(rooms[0]).not.toBe(rooms[1]);
    await page.locator("math-connection-status[status=connected]").waitFor();
    expect(await page.locator("math-session [part=room]").innerText()).toBe(rooms[1]);
    await context.close();
  });

  it("serves the component as one ES module that a page of another origin embeds with one script tag", async () => {
    const module = await fetch(`${dev.origin}/math-session.js`, { headers: { Origin: embedder } });
    expect(module.headers.get("access-control-allow-origin")).toBe("*");
    expect(module.headers.get("content-type")).toMatch(/javascript/);

    const room = unique("embed");
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const scripts: string[] = [];
    page.on("request", (request) => request.resourceType() === "script" && scripts.push(request.url()));
    const failed: string[] = [];
    page.on("requestfailed", (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
    embedderPage = `<!doctype html><meta charset="utf-8"><title>A blog</title><h1>My notes</h1>
      <script type="module" src="${dev.origin}/math-session.js"></script>
      <math-session server="${dev.origin}" room="${room}" name="embedder" style="--math-session-accent: #0f766e"></math-session>`;
    await page.goto(`${embedder}/notes`);
    await page.locator("math-connection-status[status=connected]").waitFor();
    const input = page.getByRole("textbox", { name: "Calculation" });
    await input.fill("sqrt(2)^2");
    await input.press("Enter");
    await page.locator('math-log [data-seq="1"]').waitFor();
    expect(await page.locator('math-log [data-seq="1"]').innerText()).toContain("embedder");
    // Typeset there too: the renderer and KaTeX's fonts load across origins (CORS) from the service.
    await page.locator('math-log [data-seq="1"] [part=math] .katex').waitFor();
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check("16px KaTeX_Main"))).toBe(true);
    expect(failed).toEqual([]);
    // Themed from outside through the custom property.
    expect(await page.locator("math-expression-input button.primary").evaluate((b) => getComputedStyle(b).backgroundColor)).toBe("rgb(15, 118, 110)");
    // One module first; the math renderer and the parser follow from the service, when the log has math.
    expect(scripts[0]).toBe(`${dev.origin}/math-session.js`);
    expect(scripts.slice(1).every((url) => /^http:\/\/[^/]+\/lazy\/[\w-]+\.js\?v=[\w-]{10}$/.test(url) && url.startsWith(dev.origin))).toBe(true);
    await screenshot(page, "embedded");
    expect(errors).toEqual([]);
    await context.close();
  });
});
