/**
 * A blank page in real Chromium with the component's bundle — the files `npm run build` makes, lazy
 * modules and fonts included — served at a made-up origin, where a test mounts one element, gives it
 * data as properties (as <math-session> does) and reads what a person would see and the events it sends.
 */
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import type { WebFiles } from "../../scripts/build-web.ts";
import { failOnPageErrors } from "./chromium.ts";

/** A *.localhost origin: a secure context (the Clipboard API wants one) that never leaves the machine. */
export const ORIGIN = "http://components.localhost";

export type ComponentPage = {
  page: Page;
  /** Script errors in the page (a test expects none). */
  errors: string[];
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** Adds an element with these properties, and records every `math-*` event sent from then on. */
  mount(tag: string, properties: Record<string, unknown>, style?: string): Promise<void>;
  /** The `math-call`, `math-cancel` and `math-insert` events sent since the mount. */
  sent(): Promise<{ type: string; detail: unknown }[]>;
};

const TYPES: Record<string, string> = { js: "text/javascript", woff2: "font/woff2" };

export async function openComponentPage(browser: Browser, files: WebFiles, width = 900, options: BrowserContextOptions = {}): Promise<ComponentPage> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  const requests: string[] = [];
  failOnPageErrors(page, errors);
  page.on("request", (request) => requests.push(request.url()));
  // Nothing leaves the machine: the page's own origin is served here, anything else is refused.
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort("blockedbyclient");
    const path = url.pathname.slice(1);
    const file = files[path];
    if (file !== undefined && path !== "index.html") return route.fulfill({ body: Buffer.from(file), contentType: TYPES[path.split(".").pop()!] ?? "application/octet-stream" });
    if (path !== "") return route.fulfill({ status: 404, body: "not found" });
    return route.fulfill({ body: `<!doctype html><meta charset="utf-8"><script type="module" src="/math-session.js"></script><body></body>`, contentType: "text/html" });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => customElements.get("math-session") !== undefined);
  return {
    page,
    errors,
    requests,
    async mount(tag, properties, style = "") {
      await page.evaluate(
        async ({ tag, properties, style }) => {
          const element = Object.assign(document.createElement(tag), properties) as unknown as HTMLElement & { updateComplete: Promise<unknown> };
          element.setAttribute("style", style);
          const sent: { type: string; detail: unknown }[] = ((window as unknown as { sent: unknown[] }).sent = []) as never;
          for (const type of ["math-call", "math-cancel", "math-insert"]) document.addEventListener(type, (e) => sent.push({ type, detail: (e as CustomEvent).detail }));
          document.body.append(element);
          await element.updateComplete;
        },
        { tag, properties, style },
      );
    },
    sent: () => page.evaluate(() => (window as unknown as { sent: { type: string; detail: unknown }[] }).sent),
  };
}
