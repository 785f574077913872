/**
 * Notes are rendered inert, in real Chromium: the classics of cross-site scripting written into notes
 * (and into a participant's name) reach the page as text, or as typeset math that KaTeX — trust off,
 * strict — has made harmless. Nothing runs, nothing loads from a note's addresses, no element, attribute
 * or link carries script, and nothing a formula draws leaves its note.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "../../scripts/build-web.ts";
import type { WebFiles } from "../../scripts/build-web.ts";
import { launchChromium, screenshot } from "./chromium.ts";
import { openComponentPage, ORIGIN } from "./component-page.ts";
import { XSS_CORPUS } from "./xss-corpus.ts";

let browser: Browser;
let files: WebFiles;

beforeAll(async () => {
  [browser, files] = await Promise.all([launchChromium(), bundle()]);
});
afterAll(async () => {
  await browser?.close();
});

const note = (seq: number, text: string, by = "tutor") => ({
  seq,
  at: new Date(Date.UTC(2026, 10, 24, 12, 0, seq)).toISOString(),
  by,
  tool: "note",
  arguments: { text },
  result: { content: [{ type: "text", text: "Note added to the room's log." }] },
});

/** Every element under the log, through every shadow root, with where it sits. */
function everything(page: Page) {
  return page.evaluate(() => {
    const found: { tag: string; attributes: [string, string][]; inKatex: boolean; inNote: boolean; seq: string | undefined }[] = [];
    const visit = (root: ShadowRoot | Element, inKatex: boolean, inNote: boolean, seq: string | undefined) => {
      for (const el of root.querySelectorAll("*")) {
        const katex = inKatex || el.closest(".katex") !== null;
        const noteBody = inNote || el.closest("[part=note]") !== null;
        const at = seq ?? (el.closest("[data-seq]") as HTMLElement | null)?.dataset.seq;
        found.push({ tag: el.tagName.toLowerCase(), attributes: [...el.attributes].map((a) => [a.name, a.value]), inKatex: katex, inNote: noteBody, seq: at });
        if (el.shadowRoot) visit(el.shadowRoot, katex, noteBody, at);
      }
    };
    visit(document.querySelector("math-log")!.shadowRoot!, false, false, undefined);
    return found;
  });
}

/** What KaTeX itself writes in `style`: sizes and offsets, colours. Anything else came from somewhere else. */
const KATEX_STYLE = /^(height|width|min-width|max-width|vertical-align|top|bottom|left|right|margin(-\w+)?|padding(-\w+)?|border(-\w+)*-width|border-\w+-style|color|background-color|position|font-size)$/;

describe("notes", () => {
  it("render the XSS classics inert: no script runs, nothing loads, no markup or link gets through", async () => {
    const current = await openComponentPage(browser, files, 900);
    const { page } = current;
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.evaluate(() => {
      const pwned: string[] = ((window as unknown as { pwned: string[] }).pwned = []);
      (window as unknown as { pwn: (what: string) => void }).pwn = (what) => pwned.push(what);
    });
    const events = [
      ...XSS_CORPUS.map((text, i) => note(i + 1, text)),
      note(XSS_CORPUS.length + 1, "from a name", `<img src=x onerror="pwn('name')">`),
    ];
    await current.mount("math-log", { events }, "display:flex;height:6000px");
    // Wait until every formula has been typeset or refused (KaTeX loaded, every <math-tex> rendered).
    await page.locator('math-log [data-seq="1"] [part=note]').waitFor();
    await page.waitForFunction(() => {
      const log = document.querySelector("math-log")!.shadowRoot!;
      const formulas = [...log.querySelectorAll("math-tex")] as (HTMLElement & { ready: boolean; updateComplete: Promise<unknown> })[];
      return formulas.length > 0 && formulas.every((f) => f.ready && f.shadowRoot!.querySelector(".katex, [part=fallback]"));
    });
    await page.evaluate(() => document.fonts.ready);

    expect(await page.evaluate(() => (window as unknown as { pwned: string[] }).pwned)).toEqual([]);
    expect(dialogs).toEqual([]);
    // Nothing was asked of any address a note names; only the service's own files were loaded.
    expect(current.requests.filter((url) => !url.startsWith(`${ORIGIN}/math-session.js`) && !url.startsWith(`${ORIGIN}/lazy/`) && url !== `${ORIGIN}/`)).toEqual([]);

    const elements = await everything(page);
    const forbidden = ["script", "style", "iframe", "object", "embed", "img", "image", "link", "meta", "base", "form", "input", "textarea", "video", "audio", "details", "foreignobject", "use", "table", "mglyph"];
    expect(elements.filter((e) => e.inNote && forbidden.includes(e.tag)).map((e) => `${e.tag} in #${e.seq}`)).toEqual([]);
    // KaTeX draws some glyphs with inline SVG; no other SVG appears.
    expect(elements.filter((e) => e.tag === "svg" && !e.inKatex).map((e) => `svg in #${e.seq}`)).toEqual([]);
    for (const { tag, attributes, seq, inNote } of elements) {
      for (const [name, value] of attributes) {
        const where = `${tag} ${name}="${value}" in #${seq}`;
        expect(name.startsWith("on"), where).toBe(false);
        // (A title is a tooltip: text, shown as text. A formula KaTeX refused quotes itself there.)
        if (name !== "title") expect(/j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:|vbscript:|data:text/i.test(value), where).toBe(false);
        if (name === "href") expect(tag === "a" && /^(https:|http:|mailto:)/.test(value), where).toBe(true);
        if (["src", "srcdoc", "action", "formaction", "xlink:href", "background", "poster"].includes(name)) expect.fail(`${where}: no element of a note loads anything`);
        if (name === "id" || name === "class") expect(value, where).not.toMatch(/pwn/);
        if (name === "style" && inNote) {
          for (const declaration of value.split(";").filter((d) => d.trim())) {
            const [property, ...rest] = declaration.split(":");
            expect(KATEX_STYLE.test(property!.trim()), where).toBe(true);
            expect(rest.join(":"), where).not.toMatch(/url\(|expression|fixed/i);
          }
        }
      }
    }
    // The real links are the https ones (an image is a link to it, never loaded); every other "link"
    // stayed text, for the reader to see, and no link carries more than its address.
    const links = elements.filter((e) => e.tag === "a").map((e) => Object.fromEntries(e.attributes));
    expect(links.map((a) => a.href)).toEqual(["https://evil.test/pixel.png", "https://ok.test/", "https://ok.test/"]);
    for (const link of links) expect(link).toEqual({ href: link.href, target: "_blank", rel: "noopener noreferrer nofollow ugc" });
    expect(await page.locator('math-log [data-seq="1"] [part=note]').innerText()).toBe("<script>pwn('script')</script>");
    expect(await page.locator('math-log [data-seq="5"] [part=note]').innerText()).toBe("[click me](javascript:pwn('link'))");
    expect(await page.locator(`math-log [data-seq="${events.length}"] .who`).innerText()).toBe(`<img src=x onerror="pwn('name')">`);
    // KaTeX's trust escapes are refused: \href and \url render as red commands, \html… as the source.
    expect(await page.locator('math-log [data-seq="19"] [part=note-math] .katex-html').allInnerTexts()).toEqual(["\\href", "\\url"]);
    expect(await page.locator('math-log [data-seq="20"] [part=note-math] [part=fallback]').count()).toBe(4);
    expect(await page.locator('math-log [data-seq="20"] [part=note-math] [part=fallback]').first().getAttribute("title")).toMatch(/HTML extension is disabled/);

    // What a formula draws stays in its box: the huge \rule neither paints nor takes clicks outside it.
    const contained = await page.evaluate(() => {
      const log = document.querySelector("math-log")!.shadowRoot!;
      const article = log.querySelector('[data-seq="23"]')!;
      article.scrollIntoView({ block: "center" });
      const before = log.querySelector('[data-seq="22"] .who')!.getBoundingClientRect();
      const after = log.querySelector('[data-seq="24"] .who')!.getBoundingClientRect();
      const hit = (r: DOMRect) => log.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.className;
      // And no formula of any note (\raisebox, \hspace, \mathrlap, \kern…) sits outside its card.
      const inside = [...log.querySelectorAll("article")].every((card) => {
        const box = card.getBoundingClientRect();
        return [...card.querySelectorAll("math-tex")].every((m) => {
          const f = m.getBoundingClientRect();
          return f.left >= box.left && f.right <= box.right && f.top >= box.top && f.bottom <= box.bottom;
        });
      });
      return { before: hit(before), after: hit(after), inside };
    });
    expect(contained).toEqual({ before: "who", after: "who", inside: true });
    await screenshot(page, "component-notes-xss", true);
    expect(current.errors).toEqual([]);
    await page.context().close();
  });
});
