/**
 * A person in a room for the end-to-end tests: the demo page of a running `wrangler dev` in its own
 * browser context (its own storage, so its own name), read the way a person reads it.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { failOnPageErrors } from "./chromium.ts";

export type RoomPage = {
  page: Page;
  context: BrowserContext;
  /** Script errors in the page (a test expects none). */
  errors: string[];
  /** The seqs of the log entries shown, top to bottom. */
  seqs(): Promise<number[]>;
  /** Waits until the log shows exactly `expected` (by data-seq), and returns what it shows. */
  waitForSeqs(expected: number[]): Promise<number[]>;
  /** Waits until the connection pill says `status`. */
  waitForStatus(status: string): Promise<void>;
  /** Types a calculation into the expression input and presses Enter. */
  calculate(expression: string): Promise<void>;
  /** The text of the entry with this seq. */
  entry(seq: number): Promise<string>;
  /**
   * The LaTeX the entry with this seq shows, once it is typeset: read from its MathML annotation, what
   * screen readers are given (without the `\displaystyle` the log sets results in).
   */
  latex(seq: number): Promise<string>;
  close(): Promise<void>;
};

type Shown = { shownSeqs(): number[] };

/** The log entries' seqs, read inside the page through both shadow roots (installed in every page). */
function shownSeqs(): number[] {
  const log = document.querySelector("math-session")?.shadowRoot?.querySelector("math-log");
  return [...(log?.shadowRoot?.querySelectorAll<HTMLElement>("[data-seq]") ?? [])].map((e) => Number(e.dataset.seq));
}

export function openRoom(browser: Browser, origin: string, room: string, name: string, viewport?: Viewport): Promise<RoomPage> {
  return openPage(browser, `${origin}/?room=${encodeURIComponent(room)}`, name, viewport);
}

type Viewport = { width: number; height: number };

/** The demo page at `url` (a room's link, say, with its key), as the person called `name`. */
export async function openPage(browser: Browser, url: string, name: string, viewport: Viewport = { width: 1200, height: 900 }): Promise<RoomPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  await context.addInitScript((name) => localStorage.setItem("math-session:name", name), name);
  await context.addInitScript(`window.shownSeqs = ${shownSeqs.toString()};`);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  failOnPageErrors(page, errors);
  await page.goto(url);
  const waitForStatus = async (status: string) => {
    await page.locator("math-connection-status").and(page.locator(`[status="${status}"]`)).waitFor();
  };
  await waitForStatus("connected");
  return {
    page,
    context,
    errors,
    seqs: () => page.evaluate(() => (window as unknown as Shown).shownSeqs()),
    async waitForSeqs(expected) {
      const handle = await page.waitForFunction((expected) => {
        const seqs = (window as unknown as Shown).shownSeqs();
        return JSON.stringify(seqs) === JSON.stringify(expected) && seqs;
      }, expected);
      return (await handle.jsonValue()) as number[];
    },
    waitForStatus,
    async calculate(expression) {
      const input = page.getByRole("textbox", { name: "Calculation" });
      await input.fill(expression);
      await input.press("Enter");
    },
    entry: (seq) => page.locator(`math-log [data-seq="${seq}"]`).innerText(),
    latex: async (seq) => ((await page.locator(`math-log [data-seq="${seq}"] [part=math] annotation`).textContent()) ?? "").replace(/^\\displaystyle /, ""),
    close: () => context.close(),
  };
}
