/**
 * The weight of the component: the first-load module stays within its budget (README, "The web
 * component") and holds nothing of the math renderer, which comes later from lazy/ with its fonts.
 */
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { bundle, FIRST_LOAD_BUDGET, sizes } from "../../scripts/build-web.ts";
import { contentHash } from "../../scripts/katex-assets.ts";
import type { WebFiles } from "../../scripts/build-web.ts";

let files: WebFiles;
beforeAll(async () => {
  files = await bundle();
});

describe("the first load", () => {
  it("is one module within its budget, raw and gzipped", () => {
    const module = files["math-session.js"] as string;
    const raw = Buffer.byteLength(module);
    const gzip = gzipSync(module, { level: 9 }).length;
    console.info(`math-session.js: ${raw} B, ${gzip} B gzipped (budget ${FIRST_LOAD_BUDGET.raw} B, ${FIRST_LOAD_BUDGET.gzip} B)`);
    expect(raw).toBeLessThanOrEqual(FIRST_LOAD_BUDGET.raw);
    expect(gzip).toBeLessThanOrEqual(FIRST_LOAD_BUDGET.gzip);
    // One module: it imports nothing before it runs (what it loads later, it loads by import()).
    expect(module).not.toMatch(/(^|[;}])import\s*[\w{*"']/);
    expect(module).not.toMatch(/export\s*\*\s*from/);
  });

  it("holds none of KaTeX, its stylesheet, or mathjs: they load from lazy/ when first needed", () => {
    const module = files["math-session.js"] as string;
    for (const mark of ["Too many expansions", ".katex .katex-mathml", "KaTeX_Main", "typed-function", "Unexpected end of expression"]) expect(module).not.toContain(mark);
    const lazy = Object.keys(files).filter((path) => path.startsWith("lazy/"));
    const [typesetter, parser] = ["lazy/typesetter.js", "lazy/expression-tex.js"];
    // Asked for with their content's hash, so that a new version is a new URL.
    expect(module).toContain(JSON.stringify(`${typesetter}?v=${contentHash(files[typesetter]!)}`));
    expect(module).toContain(JSON.stringify(`${parser}?v=${contentHash(files[parser]!)}`));
    expect(files[typesetter]).toContain("Too many expansions");
    expect(files[typesetter]).toContain(".katex .katex-mathml");
    expect(files[parser]).toContain("Unexpected end of expression");
    // Every font KaTeX may ask for is there, as woff2, asked for by the renderer with its content's hash.
    const fonts = lazy.filter((path) => path.startsWith("lazy/fonts/"));
    expect(fonts).toHaveLength(20);
    for (const font of fonts) {
      expect(font).toMatch(/^lazy\/fonts\/KaTeX_[\w-]+\.woff2$/);
      expect(files[typesetter]).toContain(`${font.slice("lazy/".length)}?v=${contentHash(files[font]!)}`);
    }
    // The Worker serves them to any origin, and for good: their names change when they do.
    expect(files["_headers"]).toContain("/lazy/*\n  Access-Control-Allow-Origin: *\n  Cache-Control: public, max-age=31536000, immutable");
    console.info(sizes(files).filter((s) => !s.file.includes("/fonts/")).map((s) => `${s.file}: ${s.raw} B, ${s.gzip} B gzipped`).join("\n"));
  });
});
