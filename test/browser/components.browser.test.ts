/**
 * The elements of the web component, one by one, in real Chromium: each gets its data as properties
 * (as <math-session> gives it) and the test reads what a person would see and the events it sends.
 * The bundle is the one `npm run build` makes, served to the page at a made-up origin (component-page.ts).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "../../scripts/build-web.ts";
import type { WebFiles } from "../../scripts/build-web.ts";
import { launchChromium, screenshot } from "./chromium.ts";
import { openComponentPage } from "./component-page.ts";
import type { ComponentPage } from "./component-page.ts";

let browser: Browser;
let files: WebFiles;
let page: Page;
let errors: string[] = [];
let current: ComponentPage | undefined;

beforeAll(async () => {
  [browser, files] = await Promise.all([launchChromium(), bundle()]);
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await page?.context().close();
  expect(errors).toEqual([]);
});

/** A blank page with the bundle loaded, its elements defined. */
async function open(width = 900): Promise<Page> {
  current = await openComponentPage(browser, files, width);
  ({ page, errors } = current);
  return page;
}

const mount = (tag: string, properties: Record<string, unknown>, style = "") => current!.mount(tag, properties, style);
const sent = () => current!.sent();

const PLOT = {
  name: "plot",
  title: "Plot functions",
  description: "Plots functions.",
  inputSchema: {
    type: "object",
    properties: {
      expression: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }], description: "One expression, or up to 8" },
      variable: { type: "string", description: "The variable" },
      from: { type: ["number", "string"], description: "Left end" },
      to: { type: ["number", "string"], description: "Right end" },
      samples: { type: "integer", minimum: 10, maximum: 2000, description: "Points per curve" },
      title: { type: "string" },
    },
    required: ["expression", "from", "to"],
  },
};
const STATISTICS = {
  name: "statistics",
  inputSchema: {
    type: "object",
    properties: {
      operation: { type: "string", enum: ["mean", "median", "variance"] },
      data: { anyOf: [{ type: "array", items: { type: "number" } }, { type: "array", items: { type: "array", items: { type: "number" } } }] },
      population: { type: "boolean", description: "Divide by n" },
    },
    required: ["operation", "data"],
  },
};
const ADD = {
  name: "add",
  title: "Add",
  inputSchema: { type: "object", properties: { a: { type: "number", description: "The first operand" }, b: { type: "number" } }, required: ["a", "b"] },
};

describe("<math-tool-form>", () => {
  it("generates a labelled form from each tool's inputSchema and sends the values the schema asks for", async () => {
    await open();
    await mount("math-tool-form", { tools: [ADD, PLOT, STATISTICS] }, "display:block;max-width:420px");
    await page.getByLabel("Tool").selectOption("plot");
    await page.getByRole("textbox", { name: "expression" }).fill("sin(x)");
    await page.getByRole("textbox", { name: "from" }).fill("-pi");
    await page.getByRole("textbox", { name: "to" }).fill("3");
    // Optional fields wait folded away; opening them shows a number box for the integer.
    await page.getByText("Optional: variable, samples, title").click();
    const samples = page.getByRole("spinbutton", { name: "samples" });
    expect(await samples.getAttribute("min")).toBe("10");
    await samples.fill("50");
    await screenshot(page, "component-tool-form");
    await page.getByRole("button", { name: "Call plot" }).click();

    await page.getByLabel("Tool").selectOption("statistics");
    expect(await page.getByLabel("operation").locator("option").allTextContents()).toEqual(["mean", "median", "variance"]);
    await page.getByLabel("operation").selectOption("variance");
    await page.getByRole("textbox", { name: "data" }).fill("1, 2, 3.5");
    await page.getByRole("checkbox", { name: "population" }).check();
    await page.getByRole("button", { name: "Call statistics" }).click();

    expect(await sent()).toEqual([
      { type: "math-call", detail: { tool: "plot", arguments: { expression: "sin(x)", from: "-pi", to: 3, samples: 50 } } },
      { type: "math-call", detail: { tool: "statistics", arguments: { operation: "variance", data: [1, 2, 3.5], population: true } } },
    ]);
  });

  it("keeps a call with a missing required value, says which, and puts the cursor there", async () => {
    await open();
    await mount("math-tool-form", { tools: [ADD] });
    await page.getByRole("spinbutton", { name: "a" }).fill("2");
    await page.getByRole("button", { name: "Call add" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("b is required");
    expect(await page.getByRole("spinbutton", { name: "b" }).evaluate((el) => el.matches(":focus"))).toBe(true);
    expect(await page.getByRole("spinbutton", { name: "b" }).getAttribute("aria-invalid")).toBe("true");
    expect(await sent()).toEqual([]);
    // The hint is the field's description, tied to it for screen readers.
    expect(await page.getByRole("spinbutton", { name: "a" }).getAttribute("aria-describedby")).toBe("field-a-hint");
  });
});

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="teal"/></svg>').toString("base64");
const tallSvg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400"><rect width="300" height="400" fill="teal"/></svg>').toString("base64");
const event = (seq: number, extra: Record<string, unknown> = {}) => ({
  seq,
  at: new Date(Date.UTC(2026, 10, 24, 12, 0, seq)).toISOString(),
  by: "ada",
  tool: "add",
  arguments: { a: seq, b: 1 },
  result: { content: [{ type: "text", text: `${seq} + 1 = ${seq + 1}` }], structuredContent: { value: seq + 1 } },
  ...extra,
});

describe("<math-log>", () => {
  it("sets errors apart, shows plots inline, and marks each entry with its seq", async () => {
    await open();
    await mount("math-log", {
      me: "ada",
      events: [
        event(1),
        { ...event(2), tool: "divide", arguments: { a: 1, b: 0 }, result: undefined, error: { message: "divide: b must not be 0" } },
        { ...event(3), tool: "plot", arguments: { expression: "x" }, result: { content: [{ type: "text", text: "Plot of x" }, { type: "image", data: svg, mimeType: "image/svg+xml" }] } },
        { ...event(4), result: { content: [{ type: "text", text: "sqrt: value must not be negative" }], isError: true } },
      ],
    }, "display:flex;height:600px");
    const entries = page.locator("math-log article");
    expect(await entries.evaluateAll((els) => els.map((e) => [Number((e as HTMLElement).dataset.seq), e.getAttribute("part")]))).toEqual([
      [1, "entry"],
      [2, "entry entry-error"],
      [3, "entry"],
      [4, "entry entry-error"],
    ]);
    expect(await page.locator('[data-seq="2"] [part="error"]').textContent()).toContain("divide: b must not be 0");
    const image = page.locator('[data-seq="3"] img');
    expect(await image.getAttribute("src")).toBe(`data:image/svg+xml;base64,${svg}`);
    expect(await image.getAttribute("alt")).toBe("Plot of x");
    await page.waitForFunction(() => {
      const img = document.querySelector("math-log")!.shadowRoot!.querySelector("img");
      return img?.complete && img.naturalWidth === 40;
    });
    await screenshot(page, "component-log");
  });

  it("follows new entries, but not while the reader is scrolled up: then it offers a jump to them", async () => {
    await open();
    await mount("math-log", { events: Array.from({ length: 40 }, (_, i) => event(i + 1)) }, "display:flex;height:300px");
    const scroller = page.locator("math-log [part=scroller]");
    const distanceFromBottom = () => scroller.evaluate((s) => s.scrollHeight - s.scrollTop - s.clientHeight);
    // Polled, not read once: entries grow when the typesetter arrives, and the log follows at the next frame.
    await expect.poll(distanceFromBottom).toBeLessThan(2);

    const add = (from: number, count: number) =>
      page.evaluate(
        ({ from, count, events }) => {
          const log = document.querySelector("math-log")!;
          log.events = [...log.events, ...events.slice(0, count).map((e, i) => ({ ...e, seq: from + i }))];
        },
        { from, count, events: Array.from({ length: count }, (_, i) => event(from + i)) },
      );
    await add(41, 2);
    await page.waitForFunction(() => document.querySelector("math-log")!.shadowRoot!.querySelector('[data-seq="42"]'));
    await expect.poll(distanceFromBottom).toBeLessThan(2);
    // A plot makes the log taller only once it has loaded: a reader at the end stays there.
    await page.evaluate((plot) => {
      const log = document.querySelector("math-log")!;
      log.events = [...log.events, plot as never];
    }, { ...event(43), result: { content: [{ type: "image", data: tallSvg, mimeType: "image/svg+xml" }] } });
    await page.waitForFunction(() => (document.querySelector("math-log")!.shadowRoot!.querySelector('[data-seq="43"] img') as HTMLImageElement | null)?.complete);
    await expect.poll(distanceFromBottom).toBeLessThan(2);
    // Growth can also reach the scroll handler first (the browser reports a scroll after the plot grew):
    // that is still not the reader scrolling away.
    await scroller.evaluate((s) => {
      const growth = Object.assign(document.createElement("div"), { style: "height: 500px; flex: none" });
      s.querySelector(".entries")!.append(growth);
      s.dispatchEvent(new Event("scroll"));
    });
    await add(44, 1);
    await page.waitForFunction(() => document.querySelector("math-log")!.shadowRoot!.querySelector('[data-seq="44"]'));
    await expect.poll(distanceFromBottom).toBeLessThan(2);
    expect(await page.locator("math-log [part=jump]").count()).toBe(0);

    await scroller.evaluate((s) => s.scrollTo({ top: 0 }));
    await scroller.dispatchEvent("scroll");
    await add(45, 3);
    const jump = page.getByRole("button", { name: "↓ 3 new entries" });
    await jump.waitFor();
    expect(await scroller.evaluate((s) => s.scrollTop)).toBe(0);
    await jump.click();
    await expect.poll(distanceFromBottom).toBeLessThan(2);
    await jump.waitFor({ state: "detached" });
  });

  it("says where the room no longer keeps entries", async () => {
    await open();
    await mount("math-log", { events: [event(11), event(12)], gaps: [{ since: 0, from: 11 }] }, "display:flex;height:300px");
    expect(await page.locator("math-log [part=gap]").textContent()).toBe("Entries #1–#10 are no longer kept by the room.");
  });
});

describe("<math-calls>", () => {
  it("shows a progress bar for a call that reports progress, a busy bar for one that does not, and cancels", async () => {
    await open();
    await mount("math-calls", {
      calls: [
        { id: 1, tool: "integrate", arguments: {}, progress: 3, total: 10, message: "3 of 10 intervals" },
        { id: 2, tool: "plot", arguments: {} },
      ],
    });
    const determinate = page.getByRole("progressbar", { name: "integrate: 30%" });
    expect(await determinate.evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([3, 10]);
    expect(await page.getByText("3 of 10 intervals").count()).toBe(1);
    expect(await page.getByRole("progressbar", { name: "plot: running" }).evaluate((p: HTMLProgressElement) => p.position)).toBe(-1);
    await page.evaluate(() => {
      const calls = document.querySelector("math-calls")!;
      calls.calls = [{ ...calls.calls[0]!, progress: 9 }, calls.calls[1]!];
    });
    await page.getByRole("progressbar", { name: "integrate: 90%" }).waitFor();
    await screenshot(page, "component-progress");
    await page.getByRole("button", { name: "Cancel integrate" }).click();
    expect(await sent()).toEqual([{ type: "math-cancel", detail: { callId: 1 } }]);
  });
});

describe("<math-participants>", () => {
  it("lists who is in the room and follows joins and leaves", async () => {
    const ada = { id: "p1", name: "ada", kind: "websocket", client: "math-session" };
    const claude = { id: "p2", name: "claude", kind: "websocket", client: "claude-ai" };
    const script = { id: "p3", name: "MathAgent", kind: "seed" };
    await open();
    await mount("math-participants", { me: "ada", participants: [claude, ada] }); // Shown: you first, then by name.
    const rows = () => page.locator("math-participants li").allInnerTexts();
    expect((await rows()).map((r) => r.replace(/\s+/g, " ").trim())).toEqual(["A ada (you) web", "C claude agent"]);

    await page.evaluate(
      ({ claude }) => {
        const list = document.querySelector("math-participants")!;
        list.participants = list.participants.filter((p) => p.id !== claude.id);
        list.latest = { event: "left", participant: claude as never, count: 1 };
      },
      { claude },
    );
    await page.getByText("claude left").waitFor();
    expect((await rows()).map((r) => r.replace(/\s+/g, " ").trim())).toEqual(["A ada (you) web"]);
    await page.evaluate(
      ({ script }) => {
        const list = document.querySelector("math-participants")!;
        list.participants = [...list.participants, script as never];
        list.latest = { event: "joined", participant: script as never, count: 2 };
      },
      { script },
    );
    await page.getByText("MathAgent joined").waitFor();
    expect((await rows()).map((r) => r.replace(/\s+/g, " ").trim())).toEqual(["A ada (you) web", "M MathAgent script"]);
    expect(await page.locator("math-participants [part=activity]").getAttribute("aria-live")).toBe("polite");
  });
});

describe("<math-expression-input>", () => {
  it("runs on Enter, brings earlier lines back on the arrow keys, and is labelled", async () => {
    await open();
    await mount("math-expression-input", { modes: ["number", "bignumber", "fraction"] });
    const input = page.getByRole("textbox", { name: "Calculation" });
    await input.focus();
    await page.keyboard.type("1/3 + 1/6");
    await page.getByLabel("Number mode").selectOption("fraction");
    await input.press("Enter");
    await page.getByLabel("Number mode").selectOption("");
    await input.fill("2^10");
    await input.press("Enter");
    await input.fill("draft");
    await input.press("ArrowUp");
    expect(await input.inputValue()).toBe("2^10");
    await input.press("ArrowUp");
    expect(await input.inputValue()).toBe("1/3 + 1/6");
    await input.press("ArrowUp"); // Nothing older: it stays.
    expect(await input.inputValue()).toBe("1/3 + 1/6");
    await input.press("ArrowDown");
    await input.press("ArrowDown");
    expect(await input.inputValue()).toBe("draft");
    expect(await sent()).toEqual([
      { type: "math-call", detail: { tool: "evaluate", arguments: { expression: "1/3 + 1/6", mode: "fraction" } } },
      { type: "math-call", detail: { tool: "evaluate", arguments: { expression: "2^10" } } },
    ]);
    // History outlives the page (kept in this browser).
    await page.reload();
    await mount("math-expression-input", {});
    await page.getByRole("textbox", { name: "Calculation" }).press("ArrowUp");
    expect(await page.getByRole("textbox", { name: "Calculation" }).inputValue()).toBe("2^10");
  });

  it("says so when the room has no evaluate tool, instead of sending calls that fail", async () => {
    await open();
    await mount("math-expression-input", { available: false });
    const input = page.getByRole("textbox", { name: "Calculation" });
    expect(await input.isDisabled()).toBe(true);
    expect(await input.getAttribute("placeholder")).toMatch(/no evaluate tool/);
  });
});

describe("<math-session>", () => {
  it("explains a room name it cannot join instead of trying, and takes a dark theme", async () => {
    await open();
    await mount("math-session", { room: "not a room!", theme: "dark" });
    expect(await page.locator("math-session [part=empty]").innerText()).toContain("“not a room!” is not a room name");
    expect(await page.locator("math-session").evaluate((el) => [(el as HTMLElement & { status: string }).status, getComputedStyle(el).backgroundColor])).toEqual([
      "idle",
      "rgb(17, 19, 24)",
    ]);
  });
});
